/** The regression list: false-discovery-rate control, and a rate and its mirror as one finding. */
import { describe, expect, it } from '@jest/globals'
import { regressions } from '../../../src/core/gate/regressions.js'
import { metricKey, type Change, type MetricResult } from '../../../src/core/metrics/evaluate.js'

const metric = (id: string, group: string): MetricResult => ({
  metric: id,
  attribute: 'g',
  group,
  value: 0.5,
  ci: [0.4, 0.6],
  n: 100
})
const change = (pWorse: number): Change => ({
  baseline: 0.4,
  change: 0.1,
  changeCi: [0.05, 0.15],
  pWorse,
  comparison: 'independent'
})

describe('regressions', () => {
  it('lists a rate once, never through its mirror', () => {
    const ms = ['tpr', 'fnr', 'fpr', 'tnr', 'pass_rate'].map(id => metric(id, 'a'))
    const changes = new Map(ms.map(m => [metricKey(m), change(1e-6)]))
    expect(regressions(ms, changes).map(r => r.metric)).toEqual(['tpr', 'fpr'])
  })

  it('lists by Benjamini–Hochberg at 5%: p(k) ≤ k·0.05/m for the largest such k', () => {
    // m = 4: thresholds 0.0125, 0.025, 0.0375, 0.05. Sorted p: 0.001, 0.03, 0.035, 0.2 → k = 3.
    const ms = ['a', 'b', 'c', 'd'].map(g => metric('fpr', g))
    const ps = [0.035, 0.001, 0.2, 0.03]
    const changes = new Map(ms.map((m, i) => [metricKey(m), change(ps[i])]))
    expect(regressions(ms, changes).map(r => r.group)).toEqual(['a', 'b', 'd'])
  })
})
