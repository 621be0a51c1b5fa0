/**
 * Reads a predictions artifact (one row per example) into a cell table and a score histogram. The
 * CSV path works on bytes with fast paths for the common spellings (0/1 labels, plain decimals) and
 * falls back to the text parsers, so every value is validated the same way whichever path it takes.
 */
import { InputError, quote } from '../errors.js'
import type { ArtifactSpec } from '../manifest/types.js'
import type { AucBlocks } from '../metrics/auc.js'
import { CellAccumulator, type CellTable } from './cells.js'
import { CsvParser } from './csv.js'
import { GroupIndex, MISSING } from './groups.js'
import { ScoreHistogram, binOf, type HistogramPart, type ScoreSource } from './scores.js'
import { formatOf, streamFile, streamRows, type TextRow } from './source.js'
import { CsvPredictionRows } from './predictions-csv.js'
import { BinaryDecoder, parseScore, parseWeight } from './values.js'

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
   * Exact AUC and its bootstrap blocks: computed once from the scores by check(), or as stored in an
   * earlier report (which keeps no scores). Computed from scores when absent.
   */
  auc?: { value: number; blocks: AucBlocks | null }
  /** Quantile calibration edges the rows were binned with; null for uniform bins. */
  edges: number[] | null
  rows: number
  sha256: string
}

/** Which file column holds each logical column; undefined when the file has none. */
export interface Layout {
  label: string
  score?: string
  prediction?: string
  weight?: string
  attributes: string[]
}

/** Resolves the column mapping against the file's columns; explicit mappings must exist. */
function layoutOf(spec: ArtifactSpec, attributes: string[], columns: string[], line: number): Layout {
  const has = new Set(columns)
  const col = (name: string, required: boolean, fallback?: string): string | undefined => {
    const mapped = spec.columns[name]
    const column = mapped ?? fallback ?? name
    if (has.has(column)) return column
    if (required || mapped !== undefined) {
      const how = mapped !== undefined ? ` (columns.${name} in the manifest)` : ''
      throw new InputError(`column '${column}'${how} is not in the file; found: ${columns.join(', ')}`, {
        file: spec.display,
        line,
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
    attributes: attributes.map(a => col(a, true)!)
  }
  if (layout.score === undefined && layout.prediction === undefined) {
    throw new InputError(
      `neither a score nor a prediction column is in the file (looked for '${spec.columns.score ?? 'score'}' and '${spec.columns.prediction ?? 'prediction'}'); found: ${columns.join(', ')}`,
      { file: spec.display, line }
    )
  }
  return layout
}

/** Decoded rows -> cell table and score histogram; shared by the CSV and JSONL paths. */
export class PredictionSink {
  readonly indexes: GroupIndex[]
  readonly labels: BinaryDecoder
  readonly predictions: BinaryDecoder
  readonly g: Int32Array
  layout!: Layout
  acc!: CellAccumulator
  hist: ScoreHistogram | null = null
  rows = 0
  /** Readers that keep rows of their own (the WebAssembly fast path): added in before part() or finish(). */
  readonly drains: (() => void)[] = []

  constructor(
    readonly spec: ArtifactSpec,
    readonly options: PredictionOptions
  ) {
    this.indexes = options.attributes.map(a => new GroupIndex(a, spec.display))
    this.labels = new BinaryDecoder(spec.positiveLabel, 'label')
    this.predictions = new BinaryDecoder(spec.positiveLabel, 'prediction')
    this.g = new Int32Array(options.attributes.length)
  }

  start(columns: string[], line: number): void {
    this.layout = layoutOf(this.spec, this.options.attributes, columns, line)
    const hasScore = this.layout.score !== undefined
    const weighted = this.layout.weight !== undefined
    this.acc = new CellAccumulator(
      this.options.attributes,
      hasScore ? this.options.bins : 1,
      hasScore,
      weighted
    )
    this.hist = hasScore ? new ScoreHistogram(weighted) : null
  }

  /** Adds one decoded row; the group ids are in this.g. micros is the score in millionths, or -1. */
  add(y: number, p: number, s: number, micros: number, w: number): void {
    this.rows++
    const acc = this.acc
    const combo = acc.combo(this.g)
    const hist = this.hist
    if (hist !== null) {
      acc.add(combo, y, p, binOf(s, this.options.bins, this.options.edges), w, s)
      if (micros < 0 || !hist.addMicros(micros, y, w)) hist.add(s, y, w)
    } else {
      acc.add(combo, y, p, 0, w, 0)
    }
  }

  /**
   * As add(), for a score given only in millionths (micros / 1e6 is exactly the parsed score; see
   * decimal.ts). The CSV fast path calls this: a fractional score passed to a call V8 does not inline
   * is boxed, one heap allocation per row, where an integer is not.
   */
  addMicros(y: number, p: number, micros: number, w: number): void {
    this.add(y, p, micros / 1e6, micros, w)
  }

  /** What a worker reading one part of the file sends back. */
  part(): { table: CellTable; scores: HistogramPart | null; rows: number } {
    this.drain()
    return {
      table: this.acc.finish(this.indexes.map(i => i.labels)),
      scores: this.hist?.part() ?? null,
      rows: this.rows
    }
  }

  private drain(): void {
    for (const drain of this.drains) drain()
    this.drains.length = 0
  }

  finish(sha256: string): PredictionData {
    this.drain()
    if (this.rows === 0) throw new InputError('the file has no data rows', { file: this.spec.display })
    return {
      table: this.acc.finish(this.indexes.map(i => i.labels)),
      scores: this.hist === null ? null : this.hist.finish(),
      edges: this.options.edges,
      rows: this.rows,
      sha256
    }
  }
}

/** A JSON Lines row: the same decoding through the text parsers. */
function addJsonRow(sink: PredictionSink, row: TextRow): void {
  const l = sink.layout
  const file = sink.spec.display
  const read = (column: string): unknown => {
    if (!row.has(column))
      throw new InputError(`field '${column}' is missing`, { file, line: row.line, path: column })
    return row.get(column)
  }
  const text = (column: string, what: string): string => {
    const v = read(column)
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v)
    throw new InputError(`${what} ${quote(v)} has the wrong type; expected a number or a string`, {
      file,
      line: row.line,
      path: column
    })
  }
  const where = (path: string) => ({ file, line: row.line, path })
  const y = sink.labels.decode(text(l.label, 'label'), where(l.label))
  const s = l.score !== undefined ? parseScore(text(l.score, 'score'), where(l.score)) : 0
  const w = l.weight !== undefined ? parseWeight(text(l.weight, 'weight'), where(l.weight)) : 1
  const p =
    l.prediction !== undefined
      ? sink.predictions.decode(text(l.prediction, 'prediction'), where(l.prediction))
      : s >= sink.spec.threshold
        ? 1
        : 0
  l.attributes.forEach((column, a) => {
    const v = read(column)
    sink.g[a] = sink.indexes[a].idOfText(v === null || v === '' ? MISSING : String(v), row.line)
  })
  sink.add(y, p, s, -1, w)
}

export async function readPredictions(
  spec: ArtifactSpec,
  options: PredictionOptions
): Promise<PredictionData> {
  const sink = new PredictionSink(spec, options)
  if (formatOf(spec.path) !== 'csv') {
    const result = await streamRows(
      spec.absPath,
      spec.display,
      (columns, line) => sink.start(columns, line),
      row => addJsonRow(sink, row)
    )
    return sink.finish(result.sha256)
  }
  const rows = new CsvPredictionRows(sink)
  const parser = new CsvParser(spec.display, row => rows.checkedRow(row), rows)
  const sha256 = await streamFile(spec.absPath, spec.display, chunk => parser.feed(chunk))
  parser.end()
  if (!rows.started)
    throw new InputError('the file is empty; expected a header and data rows', { file: spec.display })
  return sink.finish(sha256)
}
