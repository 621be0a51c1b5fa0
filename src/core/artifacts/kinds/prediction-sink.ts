/**
 * The prediction sink: decoded rows of a predictions file, whatever its format, into the cell table,
 * the score histogram and (with ids or champion columns) the row record. The column layout is
 * resolved here, once, from the file's header and the manifest's mapping.
 */
import { InputError, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { findColumn } from '../formats/source.js'
import { RowRecord, type RecordPart } from '../../tables/row-record.js'
import { CellAccumulator, type CellTable } from '../../tables/cells.js'
import { ScoreHistogram, type HistogramPart } from '../../tables/scores.js'
import { WasmCells } from '../fast/rows-wasm.js'
import { GroupIndex } from '../decode/groups.js'
import { BinaryDecoder, predictAt, scoreValue, type Value } from '../decode/values.js'
import { predictionCode, type PredictionData, type PredictionOptions } from './prediction-data.js'

/** Which file column holds each logical column; undefined when the file has none. */
export interface Layout {
  label: string
  score?: string
  prediction?: string
  weight?: string
  attributes: string[]
  /** The row's id, which pairs it with the baseline's row of the same id. */
  id?: string
  /** The baseline model's prediction and score on the same row (champion/challenger). */
  baselinePrediction?: string
  baselineScore?: string
}

/** Resolves the column mapping against the file's columns; explicit mappings must exist. */
function layoutOf(spec: ArtifactSpec, attributes: string[], columns: string[], where: Where): Layout {
  const col = (name: string, required: boolean): string | undefined =>
    findColumn(spec, columns, where, name, required)
  const layout: Layout = {
    label: col('label', true)!,
    score: col('score', false),
    prediction: col('prediction', false),
    weight: spec.columns.weight !== undefined ? col('weight', true) : undefined,
    attributes: attributes.map(a => col(a, true)!),
    // Mapped explicitly: a file whose rows have ids keeps a row record (tables/row-record.ts).
    id: spec.columns.id !== undefined ? col('id', true) : undefined,
    baselinePrediction: col('baselinePrediction', false),
    baselineScore: col('baselineScore', false)
  }
  if (layout.score === undefined && layout.prediction === undefined) {
    throw new InputError(
      `neither a score nor a prediction column is in the file (looked for '${spec.columns.score ?? 'score'}' and '${spec.columns.prediction ?? 'prediction'}'); found: ${columns.join(', ')}`,
      where
    )
  }
  return layout
}

/** Where each logical column is among the file's columns: its index, or -1 when the file has none. */
export interface Positions {
  label: number
  score: number
  prediction: number
  weight: number
  attrs: number[]
  id: number
  championPrediction: number
  championScore: number
}

/** Decoded rows -> cell table and score histogram; every format's reader adds its rows here. */
export class PredictionSink {
  readonly indexes: GroupIndex[]
  readonly labels: BinaryDecoder
  readonly predictions: BinaryDecoder
  readonly championPredictions: BinaryDecoder
  layout!: Layout
  /** The layout's columns by position in the header, for readers that index fields. */
  positions!: Positions
  acc!: CellAccumulator
  hist: ScoreHistogram | null = null
  private sums: WasmCells | null = null
  /** Whether the file's rows are recorded (it has ids or champion columns). */
  private records = false
  private rowRecord: RowRecord | null = null

  constructor(
    readonly spec: ArtifactSpec,
    readonly options: PredictionOptions
  ) {
    this.indexes = options.attributes.map(a => new GroupIndex(a, spec.display))
    this.labels = new BinaryDecoder(spec.positiveLabel, 'label')
    this.predictions = new BinaryDecoder(spec.positiveLabel, 'prediction')
    this.championPredictions = new BinaryDecoder(spec.positiveLabel, 'baselinePrediction')
  }

  start(columns: string[], where: Where): void {
    const l = (this.layout = layoutOf(this.spec, this.options.attributes, columns, where))
    const at = (c: string | undefined): number => (c === undefined ? -1 : columns.indexOf(c))
    this.positions = {
      label: at(l.label),
      score: at(l.score),
      prediction: at(l.prediction),
      weight: at(l.weight),
      attrs: l.attributes.map(at),
      id: at(l.id),
      championPrediction: at(l.baselinePrediction),
      championScore: at(l.baselineScore)
    }
    const hasScore = this.layout.score !== undefined
    const weighted = this.layout.weight !== undefined
    this.acc = new CellAccumulator(
      this.options.attributes,
      hasScore ? this.options.bins : 1,
      hasScore,
      weighted
    )
    this.hist = hasScore ? new ScoreHistogram(weighted, this.spec.display) : null
    this.records = l.id !== undefined || l.baselinePrediction !== undefined || l.baselineScore !== undefined
  }

  /** Whether the file has champion columns (its rows are then recorded by position, on the checked path). */
  get hasChampion(): boolean {
    return this.layout.baselinePrediction !== undefined || this.layout.baselineScore !== undefined
  }

  /** Whether rows are still being recorded. */
  get recording(): boolean {
    return this.records && !(this.rowRecord?.dropped ?? false)
  }

  /** The row record, in the cell sums' memory (made with them). */
  get record(): RowRecord {
    return (this.rowRecord ??= new RowRecord(this.cells.heap, {
      scores: this.hist !== null,
      weights: this.layout.weight !== undefined,
      champion: this.hasChampion
    }))
  }

  /**
   * The champion's prediction and score on a row, from its fields' values (ignored where the file has
   * no such column): -1 and NaN when absent; the prediction follows the score at the threshold when
   * only the score is given.
   */
  champion(prediction: Value, score: Value, where: (column: string) => Where): [number, number] {
    const l = this.layout
    const cs = l.baselineScore === undefined ? NaN : scoreValue(score, where(l.baselineScore))
    const cp =
      l.baselinePrediction !== undefined
        ? this.championPredictions.value(prediction, where(l.baselinePrediction))
        : cs === cs
          ? predictAt(cs, this.spec.threshold)
          : -1
    return [cp, cs]
  }

  /**
   * As add(), keeping the row in the record: its id (undefined: none), and the champion's prediction
   * and score (-1 and NaN when the file has none).
   */
  addRecorded(
    g: Int32Array,
    y: number,
    p: number,
    s: number,
    micros: number,
    w: number,
    id: unknown,
    line: number,
    cp: number,
    cs: number
  ): void {
    const combo = this.add(g, y, p, s, micros, w)
    const hasScore = this.hist !== null
    const row = {
      cell: combo,
      code: predictionCode(y, p, hasScore ? (micros >= 0 ? micros : Math.round(s * 1e6)) : 0),
      line,
      score: hasScore ? s : NaN,
      weight: w,
      championCode: cp < 0 ? 0 : predictionCode(y, cp, cs === cs ? Math.round(cs * 1e6) : 0),
      championScore: cs
    }
    if (this.layout.id !== undefined) this.record.add(id, row)
    else this.record.addPosition(row)
  }

  /**
   * Adds one decoded row: its group ids g (one per attribute), label, prediction, score, the score in
   * millionths (or -1) and weight. Returns the row's combination of groups.
   */
  add(g: Int32Array, y: number, p: number, s: number, micros: number, w: number): number {
    const combo = this.acc.combo(g)
    this.cells.addRow(combo, y, p, this.hist === null ? 0 : s, micros, w)
    return combo
  }

  /**
   * The sums every row is added to (fast/rows-wasm.ts), made with the first row: a sink that only
   * checks a header (the two-part reader's) needs no WebAssembly memory.
   */
  get cells(): WasmCells {
    return (this.sums ??= new WasmCells(this.acc, this.hist, this.options.edges, this.spec.threshold))
  }

  /** Rows added so far, by every path. */
  get rows(): number {
    return this.sums?.rows ?? 0
  }

  /** The table: the combinations and groups met, with the cell sums of every row. */
  private table(): CellTable {
    this.acc.addNumbers(this.cells.sums())
    return this.acc.finish(this.indexes.map(i => i.labels))
  }

  /** What a part of the file read on another thread sends back (with its record, a copy). */
  part(withRecord = true): {
    table: CellTable
    scores: HistogramPart | null
    rows: number
    record: RecordPart | null
  } {
    return {
      table: this.table(),
      scores: this.hist?.part() ?? null,
      rows: this.rows,
      record: withRecord && this.records ? this.record.part() : null
    }
  }

  finish(sha256: string): PredictionData {
    if (this.rows === 0) throw new InputError('the file has no data rows', { file: this.spec.display })
    return {
      table: this.table(),
      scores: this.hist === null ? null : this.hist.finish(),
      edges: this.options.edges,
      rows: this.rows,
      sha256,
      ...this.recordData()
    }
  }

  /** The row record as PredictionData holds it (nothing when the file's rows are not recorded). */
  recordData(): Pick<PredictionData, 'record' | 'recordMissing'> {
    if (!this.records) return {}
    const r = this.record.finish()
    if (r === null) return { record: null, recordMissing: this.record.reason }
    const l = this.layout
    return {
      record: {
        cases: r.cases,
        byId: l.id !== undefined,
        scores: r.scores,
        weights: r.weights,
        champion: this.hasChampion
          ? { codes: r.championCodes!, scores: l.baselineScore !== undefined ? r.championScores : null }
          : null
      }
    }
  }
}
