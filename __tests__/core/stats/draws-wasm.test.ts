/**
 * The bootstrap's WebAssembly draws against the JavaScript reference, draw by draw: the same streams
 * must give the same resampled tables and AUC block weights, bit for bit, for cells of every size
 * (empty, Poisson means below 10 by inversion, larger ones by PTRS) and with or without spread.
 */
import { describe, expect, it } from '@jest/globals'
import type { CellTable } from '../../../src/core/tables/cells.js'
import type { AucBlocks } from '../../../src/core/metrics/auc.js'
import { cellMoments, resampleCells } from '../../../src/core/stats/bootstrap.js'
import { PoissonDraws } from '../../../src/core/stats/distributions.js'
import { WasmDraws } from '../../../src/core/stats/draws-wasm.js'
import { createRng } from '../../../src/core/stats/rng.js'

/** A table of `cells` cells with row counts of every size and random per-row quantities. */
function table(cells: number, seed: number): CellTable {
  const rng = createRng(seed)
  const n = new Float64Array(cells)
  const sum = new Float64Array(cells * 4)
  const sum2 = new Float64Array(cells * 4)
  const cross = new Float64Array(cells * 4)
  for (let c = 0; c < cells; c++) {
    const r = rng.next()
    n[c] = r < 0.2 ? 0 : r < 0.5 ? Math.floor(rng.next() * 10) : Math.floor(rng.next() * 1e5)
    for (let q = 0; q < 4; q++) {
      // The weight is constant (no spread) in half the cells, as in an unweighted run.
      const constant = q === 0 && c % 2 === 0
      const mean = constant ? 1 : rng.next()
      const sd = constant ? 0 : rng.next() * 0.3
      sum[c * 4 + q] = n[c] * mean
      sum2[c * 4 + q] = n[c] * (mean * mean + sd * sd)
      // Correlated with the weight (a covariance of up to ±0.8 of what the sds allow).
      const w = sum[c * 4] / (n[c] || 1)
      const sw = Math.sqrt(Math.max(0, sum2[c * 4] / (n[c] || 1) - w * w))
      cross[c * 4 + q] = q === 0 ? sum2[c * 4] : n[c] * (w * mean + (rng.next() * 1.6 - 0.8) * sw * sd)
    }
  }
  return {
    attributes: [],
    groups: [],
    combos: [[]],
    bins: cells / 4,
    hasScore: true,
    weighted: false,
    n,
    sum,
    sum2,
    cross
  }
}

describe('WasmDraws', () => {
  it('resamples the cell table exactly as resampleCells does, resample after resample', () => {
    for (const seed of [1, 2, 3]) {
      const t = table(400, seed)
      const moments = cellMoments(t)
      const draws = new WasmDraws(t, moments, null, [seed, 1], [seed, 101])
      const rng = createRng(seed, 1)
      const view = { n: new Float64Array(t.n.length), sum: new Float64Array(t.sum.length) }
      for (let r = 0; r < 60; r++) {
        resampleCells(t, moments, rng, view)
        draws.resample()
        expect(Array.from(draws.view.n)).toEqual(Array.from(view.n))
        expect(Array.from(draws.view.sum)).toEqual(Array.from(view.sum))
      }
    }
  })

  it('draws the AUC block weights exactly as PoissonDraws does', () => {
    const rng = createRng(5)
    const k = 300
    const counts = () =>
      Float64Array.from({ length: k }, () => (rng.next() < 0.1 ? 0 : Math.floor(rng.next() * 3e4)))
    const blocks: AucBlocks = {
      posW: new Float64Array(k),
      negW: new Float64Array(k),
      posN: counts(),
      negN: counts(),
      within: new Float64Array(k)
    }
    const t = table(8, 9)
    const draws = new WasmDraws(t, cellMoments(t), blocks, [4, 1], [4, 101])
    const js = createRng(4, 101)
    const pos = new PoissonDraws(blocks.posN)
    const neg = new PoissonDraws(blocks.negN)
    for (let r = 0; r < 40; r++) {
      draws.drawBlocks()
      // Per block, the positives' draw then the negatives', on one stream (as the drawer in evaluate.ts).
      const kPos = new Float64Array(k)
      const kNeg = new Float64Array(k)
      for (let i = 0; i < k; i++) {
        kPos[i] = pos.at(js, i)
        kNeg[i] = neg.at(js, i)
      }
      expect(Array.from(draws.kPos)).toEqual(Array.from(kPos))
      expect(Array.from(draws.kNeg)).toEqual(Array.from(kNeg))
    }
  })
})
