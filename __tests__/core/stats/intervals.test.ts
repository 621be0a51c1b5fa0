/**
 * The analytic intervals against independent references: SciPy 1.17's beta and normal quantiles
 * (Clopper–Pearson) and the published formulas worked by hand in NumPy (Agresti–Caffo, Agresti–Min).
 */
import { describe, expect, it } from '@jest/globals'
import {
  agrestiCaffo,
  agrestiCaffoZ,
  bonferroni,
  clopperPearson,
  kish,
  pairedDifference,
  ratioInterval,
  zOf
} from '../../../src/core/stats/intervals.js'

const close = (got: [number, number] | null, want: [number, number], digits = 12) => {
  expect(got).not.toBeNull()
  expect(got![0]).toBeCloseTo(want[0], digits)
  expect(got![1]).toBeCloseTo(want[1], digits)
}

describe('Clopper–Pearson', () => {
  it.each([
    [0, 100, 0.95, [0, 0.03621669264517641]],
    [1, 100, 0.95, [0.00025314603297742086, 0.054459385392080645]],
    [3, 30, 0.95, [0.021117137029722576, 0.2652884504742081]],
    [7.5, 20.3, 0.9, [0.19377408469906085, 0.5753993977678008]],
    [400, 400, 0.95, [0.9908201954163347, 1]],
    [5, 1000, 0.999, [0.0006335584778436642, 0.01730291723657887]]
  ] as const)('%d of %d at %d equals SciPy', (x, n, c, want) => {
    close(clopperPearson(x, n, c), [want[0], want[1]])
  })

  it('gives 0 failures in n cases an upper bound near 3.7/n, never 0', () => {
    for (const n of [30, 100, 400, 5000]) {
      const [lo, hi] = clopperPearson(0, n, 0.95)!
      expect(lo).toBe(0)
      expect(hi * n).toBeGreaterThan(3.4)
      expect(hi * n).toBeLessThan(3.7)
    }
  })

  it('has no interval without trials', () => {
    expect(clopperPearson(0, 0, 0.95)).toBeNull()
  })
})

describe('two proportions', () => {
  it('Agresti–Caffo equals the adjusted Wald interval worked by hand', () => {
    close(agrestiCaffo(0, 30, 0, 30, zOf(0.95)), [-0.08525482519962847, 0.08525482519962847])
    close(agrestiCaffo(12, 40, 3, 35, zOf(0.95)), [0.029490888933811993, 0.3733405138975908])
    expect(agrestiCaffoZ(0, 30, 0, 30)).toBe(0)
    expect(agrestiCaffoZ(12, 40, 3, 35)).toBeGreaterThan(1.96)
  })

  it('the ratio interval holds 1 for equal counts, also when every trial succeeds, and is finite with a zero', () => {
    const [a, b] = ratioInterval(20, 100, 20, 100, 0.95)
    expect(a).toBeLessThan(1)
    expect(b).toBeGreaterThan(1)
    expect(a * b).toBeCloseTo(1, 12)
    // A small group catching every positive beside a large group at 0.9: the truth 1 is in reach.
    const [e, f] = ratioInterval(135, 150, 20, 20, 0.95)
    expect(e).toBeLessThan(0.9)
    expect(f).toBeGreaterThan(1)
    const [c, d] = ratioInterval(0, 50, 10, 50, 0.95)
    expect(c).toBe(0)
    expect(d).toBeLessThan(1)
    expect(d).toBeCloseTo(clopperPearson(0, 50, 0.95)![1] / clopperPearson(10, 50, 0.95)![0], 12)
  })

  it('the ratio interval is MOVER from the Clopper–Pearson limits, worked by hand', () => {
    // 30/40 over 12/60: log(0.75/0.2) ∓ √(Δ₁² + Δ₂²) with each Δ the distance to a limit on the log scale.
    const [l1, u1] = clopperPearson(30, 40, 0.95)!
    const [l2, u2] = clopperPearson(12, 60, 0.95)!
    const d = Math.log(0.75 / 0.2)
    const lo = Math.exp(d - Math.sqrt(Math.log(0.75 / l1) ** 2 + Math.log(u2 / 0.2) ** 2))
    const hi = Math.exp(d + Math.sqrt(Math.log(u1 / 0.75) ** 2 + Math.log(0.2 / l2) ** 2))
    close(ratioInterval(30, 40, 12, 60, 0.95), [lo, hi])
  })

  it('Agresti–Min equals the paired adjusted Wald interval worked by hand', () => {
    close(pairedDifference(10, 2, 200, zOf(0.95)), [0.0050489840867928015, 0.07415893670528641])
    // No discordant rows in 50: not [0, 0].
    close(pairedDifference(0, 0, 50, zOf(0.95)), [-0.037691615087308734, 0.037691615087308734])
  })
})

describe('helpers', () => {
  it('Kish n is the row count for equal weights and smaller for unequal ones', () => {
    expect(kish(10 * 2.5, 10 * 2.5 * 2.5)).toBeCloseTo(10, 12)
    expect(kish(1 + 9, 1 + 81)).toBeCloseTo(100 / 82, 12)
  })

  it('Bonferroni levels and z values', () => {
    expect(bonferroni(0.95, 6)).toBeCloseTo(1 - 0.05 / 6, 15)
    expect(zOf(0.95)).toBeCloseTo(1.959963984540054, 12)
    expect(zOf(bonferroni(0.95, 6))).toBeCloseTo(2.638257273476751, 12)
  })
})
