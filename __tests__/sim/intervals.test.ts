/**
 * Interval coverage and width by simulation (intervals.ts): at least 200 data sets per regime, fixed
 * seeds. Targets: 95% intervals cover at least 93% in every regime but heavy weights (where Kish's n
 * and the measured coverage are reported instead), and single proportions stay within 1.3× the
 * Clopper–Pearson width. The table in docs/metrics.md is what this prints.
 */
import { describe, expect, it } from '@jest/globals'
import { expectDocSection, pct, table } from './docs.js'
import { REGIMES, REPLICATIONS, runRegime, type RegimeResult } from './intervals.js'

const results: RegimeResult[] = REGIMES.flatMap(runRegime)

describe('95% intervals by simulation', () => {
  it.each(results.filter(r => r.required).map(r => [`${r.regime}: ${r.metric}`, r] as const))(
    '%s covers at least 93%',
    (_, r) => {
      expect(r.coverage).toBeGreaterThanOrEqual(0.93)
    }
  )

  it.each(
    results.filter(r => r.widthVsCp !== null && r.required).map(r => [`${r.regime}: ${r.metric}`, r] as const)
  )('%s is at most 1.3× as wide as Clopper–Pearson', (_, r) => {
    expect(r.widthVsCp!).toBeLessThanOrEqual(1.3)
  })

  it('matches the table in docs/metrics.md', () => {
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
})
