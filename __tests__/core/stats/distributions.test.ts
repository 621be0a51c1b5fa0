import { describe, expect, it } from '@jest/globals'
import { max, mean, min, variance } from 'simple-statistics'
import { PoissonDraws, poisson } from '../../../src/core/stats/distributions.js'
import { createRng } from '../../../src/core/stats/rng.js'

describe('seeded random numbers', () => {
  it('repeats exactly for the same seed and differs across seeds and streams', () => {
    const draw = (seed: number, stream = 0) => {
      const rng = createRng(seed, stream)
      return Array.from({ length: 5 }, () => rng.next())
    }
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
    expect(draw(42, 1)).not.toEqual(draw(42, 2))
  })

  it('draws uniforms on [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = createRng(1)
    const x = Array.from({ length: 200000 }, () => rng.next())
    expect(min(x)).toBeGreaterThanOrEqual(0)
    expect(max(x)).toBeLessThan(1)
    expect(mean(x)).toBeCloseTo(0.5, 2)
    expect(variance(x)).toBeCloseTo(1 / 12, 3)
  })

  it('draws standard normals, the two of each polar pair uncorrelated', () => {
    const rng = createRng(2)
    const n = 200000
    const x = Array.from({ length: n }, () => rng.normal())
    expect(mean(x)).toBeCloseTo(0, 2)
    expect(variance(x)).toBeCloseTo(1, 1)
    // Tails: P(|Z| > 1.96) = 0.05, within 5 standard errors.
    const tail = x.filter(z => Math.abs(z) > 1.96).length / n
    expect(Math.abs(tail - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / n))
    // Consecutive draws (the two of a pair, then across pairs) have correlation 0, within 5 s.e.
    for (const offset of [0, 1]) {
      let sum = 0
      let k = 0
      for (let i = offset; i + 1 < n; i += 2, k++) sum += x[i] * x[i + 1]
      expect(Math.abs(sum / k)).toBeLessThan(5 / Math.sqrt(k))
    }
  })

  // Mean and variance both equal lambda; the tolerance is 5 standard errors of each estimate.
  it.each([0.3, 1, 4, 9.9, 10, 37.5, 1000, 250000])(
    'draws Poisson(%p) with mean and variance lambda',
    lambda => {
      const rng = createRng(3)
      const n = 40000
      const x = Array.from({ length: n }, () => poisson(rng, lambda))
      expect(x.every(k => Number.isInteger(k) && k >= 0)).toBe(true)
      expect(Math.abs(mean(x) - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n))
      expect(Math.abs(variance(x) - lambda)).toBeLessThan(5 * lambda * Math.sqrt(2 / n) + 0.01)
    }
  )

  it('matches the Poisson(3) probabilities', () => {
    const rng = createRng(4)
    const n = 100000
    const counts = new Array(20).fill(0)
    for (let i = 0; i < n; i++) counts[Math.min(19, poisson(rng, 3))]++
    const pmf = (k: number) => (Math.exp(-3) * 3 ** k) / [1, 1, 2, 6, 24, 120, 720][k]
    for (let k = 0; k <= 6; k++) expect(Math.abs(counts[k] / n - pmf(k))).toBeLessThan(0.005)
  })

  it('matches the Poisson(50) probabilities around the mode (rejection branch)', () => {
    const rng = createRng(5)
    const n = 100000
    const counts = new Map<number, number>()
    for (let i = 0; i < n; i++) {
      const k = poisson(rng, 50)
      counts.set(k, (counts.get(k) ?? 0) + 1)
    }
    let logFact = 0
    for (let k = 1; k <= 60; k++) {
      logFact += Math.log(k)
      if (k >= 40)
        expect(Math.abs((counts.get(k) ?? 0) / n - Math.exp(-50 + k * Math.log(50) - logFact))).toBeLessThan(
          0.004
        )
    }
  })

  it('draws the same values from precomputed constants as one draw at a time', () => {
    const lambdas = [0, 0.3, 4, 9.99, 10, 37.5, 1000, 250000]
    const draws = new PoissonDraws(lambdas)
    const a = createRng(4)
    const b = createRng(4)
    for (let r = 0; r < 2000; r++)
      lambdas.forEach((lambda, i) => expect(draws.at(a, i)).toBe(poisson(b, lambda)))
  })
})
