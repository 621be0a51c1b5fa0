/** Small cases computed by hand: undefined rates, small groups, disparities, determinism. */
import { describe, expect, it } from '@jest/globals'
import { evaluate, type MetricResult } from '../../../src/core/metrics/evaluate.js'
import { predictionData, type Row } from '../../helpers/tables.js'

const settings = { confidence: 0.95, resamples: 300, seed: 7, minGroupSize: 3 }
const find = (ms: MetricResult[], metric: string, attribute?: string, group?: string) =>
  ms.find(m => m.metric === metric && m.attribute === attribute && m.group === group)!

const rows = (group: string, pattern: [number, number][]): Row[] =>
  pattern.map(([y, p]) => ({ y, p, groups: [group] }))

describe('undefined rates', () => {
  // Group a: no positive labels, so tpr/fnr are undefined there. Group b: tpr 1/2. Group c: tpr 1.
  const data = predictionData(
    ['g'],
    [
      ...rows('a', [
        [0, 0],
        [0, 1],
        [0, 0],
        [0, 0]
      ]),
      ...rows('b', [
        [1, 1],
        [1, 0],
        [0, 0],
        [0, 1]
      ]),
      ...rows('c', [
        [1, 1],
        [0, 0],
        [0, 0],
        [0, 0]
      ])
    ]
  )
  const ms = evaluate({ predictions: data, intersections: [], settings }).metrics

  it('reports null with the reason, never an invented 0', () => {
    expect(find(ms, 'tpr', 'g', 'a')).toMatchObject({ value: null, ci: null, reason: 'no positive labels' })
    expect(find(ms, 'fnr', 'g', 'a')).toMatchObject({ value: null, reason: 'no positive labels' })
    expect(find(ms, 'fpr', 'g', 'a').value).toBe(0.25)
  })

  it('leaves the undefined group out of that rate’s disparities only', () => {
    // tpr over b and c only: 1 − 0.5.
    expect(find(ms, 'equal_opportunity_difference', 'g').value).toBe(0.5)
    expect(find(ms, 'equal_opportunity_ratio', 'g').value).toBe(0.5)
    // Selection rates 0.25, 0.5, 0.25 over all three groups.
    expect(find(ms, 'demographic_parity_difference', 'g').value).toBe(0.25)
    // fpr: a 1/4, b 1/2, c 0 -> difference 0.5; equalized odds = max(0.5, 0.5).
    expect(find(ms, 'equalized_odds_difference', 'g').value).toBe(0.5)
    expect(find(ms, 'equalized_odds_ratio', 'g').value).toBe(0)
  })

  it('makes precision undefined without predicted positives', () => {
    const d = predictionData(
      ['g'],
      [
        ...rows('a', [
          [1, 0],
          [0, 0],
          [0, 0]
        ]),
        ...rows('b', [
          [1, 1],
          [0, 0],
          [0, 0]
        ])
      ]
    )
    const r = evaluate({ predictions: d, intersections: [], settings }).metrics
    expect(find(r, 'precision', 'g', 'a')).toMatchObject({ value: null, reason: 'no predicted positives' })
    expect(find(r, 'precision_difference', 'g')).toMatchObject({
      value: null,
      reason: 'precision is defined in fewer than two eligible groups'
    })
  })

  it('makes AUC undefined with labels of one class', () => {
    const d = predictionData(
      ['g'],
      [
        { y: 1, p: 1, s: 0.9, groups: ['a'] },
        { y: 1, p: 0, s: 0.3, groups: ['a'] }
      ]
    )
    expect(find(evaluate({ predictions: d, intersections: [], settings }).metrics, 'auc')).toMatchObject({
      value: null,
      reason: 'labels of only one class'
    })
  })
})

describe('groups smaller than minGroupSize', () => {
  const data = predictionData(
    ['g'],
    [
      ...rows('big1', [
        [1, 1],
        [0, 0],
        [0, 1],
        [1, 1]
      ]),
      ...rows('big2', [
        [1, 0],
        [0, 0],
        [0, 0],
        [1, 1]
      ]),
      ...rows('tiny', [
        [1, 1],
        [0, 1]
      ])
    ]
  )
  const ms = evaluate({
    predictions: data,
    intersections: [],
    settings: { ...settings, minGroupSize: 4 }
  }).metrics

  it('are reported by name and size, marked insufficient', () => {
    expect(find(ms, 'count', 'g', 'tiny')).toMatchObject({ value: 2, n: 2, status: 'insufficient' })
    expect(find(ms, 'selection_rate', 'g', 'tiny')).toMatchObject({ value: 1, status: 'insufficient' })
    expect(find(ms, 'count', 'g', 'big1').status).toBeUndefined()
  })

  it('are left out of disparities', () => {
    // Selection rates: big1 0.75, big2 0.25 (tiny's 1.0 would widen it).
    expect(find(ms, 'demographic_parity_difference', 'g')).toMatchObject({ value: 0.5, n: 8 })
  })

  it('leave no disparity when fewer than two groups are eligible', () => {
    const r = evaluate({
      predictions: data,
      intersections: [],
      settings: { ...settings, minGroupSize: 5 }
    }).metrics
    expect(find(r, 'demographic_parity_difference', 'g')).toMatchObject({
      value: null,
      status: 'insufficient',
      reason: 'fewer than two groups have at least 5 rows'
    })
  })
})

describe('intersections', () => {
  it('label groups by joining the attribute values with *', () => {
    const d = predictionData(
      ['race', 'sex'],
      [
        { y: 1, p: 1, groups: ['Black', 'female'] },
        { y: 0, p: 0, groups: ['Black', 'male'] },
        { y: 0, p: 1, groups: ['White', 'female'] }
      ]
    )
    const r = evaluate({
      predictions: d,
      intersections: [['race', 'sex']],
      settings: { ...settings, minGroupSize: 1 }
    }).metrics
    expect(find(r, 'selection_rate', 'race*sex', 'White*female').value).toBe(1)
    expect(find(r, 'count', 'race*sex', 'Black*male').value).toBe(1)
  })
})

describe('reproducibility', () => {
  const make = () =>
    predictionData(
      ['g'],
      Array.from({ length: 200 }, (_, i) => ({
        y: i % 3 === 0 ? 1 : 0,
        p: i % 4 === 0 ? 1 : 0,
        s: (i % 10) / 10,
        groups: [i % 2 ? 'a' : 'b']
      }))
    )
  const input = { intersections: [], settings }

  it('gives identical results for the same inputs and seed, and does not modify its inputs', () => {
    const data = make()
    // The scores as data (the source's distribution is a function, made on first use).
    const plain = (d: typeof data) => ({
      ...d,
      scores: d.scores && { grid: d.scores.grid, distribution: d.scores.distribution() }
    })
    const before = structuredClone(plain(data))
    const a = evaluate({ ...input, predictions: data }).metrics
    expect(plain(data)).toEqual(before)
    expect(evaluate({ ...input, predictions: make() }).metrics).toEqual(a)
  })

  it('changes the intervals, not the estimates, with another seed', () => {
    const a = evaluate({ ...input, predictions: make() }).metrics
    const b = evaluate({ ...input, predictions: make(), settings: { ...settings, seed: 8 } }).metrics
    expect(b.map(m => m.value)).toEqual(a.map(m => m.value))
    expect(b.map(m => m.ci)).not.toEqual(a.map(m => m.ci))
  })

  it('uses the confidence level: a 99% interval contains the 80% one', () => {
    const at = (confidence: number) =>
      find(
        evaluate({ ...input, predictions: make(), settings: { ...settings, confidence } }).metrics,
        'demographic_parity_difference',
        'g'
      ).ci!
    const [wide, narrow] = [at(0.99), at(0.8)]
    expect(wide[0]).toBeLessThanOrEqual(narrow[0])
    expect(wide[1]).toBeGreaterThanOrEqual(narrow[1])
    expect(wide[1] - wide[0]).toBeGreaterThan(narrow[1] - narrow[0])
  })
})

describe('calibration errors at the boundary', () => {
  // Perfectly calibrated as observed: every score is 0.5 and half the labels are 1, so ECE and MCE
  // are exactly 0. Every resample's positive share differs from 0.5, so a percentile bootstrap's
  // interval would lie wholly above 0; the signed per-bin bounds let it reach 0.
  const data = predictionData(
    ['g'],
    Array.from({ length: 400 }, (_, i) => ({ y: i % 2, p: 1, s: 0.5, groups: ['a'] }))
  )
  const ms = evaluate({ predictions: data, intersections: [], settings }).metrics

  it.each(['ece', 'mce'])('%s is 0, and its interval reaches from 0 to the noise of 400 rows', metric => {
    const m = find(ms, metric)
    expect(m.value).toBe(0)
    expect(m.ci![0]).toBe(0)
    // Half-width of a 400-row proportion near 0.5 is about 0.05: the bootstrap's upper end.
    expect(m.ci![1]).toBeGreaterThan(0.02)
    expect(m.ci![1]).toBeLessThan(0.1)
    expect(m.ciNote).toBeUndefined()
  })

  it('marks no estimate that lies inside its interval', () => {
    for (const m of ms) {
      const outside = m.value !== null && m.ci !== null && (m.value < m.ci[0] || m.value > m.ci[1])
      expect(Boolean(m.ciNote)).toBe(outside)
    }
  })
})

describe('bootstrap limits beyond what the resamples resolve', () => {
  // 1000 resamples hold 1.25 beyond a limit at 1 − 0.05/20 (a Bonferroni level over 20 checks).
  const rows = Array.from({ length: 600 }, (_, i) => ({
    y: i % 3 === 0 ? 1 : 0,
    p: i % 4 === 0 ? 1 : 0,
    s: ((i * 7) % 100) / 100,
    groups: ['a']
  }))
  const e = evaluate({
    predictions: predictionData(['g'], rows),
    intersections: [],
    settings: { ...settings, resamples: 1000 }
  })
  const level = 1 - 0.05 / 20

  it('come from the normal approximation to the bootstrap distribution: estimate ± z·sd', () => {
    const brier = e.at(level).find(m => m.metric === 'brier' && m.attribute === undefined)!
    const c = e.computed.find(x => x.point.metric === 'brier' && x.point.scope.attribute === undefined)!
    const xs = Array.from(c.replicates()).filter(x => !Number.isNaN(x))
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1))
    const z = 3.023341439739154 // Φ⁻¹(1 − 0.00125), SciPy
    expect(brier.ci![0]).toBeCloseTo(brier.value! - z * sd, 8)
    expect(brier.ci![1]).toBeCloseTo(brier.value! + z * sd, 8)
  })

  it('and from the percentiles where the resamples reach', () => {
    const brier = e.metrics.find(m => m.metric === 'brier' && m.attribute === undefined)!
    const c = e.computed.find(x => x.point.metric === 'brier' && x.point.scope.attribute === undefined)!
    const sample = Array.from(c.replicates()).sort((a, b) => a - b)
    expect(brier.ci![0]).toBeGreaterThanOrEqual(sample[0])
    expect(brier.ci![1]).toBeLessThanOrEqual(sample[sample.length - 1])
    expect(Math.abs(brier.ci![1] - brier.value! - (brier.value! - brier.ci![0]))).toBeGreaterThan(0)
  })
})

describe('disparities of groups that cannot be told apart', () => {
  // Two groups with exactly the same rows: every rate equal, every difference 0 and ratio 1.
  const rows = ['a', 'b'].flatMap(g =>
    Array.from({ length: 200 }, (_, i) => ({
      y: i % 2,
      p: i % 5 < 2 ? 1 : 0,
      s: (i % 10) / 10 + 0.05,
      groups: [g]
    }))
  )
  const ms = evaluate({ predictions: predictionData(['g'], rows), intersections: [], settings }).metrics

  it.each([
    'demographic_parity_difference',
    'equalized_odds_difference',
    'accuracy_difference',
    'ece_difference'
  ])('%s is 0 and its interval reaches 0', metric => {
    const m = find(ms, metric, 'g')
    expect(m.value).toBeCloseTo(0, 12)
    expect(m.ci![0]).toBe(0)
    expect(m.ci![1]).toBeGreaterThan(0)
  })

  it.each(['demographic_parity_ratio', 'equal_opportunity_ratio', 'equalized_odds_ratio'])(
    '%s is 1 and its interval reaches 1',
    metric => {
      const m = find(ms, metric, 'g')
      expect(m.value).toBeCloseTo(1, 12)
      expect(m.ci![1]).toBe(1)
      expect(m.ci![0]).toBeLessThan(1)
    }
  )

  it('gives a group rate of 0 an upper bound above 0', () => {
    const zero = evaluate({
      predictions: predictionData(
        ['g'],
        Array.from({ length: 30 }, (_, i) => ({ y: i % 2, p: 0, groups: ['a'] }))
      ),
      intersections: [],
      settings
    }).metrics
    const fpr = find(zero, 'fpr', 'g', 'a')
    expect(fpr.value).toBe(0)
    // Clopper–Pearson for 0 of 15 negatives at 95%: 1 − 0.025^(1/15).
    expect(fpr.ci).toEqual([0, expect.closeTo(1 - Math.pow(0.025, 1 / 15), 12)])
  })
})

describe('a ratio over groups whose rates are all 0', () => {
  // Nobody is selected in either group, and no positive is found: every rate is 0 in every group.
  const data = predictionData(
    ['g'],
    [
      ...rows('a', [
        [1, 0],
        [0, 0],
        [1, 0]
      ]),
      ...rows('b', [
        [0, 0],
        [1, 0],
        [0, 0]
      ])
    ]
  )
  const ms = evaluate({ predictions: data, intersections: [], settings }).metrics

  it('is 1, as docs/metrics.md says: equal rates are parity, whatever they are', () => {
    for (const ratio of ['demographic_parity_ratio', 'equal_opportunity_ratio'])
      expect(find(ms, ratio, 'g')).toMatchObject({ value: 1 })
    // The differences agree: no disparity at all.
    expect(find(ms, 'demographic_parity_difference', 'g')).toMatchObject({ value: 0 })
  })
})
