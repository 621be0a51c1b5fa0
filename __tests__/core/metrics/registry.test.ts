/** The registry is the one place each metric's scope, direction and interval method are named. */
import { describe, expect, it } from '@jest/globals'
import { RATE_CELLS, rate } from '../../../src/core/metrics/aggregate.js'
import { overallFormulas } from '../../../src/core/metrics/predictions.js'
import { regressionFormulas } from '../../../src/core/metrics/regression.js'
import { expectDocSection, table } from '../../helpers/docs.js'
import {
  INTERVAL_METHODS,
  METRICS,
  RATES,
  taskMetrics,
  type RateId
} from '../../../src/core/metrics/registry.js'

describe('metric registry', () => {
  it('names an interval method for every metric', () => {
    for (const m of METRICS) expect(Object.keys(INTERVAL_METHODS)).toContain(m.interval)
  })

  it('has a formula for every overall metric of a binary predictions artifact', () => {
    const predictions = taskMetrics('binary-classification', 'overall').map(m => m.id)
    expect(predictions.filter(id => !overallFormulas().includes(id))).toEqual([])
  })

  it("has a formula for every regression metric, and gives each task's metrics to it alone", () => {
    const own = METRICS.filter(m => m.tasks?.includes('regression') && m.scopes.some(s => s !== 'attribute'))
    expect(own.map(m => m.id).filter(id => !regressionFormulas().includes(id))).toEqual([])
    expect(taskMetrics('regression', 'overall').map(m => m.id)).not.toContain('ece')
    expect(taskMetrics('binary-classification', 'group').map(m => m.id)).not.toContain('mae')
  })

  it('mirrors only metrics of the same scopes and opposite directions', () => {
    for (const m of METRICS.filter(x => x.mirrors)) {
      const twin = METRICS.find(x => x.id === m.mirrors)!
      expect(twin.scopes).toEqual(m.scopes)
      expect(twin.direction).not.toBe(m.direction)
    }
  })

  it('states each rate as the same sums the fast formula uses', () => {
    // Weights of TN, FP, FN, TP in a one-group aggregate: [rows, w by label·2+prediction, ...].
    const a = new Float64Array(40)
    a.set([10, 3.5, 1.25, 2, 4.75], 0)
    for (const id of Object.keys(RATES) as RateId[]) {
      const { num, den } = RATE_CELLS[id]
      const sum = (cells: readonly number[]) => cells.reduce((t, yp) => t + a[1 + yp], 0)
      expect(rate(id, a, 0)).toBeCloseTo(sum(num) / sum(den), 15)
    }
  })

  it('is what the table of interval methods in docs/metrics.md says', () => {
    const rows = Object.entries(INTERVAL_METHODS).map(([id, m]) => [
      `\`${id}\`: ${m.name}`,
      [
        ...METRICS.filter(x => x.interval === id).map(x => `\`${x.id}\``),
        ...METRICS.filter(x => (Object.values(x.intervalFor ?? {}) as string[]).includes(id)).map(
          x => `\`${x.id}\` (multiclass)`
        )
      ].join(', '),
      m.why
    ])
    expectDocSection('docs/metrics.md', 'methods', table(['method', 'metrics', 'why'], rows))
  })
})
