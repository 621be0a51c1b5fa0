/**
 * Reads a predictions artifact (one row per example) into a cell table and a score histogram, through
 * a reader per format: CSV bytes through the WebAssembly fast path and the checked parser, Parquet
 * column by column, JSON Lines (and recorded Parquet files) row by row. Every value is validated by
 * the same rules (decode/values.ts) whichever path it takes.
 */
import { InputError, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import type { AucBlocks } from '../../metrics/auc.js'
import type { CaseRecord } from '../../tables/cases.js'
import type { CellTable } from '../../tables/cells.js'
import { CsvParser } from '../formats/csv.js'
import type { ScoreSource } from '../../tables/scores.js'
import { streamFile, type ReadProgress } from '../formats/bytes.js'
import { formatOf, streamRows, unknownFormat, type Format, type Row } from '../formats/source.js'
import { CsvPredictionRows } from '../fast/predictions-csv.js'
import { PredictionSink, type Positions } from './prediction-sink.js'
import { ParquetFile, hashedAlongside } from '../formats/parquet.js'
import { readParquetGroups } from '../fast/predictions-parquet.js'
import { groupValue, predictAt, scoreValue, weightValue, type Value } from '../decode/values.js'

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
   * Exact AUC and its bootstrap blocks as stored in an earlier report, which keeps no scores, or as the
   * two-part reader computed it on two threads; else predictionAuc (metrics/auc.ts) computes it from
   * the scores once.
   */
  auc?: { value: number; blocks: AucBlocks | null }
  /** Quantile calibration edges the rows were binned with; null for uniform bins. */
  edges: number[] | null
  /**
   * From a stats table: how far overall metrics computed from score bins can be from the scores' own
   * (the AUC, with scores tied within a bin; the ECE on quantile bins), by metric id.
   */
  bounds?: Record<string, number>
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

/**
 * Rows of a format that holds typed values (JSON Lines, Parquet): each field through the row rules of
 * values.ts, straight from its value.
 */
class ValueRows {
  private columns: string[] = []
  /** The columns' positions (the sink's, once the header is known). */
  private at!: Positions
  private readonly g: Int32Array

  constructor(private readonly sink: PredictionSink) {
    this.g = new Int32Array(sink.options.attributes.length)
  }

  header(columns: string[], where: Where): void {
    this.sink.start(columns, where)
    this.at = this.sink.positions
    this.columns = columns
  }

  /** The fields read, for a columnar format. */
  needed(): number[] {
    const all = [
      this.at.label,
      this.at.score,
      this.at.prediction,
      this.at.weight,
      ...this.at.attrs,
      this.at.id
    ]
    return [...new Set([...all, this.at.championPrediction, this.at.championScore].filter(k => k >= 0))]
  }

  row(row: Row): void {
    const sink = this.sink
    const y = sink.labels.value(row.at(this.at.label), row.where(this.at.label))
    const s = this.at.score >= 0 ? scoreValue(row.at(this.at.score), row.where(this.at.score)) : 0
    const w = this.at.weight >= 0 ? weightValue(row.at(this.at.weight), row.where(this.at.weight)) : 1
    const p =
      this.at.prediction >= 0
        ? sink.predictions.value(row.at(this.at.prediction), row.where(this.at.prediction))
        : predictAt(s, sink.spec.threshold)
    const attrs = this.at.attrs
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
    const [cp, cs] = sink.champion(value(this.at.championPrediction), value(this.at.championScore), column =>
      row.where(this.columns.indexOf(column))
    )
    sink.addRecorded(this.g, y, p, s, -1, w, value(this.at.id), row.line, cp, cs)
  }
}

/** Reads a CSV file: bytes through the fast paths, and the checked parser for the rest. */
async function readCsv(spec: ArtifactSpec, sink: PredictionSink, progress?: ReadProgress): Promise<string> {
  const rows = new CsvPredictionRows(sink)
  const parser = new CsvParser(spec.display, row => rows.checkedRow(row), rows)
  const sha256 = await streamFile(spec.absPath, spec.display, chunk => parser.feed(chunk), progress)
  parser.end()
  if (!rows.started)
    throw new InputError('the file is empty; expected a header and data rows', { file: spec.display })
  return sha256
}

/** Reads any format row by row (source.ts), typed values through the row rules. */
async function readValues(
  spec: ArtifactSpec,
  sink: PredictionSink,
  progress?: ReadProgress
): Promise<string> {
  const rows = new ValueRows(sink)
  const result = await streamRows(
    spec.absPath,
    spec.display,
    (columns, where) => rows.header(columns, where),
    row => rows.row(row),
    () => rows.needed(),
    progress
  )
  return result.sha256
}

/** Reads a Parquet file column by column (predictions-parquet.ts), or row by row while recording. */
async function readParquet(
  spec: ArtifactSpec,
  sink: PredictionSink,
  progress?: ReadProgress
): Promise<string> {
  const file = await ParquetFile.open(spec.absPath, spec.display)
  const rows = new ValueRows(sink)
  rows.header(file.columns, { file: spec.display })
  return hashedAlongside(
    spec.absPath,
    spec.display,
    done =>
      sink.recording
        ? file.rows(rows.needed(), row => rows.row(row), done)
        : readParquetGroups(file, sink, 0, file.groups.length, done),
    progress
  )
}

/** How each format's predictions are read into the sink; each resolves to the file's sha256. */
const READERS: Record<
  Format,
  (spec: ArtifactSpec, sink: PredictionSink, progress?: ReadProgress) => Promise<string>
> = {
  csv: readCsv,
  jsonl: readValues,
  parquet: readParquet
}

export async function readPredictions(
  spec: ArtifactSpec,
  options: PredictionOptions,
  progress?: ReadProgress
): Promise<PredictionData> {
  const format = formatOf(spec.path)
  if (format === undefined) throw unknownFormat(spec.display)
  const sink = new PredictionSink(spec, options)
  return sink.finish(await READERS[format](spec, sink, progress))
}
