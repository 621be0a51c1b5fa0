/**
 * Reads a regression's stats table (warehouse/stats-table.ts, docs/warehouse.md): its moment table as
 * a warehouse query wrote it, one row per combination of groups. It becomes the moment table a
 * predictions file gives, so every metric and interval follows the row path (the metrics are functions
 * of these sums alone, so nothing is approximated).
 *
 * Every row is checked against the manifest (the attributes, whether rows carry a prediction
 * interval) and against itself (sums that rows can give), so a table another query wrote, or that was
 * cut or edited, is an error and never a result.
 */
import { InputError, quote, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { M, MOMENTS, NM, type Moment, type MomentTable } from '../../tables/moments.js'
import { REGRESSION_KEYS, REGRESSION_SUMS } from '../../warehouse/stats-table.js'
import { GroupIndex } from '../decode/groups.js'
import { groupValue } from '../decode/values.js'
import type { RegressionData } from './regression.js'
import {
  REDO,
  SLACK,
  canonicalCombos,
  finite,
  integer,
  oncePerKey,
  reordered,
  streamStatsTable,
  type StatsRow
} from './stats-rows.js'

export async function readRegressionStats(spec: ArtifactSpec, attributes: string[]): Promise<RegressionData> {
  const weighted = spec.columns.weight !== undefined
  const hasInterval = spec.columns.lower !== undefined && spec.columns.upper !== undefined
  if (hasInterval !== (spec.columns.lower !== undefined || spec.columns.upper !== undefined))
    throw new InputError(
      "the manifest maps one end of a prediction interval; a stats table's query reads an interval from columns.lower and columns.upper, so map both or neither",
      { file: spec.display, path: spec.columns.lower === undefined ? 'lower' : 'upper' }
    )
  const keys = [...attributes, ...REGRESSION_KEYS, ...MOMENTS.map(m => REGRESSION_SUMS[m])]
  const indexes = attributes.map(a => new GroupIndex(a, spec.display))
  const combos: number[][] = []
  const read: number[] = []
  const once = oncePerKey('combination of groups')
  let shift = NaN
  let shiftLine = 0
  const a = attributes.length

  const onRow: StatsRow = (row, value, where) => {
    const s = finite(value(a), 'label_shift', where(a))
    if (shift !== shift) {
      shift = s
      shiftLine = row.line
    } else if (s !== shift)
      throw new InputError(
        `label_shift ${quote(value(a))} differs from line ${shiftLine}'s ${shift}; expected one shift on every row (one query's table). ${REDO}`,
        where(a)
      )
    const g = attributes.map((_, i) => indexes[i].idOfText(groupValue(value(i), where(i)), where(i)))
    once(g.join(','), row)
    const sums = MOMENTS.map((m, k) => finite(value(a + 1 + k), REGRESSION_SUMS[m], where(a + 1 + k)))
    integer(sums[M.rows], 'row_count', 1, Number.MAX_SAFE_INTEGER, where(a + 1 + M.rows))
    consistent(sums, weighted, hasInterval, (m: Moment) => where(a + 1 + M[m]))
    combos.push(g)
    read.push(...sums)
  }
  const sha256 = await streamStatsTable(spec, keys, attributes, onRow)
  const sorted = canonicalCombos(
    indexes.map(i => i.labels),
    combos
  )
  const sums = reordered(Float64Array.from(read), NM, sorted.order)
  const table: MomentTable = {
    attributes,
    groups: sorted.groups,
    combos: sorted.combos,
    weighted,
    hasInterval,
    shift,
    sums
  }
  let rows = 0
  for (let c = 0; c < combos.length; c++) rows += sums[c * NM + M.rows]
  return { table, rows, sha256: sha256 }
}

/**
 * Sums that rows can give, to rounding: weights >= 0 (each 1 unweighted), |r| sums at least |Σw·r|,
 * every Σw·x² at least (Σw·x)²/Σw (Cauchy–Schwarz), coverage in [0, Σw], and an interval on every row
 * exactly when the manifest maps one.
 */
function consistent(s: number[], weighted: boolean, hasInterval: boolean, where: (m: Moment) => Where): void {
  const n = s[M.rows]
  const w = s[M.w]
  const fail = (m: Moment, why: string) => {
    throw new InputError(
      `${REGRESSION_SUMS[m]} ${quote(s[M[m]])} cannot come from the combination's ${n} rows: ${why}`,
      where(m)
    )
  }
  const near = (x: number, y: number) => Math.abs(x - y) <= SLACK * Math.max(1, Math.abs(x), Math.abs(y))
  if (w < 0) fail('w', 'weights are >= 0')
  if (!weighted && !(near(w, n) && near(s[M.w2], n))) fail('w', 'without a weight column every weight is 1')
  if (s[M.w2] < ((w * w) / n) * (1 - 1e-6)) fail('w2', `a sum of squares is at least (sum)² / rows`)
  const squares: [Moment, number, number][] = [
    ['yy', s[M.yy], s[M.y]],
    ['pp', s[M.pp], s[M.p]],
    ['rr', s[M.rr], s[M.r]],
    ['rr', s[M.rr], s[M.a]],
    ['y4', s[M.y4], s[M.yy]],
    ['r4', s[M.r4], s[M.rr]]
  ]
  // Each x² ≥ 0, and Σw·x² · Σw ≥ (Σw·x)² (with weights w·x² for the fourth powers).
  for (const [m, x2, x] of squares)
    if (x2 < 0 || (w > 0 && x2 < ((x * x) / w) * (1 - 1e-6)))
      fail(m, `a weighted sum of squares is at least (its sum)² / sum_w = ${(x * x) / w}`)
  if (s[M.a] < Math.abs(s[M.r]) * (1 - 1e-9)) fail('a', `Σw·|r| is at least |Σw·r| = ${Math.abs(s[M.r])}`)
  if (s[M.rryy] < 0) fail('rryy', 'a sum of weighted squares is >= 0')
  const intervals = s[M.intervals]
  if (intervals !== (hasInterval ? n : 0))
    fail(
      'intervals',
      hasInterval
        ? 'the manifest maps lower and upper, so every row has a prediction interval'
        : 'the manifest maps no lower and upper, so no row has a prediction interval'
    )
  if (s[M.covered] < 0 || s[M.covered] > w * (1 + SLACK)) fail('covered', `it lies in [0, sum_w = ${w}]`)
}
