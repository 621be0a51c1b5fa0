/**
 * Multiclass intervals by simulation (multiclass.ts), 300 replications per regime with fixed seeds (a
 * tenth in npm test's quick run). Target: every metric covers its true value at least 93% of the
 * time in every regime, pooled over classes and groups. The table in docs/metrics.md is what this
 * prints.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { expectDocSection, pct, table } from '../helpers/docs.js'
import { MEASURED, REGIMES, REPLICATIONS, replicate, truth } from './multiclass.js'
import { atLeast, itWritesDocs, QUICK, SIMULATION_TIMEOUT } from './scale.js'

interface Measured {
  regime: string
  metric: string
  coverage: number
  width: number
  intervals: number
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
let measured: Measured[] = []

beforeAll(() => {
  measured = REGIMES.flatMap(regime => {
    const t = truth(regime)
    const reps = Array.from({ length: REPLICATIONS }, (_, rep) => replicate(regime, rep))
    return MEASURED.flatMap(metric => {
      const hits: number[] = []
      const widths: number[] = []
      for (const r of reps)
        for (const [key, m] of r) {
          if (m.metric !== metric || m.ci === null) continue
          const truthOf = t.get(key)
          if (truthOf === undefined || Number.isNaN(truthOf)) continue
          hits.push(m.ci[0] <= truthOf + 1e-12 && truthOf - 1e-12 <= m.ci[1] ? 1 : 0)
          widths.push(m.ci[1] - m.ci[0])
        }
      return hits.length === 0
        ? []
        : [{ regime: regime.name, metric, coverage: mean(hits), width: mean(widths), intervals: hits.length }]
    })
  })
}, SIMULATION_TIMEOUT)

describe(`multiclass intervals (${REPLICATIONS} replications a regime${QUICK})`, () => {
  it('measures the overall, per-class, per-group and disparity metrics', () => {
    const names = new Set(measured.map(m => m.metric))
    for (const id of MEASURED) expect([id, names.has(id)]).toEqual([id, true])
  })

  it(`covers the true value at least ${pct(atLeast(0.93, REPLICATIONS))} in every regime`, () => {
    const under = measured.filter(m => m.coverage < atLeast(0.93, REPLICATIONS))
    expect(under.map(m => `${m.regime}, ${m.metric}: ${pct(m.coverage)}`)).toEqual([])
  })

  itWritesDocs('matches the table in docs/metrics.md', () => {
    const body = table(
      ['regime', 'metric', 'coverage', 'mean width', 'intervals'],
      measured.map(m => [
        m.regime,
        `\`${m.metric}\``,
        pct(m.coverage),
        m.width.toFixed(4),
        String(m.intervals)
      ])
    )
    expectDocSection('docs/metrics.md', 'multiclass', body)
  })
})
