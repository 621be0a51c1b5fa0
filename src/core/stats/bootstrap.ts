/**
 * The Poisson bootstrap over the cell table. Resampling N rows with replacement gives each row a
 * multiplicity; with Poisson(1) multiplicities (Hanley & MacGibbon 2006; Chamandy et al. 2012) the
 * rows of a cell together draw Poisson(n_cell) copies, independently per cell, so a resample of the
 * rows is a resample of the cells. Count metrics are therefore resampled exactly as a row bootstrap
 * would. A cell's sums of per-row quantities (weights, scores, squared errors, log losses) are drawn
 * as K·mean + √K·sd·Z given the cell's K copies, the normal limit of a sum of K rows drawn from the
 * cell; this is exact when the quantity is constant in the cell (every weight in an unweighted run)
 * and otherwise matches the row bootstrap's mean and variance.
 */
import { QUANTITIES, type CellTable } from '../artifacts/cells.js'
import type { CellView } from '../metrics/aggregate.js'
import { PoissonDraws, poisson } from './distributions.js'
import type { Rng } from './rng.js'

const NQ = QUANTITIES.length

/** Per-cell mean and standard deviation of each quantity, computed once per table. */
export interface CellMoments {
  mean: Float64Array
  sd: Float64Array
  /** Poisson draws with each cell's row count as mean. */
  copies: PoissonDraws
}

export function cellMoments(table: CellTable): CellMoments {
  const mean = new Float64Array(table.sum.length)
  const sd = new Float64Array(table.sum.length)
  for (let cell = 0; cell < table.n.length; cell++) {
    const n = table.n[cell]
    if (n === 0) continue
    for (let q = 0; q < NQ; q++) {
      const i = cell * NQ + q
      const m = table.sum[i] / n
      const v = table.sum2[i] / n - m * m
      mean[i] = m
      // Below rounding noise the quantity is constant in the cell: no spread to add.
      sd[i] = v > 1e-12 * (m * m + 1e-300) ? Math.sqrt(v) : 0
    }
  }
  return { mean, sd, copies: new PoissonDraws(table.n) }
}

/** Draws one resample of the table into `out` (same layout). */
export function resampleCells(table: CellTable, moments: CellMoments, rng: Rng, out: CellView): void {
  const { n } = table
  const { mean, sd, copies } = moments
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
    for (let q = 0; q < NQ; q++) {
      const s = sd[o + q]
      const v = k * mean[o + q] + (s > 0 ? root * s * rng.normal() : 0)
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
