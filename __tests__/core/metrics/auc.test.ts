/** AUC against a brute-force count over all positive–negative pairs, on every score path. */
import { describe, expect, it } from '@jest/globals'
import { ScoreHistogram } from '../../../src/core/tables/scores.js'
import { aucBlocks, aucSummary, exactAuc, resampledAuc, scoresAuc } from '../../../src/core/metrics/auc.js'
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
})
