/**
 * Weighted data: the cell bootstrap draws each cell's weight sum and weighted score sums jointly, so
 * the intervals of ratio metrics (Brier, and MCE's resamples) are as wide as a bootstrap of the rows. Drawn
 * apart, they were 1.2–2.6× wider. The reference here resamples the rows directly (Poisson(1)
 * multiplicities, the same resampling model) and computes each metric from its definition.
 */
import { describe, expect, it } from '@jest/globals'
import { evaluate } from '../../../src/core/metrics/evaluate.js'
import { percentileIntervalSorted } from '../../../src/core/stats/quantile.js'
import { createRng } from '../../../src/core/stats/rng.js'
import { predictionData, type Row } from '../../helpers/tables.js'

function rowsOf(seed: number, n: number): Row[] {
  const rng = createRng(seed)
  return Array.from({ length: n }, () => {
    const s = rng.next()
    const y = rng.next() < s * 0.9 ? 1 : 0
    return { y, p: s >= 0.5 ? 1 : 0, s, w: Math.exp(0.8 * rng.normal()), groups: ['a'] }
  })
}

/** Poisson(1) by inversion. */
function poisson1(rng: ReturnType<typeof createRng>): number {
  let k = 0
  let p = rng.next()
  while (p > Math.exp(-1)) {
    k++
    p *= rng.next()
  }
  return k
}

function rowBootstrap(rows: Row[], resamples: number) {
  const rng = createRng(99, 3)
  const brier: number[] = []
  const mce: number[] = []
  for (let r = 0; r < resamples; r++) {
    let w = 0
    let sq = 0
    const bins = Array.from({ length: 10 }, () => ({ w: 0, y: 0, s: 0 }))
    for (const row of rows) {
      const m = poisson1(rng)
      if (m === 0) continue
      const wm = m * row.w!
      w += wm
      sq += wm * (row.s! - row.y) ** 2
      const b = bins[Math.min(9, Math.floor(row.s! * 10))]
      b.w += wm
      b.y += wm * row.y
      b.s += wm * row.s!
    }
    brier.push(sq / w)
    mce.push(Math.max(...bins.filter(b => b.w > 0).map(b => Math.abs(b.y - b.s) / b.w)))
  }
  const sort = (xs: number[]) => Float64Array.from(xs).sort()
  return {
    brier: percentileIntervalSorted(sort(brier), 0.95),
    mce: percentileIntervalSorted(sort(mce), 0.95)
  }
}

describe('weighted intervals', () => {
  const rows = rowsOf(7, 3000)
  const evaluation = evaluate({
    predictions: predictionData(['g'], rows),
    intersections: [],
    settings: { confidence: 0.95, resamples: 1000, seed: 1, minGroupSize: 30 }
  })
  const ms = evaluation.metrics
  const reference = rowBootstrap(rows, 1000)
  const get = (id: string) => ms.find(m => m.metric === id && m.attribute === undefined)!

  it('gives Brier the width of a bootstrap of the rows', () => {
    const b = get('brier')
    const ratio = (b.ci![1] - b.ci![0]) / (reference.brier[1] - reference.brier[0])
    expect(ratio).toBeGreaterThan(0.85)
    expect(ratio).toBeLessThan(1.15)
  })

  // MCE's upper end is its bootstrap's; its resamples read the weighted bins as ECE's would.
  it("gives MCE's resamples the reach of a bootstrap of the rows", () => {
    const e = get('mce')
    const c = evaluation.computed.find(x => x.point.metric === 'mce')!
    const sample = Float64Array.from(c.replicates()).sort()
    const ratio = (percentileIntervalSorted(sample, 0.95)[1] - e.value!) / (reference.mce[1] - e.value!)
    expect(ratio).toBeGreaterThan(0.8)
    expect(ratio).toBeLessThan(1.2)
  })

  it("reports each weighted group's Kish effective n on its count", () => {
    const count = ms.find(m => m.metric === 'count' && m.group === 'a')!
    const w = rows.reduce((t, r) => t + r.w!, 0)
    const w2 = rows.reduce((t, r) => t + r.w! ** 2, 0)
    expect(count.nEffective).toBeCloseTo((w * w) / w2, 6)
  })
})
