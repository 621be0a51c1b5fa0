/**
 * A predictions Parquet file, column by column: each row group's label, score, prediction, weight and
 * attribute columns are decoded through the row rules of values.ts into typed arrays, a dictionary-
 * encoded column one distinct value at a time; the rows then go to the sink's WebAssembly cells in one
 * call per row group. Files
 * whose rows are recorded one by one (ids, champion columns) are read row by row instead (ValueRows).
 */
import type { Where } from '../../errors.js'
import type { ColumnChunk, ParquetFile } from '../formats/parquet.js'
import type { PredictionSink } from '../kinds/prediction-sink.js'
import { groupValue, predictAt, scoreValue, weightValue, type Value } from '../decode/values.js'

/** A column's role: its chunk's values to one number per row (throwing on a bad value). */
type Rule = (value: Value, where: Where) => number

/** Decodes a chunk through `rule` into out; a dictionary's entries once each, in order of first use. */
function decodeColumn(
  chunk: ColumnChunk,
  out: Float64Array | Int32Array | Uint8Array,
  rule: Rule,
  where: (i: number) => Where,
  /** Whether a typed value passes the rule unchanged (numbers in range): checked in a plain loop. */
  plain?: (v: number) => boolean
): void {
  const n = out.length
  const values = chunk.values
  if (chunk.dictionary !== null) {
    const dictionary = chunk.dictionary
    const decoded = new Float64Array(dictionary.length + 1).fill(NaN)
    let missing = NaN
    for (let i = 0; i < n; i++) {
      const k = values[i] as number
      let x = k < 0 ? missing : decoded[k]
      if (x !== x) {
        x = rule(k < 0 ? null : dictionary[k], where(i))
        if (k < 0) missing = x
        else decoded[k] = x
      }
      out[i] = x
    }
    return
  }
  if (plain !== undefined && (values instanceof Float64Array || values instanceof Int32Array)) {
    for (let i = 0; i < n; i++) {
      const v = values[i]
      out[i] = plain(v) ? v : rule(v, where(i))
    }
    return
  }
  if (plain !== undefined && values instanceof BigInt64Array) {
    // 64-bit integers (pandas' int64 labels): a value whose high word is 0 is its low word, read as
    // 32-bit words (a bigint per row cost a third of the time of decoding the columns).
    const words = new Int32Array(values.buffer, values.byteOffset, 2 * n)
    for (let i = 0; i < n; i++) {
      const v = words[2 * i]
      out[i] = words[2 * i + 1] === 0 && v >= 0 && plain(v) ? v : rule(values[i], where(i))
    }
    return
  }
  for (let i = 0; i < n; i++) out[i] = rule(values[i], where(i))
}

const isProbability = (v: number) => v >= 0 && v <= 1
const isWeight = (v: number) => v >= 0 && v < Infinity

/**
 * Reads row groups [from, to) of the file into the sink (started with the file's columns). A row
 * group's columns are decoded one after the other, so of two bad values in one row group the one
 * reported is the first of the first column (label, score, prediction, weight, attributes) that has one.
 */
export async function readParquetGroups(
  file: ParquetFile,
  sink: PredictionSink,
  from = 0,
  to = file.groups.length
): Promise<void> {
  const columns = file.columns
  const { label, score, prediction, weight, attrs } = sink.positions
  const use = [label, score, prediction, weight, ...attrs].filter(k => k >= 0)
  const ks = [...new Set(use)]
  file.requireFlat(ks)
  const threshold = sink.spec.threshold
  // 0 and 1 read as themselves: checked in a plain loop.
  const numericLabels = sink.labels.numeric && sink.labels.positive === '1'
  const g = new Int32Array(attrs.length)
  let first = 1
  for (let k = 0; k < from; k++) first += file.groups[k]
  for (let group = from; group < to; group++) {
    const rows = file.groups[group]
    const chunks = await file.read(group, ks)
    const chunk = (k: number) => chunks[ks.indexOf(k)]
    const where = (k: number) => (i: number) => ({
      file: file.display,
      row: first + i,
      rowGroup: group,
      path: columns[k]
    })
    const binary = (k: number, rule: PredictionSink['labels']) => {
      const out = new Uint8Array(rows)
      const plain = numericLabels ? (v: number) => v === 0 || v === 1 : undefined
      decodeColumn(chunk(k), out, (v, w) => rule.value(v, w), where(k), plain)
      return out
    }
    const y = binary(label, sink.labels)
    let s: Float64Array | null = null
    if (score >= 0) {
      s = new Float64Array(rows)
      decodeColumn(chunk(score), s, scoreValue, where(score), isProbability)
    }
    const p = prediction >= 0 ? binary(prediction, sink.predictions) : null
    let w: Float64Array | null = null
    if (weight >= 0) {
      w = new Float64Array(rows)
      decodeColumn(chunk(weight), w, weightValue, where(weight), isWeight)
    }
    const ids = attrs.map((k, a) => {
      const out = new Int32Array(rows)
      const index = sink.indexes[a]
      decodeColumn(chunk(k), out, (v, at) => index.idOfText(groupValue(v), at), where(k))
      return out
    })
    const combos = new Int32Array(rows)
    for (let i = 0; i < rows; i++) {
      for (let a = 0; a < ids.length; a++) g[a] = ids[a][i]
      combos[i] = sink.acc.combo(g)
    }
    let predictions = p
    if (predictions === null) {
      predictions = new Uint8Array(rows)
      if (s !== null) for (let i = 0; i < rows; i++) predictions[i] = predictAt(s[i], threshold)
    }
    sink.cells.addColumns({ combos, labels: y, predictions, scores: s, weights: w })
    first += rows
  }
}
