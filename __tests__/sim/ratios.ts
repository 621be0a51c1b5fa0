/**
 * The choice of pairwise interval for a ratio of two rates, computed exactly: for each candidate and
 * each pair of groups (n₁, n₂, p₁, p₂) on a grid of the regimes a disparity ratio meets (a small group
 * beside a large one, rates near 1, equal rates), coverage of the ratio p₁/p₂ is summed over both
 * binomial distributions. The log-ratio Wald interval (½ added to each count) is the one rai-gate used
 * before; MOVER combines each group's own limits (Donner & Zou 2012), Wilson's or Clopper–Pearson's.
 * The engine's is stats/intervals.ts ratioInterval.
 */
import {
  clopperPearson,
  logLimits,
  ratioOfLimits,
  zOf,
  type Interval
} from '../../src/core/stats/intervals.js'
import { binomial, METHODS } from './proportions.js'

type Single = (x: number, n: number, confidence: number) => Interval
/** A candidate for groups of n₁ and n₂ rows at a level: the interval of x₁/n₁ over x₂/n₂. */
type Method = (n1: number, n2: number, confidence: number) => (x1: number, x2: number) => Interval

/** A candidate that keeps something of each group (computed once per count) and pairs two of them. */
const paired =
  <G>(group: (x: number, n: number, confidence: number) => G, pair: (g1: G, g2: G) => Interval): Method =>
  (n1, n2, confidence) => {
    const g1 = Array.from({ length: n1 + 1 }, (_, x) => group(x, n1, confidence))
    const g2 = Array.from({ length: n2 + 1 }, (_, x) => group(x, n2, confidence))
    return (x1, x2) => pair(g1[x1], g2[x2])
  }

/** MOVER on the log scale from a single-proportion interval's limits, written out here. */
const mover = (single: Single): Method =>
  paired(
    (x, n, confidence) => {
      const [l, u] = single(x, n, confidence)
      return { p: x / n, l, u }
    },
    (g1, g2): Interval => {
      if (g1.p === 0) return [0, g2.p === 0 ? Infinity : g1.u / g2.l]
      if (g2.p === 0) return [g1.l / g2.u, Infinity]
      const d = Math.log(g1.p / g2.p)
      return [
        Math.exp(d - Math.sqrt(Math.log(g1.p / g1.l) ** 2 + Math.log(g2.u / g2.p) ** 2)),
        Math.exp(d + Math.sqrt(Math.log(g1.u / g1.p) ** 2 + Math.log(g2.p / g2.l) ** 2))
      ]
    }
  )

/** The log-ratio Wald interval with ½ added to each count. */
const logWald = paired(
  (x, n, confidence) => ({
    at: Math.log((x + 0.5) / (n + 0.5)),
    spread: 1 / (x + 0.5) - 1 / (n + 0.5),
    z: zOf(confidence)
  }),
  (g1, g2): Interval => {
    const se = Math.sqrt(Math.max(0, g1.spread + g2.spread))
    return [Math.exp(g1.at - g2.at - g1.z * se), Math.exp(g1.at - g2.at + g1.z * se)]
  }
)

export const RATIO_METHODS: Record<string, Method> = {
  'log-ratio Wald, ½ added (before)': logWald,
  'MOVER, Wilson limits': mover(METHODS.Wilson),
  'MOVER, Clopper–Pearson limits (the engine)': paired(logLimits, ratioOfLimits)
}

/** The engine's pairs are MOVER from Clopper–Pearson limits, as written out here. */
export const moverClopperPearson = mover((x, n, c) => clopperPearson(x, n, c)!)

export const RATIO_SIZES: [number, number][] = [
  [10, 10],
  [20, 20],
  [50, 50],
  [10, 75],
  [20, 150],
  [30, 300]
]
export const RATIO_RATES = [0.05, 0.2, 0.5, 0.8, 0.9, 0.95, 0.99]
/** The true ratios p₁/p₂ of the grid: equal groups, and the first group's rate at 0.8 and 0.5 of the second's. */
export const RATIO_TRUTHS = [1, 0.8, 0.5]
/** 95%, and the Bonferroni level of 10 pairs (5 groups). */
export const RATIO_LEVELS = [0.95, 0.995]

export interface RatioResult {
  method: string
  confidence: number
  minCoverage: number
  at: string
  /** Coverage where both rates are equal (ratio 1): the least over the grid. */
  minAtOne: number
  /** Mean width of the interval for min/max (each end capped at 1), over the grid. */
  meanWidth: number
}

export function compareRatioMethods(): RatioResult[] {
  return RATIO_LEVELS.flatMap(confidence =>
    Object.entries(RATIO_METHODS).map(([method, m]) => {
      let minCoverage = Infinity
      let minAtOne = Infinity
      let at = ''
      let width = 0
      let cases = 0
      for (const [small, large] of RATIO_SIZES)
        for (const p of RATIO_RATES)
          for (const truth of RATIO_TRUTHS)
            // Either group can hold the lower rate.
            for (const [n1, n2, p1, p2] of [
              [small, large, p * truth, p],
              [large, small, p * truth, p]
            ]) {
              const a = binomial(n1, p1)
              const b = binomial(n2, p2)
              const interval = m(n1, n2, confidence)
              let coverage = 0
              let w = 0
              for (let x1 = 0; x1 <= n1; x1++) {
                if (a[x1] < 1e-15) continue
                for (let x2 = 0; x2 <= n2; x2++) {
                  const pr = a[x1] * b[x2]
                  if (pr < 1e-15) continue
                  const ci = interval(x1, x2)
                  const ratio = p1 / p2
                  if (ci[0] <= ratio * (1 + 1e-12) && ratio <= ci[1] * (1 + 1e-12)) coverage += pr
                  w += pr * (Math.min(ci[1], 1) - Math.min(ci[0], 1))
                }
              }
              width += w
              cases++
              if (truth === 1) minAtOne = Math.min(minAtOne, coverage)
              if (coverage < minCoverage) {
                minCoverage = coverage
                at = `n = ${n1} and ${n2}, rates ${+p1.toFixed(3)} and ${+p2.toFixed(3)}`
              }
            }
      return { method, confidence, minCoverage, at, minAtOne, meanWidth: width / cases }
    })
  )
}
