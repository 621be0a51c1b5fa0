/**
 * What every task's stats table reader shares (stats.ts, stats-regression.ts, stats-multiclass.ts):
 * the header check, the field decoders, one row per key, and the canonical order of groups and
 * combinations, so that a table gives the same report whatever order the warehouse wrote its rows in.
 */
import { InputError, quote, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { streamRows, type Row } from '../formats/source.js'
import type { Value } from '../decode/values.js'

/** The advice every refused stats table ends with. */
export const REDO = 'Print the query again with rai-gate sql'

/** Relative slack for sums that rounding in another engine can move. */
export const SLACK = 1e-9

export const isEmpty = (v: Value): boolean => v === null || v === undefined || v === ''

/** A field as a number: text (CSV) or a bigint (Parquet) converted, anything else as it is. */
const numberOf = (value: Value): unknown =>
  typeof value === 'string' && value.trim() !== ''
    ? Number(value)
    : typeof value === 'bigint'
      ? Number(value)
      : value

/** A whole number in [min, max], from text or a typed value. */
export function integer(value: Value, what: string, min: number, max: number, where: Where): number {
  const v = numberOf(value)
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v
  throw new InputError(`${what} ${quote(value)} is not a whole number in [${min}, ${max}]`, where)
}

/** A finite number, from text or a typed value. */
export function finite(value: Value, what: string, where: Where): number {
  const v = numberOf(value)
  if (typeof v === 'number' && Number.isFinite(v)) return v
  throw new InputError(`${what} ${quote(value)} is not a finite number`, where)
}

/** A stats table's row, with its fields by their index in `keys` (streamStatsTable). */
export type StatsRow = (row: Row, value: (k: number) => Value, where: (k: number) => Where) => void

/**
 * Streams a stats table of any format whose columns are `keys` (the attributes first), each row to
 * onRow; resolves to the file's sha256. Its header must hold exactly those columns.
 */
export async function streamStatsTable(
  spec: ArtifactSpec,
  keys: string[],
  attributes: string[],
  onRow: StatsRow
): Promise<string> {
  let at: number[] = []
  const { sha256 } = await streamRows(
    spec.absPath,
    spec.display,
    (columns, where) => {
      at = statsColumns(columns, keys, attributes, where)
    },
    row =>
      onRow(
        row,
        k => row.at(at[k]),
        k => row.where(at[k])
      ),
    () => at
  )
  return sha256
}

/**
 * The column of each of `keys` in a stats table's header; a missing column, or one the manifest's
 * table does not have, is an error that lists the expected columns.
 */
function statsColumns(columns: string[], keys: string[], attributes: string[], where: Where): number[] {
  const missing = keys.filter(k => !columns.includes(k))
  const extra = columns.filter(c => !keys.includes(c))
  if (missing.length > 0 || extra.length > 0) {
    throw new InputError(
      [
        missing.length > 0 ? `missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}` : '',
        extra.length > 0
          ? `column${extra.length === 1 ? '' : 's'} ${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} not in the manifest's stats table (attributes: ${attributes.join(', ') || 'none'})`
          : ''
      ]
        .filter(Boolean)
        .join('; ') + `; expected the columns ${keys.join(', ')} (rai-gate sql prints the query)`,
      where
    )
  }
  return keys.map(k => columns.indexOf(k))
}

/** Refuses a second row of the same key (a cell, a bin, a combination): each is one row of the table. */
export function oncePerKey(what = 'cell'): (key: string, row: Row) => void {
  const seen = new Map<string, number>()
  return (key, row) => {
    const before = seen.get(key)
    if (before !== undefined)
      throw new InputError(`the same ${what} as line ${before}; expected one row per ${what}`, row.where())
    seen.set(key, row.line)
  }
}

/**
 * The groups of each attribute in sorted order, and the combinations renamed to them and sorted:
 * `order[i]` is the combination (as read) that comes i-th.
 */
export function canonicalCombos(
  labels: string[][],
  combos: number[][]
): { groups: string[][]; combos: number[][]; order: number[] } {
  const byLabel = (names: string[]) =>
    names.map((_, i) => i).sort((x, y) => (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0))
  const sortedIds = labels.map(byLabel)
  const rank = sortedIds.map(o => {
    const r = new Int32Array(o.length)
    o.forEach((id, k) => (r[id] = k))
    return r
  })
  const renamed = combos.map(c => c.map((id, a) => rank[a][id]))
  const order = renamed
    .map((_, i) => i)
    .sort((x, y) => {
      for (let a = 0; a < labels.length; a++)
        if (renamed[x][a] !== renamed[y][a]) return renamed[x][a] - renamed[y][a]
      return 0
    })
  return {
    groups: sortedIds.map((o, a) => o.map(id => labels[a][id])),
    combos: order.map(i => renamed[i]),
    order
  }
}

/** Rows of `width` numbers per combination, moved into `order` (canonicalCombos). */
export function reordered(rows: Float64Array, width: number, order: number[]): Float64Array {
  const moved = new Float64Array(order.length * width)
  order.forEach((from, to) => moved.set(rows.subarray(from * width, (from + 1) * width), to * width))
  return moved
}
