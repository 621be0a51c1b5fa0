/**
 * Sums of the cell table over a set of groups, and the metric formulas over those sums. One aggregate
 * is a run of `stride` numbers:
 *   [0] rows  [1..4] weight by (label·2 + prediction)  [5] Σw·s  [6] Σw·(s−y)²  [7] Σw·logloss
 *   then per calibration bin b: Σw, Σw·y, Σw·s.
 * Undefined values are NaN here and become null with a reason in the report.
 */
import { Q_LL, Q_S, Q_SQ, Q_W, type CellTable } from '../tables/cells.js'
import type { RateId } from './registry.js'

const N = 0
const W = 1
const S = 5
const SQ = 6
const LL = 7
const BIN = 8

export const strideOf = (bins: number): number => BIN + 3 * bins

/** The per-cell sums that metrics read: the table's own, or a bootstrap resample of them. */
export interface CellView {
  n: Float64Array
  sum: Float64Array
}

/** Aggregates every combination of group values: out[c·stride ...]. O(cells). */
export function aggregateCombos(table: CellTable, view: CellView, out: Float64Array): void {
  const bins = table.bins
  const stride = strideOf(bins)
  out.fill(0)
  const combos = table.combos.length
  for (let c = 0; c < combos; c++) {
    const o = c * stride
    for (let yp = 0; yp < 4; yp++) {
      const y = yp >> 1
      for (let b = 0; b < bins; b++) {
        const cell = (c * 4 + yp) * bins + b
        const n = view.n[cell]
        if (n === 0) continue
        const q = cell * 4
        const w = view.sum[q + Q_W]
        const s = view.sum[q + Q_S]
        out[o + N] += n
        out[o + W + yp] += w
        out[o + S] += s
        out[o + SQ] += view.sum[q + Q_SQ]
        out[o + LL] += view.sum[q + Q_LL]
        const ob = o + BIN + 3 * b
        out[ob] += w
        if (y === 1) out[ob + 1] += w
        out[ob + 2] += s
      }
    }
  }
}

/** Sums combination aggregates into groups: group g of combo c is groupOf[c]. */
export function reduceGroups(
  comboAgg: Float64Array,
  groupOf: Int32Array,
  stride: number,
  out: Float64Array
): void {
  out.fill(0)
  for (let c = 0; c < groupOf.length; c++) {
    const src = c * stride
    const dst = groupOf[c] * stride
    for (let k = 0; k < stride; k++) out[dst + k] += comboAgg[src + k]
  }
}

const tn = (a: Float64Array, o: number) => a[o + W]
const fp = (a: Float64Array, o: number) => a[o + W + 1]
const fn = (a: Float64Array, o: number) => a[o + W + 2]
const tp = (a: Float64Array, o: number) => a[o + W + 3]
const total = (a: Float64Array, o: number) => tn(a, o) + fp(a, o) + fn(a, o) + tp(a, o)
const div = (num: number, den: number): number => (den > 0 ? num / den : NaN)

export const rows = (a: Float64Array, o: number): number => a[o + N]

/**
 * Each rate's numerator and denominator as confusion cells (label·2 + prediction: 0 TN, 1 FP, 2 FN,
 * 3 TP), for its interval's effective counts. rate() below spells the same sums out for speed; a test
 * checks the two agree.
 */
export const RATE_CELLS: Record<RateId, { num: readonly number[]; den: readonly number[] }> = {
  selection_rate: { num: [1, 3], den: [0, 1, 2, 3] },
  tpr: { num: [3], den: [2, 3] },
  fpr: { num: [1], den: [0, 1] },
  fnr: { num: [2], den: [2, 3] },
  tnr: { num: [0], den: [0, 1] },
  precision: { num: [3], den: [1, 3] },
  accuracy: { num: [0, 3], den: [0, 1, 2, 3] },
  base_rate: { num: [2, 3], den: [0, 1, 2, 3] }
}

/** Confusion-cell weight of aggregate `a` at o: yp = label·2 + prediction. */
export const cellWeight = (a: Float64Array, o: number, yp: number): number => a[o + W + yp]

/** Bin b's weight, weighted label sum and weighted score sum. */
export const binSums = (a: Float64Array, o: number, b: number): [number, number, number] => {
  const ob = o + BIN + 3 * b
  return [a[ob], a[ob + 1], a[ob + 2]]
}

export function rate(id: RateId, a: Float64Array, o: number): number {
  switch (id) {
    case 'selection_rate':
      return div(tp(a, o) + fp(a, o), total(a, o))
    case 'tpr':
      return div(tp(a, o), tp(a, o) + fn(a, o))
    case 'fpr':
      return div(fp(a, o), fp(a, o) + tn(a, o))
    case 'fnr':
      return div(fn(a, o), tp(a, o) + fn(a, o))
    case 'tnr':
      return div(tn(a, o), fp(a, o) + tn(a, o))
    case 'precision':
      return div(tp(a, o), tp(a, o) + fp(a, o))
    case 'accuracy':
      return div(tp(a, o) + tn(a, o), total(a, o))
    case 'base_rate':
      return div(tp(a, o) + fn(a, o), total(a, o))
  }
}

export const f1 = (a: Float64Array, o: number): number =>
  div(2 * tp(a, o), 2 * tp(a, o) + fp(a, o) + fn(a, o))
export const brier = (a: Float64Array, o: number): number => div(a[o + SQ], total(a, o))
export const logLoss = (a: Float64Array, o: number): number => div(a[o + LL], total(a, o))

/** Expected calibration error: Σ_b (W_b/W)·|Y_b/W_b − S_b/W_b| = Σ_b |Y_b − S_b| / W. */
export function ece(a: Float64Array, o: number, bins: number): number {
  let gap = 0
  for (let b = 0; b < bins; b++) {
    const ob = o + BIN + 3 * b
    if (a[ob] > 0) gap += Math.abs(a[ob + 1] - a[ob + 2])
  }
  return div(gap, total(a, o))
}

/** Maximum calibration error over non-empty bins. */
export function mce(a: Float64Array, o: number, bins: number): number {
  let worst = NaN
  for (let b = 0; b < bins; b++) {
    const ob = o + BIN + 3 * b
    if (a[ob] > 0) {
      const gap = Math.abs(a[ob + 1] / a[ob] - a[ob + 2] / a[ob])
      if (!(gap <= worst)) worst = gap
    }
  }
  return worst
}

/** Per-bin mean label and mean score (the reliability diagram), from an aggregate. */
export function reliability(
  a: Float64Array,
  o: number,
  bins: number
): { weight: number; meanLabel: number; meanScore: number }[] {
  return Array.from({ length: bins }, (_, b) => {
    const ob = o + BIN + 3 * b
    return { weight: a[ob], meanLabel: div(a[ob + 1], a[ob]), meanScore: div(a[ob + 2], a[ob]) }
  })
}
