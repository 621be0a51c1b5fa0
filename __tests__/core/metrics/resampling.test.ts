/**
 * The plan a bootstrap resamples (predictions.ts resamplingPlan): groups below minGroupSize pooled,
 * so that many small groups cost what the report needs of them. The pooled table keeps every value the
 * resamples feed (the overall metrics, every eligible group's, the disparities over them), and a small
 * group's metrics keep their exact intervals while a bootstrap-only one says why it has none.
 */
import { describe, expect, it } from '@jest/globals'
import { evaluate, metricKey } from '../../../src/core/metrics/evaluate.js'
import { pairPredictions } from '../../../src/core/metrics/paired-predictions.js'
import { computePredictions, planPredictions, resamplingPlan } from '../../../src/core/metrics/predictions.js'
import { RecordingSink, type PointValue } from '../../../src/core/metrics/sink.js'
import { createRng } from '../../../src/core/stats/rng.js'
import { predictionData, type Row } from '../../helpers/tables.js'

/** Two attributes: `big` with 3 groups of hundreds of rows, `many` with `small` groups of 2–5 rows and 2 large ones. */
function rows(small: number): Row[] {
  const rng = createRng(5)
  const out: Row[] = []
  const add = (many: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const s = rng.next()
      out.push({ y: rng.next() < s ? 1 : 0, p: s >= 0.5 ? 1 : 0, s, groups: [`b${i % 3}`, many] })
    }
  }
  add('L1', 400)
  add('L2', 300)
  for (let g = 0; g < small; g++) add(`s${g}`, 2 + (g % 4))
  return out
}

const values = (v: PointValue[]) =>
  new Map(v.map(x => [metricKey({ metric: x.metric, ...x.scope }), x.value]))

describe('the resampling plan', () => {
  const data = predictionData(['big', 'many'], rows(200))
  const intersections = [['big', 'many']]
  const plan = planPredictions(data.table, intersections, 30)
  const pooled = resamplingPlan(plan, intersections)!.plan

  it('pools the combinations that no eligible group tells apart', () => {
    // The large groups meet each `big` group (6 combinations); a small group of k rows meets min(k, 3)
    // of them (sizes 2, 3, 4, 5 in turn: 11 every 4 groups). Each `big` group keeps its 2 large
    // combinations and pools the rest into one.
    expect(data.table.combos.length).toBe(6 + 50 * 11)
    expect(pooled.table.combos.length).toBe(3 * 3)
  })

  it('gives the overall metrics, the eligible groups and the disparities the values of the full table', () => {
    const full = new RecordingSink()
    computePredictions(plan, data.table, NaN, full)
    const part = new RecordingSink()
    computePredictions(pooled, pooled.table, NaN, part)
    const want = values(full.values)
    const got = values(part.values)
    const eligible = full.values.filter(
      v =>
        v.metric !== 'count' &&
        !(v.scope.group !== undefined && /(^|\*)s\d+/.test(v.scope.group)) &&
        !Number.isNaN(v.value)
    )
    expect(eligible.length).toBeGreaterThan(50)
    for (const v of eligible) {
      const key = metricKey({ metric: v.metric, ...v.scope })
      expect([key, got.get(key)]).toEqual([key, expect.closeTo(want.get(key)!, 12)])
    }
    // The pooled groups are never eligible, whatever their size: no disparity counts them.
    for (const s of pooled.scopes)
      expect(s.eligibleGroups.map(g => s.labels[g]).some(l => l.includes('\u0000'))).toBe(false)
  })

  it('is null when every combination is its own', () => {
    const big = predictionData(['big', 'many'], rows(0))
    expect(resamplingPlan(planPredictions(big.table, intersections, 30), intersections)).toBeNull()
  })

  it("keeps a small group's exact intervals, and says why its Brier score has none", () => {
    const e = evaluate({
      predictions: data,
      intersections,
      settings: { confidence: 0.95, resamples: 200, seed: 1, minGroupSize: 30 }
    })
    const m = (metric: string, group: string) =>
      e.metrics.find(x => x.metric === metric && x.attribute === 'many' && x.group === group)!
    expect(m('accuracy', 's3').ci).not.toBeNull()
    expect(m('accuracy', 's3').status).toBe('insufficient')
    expect(m('brier', 's3')).toMatchObject({
      ci: null,
      reason: 'no bootstrap for a group below minGroupSize (30 rows)'
    })
    const large = m('brier', 'L1')
    expect(large.ci![0]).toBeLessThan(large.value!)
    expect(large.ci![1]).toBeGreaterThan(large.value!)
    const dp = e.metrics.find(x => x.metric === 'demographic_parity_difference' && x.attribute === 'many')!
    expect(dp.ci).not.toBeNull()
  })
})

describe('the paired resamples', () => {
  it("pool the small groups too: their rates' changes stay analytic, their Brier score's has no interval", () => {
    const before = rows(200).map((r, i) => ({ ...r, id: `r${i}` }))
    const rng = createRng(11)
    const now = before.map(r => (rng.next() < 0.05 ? { ...r, p: 1 - r.p } : r))
    const p = pairPredictions(
      predictionData(['big', 'many'], now),
      predictionData(['big', 'many'], before),
      [['big', 'many']],
      { confidence: 0.95, resamples: 200, seed: 2, minGroupSize: 30 }
    )
    if (!p.paired) throw new Error(p.reason)
    const changes = p.changes(0.95)
    const at = (metric: string, group: string) =>
      changes.get(metricKey({ metric, attribute: 'many', group }))!
    expect(at('accuracy', 's3').changeCi).not.toBeNull()
    expect(at('brier', 's3')).toMatchObject({ changeCi: null, pWorse: 1, comparison: 'paired' })
    expect(at('brier', 'L1').changeCi).not.toBeNull()
    expect(
      changes.get(metricKey({ metric: 'demographic_parity_difference', attribute: 'many' }))!.changeCi
    ).not.toBeNull()
  })
})

describe('20,000 groups of 2 rows', () => {
  it('resample one combination, and keep no resamples for the groups', () => {
    const rng = createRng(9)
    const many = Array.from({ length: 40_000 }, (_, i): Row => {
      const s = rng.next()
      return { y: rng.next() < s ? 1 : 0, p: s >= 0.5 ? 1 : 0, s, groups: [`g${i >> 1}`] }
    })
    const data = predictionData(['g'], many)
    const plan = planPredictions(data.table, [], 30)
    expect(resamplingPlan(plan, [])!.plan.table.combos.length).toBe(1)
    const e = evaluate({
      predictions: data,
      intersections: [],
      settings: { confidence: 0.95, resamples: 100, seed: 1, minGroupSize: 30 }
    })
    expect(e.computed.filter(c => c.kept && c.point.scope.group !== undefined)).toEqual([])
    expect(e.metrics.find(m => m.metric === 'brier' && m.attribute === undefined)!.ci).not.toBeNull()
  })
})
