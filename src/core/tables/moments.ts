/**
 * The moment table of a regression (SPEC §2b): per combination of sensitive groups, the weighted sums
 * every regression metric and its interval are functions of. Rows are streamed into it, so memory is
 * MOMENTS numbers per combination, never per row (docs/metrics.md, "Regression"). Labels and
 * predictions are kept shifted by the file's first label (y' = y − shift), so that the sums of squares
 * and higher powers do not cancel when the labels sit far from 0 (prices, incomes); residuals
 * r = prediction − label need no shift.
 */
import { ComboIndex } from './combos.js'

/**
 * The sums kept per combination, in this order (w: the row's weight, 1 when unweighted). The metrics
 * (metrics/regression.ts) read them by these names only.
 */
export const MOMENTS = [
  'rows', // row count (unweighted)
  'w', // Σw
  'w2', // Σw²
  'y', // Σw·y'
  'yy', // Σw·y'²
  'y3', // Σw·y'³
  'y4', // Σw·y'⁴
  'p', // Σw·p'
  'pp', // Σw·p'²
  'r', // Σw·r
  'rr', // Σw·r²
  'a', // Σw·|r|
  'r4', // Σw·r⁴
  'rry', // Σw·r²·y'
  'rryy', // Σw·r²·y'²
  'covered', // Σw·[lower ≤ y ≤ upper]
  'intervals' // rows with a prediction interval (every row when lower and upper are mapped)
] as const
export type Moment = (typeof MOMENTS)[number]
export const M = Object.fromEntries(MOMENTS.map((m, i) => [m, i])) as Record<Moment, number>
export const NM = MOMENTS.length

export interface MomentTable {
  attributes: string[]
  /** groups[a] lists the group labels of attribute a, in order of first appearance. */
  groups: string[][]
  /** combos[c][a] is the group id of attribute a in combination c. */
  combos: number[][]
  weighted: boolean
  /** Whether the rows carry a prediction interval (lower, upper). */
  hasInterval: boolean
  /** What labels and predictions are shifted by. */
  shift: number
  /** sums[c·NM + m]: moment m of combination c. */
  sums: Float64Array
}

/** One row of a regression file, decoded. */
export interface RegressionRow {
  label: number
  prediction: number
  weight: number
  /** Whether lower ≤ label ≤ upper (undefined without an interval). */
  covered?: boolean
}

/** Accumulates decoded rows into a growing moment table. */
export class MomentAccumulator {
  private sums = new Float64Array(16 * NM)
  private readonly index = new ComboIndex(count => {
    if (count * NM > this.sums.length) {
      const grown = new Float64Array(this.sums.length * 2)
      grown.set(this.sums)
      this.sums = grown
    }
  })
  private shift = NaN

  constructor(
    readonly attributes: string[],
    readonly weighted: boolean,
    readonly hasInterval: boolean
  ) {}

  /** Adds one row; returns its combination. */
  add(g: Int32Array, row: RegressionRow): number {
    if (this.shift !== this.shift) this.shift = row.label
    const o = this.index.combo(g) * NM
    const s = this.sums
    const w = row.weight
    const y = row.label - this.shift
    const p = row.prediction - this.shift
    const r = row.prediction - row.label
    const wy = w * y
    const wyy = wy * y
    const wr2 = w * r * r
    s[o + M.rows] += 1
    s[o + M.w] += w
    s[o + M.w2] += w * w
    s[o + M.y] += wy
    s[o + M.yy] += wyy
    s[o + M.y3] += wyy * y
    s[o + M.y4] += wyy * y * y
    s[o + M.p] += w * p
    s[o + M.pp] += w * p * p
    s[o + M.r] += w * r
    s[o + M.rr] += wr2
    s[o + M.a] += w * Math.abs(r)
    s[o + M.r4] += wr2 * r * r
    s[o + M.rry] += wr2 * y
    s[o + M.rryy] += wr2 * y * y
    if (row.covered !== undefined) {
      s[o + M.intervals] += 1
      if (row.covered) s[o + M.covered] += w
    }
    return o / NM
  }

  finish(groups: string[][]): MomentTable {
    const combos = this.index.combos
    return {
      attributes: this.attributes,
      groups,
      combos,
      weighted: this.weighted,
      hasInterval: this.hasInterval,
      shift: this.shift === this.shift ? this.shift : 0,
      sums: this.sums.slice(0, combos.length * NM)
    }
  }
}

/** The sums of several combinations added up (a group, or every row), into a fresh array. */
export function summed(table: MomentTable, combos: Iterable<number>): Float64Array {
  const out = new Float64Array(NM)
  for (const c of combos) for (let m = 0; m < NM; m++) out[m] += table.sums[c * NM + m]
  return out
}
