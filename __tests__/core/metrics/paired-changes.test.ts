/**
 * The paired changes that are no mean of per-row differences (docs/metrics.md "Small groups"):
 * precision's linearised change with Agresti–Min's half rows, equal to the formula worked out by hand
 * on a small case; ECE's change from the two ECE intervals, whatever the comparison, with a p-value
 * that agrees with its interval.
 */
import { describe, expect, it } from '@jest/globals'
import { judgeChange } from '../../../src/core/gate/judge.js'
import { evaluate, metricKey } from '../../../src/core/metrics/evaluate.js'
import { pairPredictions } from '../../../src/core/metrics/paired-predictions.js'
import { zOf } from '../../../src/core/stats/intervals.js'
import { createRng } from '../../../src/core/stats/rng.js'
import { predictionData, type Row } from '../../helpers/tables.js'

const SETTINGS = { confidence: 0.95, resamples: 200, seed: 3, minGroupSize: 1 }

describe("precision's paired change", () => {
  /**
   * 10 rows (label, baseline prediction → run prediction): 4 × (1, 1 → 1), 2 × (0, 1 → 1),
   * 1 × (1, 0 → 1), 1 × (0, 1 → 0), 2 × (0, 0 → 0). Plug-in: 5/7 now, 4/7 before, change 1/7.
   */
  const cases: [number, number, number, number][] = [
    [4, 1, 1, 1],
    [2, 0, 1, 1],
    [1, 1, 0, 1],
    [1, 0, 1, 0],
    [2, 0, 0, 0]
  ]
  const rows = (model: 'before' | 'now'): Row[] =>
    cases.flatMap(([k, y, before, now], c) =>
      Array.from({ length: k }, (_, i) => ({
        y,
        p: model === 'now' ? now : before,
        groups: ['a'],
        id: `${c}.${i}`
      }))
    )

  it('is the delta-method interval of the adjusted counts, worked out by hand', () => {
    const p = pairPredictions(
      predictionData(['g'], rows('now')),
      predictionData(['g'], rows('before')),
      [],
      SETTINGS
    )
    if (!p.paired) throw new Error(p.reason)
    const c = p.changes(0.95).get(metricKey({ metric: 'precision' }))!
    expect(c.change).toBeCloseTo(1 / 7, 12)
    expect(c.baseline).toBeCloseTo(4 / 7, 12)
    // Half a row in each of the six cells where a model predicts positive: (y, before, now) =
    // (1,1,1) 4.5, (0,1,1) 2.5, (1,0,1) 1.5, (0,0,1) 0.5, (1,1,0) 0.5, (0,1,0) 1.5. Each model then
    // has 9 predicted positives, 6 true now (2/3) and 5 before (5/9): the adjusted change is 1/9.
    // ψ = now·(y − 2/3)/9 − before·(y − 5/9)/9 is, in 81ths: −1, −1, 3, −6, −4, 5; the variance
    // Σ count·ψ² = (4.5 + 2.5 + 1.5·9 + 0.5·36 + 0.5·16 + 1.5·25) / 81² = 84/6561.
    const se = Math.sqrt(84 / 6561)
    const z = zOf(0.95)
    expect(c.changeCi![0]).toBeCloseTo(1 / 9 - z * se, 12)
    expect(c.changeCi![1]).toBeCloseTo(1 / 9 + z * se, 12)
    expect(c.comparison).toBe('paired')
  })

  it('keeps a width when no prediction changed, where a bootstrap gives [0, 0]', () => {
    const same = rows('before')
    const p = pairPredictions(predictionData(['g'], same), predictionData(['g'], same), [], SETTINGS)
    if (!p.paired) throw new Error(p.reason)
    const c = p.changes(0.95).get(metricKey({ metric: 'precision', attribute: 'g', group: 'a' }))!
    expect(c.change).toBe(0)
    expect(c.changeCi![0]).toBeLessThan(-0.1)
    expect(c.changeCi![1]).toBeGreaterThan(0.1)
  })
})

describe("ECE's change", () => {
  /** n rows of a uniform score with labels drawn at score + shift (a model off by −shift). */
  function scored(n: number, shift: number, seed: number): Row[] {
    const rng = createRng(seed)
    return Array.from({ length: n }, (_, i) => {
      const s = 0.02 + 0.96 * rng.next()
      const y = rng.next() < Math.min(1, Math.max(0, s + shift)) ? 1 : 0
      return { y, p: s >= 0.5 ? 1 : 0, s, groups: ['a'], id: `r${i}` }
    })
  }
  const key = metricKey({ metric: 'ece' })

  it("spans the two runs' ECE intervals at half the error each, in either comparison", () => {
    const now = predictionData(['g'], scored(2000, 0.15, 1))
    const before = predictionData(['g'], scored(2000, 0, 2))
    const at = (data: typeof now, level: number) =>
      evaluate({ predictions: data, intersections: [], settings: SETTINGS })
        .at(level)
        .find(m => metricKey(m) === key)!
    const [n, b] = [at(now, 0.975), at(before, 0.975)]
    const independent = evaluate({ predictions: now, intersections: [], settings: SETTINGS })
      .changes(
        evaluate({ predictions: before, intersections: [], settings: SETTINGS, streamOffset: 1000 }),
        0.95
      )
      .get(key)!
    expect(independent.changeCi![0]).toBeCloseTo(n.ci![0] - b.ci![1], 12)
    expect(independent.changeCi![1]).toBeCloseTo(n.ci![1] - b.ci![0], 12)
    expect(independent.corrected).toBeCloseTo(n.corrected! - b.corrected!, 12)
    // A 0.15 miscalibration against a calibrated baseline: a clear worsening, and its p-value is the
    // one-sided level at which the interval's lower end reaches 0.
    expect(independent.changeCi![0]).toBeGreaterThan(0)
    expect(independent.pWorse).toBeGreaterThan(0)
    expect(independent.pWorse).toBeLessThan(0.025)
    const edge = 1 - 2 * independent.pWorse
    const [ne, be] = [at(now, 1 - (1 - edge) / 2), at(before, 1 - (1 - edge) / 2)]
    expect(ne.ci![0] - be.ci![1]).toBeCloseTo(0, 6)
    // On the same rows the pairing changes nothing: the change comes from the intervals.
    const p = pairPredictions(now, predictionData(['g'], scored(2000, 0, 1)), [], SETTINGS)
    if (!p.paired) throw new Error(p.reason)
    expect(p.changes(0.95).get(key)!.comparison).toBe('paired')
  })

  it('is no evidence of a worsening when both models are calibrated', () => {
    const now = predictionData(['g'], scored(500, 0, 4))
    const before = predictionData(['g'], scored(500, 0, 5))
    const c = evaluate({ predictions: now, intersections: [], settings: SETTINGS })
      .changes(
        evaluate({ predictions: before, intersections: [], settings: SETTINGS, streamOffset: 1000 }),
        0.95
      )
      .get(key)!
    expect(c.changeCi![0]).toBeLessThan(0)
    expect(c.changeCi![1]).toBeGreaterThan(0)
    expect(c.pWorse).toBeGreaterThan(0.2)
    // A change threshold judges the corrected change, and names the plug-in one beside it.
    const verdict = judgeChange({ metric: 'ece', maxWorsening: 0 }, c, 'no baseline', 'point')
    const worse = (x: number) => (x > 0 ? 'breach' : 'pass')
    expect(verdict.breach ? 'breach' : 'pass').toBe(worse(c.corrected!))
    expect(verdict.reason).toMatch(
      /^worsening [0-9.]+ \(bias-corrected; the plug-in formula gives [0-9.]+\) since/
    )
  })
})
