/**
 * Regression intervals by simulation (regression.ts), 400 replications per regime with fixed seeds
 * (a tenth in npm test's quick run). Targets: every metric covers its true value at least 93% of the
 * time in every regime, pooled over groups, except RMSE (and its differences and ratios) and r2 with
 * Student-t errors of 3 degrees of freedom, whose squared residuals have infinite variance: no interval
 * from moments holds there (docs/metrics.md says so), and the report says so (the kurtosis note, in
 * at least 90% of groups of 500 rows). The table in docs/metrics.md is what this
 * prints.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { expectDocSection, pct, table } from '../helpers/docs.js'
import { MEASURED, REGIMES, REPLICATIONS, replicate, truth, type Regime } from './regression.js'
import { atLeast, itWritesDocs, QUICK, ratioAtMost, SIMULATION_TIMEOUT } from './scale.js'

interface Measured {
  regime: string
  metric: string
  truth: string
  coverage: number
  width: number
  /** The reference Wald interval's coverage and width, where one is written. */
  reference?: { coverage: number; width: number }
  /** Share of intervals with a ciNote. */
  noted: number
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const heavy = (r: Regime) => r.errors.name !== 'normal'
let measured: Measured[] = []

beforeAll(() => {
  measured = REGIMES.flatMap(regime => {
    const reps = Array.from({ length: REPLICATIONS }, (_, rep) => replicate(regime, rep))
    return MEASURED.map(metric => {
      const ours: { ci: [number, number]; t: number; noted: boolean }[] = []
      const refs: { ci: [number, number]; t: number }[] = []
      const truths = new Set<number>()
      for (const r of reps)
        for (const [key, m] of r.results) {
          const [id, group] = key.split('|')
          if (id !== metric || m.ci === null) continue
          const t = truth(regime, metric, group === '' ? undefined : Number(group))
          truths.add(Number(t.toFixed(4)))
          ours.push({ ci: m.ci, t, noted: m.ciNote !== undefined })
          const ref = r.reference.get(key)
          if (ref) refs.push({ ci: ref, t })
        }
      const covers = ({ ci: [lo, hi], t }: { ci: [number, number]; t: number }) =>
        lo <= t && t <= hi ? 1 : 0
      const width = ({ ci: [lo, hi] }: { ci: [number, number] }) => hi - lo
      return {
        regime: regime.name,
        metric,
        truth: [...truths].join(', '),
        coverage: mean(ours.map(covers)),
        width: mean(ours.map(width)),
        ...(refs.length > 0 && {
          reference: { coverage: mean(refs.map(covers)), width: mean(refs.map(width)) }
        }),
        noted: mean(ours.map(o => (o.noted ? 1 : 0)))
      }
    })
  })
}, SIMULATION_TIMEOUT)

describe(`regression intervals (${REPLICATIONS} replications a regime${QUICK})`, () => {
  it('measures every metric in every regime', () => {
    expect(measured).toHaveLength(REGIMES.length * MEASURED.length)
    for (const m of measured)
      expect([m.regime, m.metric, m.coverage]).toEqual([m.regime, m.metric, expect.any(Number)])
  })

  it(`covers the true value at least ${pct(atLeast(0.93, REPLICATIONS))}, but RMSE and r2 under t₃ errors`, () => {
    const under = measured.filter(
      m =>
        m.coverage < atLeast(0.93, REPLICATIONS) &&
        !((m.metric.startsWith('rmse') || m.metric === 'r2') && m.regime.includes('t₃'))
    )
    expect(under.map(m => `${m.regime}, ${m.metric}: ${pct(m.coverage)}`)).toEqual([])
  })

  it("says so in RMSE's report when the residuals are heavy-tailed, and seldom otherwise", () => {
    const wrong = REGIMES.flatMap(regime => {
      const rmse = measured.find(m => m.regime === regime.name && m.metric === 'rmse')!
      // Groups of 150 rows of t₃ errors show their tails less often (reported, not held).
      const ok = heavy(regime) ? rmse.noted >= 0.9 || !regime.name.includes('500') : rmse.noted <= 0.02
      return ok ? [] : [`${regime.name}: ${pct(rmse.noted)} noted`]
    })
    expect(wrong).toEqual([])
  })

  it('costs at most 1.25× the width of the Wald reference for MAE and RMSE with normal errors', () => {
    const wide = measured.filter(
      m =>
        m.reference &&
        !heavy(REGIMES.find(r => r.name === m.regime)!) &&
        !m.metric.endsWith('difference') &&
        m.width / m.reference.width > ratioAtMost(1.25)
    )
    expect(wide.map(m => `${m.regime}, ${m.metric}: ${(m.width / m.reference!.width).toFixed(2)}×`)).toEqual(
      []
    )
  })

  itWritesDocs('matches the table in docs/metrics.md', () => {
    const body = table(
      [
        'regime',
        'metric',
        'true value',
        'coverage',
        'mean width',
        'Wald reference: coverage',
        'its mean width',
        'noted'
      ],
      measured.map(m => [
        m.regime,
        `\`${m.metric}\``,
        m.truth,
        pct(m.coverage),
        m.width.toFixed(4),
        m.reference ? pct(m.reference.coverage) : '',
        m.reference ? m.reference.width.toFixed(4) : '',
        m.noted > 0 ? pct(m.noted) : ''
      ])
    )
    expectDocSection('docs/metrics.md', 'regression', body)
  })
})
