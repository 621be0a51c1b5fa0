/** AUC against a brute-force count over all positive–negative pairs, on every score path. */
import { describe, expect, it } from '@jest/globals'
import { ScoreHistogram } from '../../../src/core/tables/scores.js'
import {
  aucBlocks,
  aucPart,
  aucSummary,
  exactAuc,
  joinedAuc,
  resampledAuc,
  scoresAuc
} from '../../../src/core/metrics/auc.js'
import fc from 'fast-check'
import { createRng } from '../../../src/core/stats/rng.js'

function bruteForce(rows: { s: number; y: number; w: number }[]): number {
  let num = 0
  let den = 0
  for (const a of rows)
    for (const b of rows) {
      if (a.y !== 1 || b.y !== 0) continue
      den += a.w * b.w
      num += a.w * b.w * (a.s > b.s ? 1 : a.s === b.s ? 0.5 : 0)
    }
  return num / den
}

function sample(n: number, decimals: number | null, weighted: boolean) {
  const rng = createRng(11)
  return Array.from({ length: n }, () => {
    const y = rng.next() < 0.4 ? 1 : 0
    const raw = Math.min(1, Math.max(0, 0.35 + 0.3 * y + (rng.next() - 0.5) * 0.6))
    const s = decimals === null ? raw : Number(raw.toFixed(decimals))
    return { s, y, w: weighted ? 0.5 + rng.next() : 1 }
  })
}

describe('exact AUC', () => {
  it.each([
    ['2 decimals (many ties), grid', 2, false],
    ['6 decimals, grid', 6, false],
    ['full precision, map of distinct scores', null, false],
    ['weighted, grid', 3, true],
    ['weighted, map', null, true]
  ] as const)('%s', (_, decimals, weighted) => {
    const rows = sample(600, decimals, weighted)
    const h = new ScoreHistogram(weighted)
    for (const r of rows) h.add(r.s, r.y, r.w)
    expect(Math.abs(exactAuc(h.finish().distribution()) - bruteForce(rows))).toBeLessThan(1e-12)
  })

  it('switches from the grid to the map without losing rows', () => {
    const rows = [...sample(300, 4, false), { s: 0.123456789, y: 1, w: 1 }, ...sample(300, null, false)]
    const h = new ScoreHistogram(false)
    for (const r of rows) h.add(r.s, r.y, r.w)
    const d = h.finish().distribution()
    expect(d.posN.reduce((a, b) => a + b, 0) + d.negN.reduce((a, b) => a + b, 0)).toBe(rows.length)
    expect(Math.abs(exactAuc(d) - bruteForce(rows))).toBeLessThan(1e-12)
  })

  it.each([false, true])(
    'gives the same summary from the grid as from its distribution (weighted: %s)',
    weighted => {
      // Bit for bit: the same sums in the same order, without making the distribution.
      const rows = sample(20000, 6, weighted)
      const h = new ScoreHistogram(weighted)
      for (const r of rows) h.add(r.s, r.y, r.w)
      const scores = h.finish()
      expect(scores.grid).not.toBeNull()
      const fromGrid = scoresAuc(scores)
      const fromDist = aucSummary(scores.distribution())
      expect(fromGrid.value).toBe(fromDist.value)
      expect(fromGrid.blocks).toEqual(fromDist.blocks)
      expect(fromGrid.blocks.posN.length).toBeGreaterThan(100)
    }
  )

  it('reproduces the exact AUC from its bootstrap blocks when every draw equals the block count', () => {
    const rows = sample(5000, 6, false)
    const h = new ScoreHistogram(false)
    for (const r of rows) h.add(r.s, r.y, r.w)
    const d = h.finish().distribution()
    const b = aucBlocks(d)
    expect(b.posN.length).toBeLessThanOrEqual(512)
    expect(Math.abs(resampledAuc(b, b.posN, b.negN) - exactAuc(d))).toBeLessThan(1e-12)
  })

  it('joins two halves walked apart into what one walk gives, wherever they are cut', () => {
    // Full-precision scores with ties (repeated rows) and a few on the grid, in several runs.
    const rows = [
      ...sample(3000, null, true),
      ...sample(2000, 2, true),
      ...sample(3000, null, true).slice(0, 500)
    ]
    const h = new ScoreHistogram(true)
    for (const r of rows) h.add(r.s, r.y, r.w)
    const scores = h.finish()
    const runs = scores.runs!
    expect(runs[0].length + runs[1].length).toBeGreaterThan(2)
    const whole = aucSummary(scores.distribution())
    expect(Math.abs(whole.value - bruteForce(rows))).toBeLessThan(1e-12)
    const rowsBelow = (cut: number) => rows.filter(r => r.s < cut).length
    fc.assert(
      // Cut at a row's own score (so ties straddle nothing) or anywhere between.
      fc.property(
        fc.oneof(
          fc.constantFrom(...rows.map(r => r.s)),
          fc.integer({ min: 0, max: 1e6 }).map(i => i / 1e6)
        ),
        cut => {
          const half = { runs, rows: rows.length }
          const lower = aucPart({ ...half, from: -Infinity, to: cut, rowsBefore: 0 })
          const upper = aucPart({ ...half, from: cut, to: Infinity, rowsBefore: rowsBelow(cut) })
          const joined = joinedAuc(lower, upper)
          expect(Math.abs(joined.value - whole.value)).toBeLessThan(1e-14)
          expect(Array.from(joined.blocks.posN)).toEqual(Array.from(whole.blocks.posN))
          expect(Array.from(joined.blocks.negN)).toEqual(Array.from(whole.blocks.negN))
          joined.blocks.within.forEach((x, i) => expect(x).toBeCloseTo(whole.blocks.within[i], 9))
          joined.blocks.posW.forEach((x, i) => expect(x).toBeCloseTo(whole.blocks.posW[i], 9))
        }
      ),
      { numRuns: 60, seed: 3 }
    )
    // The reader's own cut gives the same.
    const read = scoresAuc(scores)
    expect(Math.abs(read.value - whole.value)).toBeLessThan(1e-14)
    expect(Array.from(read.blocks.posN)).toEqual(Array.from(whole.blocks.posN))
  })
})
