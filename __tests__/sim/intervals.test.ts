/**
 * Interval coverage and width by simulation (intervals.ts): 200 data sets per regime (a tenth in
 * npm test's quick run: scale.ts), fixed seeds. Targets: 95% intervals cover at least 93% in every regime but heavy weights and small groups with weights tied to the outcome (where Kish's n
 * and the measured coverage are reported instead), and single proportions stay within 1.3× the
 * Clopper–Pearson width. The table in docs/metrics.md is what this prints.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { expectDocSection, pct, table } from '../helpers/docs.js'
import { REGIMES, REPLICATIONS, runRegime, type RegimeResult } from './intervals.js'
import { compareProportionMethods, GRID_N, GRID_P } from './proportions.js'
import { compareRatioMethods, moverClopperPearson, RATIO_RATES, RATIO_SIZES, RATIO_TRUTHS } from './ratios.js'
import { ratioInterval } from '../../src/core/stats/intervals.js'
import { atLeast, itWritesDocs, QUICK, ratioAtMost, replications, SIMULATION_TIMEOUT } from './scale.js'

let results: RegimeResult[] = []
beforeAll(() => {
  results = REGIMES.flatMap(runRegime)
}, SIMULATION_TIMEOUT)
const name = (r: RegimeResult) => `${r.regime}: ${r.metric}`

describe(`95% intervals by simulation, ${REPLICATIONS} data sets per regime${QUICK}`, () => {
  it(`cover at least ${pct(atLeast(0.93, REPLICATIONS))} in every required regime`, () => {
    const under = results.filter(r => r.required && r.coverage < atLeast(0.93, r.replications))
    expect(under.map(r => `${name(r)}: ${pct(r.coverage)}`)).toEqual([])
    expect(results.length).toBeGreaterThan(10)
  })

  it(`are at most ${ratioAtMost(1.3).toFixed(2)}× as wide as Clopper–Pearson for single proportions`, () => {
    const wide = results.filter(r => r.required && r.widthVsCp !== null && r.widthVsCp > ratioAtMost(1.3))
    expect(wide.map(r => `${name(r)}: ${r.widthVsCp!.toFixed(2)}×`)).toEqual([])
    expect(results.some(r => r.widthVsCp !== null)).toBe(true)
  })

  itWritesDocs('matches the table in docs/metrics.md', () => {
    const rows = results.map(r => [
      r.regime,
      `\`${r.metric}\``,
      r.truth,
      pct(r.coverage) + (r.required ? '' : ' (reported)'),
      r.meanWidth.toFixed(3),
      r.widthVsCp === null ? '' : `${r.widthVsCp.toFixed(2)}×`,
      r.kish === null ? '' : r.kish.toFixed(1)
    ])
    expectDocSection(
      'docs/metrics.md',
      'intervals',
      `${REPLICATIONS} data sets per regime (${replications(1000)} for the robustness examples drawn with several seeds, which are cheap), 95% intervals, 1000 resamples.\n\n` +
        table(
          ['regime', 'metric', 'truth', 'coverage', 'mean width', 'width / Clopper–Pearson', 'Kish n'],
          rows
        )
    )
  })

  it('chooses Clopper–Pearson: the one candidate that keeps 93% on the whole grid (docs/metrics.md)', () => {
    const methods = compareProportionMethods()
    const by = Object.fromEntries(methods.map(m => [m.method, m]))
    expect(by['Clopper–Pearson'].minCoverage).toBeGreaterThanOrEqual(0.95)
    expect(by.Wilson.minCoverage).toBeLessThan(0.93)
    expect(by.Jeffreys.minCoverage).toBeLessThan(0.93)
    expectDocSection(
      'docs/metrics.md',
      'proportions',
      `Exact coverage of 95% intervals, summed over the binomial distribution, on the grid n ∈ {${GRID_N.join(', ')}} × p ∈ {${GRID_P.join(', ')}}; width is each point's mean width over Clopper–Pearson's.\n\n` +
        table(
          ['method', 'least coverage', 'where', 'width / Clopper–Pearson (least, mean, most)'],
          methods.map(m => [
            m.method,
            pct(m.minCoverage),
            `n = ${m.at.n}, p = ${m.at.p}`,
            `${m.width.min.toFixed(2)}, ${m.width.mean.toFixed(2)}, ${m.width.max.toFixed(2)}`
          ])
        )
    )
  })

  it('chooses MOVER from Clopper–Pearson limits for ratios: 95% where the log-ratio Wald interval fell to 66% (docs/metrics.md)', () => {
    const methods = compareRatioMethods()
    const at = (name: string, confidence: number) =>
      methods.find(m => m.method.startsWith(name) && m.confidence === confidence)!
    for (const confidence of [0.95, 0.995]) {
      expect(at('MOVER, Clopper', confidence).minCoverage).toBeGreaterThanOrEqual(confidence)
      expect(at('MOVER, Wilson', confidence).minCoverage).toBeLessThan(confidence)
      expect(at('log-ratio Wald', confidence).minAtOne).toBeLessThan(0.8)
    }
    expectDocSection(
      'docs/metrics.md',
      'ratios',
      `Exact coverage of one pair's interval for p₁/p₂, summed over both binomial distributions, on the grid (n₁, n₂) ∈ {${RATIO_SIZES.map(([a, b]) => `(${a}, ${b})`).join(', ')}} (either group the smaller rate) × p₂ ∈ {${RATIO_RATES.join(', ')}} × p₁/p₂ ∈ {${RATIO_TRUTHS.join(', ')}}; width is the mean width of the interval for min/max (ends capped at 1).\n\n` +
        table(
          ['method', 'level', 'least coverage', 'where', 'least coverage at ratio 1', 'mean width'],
          methods.map(m => [
            m.method,
            pct(m.confidence),
            pct(m.minCoverage),
            m.at,
            pct(m.minAtOne),
            m.meanWidth.toFixed(3)
          ])
        )
    )
  })

  it("the engine's ratio interval is MOVER from Clopper–Pearson limits, as written out in the test", () => {
    for (const [n1, n2] of [
      [10, 10],
      [20, 150],
      [30, 7]
    ])
      for (const confidence of [0.95, 0.999]) {
        const reference = moverClopperPearson(n1, n2, confidence)
        for (let x1 = 0; x1 <= n1; x1++)
          for (let x2 = 0; x2 <= n2; x2++) {
            const [a, b] = ratioInterval(x1, n1, x2, n2, confidence)
            const [c, d] = reference(x1, x2)
            expect(Math.abs(a - c)).toBeLessThanOrEqual(1e-12 * Math.max(1, c))
            if (Number.isFinite(d)) expect(Math.abs(b - d)).toBeLessThanOrEqual(1e-12 * d)
            else expect(b).toBe(Infinity)
          }
      }
  })
})
