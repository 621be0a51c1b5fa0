/**
 * Statistical honesty by simulation (fixed seeds): over many data sets drawn from known group rates,
 * the 95% bootstrap interval of a disparity must contain the true disparity about 95% of the time.
 */
import { describe, expect, it } from '@jest/globals'
import { evaluate } from '../../../src/core/metrics/evaluate.js'
import { createRng } from '../../../src/core/stats/rng.js'
import { predictionData, type Row } from '../../helpers/tables.js'

function simulate(
  datasets: number,
  draw: (rng: ReturnType<typeof createRng>) => Row[],
  metric: string,
  truth: number
): number {
  const rng = createRng(20261127)
  let covered = 0
  for (let d = 0; d < datasets; d++) {
    const data = predictionData(['g'], draw(rng))
    const result = evaluate({
      predictions: data,
      intersections: [],
      settings: { confidence: 0.95, resamples: 1000, seed: d, minGroupSize: 30 }
    }).metrics.find(m => m.metric === metric && m.attribute === 'g')!
    if (result.ci && result.ci[0] <= truth && truth <= result.ci[1]) covered++
  }
  return covered / datasets
}

describe('bootstrap interval coverage', () => {
  it('covers the demographic parity difference 92–98% of the time (300 data sets)', () => {
    // Group a: 500 rows, selection rate 0.30; group b: 700 rows, selection rate 0.45.
    const rate = { a: 0.3, b: 0.45 }
    const coverage = simulate(
      300,
      rng =>
        (['a', 'b'] as const).flatMap(g =>
          Array.from({ length: g === 'a' ? 500 : 700 }, () => {
            const y = rng.next() < 0.4 ? 1 : 0
            return { y, p: rng.next() < rate[g] ? 1 : 0, groups: [g] }
          })
        ),
      'demographic_parity_difference',
      0.15
    )
    expect(coverage).toBeGreaterThanOrEqual(0.92)
    expect(coverage).toBeLessThanOrEqual(0.98)
  })

  it('covers the equal opportunity difference 92–98% of the time (300 data sets)', () => {
    // True positive rates 0.80 (group a) and 0.65 (group b); positives are 30% of rows.
    const tpr = { a: 0.8, b: 0.65 }
    const coverage = simulate(
      300,
      rng =>
        (['a', 'b'] as const).flatMap(g =>
          Array.from({ length: 1000 }, () => {
            const y = rng.next() < 0.3 ? 1 : 0
            const p = y === 1 ? (rng.next() < tpr[g] ? 1 : 0) : rng.next() < 0.1 ? 1 : 0
            return { y, p, groups: [g] }
          })
        ),
      'equal_opportunity_difference',
      0.15
    )
    expect(coverage).toBeGreaterThanOrEqual(0.92)
    expect(coverage).toBeLessThanOrEqual(0.98)
  })
})
