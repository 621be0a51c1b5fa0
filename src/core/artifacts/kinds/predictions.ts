/**
 * Reads a predictions artifact (one row per example) into a cell table and a score histogram, through
 * a reader per format: CSV bytes through the WebAssembly fast path and the checked parser, Parquet
 * column by column, JSON Lines (and recorded Parquet files) row by row. Every value is validated by
 * the same rules (decode/values.ts) whichever path it takes.
 */
import { InputError, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { CsvParser } from '../formats/csv.js'
import { streamFile, type ReadProgress } from '../formats/bytes.js'
import { formatOf, streamRows, unknownFormat, type Format, type Row } from '../formats/source.js'
import { CsvPredictionRows } from '../fast/predictions-csv.js'
import { PredictionSink, type Positions } from './prediction-sink.js'
import { ParquetFile, hashedAlongside } from '../formats/parquet.js'
import { readParquetGroups } from '../fast/predictions-parquet.js'
import { groupValue, idValue, predictAt, scoreValue, weightValue, type Value } from '../decode/values.js'

import type { PredictionData, PredictionOptions } from './prediction-data.js'

export {
  codeLabel,
  codeMicros,
  codePrediction,
  MAX_PREDICTION_CODE,
  predictionCode,
  type PredictionData,
  type PredictionOptions,
  type PredictionRecord
} from './prediction-data.js'

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
      this.g[a] = sink.indexes[a].idOfText(groupValue(v, row.where(attrs[a])), row.line)
    }
    if (!sink.recording) {
      sink.add(this.g, y, p, s, -1, w)
      return
    }
    const value = (k: number): Value => (k < 0 ? undefined : row.at(k))
    const [cp, cs] = sink.champion(value(this.at.championPrediction), value(this.at.championScore), column =>
      row.where(this.columns.indexOf(column))
    )
    const id = this.at.id < 0 ? undefined : idValue(row.at(this.at.id), row.where(this.at.id))
    sink.addRecorded(this.g, y, p, s, -1, w, id, row.line, cp, cs)
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

/**
 * Reads a Parquet file column by column (predictions-parquet.ts), or row by row when its rows are
 * recorded by position (champion columns).
 */
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
      sink.hasChampion
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
