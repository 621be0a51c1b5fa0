/**
 * A predictions Parquet file, column by column: each row group's label, score, prediction, weight and
 * attribute columns are decoded through the row rules of values.ts into typed arrays, a dictionary-
 * encoded column one distinct value at a time; the rows then go to the sink's WebAssembly cells in one
 * call per row group. Rows with ids join the row record (tables/row-record.ts) row group by row group;
 * files with champion columns, whose rows are recorded by position, are read row by row (ValueRows).
 */
import type { Where } from '../../errors.js'
import { valueAt, type ColumnChunk, type ParquetFile, type Progress } from '../formats/parquet.js'
import { predictionCode } from '../kinds/prediction-data.js'
import type { RecordedRow } from '../../tables/row-record.js'
import type { PredictionSink } from '../kinds/prediction-sink.js'
import { groupValue, idValue, predictAt, scoreValue, weightValue, type Value } from '../decode/values.js'
import { scratchMemory } from '../../wasm.js'

/** A column's role: its chunk's values to one number per row (throwing on a bad value). */
type Rule = (value: Value, where: Where) => number

/**
 * A dictionary-encoded chunk's rows through `rule`: each entry decoded once, at its first use (so that
 * group ids and a learned negative label follow file order, as in CSV). For entry k (k = -1: a null),
 * ints[k + 1] is its value once decoded when it is a non-negative integer (labels, predictions, group
 * ids), -1 before; doubles[k + 1] likewise for any number (scores, weights), NaN before.
 */
class Dictionary {
  readonly ints: Int32Array
  readonly doubles: Float64Array
  constructor(
    private readonly chunk: ColumnChunk,
    private readonly rule: Rule,
    private readonly where: (i: number) => Where
  ) {
    const n = chunk.dictionary!.length + 1
    this.ints = new Int32Array(n).fill(-1)
    this.doubles = new Float64Array(n).fill(NaN)
  }

  /** Decodes entry k - 1 (k = 0: a null), first used on row i. */
  decode(k: number, i: number): number {
    const x = this.rule(k === 0 ? null : this.chunk.dictionary![k - 1], this.where(i))
    this.doubles[k] = x
    if (x >= 0 && x <= 0x7fffffff && Number.isInteger(x)) this.ints[k] = x
    return x
  }
}

/**
 * Each row of up to three dictionary-encoded columns through `table`: out[i] = table[key], key =
 * Σ_a (columns[a][i] + 1) · steps[a] (steps[0] = 1; an index is -1 for a null), looked up in
 * WebAssembly (assembly/hybrid.ts) on copies in the scratch memory, where a loop in JavaScript took 2
 * to 6 ns a row. A row whose entry is still negative gets its value from resolve(key, i), in row
 * order, which updates `table` (and must not use the scratch memory).
 */
function lookup(
  columns: Int32Array[],
  steps: number[],
  table: Int32Array,
  out: Uint8Array | Int32Array,
  resolve: (key: number, i: number) => number
): void {
  const n = out.length
  const wide = out instanceof Int32Array
  const room = scratchMemory(4 * ((columns.length + 1) * n + table.length))
  const x = room.x
  const places = columns.map((_, a) => room.at + 4 * n * a)
  const tableAt = room.at + 4 * n * columns.length
  const outAt = tableAt + 4 * table.length
  const view = () =>
    wide ? new Int32Array(x.memory.buffer, outAt, n) : new Uint8Array(x.memory.buffer, outAt, n)
  columns.forEach((c, a) => new Int32Array(x.memory.buffer, places[a], n).set(c.subarray(0, n)))
  new Int32Array(x.memory.buffer, tableAt, table.length).set(table)
  const [a, b = a, c = a] = places
  for (let i = 0; ; i++) {
    i = x.dictionaryLookup(
      a,
      b,
      c,
      steps[1] ?? 0,
      steps[2] ?? 0,
      tableAt,
      table.length,
      outAt,
      wide ? 1 : 0,
      i,
      n
    )
    if (i === n) break
    let key = 0
    columns.forEach((column, a) => (key += (column[i] + 1) * steps[a]))
    view()[i] = resolve(key, i)
    if (key < table.length) new Int32Array(x.memory.buffer, tableAt, table.length)[key] = table[key]
  }
  out.set(view())
}

/** A dictionary chunk's rows through its Dictionary's ints (labels, predictions, group ids). */
function mapInts(indices: Int32Array, d: Dictionary, out: Uint8Array | Int32Array): void {
  lookup([indices], [1], d.ints, out, (k, i) => d.decode(k, i))
}
function mapDoubles(indices: Int32Array, d: Dictionary, out: Float64Array): void {
  const doubles = d.doubles
  for (let i = 0; i < out.length; i++) {
    const k = indices[i] + 1
    const x = doubles[k]
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
  if (chunk.dictionary !== null) return mapInts(values as Int32Array, new Dictionary(chunk, rule, where), out)
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

/** Combinations of dictionary keys looked up directly while their key space stays this small. */
const MAX_KEYS = 1 << 16

/**
 * The combination of each row straight from up to three dictionary-encoded attribute columns: the
 * rows' dictionary indices make one key, and each key's combination is found once per row group (its
 * attributes' entries decoded then, at their first use). False, with nothing done, for other columns.
 */
function dictionaryCombos(
  chunks: ColumnChunk[],
  rules: Rule[],
  where: ((i: number) => Where)[],
  sink: PredictionSink,
  out: Int32Array
): boolean {
  if (chunks.length === 0 || chunks.length > 3 || chunks.some(c => c.dictionary === null)) return false
  // Key steps 1, |x|, |x|·|y| (each dictionary's size with a null).
  const steps = [1]
  for (const c of chunks) steps.push(steps.at(-1)! * (c.dictionary!.length + 1))
  const keys = steps.pop()!
  if (keys > MAX_KEYS) return false
  const dictionaries = chunks.map((c, a) => new Dictionary(c, rules[a], where[a]))
  const table = new Int32Array(keys).fill(-1)
  const g = new Int32Array(chunks.length)
  const columns = chunks.map(c => c.values as Int32Array)
  lookup(columns, steps, table, out, (key, i) => {
    for (let a = 0; a < g.length; a++) {
      const k = columns[a][i] + 1
      const d = dictionaries[a]
      g[a] = d.ints[k] >= 0 ? d.ints[k] : d.decode(k, i)
    }
    return (table[key] = sink.acc.combo(g))
  })
  return true
}

const isProbability = (v: number) => v >= 0 && v <= 1
const isWeight = (v: number) => v >= 0 && v < Infinity

/**
 * Reads row groups [from, to) of the file into the sink (started with the file's columns). A row
 * group's columns are decoded one after the other, so of two bad values in one row group the one
 * reported is the first of the first column (label, score, prediction, weight) that has one, and then
 * the attributes' (in row order when they are dictionary-encoded, else column by column).
 */
export async function readParquetGroups(
  file: ParquetFile,
  sink: PredictionSink,
  from = 0,
  to = file.groups.length,
  progress?: Progress
): Promise<void> {
  const columns = file.columns
  const { label, score, prediction, weight, attrs, id } = sink.positions
  const use = [label, score, prediction, weight, ...attrs, sink.recording ? id : -1].filter(k => k >= 0)
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
  // One row of the record, filled for each row in turn (the record copies it when it queues it).
  const recorded: RecordedRow = {
    cell: 0,
    code: 0,
    line: 0,
    score: NaN,
    weight: 1,
    championCode: 0,
    championScore: NaN
  }
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
    const c = combos.subarray(0, rows)
    const rules = attrs.map((k, a) => {
      const index = sink.indexes[a]
      return (v: Value, at: Where) => index.idOfText(groupValue(v, at), at)
    })
    const attributeChunks = attrs.map(chunk)
    if (!dictionaryCombos(attributeChunks, rules, attrs.map(where), sink, c)) {
      const ids = attrs.map((k, a) => {
        const out = groups[a].subarray(0, rows)
        groupColumn(attributeChunks[a], out, rules[a], where(k))
        return out
      })
      sink.acc.comboColumn(ids, c)
    }
    sink.cells.addColumns({ combos: c, labels: y, predictions: p, scores: s, weights: w })
    if (sink.recording) {
      const ids = chunk(id)
      const record = sink.record
      const at = where(id)
      for (let i = 0; i < rows && !record.dropped; i++) {
        const v = valueAt(ids, i)
        recorded.cell = c[i]
        recorded.code = predictionCode(y[i], p[i], s === null ? 0 : Math.round(s[i] * 1e6))
        recorded.line = first + i
        recorded.score = s === null ? NaN : s[i]
        recorded.weight = w === null ? 1 : w[i]
        // Only an object can fail idValue: its place is made for it alone.
        record.add(typeof v === 'object' && v !== null ? idValue(v, at(i)) : v, recorded)
      }
    }
    first += rows
    progress?.((group + 1 - from) / (to - from))
  }
}
