/**
 * The Poisson bootstrap over the cell table. Resampling N rows with replacement gives each row a
 * multiplicity; with Poisson(1) multiplicities (Hanley & MacGibbon 2006; Chamandy et al. 2012) the
 * rows of a cell together draw Poisson(n_cell) copies, independently per cell, so a resample of the
 * rows is a resample of the cells. Count metrics are therefore resampled exactly as a row bootstrap
 * would. A cell's sums of per-row quantities are drawn, given the cell's K copies, from the normal
 * limit of a sum of K rows drawn from the cell, jointly with the weight sum: the weight sum as
 * K·mean + √K·sd·Z, then each weighted score, squared error and log loss sum as K·mean + β·(the weight
 * sum's deviation) + √K·sd_given_w·Z, β its within-cell regression on the weight. Weighted metrics are
 * ratios of such sums (ECE, Brier), so drawing them apart would inflate their spread. This is exact
 * when a quantity is constant in the cell (every weight in an unweighted run), and otherwise matches
 * the row bootstrap's means, variances and covariances with the weight.
 */
import { QUANTITIES, type CellTable } from '../tables/cells.js'
import type { CellView } from '../metrics/aggregate.js'
import { PoissonDraws, poisson } from './distributions.js'
import type { Rng } from './rng.js'

const NQ = QUANTITIES.length

/** Per-cell moments of each quantity, computed once per table. */
export interface CellMoments {
  mean: Float64Array
  /** The weight's sd, then each other quantity's sd given the weight. */
  sd: Float64Array
  /** Each quantity's regression on the weight within the cell (0 for the weight itself). */
  beta: Float64Array
  /** Poisson draws with each cell's row count as mean. */
  copies: PoissonDraws
}

export function cellMoments(table: CellTable): CellMoments {
  const mean = new Float64Array(table.sum.length)
  const sd = new Float64Array(table.sum.length)
  const beta = new Float64Array(table.sum.length)
  for (let cell = 0; cell < table.n.length; cell++) {
    const n = table.n[cell]
    if (n === 0) continue
    const w = cell * NQ
    const mw = table.sum[w] / n
    const vw = table.sum2[w] / n - mw * mw
    // Below rounding noise a quantity is constant in the cell: no spread to add.
    const spread = (v: number, m: number) => v > 1e-12 * (m * m + 1e-300)
    const weightVaries = spread(vw, mw)
    for (let q = 0; q < NQ; q++) {
      const i = w + q
      const m = table.sum[i] / n
      let v = table.sum2[i] / n - m * m
      mean[i] = m
      if (q > 0 && weightVaries) {
        const cov = table.cross[i] / n - mw * m
        beta[i] = cov / vw
        v -= (cov * cov) / vw
      }
      sd[i] = spread(v, m) ? Math.sqrt(v) : 0
    }
  }
  return { mean, sd, beta, copies: new PoissonDraws(table.n) }
}

/** Draws one resample of the table into `out` (same layout). */
export function resampleCells(table: CellTable, moments: CellMoments, rng: Rng, out: CellView): void {
  const { n } = table
  const { mean, sd, beta, copies } = moments
  for (let cell = 0; cell < n.length; cell++) {
    const o = cell * NQ
    if (n[cell] === 0) {
      out.n[cell] = 0
      continue
    }
    const k = copies.at(rng, cell)
    out.n[cell] = k
    if (k === 0) {
      for (let q = 0; q < NQ; q++) out.sum[o + q] = 0
      continue
    }
    const root = Math.sqrt(k)
    // The weight sum's deviation from K·mean, shared by the other quantities through β.
    let dw = 0
    for (let q = 0; q < NQ; q++) {
      const s = sd[o + q]
      const z = s > 0 ? root * s * rng.normal() : 0
      if (q === 0) dw = z
      const v = k * mean[o + q] + beta[o + q] * dw + z
      out.sum[o + q] = v > 0 ? v : 0
    }
    // A score and a squared error never exceed the weight: keep the drawn sums consistent.
    const w = out.sum[o]
    if (out.sum[o + 1] > w) out.sum[o + 1] = w
    if (out.sum[o + 2] > w) out.sum[o + 2] = w
  }
}

/** Poisson-resamples plain counts (robustness and outcome cells). */
export function resampleCounts(counts: ArrayLike<number>, rng: Rng, out: Float64Array): void {
  for (let i = 0; i < counts.length; i++) out[i] = counts[i] > 0 ? poisson(rng, counts[i]) : 0
}
