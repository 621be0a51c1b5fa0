/**
 * The AUC's interval (support.ts, 'delong-logit'): DeLong's variance from the blocks equals the
 * placement-value formula written out here on cases small enough to check by hand, and the interval
 * stays inside [0, 1], holds the estimate and widens when a class has few rows.
 */
import { describe, expect, it } from '@jest/globals'
import { aucSummary, aucSupport } from '../../../src/core/metrics/auc.js'
import { intervalFromSupport, type AucSupport } from '../../../src/core/metrics/support.js'

/** A distribution of distinct scores from (score, label) rows, one row each. */
function distribution(rows: [number, 0 | 1][]) {
  const scores = [...new Set(rows.map(r => r[0]))].sort((a, b) => a - b)
  const at = (label: 0 | 1) =>
    Float64Array.from(scores, s => rows.filter(r => r[0] === s && r[1] === label).length)
  return { score: Float64Array.from(scores), posW: at(1), negW: at(0), posN: at(1), negN: at(0) }
}

/** DeLong's variance, written out: placement values, their sample variances over m and n. */
function delong(pos: number[], neg: number[]): { a: number; v: number } {
  const place = (x: number, others: number[], above: boolean) =>
    others.reduce((t, y) => t + (x === y ? 0.5 : (above ? x > y : x < y) ? 1 : 0), 0) / others.length
  const v10 = pos.map(p => place(p, neg, true))
  const v01 = neg.map(q => place(q, pos, false))
  const mean = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / xs.length
  const s2 = (xs: number[]) => xs.reduce((t, x) => t + (x - mean(xs)) ** 2, 0) / (xs.length - 1)
  return { a: mean(v10), v: s2(v10) / pos.length + s2(v01) / neg.length }
}

describe("the AUC's interval", () => {
  it("has DeLong's variance, ties counted ½", () => {
    const pos = [0.9, 0.7, 0.4, 0.4]
    const neg = [0.8, 0.4, 0.2, 0.1, 0.1]
    const { value, blocks } = aucSummary(
      distribution([...pos.map(s => [s, 1] as [number, 1]), ...neg.map(s => [s, 0] as [number, 0])])
    )
    const want = delong(pos, neg)
    // By hand: positives' placements 1, 0.8, 0.7, 0.7 (3 below and one tie of 5) → Â = 0.8.
    expect(want.a).toBeCloseTo(0.8, 12)
    expect(value).toBeCloseTo(want.a, 12)
    const s = aucSupport(blocks, value)!
    expect(s.positives).toBe(4)
    expect(s.negatives).toBe(5)
    expect(s.variance).toBeCloseTo(want.v, 12)
  })

  it('stays inside [0, 1], holds the estimate, and is wider with fewer positives', () => {
    const at = (value: number, positives: number, negatives: number, variance: number) =>
      intervalFromSupport({ kind: 'auc', value, positives, negatives, variance } as AucSupport, 0.95)!
    const few = at(0.8, 10, 190, 0.004)
    const many = at(0.8, 100, 1900, 0.0004)
    for (const [lo, hi] of [few, many]) {
      expect(lo).toBeGreaterThan(0)
      expect(hi).toBeLessThan(1)
      expect(lo).toBeLessThan(0.8)
      expect(hi).toBeGreaterThan(0.8)
    }
    expect(few[1] - few[0]).toBeGreaterThan(2 * (many[1] - many[0]))
    // Separated classes: not [1, 1], but the θ where (1 − θ)² = t²·V(θ), Hanley & McNeil's V.
    const [lo, hi] = at(1, 100, 100, 0)
    expect(hi).toBe(1)
    const hm = (a: number, m: number, n: number) =>
      (a * (1 - a) + (m - 1) * (a / (2 - a) - a * a) + (n - 1) * ((2 * a * a) / (1 + a) - a * a)) / (m * n)
    const t = 1.984216951691 // Student's t, 99 degrees of freedom, 0.975 (SciPy)
    expect((1 - lo) ** 2).toBeCloseTo(t * t * hm(lo, 100, 100), 10)
    expect(lo).toBeGreaterThan(0.97)
    expect(lo).toBeLessThan(0.99)
  })
})
