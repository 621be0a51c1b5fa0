/**
 * The choice of interval for single proportions, computed exactly: for each candidate and each (n, p)
 * on a grid of the regimes a release gate meets, coverage and mean width are summed over the binomial
 * distribution of x. Wilson and Jeffreys are the candidates of Brown, Cai & DasGupta (2001);
 * Clopper–Pearson is the engine's (stats/intervals.ts).
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile'
import { clopperPearson, zOf, type Interval } from '../../src/core/stats/intervals.js'

type Method = (x: number, n: number, confidence: number) => Interval

const wilson: Method = (x, n, confidence) => {
  const z = zOf(confidence)
  const p = x / n
  const d = 1 + (z * z) / n
  const c = (p + (z * z) / (2 * n)) / d
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d
  return [Math.max(0, c - h), Math.min(1, c + h)]
}

const jeffreys: Method = (x, n, confidence) => {
  const tail = (1 - confidence) / 2
  return [
    x === 0 ? 0 : betaQuantile(tail, x + 0.5, n - x + 0.5),
    x === n ? 1 : betaQuantile(1 - tail, x + 0.5, n - x + 0.5)
  ]
}

export const METHODS: Record<string, Method> = {
  Wilson: wilson,
  Jeffreys: jeffreys,
  'Clopper–Pearson': (x, n, c) => clopperPearson(x, n, c)!
}

export const GRID_N = [20, 30, 40, 50, 75, 100, 150, 200, 300]
export const GRID_P = [0.001, 0.002, 0.005, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5]

/** Binomial(n, p) probabilities of x = 0..n, by the recurrence from (1 − p)^n, in logs (no underflow). */
export function binomial(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1)
  const odds = Math.log(p) - Math.log(1 - p)
  let log = n * Math.log(1 - p)
  for (let x = 0; x <= n; x++) {
    out[x] = Math.exp(log)
    log += Math.log((n - x) / (x + 1)) + odds
  }
  return out
}

export interface MethodResult {
  method: string
  minCoverage: number
  at: { n: number; p: number }
  /** Mean width over Clopper–Pearson's, its least, mean and most over the grid. */
  width: { min: number; mean: number; max: number }
}

export function compareProportionMethods(confidence = 0.95): MethodResult[] {
  const widthOf = (m: Method, n: number, pmf: Float64Array) => {
    let w = 0
    for (let x = 0; x <= n; x++) {
      const [lo, hi] = m(x, n, confidence)
      w += pmf[x] * (hi - lo)
    }
    return w
  }
  return Object.entries(METHODS).map(([method, m]) => {
    let minCoverage = Infinity
    let at = { n: 0, p: 0 }
    const ratios: number[] = []
    for (const n of GRID_N)
      for (const p of GRID_P) {
        const pmf = binomial(n, p)
        let coverage = 0
        for (let x = 0; x <= n; x++) {
          const [lo, hi] = m(x, n, confidence)
          if (lo <= p && p <= hi) coverage += pmf[x]
        }
        if (coverage < minCoverage) {
          minCoverage = coverage
          at = { n, p }
        }
        ratios.push(widthOf(m, n, pmf) / widthOf(METHODS['Clopper–Pearson'], n, pmf))
      }
    return {
      method,
      minCoverage,
      at,
      width: {
        min: Math.min(...ratios),
        mean: ratios.reduce((a, b) => a + b, 0) / ratios.length,
        max: Math.max(...ratios)
      }
    }
  })
}
