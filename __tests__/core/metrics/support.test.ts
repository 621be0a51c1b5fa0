/**
 * The pairwise interval of a disparity skips the pairs that cannot move its ends: its ends must be
 * exactly those of every pair, computed here plainly (fast-check), for differences and ratios, on
 * families of groups that are equal, far apart, tiny, large, or empty of events.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { intervalFromSupport, type DisparitySupport } from '../../../src/core/metrics/support.js'
import { agrestiCaffo, bonferroni, ratioInterval, zOf } from '../../../src/core/stats/intervals.js'

/** Every pair of every family, as the interval is defined. */
function allPairs(s: DisparitySupport, confidence: number): [number, number] | null {
  const pairs = s.families.reduce((t, f) => t + (f.x.length * (f.x.length - 1)) / 2, 0)
  if (pairs === 0) return null
  const level = bonferroni(confidence, pairs)
  const z = zOf(level)
  let lo = s.type === 'difference' ? 0 : Infinity
  let hi = s.type === 'difference' ? 0 : Infinity
  for (const { x, n } of s.families)
    for (let i = 0; i < x.length; i++)
      for (let j = i + 1; j < x.length; j++) {
        if (s.type === 'difference') {
          const [a, b] = agrestiCaffo(x[i], n[i], x[j], n[j], z)
          lo = Math.max(lo, a > 0 ? a : b < 0 ? -b : 0)
          hi = Math.max(hi, -a, b)
        } else {
          const [a, b] = ratioInterval(x[i], n[i], x[j], n[j], level)
          lo = Math.min(lo, a, 1 / b)
          hi = Math.min(hi, b, 1 / a)
        }
      }
  return s.type === 'difference' ? [lo, Math.min(1, hi)] : [Math.min(lo, 1), Math.min(1, hi)]
}

/** A group: its size and events, from tiny to large, rates anywhere (0 and 1 included). */
const group = fc
  .tuple(fc.constantFrom(1, 2, 5, 30, 100, 1000, 100000), fc.double({ min: 0, max: 1, noNaN: true }))
  .chain(([n, rate]) => fc.constantFrom({ n, x: Math.round(n * rate) }, { n, x: 0 }, { n, x: n }))

const family = fc
  .oneof(
    fc.array(group, { minLength: 0, maxLength: 40 }),
    // Equal groups: the hardest case for the near end (every pair reaches 0).
    fc.tuple(group, fc.integer({ min: 2, max: 40 })).map(([g, k]) => Array.from({ length: k }, () => g))
  )
  .map(groups => ({ x: groups.map(g => g.x), n: groups.map(g => g.n) }))

describe('the interval of a disparity', () => {
  it('has the ends of every pair, for differences and ratios', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('difference' as const, 'ratio' as const),
        fc.array(family, { minLength: 1, maxLength: 2 }),
        fc.constantFrom(0.9, 0.95, 0.999),
        (type, families, confidence) => {
          const s: DisparitySupport = { kind: 'disparity', type, families }
          const got = intervalFromSupport(s, confidence)
          const want = allPairs(s, confidence)
          if (want === null) return expect(got).toBeNull()
          // A ratio's pair is computed in either order, so its ends agree to the last bits.
          got!.forEach((end, k) =>
            expect(Math.abs(end - want[k])).toBeLessThanOrEqual(1e-12 * Math.max(1, want[k]))
          )
        }
      ),
      { numRuns: 1000, seed: 31 }
    )
  })
})
