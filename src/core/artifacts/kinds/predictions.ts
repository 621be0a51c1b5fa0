/**
 * Reads a predictions artifact (one row per example) into a cell table and a score histogram. The
 * CSV path works on bytes with fast paths for the common spellings (0/1 labels, plain decimals) and
 * falls back to the text parsers, so every value is validated the same way whichever path it takes.
 */
import { InputError, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import type { AucBlocks } from '../../metrics/auc.js'
import { CaseRecorder, type CaseRecord } from '../../tables/cases.js'
import { CellAccumulator, type CellTable } from '../../tables/cells.js'
import { CsvParser } from '../formats/csv.js'
import { GroupIndex } from '../decode/groups.js'
import { ScoreHistogram, binOf, type HistogramPart, type ScoreSource } from '../../tables/scores.js'
import { streamFile } from '../formats/bytes.js'
import { formatOf, streamRows, unknownFormat, type Format, type Row } from '../formats/source.js'
import { CsvPredictionRows } from '../fast/predictions-csv.js'
import { ParquetFile, hashedAlongside } from '../formats/parquet.js'
import { readParquetGroups } from '../fast/predictions-parquet.js'
import {
  BinaryDecoder,
  groupValue,
  predictAt,
  scoreValue,
  weightValue,
  type Value
} from '../decode/values.js'

export interface PredictionOptions {
  attributes: string[]
  bins: number
  /** Interior quantile edges, or null for uniform bins. */
  edges: number[] | null
}

export interface PredictionData {
  table: CellTable
  /** Null when there is no score column. */
  scores: ScoreSource | null
  /**
   * Exact AUC and its bootstrap blocks as stored in an earlier report, which keeps no scores; for a
   * file read now, predictionAuc (metrics/auc.ts) computes it from the scores once.
   */
  auc?: { value: number; blocks: AucBlocks | null }
  /** Quantile calibration edges the rows were binned with; null for uniform bins. */
  edges: number[] | null
  rows: number
  sha256: string
  /** Each row as a paired comparison needs it, when the file has ids or champion columns. */
  record?: PredictionRecord | null
  /** Why no row record was kept. */
  recordMissing?: string
}

/**
 * The rows of a predictions file one by one (metrics/paired-predictions.ts): cases.cells[i] is row
 * i's combination of groups and cases.codes[i] its predictionCode. Keys are hashed ids (byId) or, with
 * only champion/challenger columns, row positions (never kept in a report).
 */
export interface PredictionRecord {
  cases: CaseRecord
  byId: boolean
  /** The exact scores (the codes hold them in millionths); null without scores or from a report. */
  scores: Float64Array | null
  /** Row weights; null when unweighted. */
  weights: Float64Array | null
  /** The baseline model on the same rows, from the file's baselinePrediction/baselineScore columns. */
  champion: { codes: Uint32Array; scores: Float64Array | null } | null
}

/** A row's label, prediction and score in millionths (0 without a score), in one word. */
export const predictionCode = (y: number, p: number, micros: number): number =>
  y * 2_097_152 + p * 1_048_576 + micros
export const codeLabel = (code: number): number => code >>> 21
export const codePrediction = (code: number): number => (code >>> 20) & 1
export const codeMicros = (code: number): number => code & 0xfffff
/** The largest valid code. */
export const MAX_PREDICTION_CODE = predictionCode(1, 1, 1_000_000)

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
  const has = new Set(columns)
  const col = (name: string, required: boolean, fallback?: string): string | undefined => {
    const mapped = spec.columns[name]
    const column = mapped ?? fallback ?? name
    if (has.has(column)) return column
    if (required || mapped !== undefined) {
      const how = mapped !== undefined ? ` (columns.${name} in the manifest)` : ''
      throw new InputError(`column '${column}'${how} is not in the file; found: ${columns.join(', ')}`, {
        ...where,
        path: name
      })
    }
    return undefined
  }
  const layout: Layout = {
    label: col('label', true)!,
    score: col('score', false),
    prediction: col('prediction', false),
    weight: spec.columns.weight !== undefined ? col('weight', true) : undefined,
    attributes: attributes.map(a => col(a, true)!),
    // Mapped explicitly: rows with ids are recorded one by one on the checked path (see readPredictions).
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

/** Decoded rows -> cell table and score histogram; every format's reader adds its rows here. */
export class PredictionSink {
  readonly indexes: GroupIndex[]
  readonly labels: BinaryDecoder
  readonly predictions: BinaryDecoder
  readonly championPredictions: BinaryDecoder
  layout!: Layout
  acc!: CellAccumulator
  hist: ScoreHistogram | null = null
  rows = 0
  /** Set while rows are recorded one by one (the file has ids or champion columns). */
  recorder: CaseRecorder | null = null

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
    this.layout = layoutOf(this.spec, this.options.attributes, columns, where)
    const hasScore = this.layout.score !== undefined
    const weighted = this.layout.weight !== undefined
    this.acc = new CellAccumulator(
      this.options.attributes,
      hasScore ? this.options.bins : 1,
      hasScore,
      weighted
    )
    this.hist = hasScore ? new ScoreHistogram(weighted, this.spec.display) : null
    const l = this.layout
    if (l.id !== undefined || l.baselinePrediction !== undefined || l.baselineScore !== undefined)
      this.recorder = new CaseRecorder(4)
  }

  /** Whether rows are still being recorded (readers that skip fields must then leave rows to the checked path). */
  get recording(): boolean {
    return this.recorder !== null && !this.recorder.dropped
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
    const r = this.recorder!
    const hasScore = this.hist !== null
    const code = predictionCode(y, p, hasScore ? (micros >= 0 ? micros : Math.round(s * 1e6)) : 0)
    const kept = this.layout.id !== undefined ? r.add([], id, combo, code, line) : r.addRow(combo, code, line)
    if (kept === 'dropped') return
    const champion = cp < 0 ? NaN : predictionCode(y, cp, cs === cs ? Math.round(cs * 1e6) : 0)
    r.extra([hasScore ? s : NaN, w, champion, cs])
  }

  /**
   * Adds one decoded row: its group ids g (one per attribute), label, prediction, score, the score in
   * millionths (or -1) and weight. Returns the row's combination of groups.
   */
  add(g: Int32Array, y: number, p: number, s: number, micros: number, w: number): number {
    this.rows++
    const acc = this.acc
    const combo = acc.combo(g)
    const hist = this.hist
    if (hist !== null) {
      acc.add(combo, y, p, binOf(s, this.options.bins, this.options.edges), w, s)
      if (micros >= 0) hist.addMicros(micros, y, w)
      else hist.add(s, y, w)
    } else {
      acc.add(combo, y, p, 0, w, 0)
    }
    return combo
  }

  /**
   * As add(), for a score given only in millionths (micros / 1e6 is exactly the parsed score; see
   * decimal.ts). The CSV fast path calls this: a fractional score passed to a call V8 does not inline
   * is boxed, one heap allocation per row, where an integer is not.
   */
  addMicros(g: Int32Array, y: number, p: number, micros: number, w: number): void {
    this.add(g, y, p, micros / 1e6, micros, w)
  }

  /**
   * Adds rows that a fast reader summed apart (the WebAssembly one): their count and their cell
   * numbers in the accumulator's layout (CellAccumulator.addNumbers).
   */
  merge(sums: { rows: number; numbers: Float64Array }): void {
    this.rows += sums.rows
    this.acc.addNumbers(sums.numbers)
  }

  /** What a worker reading one part of the file sends back. */
  part(): { table: CellTable; scores: HistogramPart | null; rows: number } {
    return {
      table: this.acc.finish(this.indexes.map(i => i.labels)),
      scores: this.hist?.part() ?? null,
      rows: this.rows
    }
  }

  finish(sha256: string): PredictionData {
    if (this.rows === 0) throw new InputError('the file has no data rows', { file: this.spec.display })
    return {
      table: this.acc.finish(this.indexes.map(i => i.labels)),
      scores: this.hist === null ? null : this.hist.finish(),
      edges: this.options.edges,
      rows: this.rows,
      sha256,
      ...this.finishRecord()
    }
  }

  private finishRecord(): Pick<PredictionData, 'record' | 'recordMissing'> {
    if (this.recorder === null) return {}
    const { cases, casesMissing, extras } = this.recorder.finish()
    if (cases === null) return { record: null, recordMissing: casesMissing }
    const [scores, weights, championCodes, championScores] = extras!
    const l = this.layout
    const hasChampion = l.baselinePrediction !== undefined || l.baselineScore !== undefined
    return {
      record: {
        cases,
        byId: l.id !== undefined,
        scores: this.hist !== null ? scores : null,
        weights: l.weight !== undefined ? weights : null,
        champion: hasChampion
          ? {
              codes: Uint32Array.from(championCodes),
              scores: l.baselineScore !== undefined ? championScores : null
            }
          : null
      }
    }
  }
}

/**
 * Rows of a format that holds typed values (JSON Lines, Parquet): each field through the row rules of
 * values.ts, straight from its value.
 */
class ValueRows {
  private label = -1
  private score = -1
  private prediction = -1
  private weight = -1
  private attrs: number[] = []
  private id = -1
  private championPrediction = -1
  private championScore = -1
  private columns: string[] = []
  private readonly g: Int32Array

  constructor(private readonly sink: PredictionSink) {
    this.g = new Int32Array(sink.options.attributes.length)
  }

  header(columns: string[], where: Where): void {
    this.sink.start(columns, where)
    const l = this.sink.layout
    const at = (c: string | undefined): number => (c === undefined ? -1 : columns.indexOf(c))
    this.label = at(l.label)
    this.score = at(l.score)
    this.prediction = at(l.prediction)
    this.weight = at(l.weight)
    this.attrs = l.attributes.map(at)
    this.id = at(l.id)
    this.championPrediction = at(l.baselinePrediction)
    this.championScore = at(l.baselineScore)
    this.columns = columns
  }

  /** The fields read, for a columnar format. */
  needed(): number[] {
    const all = [this.label, this.score, this.prediction, this.weight, ...this.attrs, this.id]
    return [...new Set([...all, this.championPrediction, this.championScore].filter(k => k >= 0))]
  }

  row(row: Row): void {
    const sink = this.sink
    const y = sink.labels.value(row.at(this.label), row.where(this.label))
    const s = this.score >= 0 ? scoreValue(row.at(this.score), row.where(this.score)) : 0
    const w = this.weight >= 0 ? weightValue(row.at(this.weight), row.where(this.weight)) : 1
    const p =
      this.prediction >= 0
        ? sink.predictions.value(row.at(this.prediction), row.where(this.prediction))
        : predictAt(s, sink.spec.threshold)
    const attrs = this.attrs
    for (let a = 0; a < attrs.length; a++) {
      const v = row.at(attrs[a])
      // A JSON object without the key is an error; a null is the group (missing).
      if (v === undefined)
        throw new InputError(`field '${this.columns[attrs[a]]}' is missing`, row.where(attrs[a]))
      this.g[a] = sink.indexes[a].idOfText(groupValue(v), row.line)
    }
    if (!sink.recording) {
      sink.add(this.g, y, p, s, -1, w)
      return
    }
    const value = (k: number): Value => (k < 0 ? undefined : row.at(k))
    const [cp, cs] = sink.champion(value(this.championPrediction), value(this.championScore), column =>
      row.where(this.columns.indexOf(column))
    )
    sink.addRecorded(this.g, y, p, s, -1, w, value(this.id), row.line, cp, cs)
  }
}

/** Reads a CSV file: bytes through the fast paths, and the checked parser for the rest. */
async function readCsv(spec: ArtifactSpec, sink: PredictionSink): Promise<string> {
  const rows = new CsvPredictionRows(sink)
  const parser = new CsvParser(spec.display, row => rows.checkedRow(row), rows)
  const sha256 = await streamFile(spec.absPath, spec.display, chunk => parser.feed(chunk))
  parser.end()
  if (!rows.started)
    throw new InputError('the file is empty; expected a header and data rows', { file: spec.display })
  rows.end()
  return sha256
}

/** Reads any format row by row (source.ts), typed values through the row rules. */
async function readValues(spec: ArtifactSpec, sink: PredictionSink): Promise<string> {
  const rows = new ValueRows(sink)
  const result = await streamRows(
    spec.absPath,
    spec.display,
    (columns, where) => rows.header(columns, where),
    row => rows.row(row),
    () => rows.needed()
  )
  return result.sha256
}

/** Reads a Parquet file column by column (predictions-parquet.ts), or row by row while recording. */
async function readParquet(spec: ArtifactSpec, sink: PredictionSink): Promise<string> {
  const file = await ParquetFile.open(spec.absPath, spec.display)
  const rows = new ValueRows(sink)
  rows.header(file.columns, { file: spec.display })
  return hashedAlongside(spec.absPath, spec.display, () =>
    sink.recording ? file.rows(rows.needed(), row => rows.row(row)) : readParquetGroups(file, sink)
  )
}

/** How each format's predictions are read into the sink; each resolves to the file's sha256. */
const READERS: Record<Format, (spec: ArtifactSpec, sink: PredictionSink) => Promise<string>> = {
  csv: readCsv,
  jsonl: readValues,
  parquet: readParquet
}

export async function readPredictions(
  spec: ArtifactSpec,
  options: PredictionOptions
): Promise<PredictionData> {
  const format = formatOf(spec.path)
  if (format === undefined) throw unknownFormat(spec.display)
  const sink = new PredictionSink(spec, options)
  return sink.finish(await READERS[format](spec, sink))
}
