/**
 * Interval coverage and width by simulation (intervals.ts): 200 data sets per regime (a tenth in
 * npm test's quick run: scale.ts), fixed seeds. Targets: 95% intervals cover at least 93% in every regime but heavy weights (where Kish's n
 * and the measured coverage are reported instead), and single proportions stay within 1.3× the
 * Clopper–Pearson width. The table in docs/metrics.md is what this prints.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { expectDocSection, pct, table } from '../helpers/docs.js'
import { REGIMES, REPLICATIONS, runRegime, type RegimeResult } from './intervals.js'
import { compareProportionMethods, GRID_N, GRID_P } from './proportions.js'
import { atLeast, itWritesDocs, QUICK, ratioAtMost, SIMULATION_TIMEOUT } from './scale.js'

let results: RegimeResult[] = []
beforeAll(() => {
  results = REGIMES.flatMap(runRegime)
}, SIMULATION_TIMEOUT)
const name = (r: RegimeResult) => `${r.regime}: ${r.metric}`

describe(`95% intervals by simulation, ${REPLICATIONS} data sets per regime${QUICK}`, () => {
  it(`cover at least ${pct(atLeast(0.93, REPLICATIONS))} in every required regime`, () => {
    const under = results.filter(r => r.required && r.coverage < atLeast(0.93, REPLICATIONS))
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
      `${REPLICATIONS} data sets per regime, 95% intervals, 1000 resamples.\n\n` +
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
})
