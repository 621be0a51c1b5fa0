/**
 * Analytic confidence intervals that stay honest at the boundary (0 successes, equal groups), where a
 * percentile bootstrap collapses onto the estimate. Every function takes the two-sided confidence
 * level and works for any level, so a Bonferroni correction never runs out of resamples.
 *
 * Counts may be fractional: weighted data pass Kish's effective sample size (kish below) and the
 * effective count of successes p̂·n_eff.
 *
 * The beta and normal quantiles come from stdlib (ports of Boost's and Cephes' algorithms, accurate
 * to a few ulps); simple-statistics' probit is good to 2 decimals only, too coarse for tail levels.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile'
import normalCdf from '@stdlib/stats-base-dists-normal-cdf'
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile'
import tCdf from '@stdlib/stats-base-dists-t-cdf'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'

export type Interval = [number, number]

/** Standard normal quantile Φ⁻¹(p). */
export const probit = (p: number): number => normalQuantile(p, 0, 1)

/** Student's t quantile with `df` degrees of freedom. */
export const studentQuantile = (p: number, df: number): number => tQuantile(p, df)

/** Student's t upper tail with `df` degrees of freedom, 1 − F(t). */
export const studentUpperTail = (t: number, df: number): number => tCdf(-t, df)

/** Standard normal upper tail 1 − Φ(z), accurate far into the tail. */
export const normalUpperTail = (z: number): number => normalCdf(-z, 0, 1)

/** The two-sided z of a confidence level: Φ⁻¹(1 − (1 − confidence)/2). */
export const zOf = (confidence: number): number => probit(1 - (1 - confidence) / 2)

/**
 * Kish's effective sample size (Σw)² / Σw²: the number of unweighted rows that give a weighted mean
 * the same variance. Equals the row count when every weight is equal.
 */
export const kish = (sumW: number, sumW2: number): number => (sumW2 > 0 ? (sumW * sumW) / sumW2 : 0)

/**
 * Clopper–Pearson ("exact") interval for x successes in n trials, from beta quantiles. It never
 * undercovers; rai-gate's simulation (docs/metrics.md) found Wilson and Jeffreys covering only 86–92%
 * in the rare-event and small-group regimes where Clopper–Pearson keeps 95% at no greater mean width
 * than Wilson's. Zero successes give the upper bound 1 − (α/2)^(1/n) ≈ 3.7/n at 95%, never 0.
 * O(1). Null when n is 0.
 */
export function clopperPearson(x: number, n: number, confidence: number): Interval | null {
  if (!(n > 0)) return null
  const k = Math.min(Math.max(x, 0), n)
  const tail = (1 - confidence) / 2
  const lo = k <= 0 ? 0 : betaQuantile(tail, k, n - k + 1)
  const hi = k >= n ? 1 : betaQuantile(1 - tail, k + 1, n - k)
  return [lo, hi]
}

/**
 * Agresti–Caffo interval for p₁ − p₂ of two independent proportions: one success and one failure
 * added to each sample, then the Wald interval (Agresti & Caffo 2000, The American Statistician 54).
 * Near-nominal coverage down to a handful of rows, and never [0, 0].
 */
export function agrestiCaffo(x1: number, n1: number, x2: number, n2: number, z: number): Interval {
  const { d, se } = adjustedDifference(x1, n1, x2, n2)
  return [Math.max(-1, d - z * se), Math.min(1, d + z * se)]
}

/**
 * One group on the scale a two-group interval is symmetric on: where it is, and its variance there.
 * The difference of two such places, with a half-width from the sum of their spreads, is the interval.
 */
export interface Scaled {
  at: number
  spread: number
}

/** Agresti–Caffo's scale: the proportion with one success and one failure added. */
export function adjustedProportion(x: number, n: number): Scaled {
  const p = (x + 1) / (n + 2)
  return { at: p, spread: (p * (1 - p)) / (n + 2) }
}

function adjustedDifference(x1: number, n1: number, x2: number, n2: number): { d: number; se: number } {
  const g1 = adjustedProportion(x1, n1)
  const g2 = adjustedProportion(x2, n2)
  return { d: g1.at - g2.at, se: Math.sqrt(g1.spread + g2.spread) }
}

/** The Agresti–Caffo z statistic of p₁ − p₂ (positive when p₁ is larger): its test of equality. */
export function agrestiCaffoZ(x1: number, n1: number, x2: number, n2: number): number {
  const { d, se } = adjustedDifference(x1, n1, x2, n2)
  return d / se
}

/**
 * A proportion on the log scale with its Clopper–Pearson limits there: log p̂ and the logs of the two
 * limits. With no successes, p̂ and its lower limit are 0 (−∞ here), and the upper limit is finite.
 */
export interface LogLimits {
  at: number
  lower: number
  upper: number
}

export function logLimits(x: number, n: number, confidence: number): LogLimits {
  const [l, u] = clopperPearson(x, n, confidence) ?? [0, 1]
  return { at: x > 0 ? Math.log(x / n) : -Infinity, lower: Math.log(l), upper: Math.log(u) }
}

/**
 * Interval for the ratio p₁ / p₂ of two independent proportions from each one's Clopper–Pearson
 * limits, combined on the log scale by the method of variance estimates recovery (MOVER: Donner & Zou
 * 2012, Statistical Methods in Medical Research 21): log p̂₁ − log p̂₂ ∓ √(d₁² + d₂²), where each d is
 * the distance from log p̂ to the limit on the side that end needs. A group with every event (x = n)
 * keeps the distance to its lower limit, so it never looks certain, which the log-ratio Wald interval
 * (variance 1/x − 1/n, 0 when x = n) did; with no events (x = 0) the ratio reaches 0 or ∞ on that
 * side, and the other end is the ratio of the limits. Exact coverage on small cases:
 * docs/metrics.md.
 */
export function ratioOfLimits(g1: LogLimits, g2: LogLimits): Interval {
  if (g1.at === -Infinity) return [0, g2.at === -Infinity ? Infinity : Math.exp(g1.upper - g2.lower)]
  if (g2.at === -Infinity) return [Math.exp(g1.lower - g2.upper), Infinity]
  const d = g1.at - g2.at
  return [
    Math.exp(d - Math.hypot(g1.at - g1.lower, g2.upper - g2.at)),
    Math.exp(d + Math.hypot(g1.upper - g1.at, g2.at - g2.lower))
  ]
}

/** The MOVER interval for p₁ / p₂ at a two-sided confidence (ratioOfLimits). */
export const ratioInterval = (x1: number, n1: number, x2: number, n2: number, confidence: number): Interval =>
  ratioOfLimits(logLimits(x1, n1, confidence), logLimits(x2, n2, confidence))

/**
 * Interval for a difference of two proportions measured on the same rows (clean minus perturbed
 * accuracy): b rows are right only in the first, c only in the second, of n. Agresti & Min (2005,
 * Statistics in Medicine 24): ½ added to each of the four cells of the paired table, then Wald.
 */
export function pairedDifference(b: number, c: number, n: number, z: number): Interval | null {
  if (!(n > 0)) return null
  const { d, se } = pairedMean(b - c, b + c, n)
  return [Math.max(-1, d - z * se), Math.min(1, d + z * se)]
}

/**
 * The mean of n per-row differences e (their sum and sum of squares) with Agresti & Min's adjustment
 * generalized: two rows are added, half a row at e = +1, half at e = −1 and one at 0, and the Wald
 * interval is taken. For e in {−1, 0, 1} (b rows at +1, c at −1) this is exactly their interval with
 * ½ added to each cell of the paired 2×2 table; it keeps a width when no row differs. Returns the
 * adjusted mean d and its standard error.
 */
export function pairedMean(sum: number, squares: number, n: number): { d: number; se: number } {
  const m = n + 2
  const d = sum / m
  return { d, se: Math.sqrt(Math.max(0, (squares + 1) / m - d * d) / m) }
}

/** The interval widened, where needed, to hold `value` (an adjusted centre can sit beside the estimate). */
export const containing = ([lo, hi]: Interval, value: number): Interval => [
  Math.min(lo, value),
  Math.max(hi, value)
]

/** The two-sided level of each of m intervals that hold jointly at `confidence` (Bonferroni). */
export const bonferroni = (confidence: number, m: number): number => 1 - (1 - confidence) / Math.max(1, m)
