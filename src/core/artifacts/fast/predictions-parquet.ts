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

/**
 * A dictionary-encoded chunk's rows through `rule`: each entry decoded once, at its first use (so that
 * group ids and a learned negative label follow file order, as in CSV). seen[k + 1] is entry k's
 * value once decoded (NaN before), seen[0] a null's.
 */
class Dictionary {
  readonly seen: Float64Array
  constructor(
    private readonly chunk: ColumnChunk,
    private readonly rule: Rule,
    private readonly where: (i: number) => Where
  ) {
    this.seen = new Float64Array(chunk.dictionary!.length + 1).fill(NaN)
  }

  /** Decodes entry k - 1 (k = 0: a null), first used on row i. */
  decode(k: number, i: number): number {
    return (this.seen[k] = this.rule(k === 0 ? null : this.chunk.dictionary![k - 1], this.where(i)))
  }
}

// The rows of a dictionary chunk, one plain loop per output type (so each stays monomorphic).
function mapBytes(indices: Int32Array, d: Dictionary, out: Uint8Array): void {
  const seen = d.seen
  for (let i = 0; i < out.length; i++) {
    const k = indices[i] + 1
    const x = seen[k]
    out[i] = x === x ? x : d.decode(k, i)
  }
}
function mapInts(indices: Int32Array, d: Dictionary, out: Int32Array): void {
  const seen = d.seen
  for (let i = 0; i < out.length; i++) {
    const k = indices[i] + 1
    const x = seen[k]
    out[i] = x === x ? x : d.decode(k, i)
  }
}
function mapDoubles(indices: Int32Array, d: Dictionary, out: Float64Array): void {
  const seen = d.seen
  for (let i = 0; i < out.length; i++) {
    const k = indices[i] + 1
    const x = seen[k]
    out[i] = x === x ? x : d.decode(k, i)
  }
}

/** A binary column (labels, predictions): 0 and 1 as they are when `plain`, else through the rule. */
function binaryColumn(
  chunk: ColumnChunk,
  out: Uint8Array,
  rule: Rule,
  where: (i: number) => Where,
  plain: boolean
): void {
  const values = chunk.values
  if (chunk.dictionary !== null)
    return mapBytes(values as Int32Array, new Dictionary(chunk, rule, where), out)
  const n = out.length
  if (plain && (values instanceof Int32Array || values instanceof Float64Array)) {
    for (let i = 0; i < n; i++) {
      const v = values[i]
      out[i] = v === 0 || v === 1 ? v : rule(v, where(i))
    }
  } else if (plain && values instanceof BigInt64Array) {
    // 64-bit integers (pandas' int64 labels): a value whose high word is 0 is its low word, read as
    // 32-bit words (a bigint per row cost a third of the time of decoding the columns).
    const words = new Int32Array(values.buffer, values.byteOffset, 2 * n)
    for (let i = 0; i < n; i++) {
      const v = words[2 * i]
      out[i] = words[2 * i + 1] === 0 && (v === 0 || v === 1) ? v : rule(values[i], where(i))
    }
  } else for (let i = 0; i < n; i++) out[i] = rule(values[i], where(i))
}

/**
 * A number column (scores, weights): its own Float64Array when every value passes `plain` unchanged
 * (no copy), else `out` filled through the rule.
 */
function numberColumn(
  chunk: ColumnChunk,
  out: Float64Array,
  rule: Rule,
  where: (i: number) => Where,
  plain: (v: number) => boolean
): Float64Array {
  const values = chunk.values
  if (chunk.dictionary !== null) {
    mapDoubles(values as Int32Array, new Dictionary(chunk, rule, where), out)
    return out
  }
  if (values instanceof Float64Array) {
    let i = 0
    while (i < values.length && plain(values[i])) i++
    if (i === values.length) return values
  }
  for (let i = 0; i < out.length; i++) {
    const v = values[i]
    out[i] = typeof v === 'number' && plain(v) ? v : rule(v, where(i))
  }
  return out
}

/** A group column: each row's group id (a dictionary's values registered once each). */
function groupColumn(chunk: ColumnChunk, out: Int32Array, rule: Rule, where: (i: number) => Where): void {
  const values = chunk.values
  if (chunk.dictionary !== null) return mapInts(values as Int32Array, new Dictionary(chunk, rule, where), out)
  for (let i = 0; i < out.length; i++) out[i] = rule(values[i], where(i))
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
  // Each row group's columns, in arrays made once for the largest (subarrays for smaller ones).
  const most = Math.max(0, ...file.groups.slice(from, to))
  const labels = new Uint8Array(most)
  const predicted = new Uint8Array(most)
  const scores = new Float64Array(score >= 0 ? most : 0)
  const weights = new Float64Array(weight >= 0 ? most : 0)
  const groups = attrs.map(() => new Int32Array(most))
  const combos = new Int32Array(most)
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
    const y = labels.subarray(0, rows)
    binaryColumn(chunk(label), y, (v, w) => sink.labels.value(v, w), where(label), numericLabels)
    const s =
      score >= 0
        ? numberColumn(chunk(score), scores.subarray(0, rows), scoreValue, where(score), isProbability)
        : null
    const p = predicted.subarray(0, rows)
    if (prediction >= 0)
      binaryColumn(
        chunk(prediction),
        p,
        (v, w) => sink.predictions.value(v, w),
        where(prediction),
        numericLabels
      )
    else if (s !== null) for (let i = 0; i < rows; i++) p[i] = predictAt(s[i], threshold)
    const w =
      weight >= 0
        ? numberColumn(chunk(weight), weights.subarray(0, rows), weightValue, where(weight), isWeight)
        : null
    const ids = attrs.map((k, a) => {
      const out = groups[a].subarray(0, rows)
      const index = sink.indexes[a]
      groupColumn(chunk(k), out, (v, at) => index.idOfText(groupValue(v), at), where(k))
      return out
    })
    const c = combos.subarray(0, rows)
    sink.acc.comboColumn(ids, c)
    sink.cells.addColumns({ combos: c, labels: y, predictions: p, scores: s, weights: w })
    first += rows
  }
}
