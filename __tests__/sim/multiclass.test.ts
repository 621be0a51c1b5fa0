/**
 * Multiclass intervals by simulation (multiclass.ts), 300 replications per regime with fixed seeds (a
 * tenth in npm test's quick run). Target: every metric covers its true value at least 93% of the
 * time in every regime, pooled over classes and groups. The table in docs/metrics.md is what this
 * prints.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { expectDocSection, pct, table } from '../helpers/docs.js'
import { MEASURED, REGIMES, REPLICATIONS, replicate, truth } from './multiclass.js'
import { atLeast, itWritesDocs, QUICK, ratioAtMost, SIMULATION_TIMEOUT } from './scale.js'

interface Measured {
  regime: string
  metric: string
  coverage: number
  width: number
  intervals: number
  /**
   * The reference bootstrap's coverage and mean width, where one is written (overall metrics), and the
   * mean width of rai-gate's intervals of the same (overall) scope.
   */
  reference?: { coverage: number; width: number; ours: number }
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
      const refHits: number[] = []
      const refWidths: number[] = []
      const sameWidths: number[] = []
      const covers = ([lo, hi]: [number, number], truthOf: number) =>
        lo <= truthOf + 1e-12 && truthOf - 1e-12 <= hi ? 1 : 0
      for (const r of reps)
        for (const [key, m] of r.results) {
          if (m.metric !== metric || m.ci === null) continue
          const truthOf = t.get(key)
          if (truthOf === undefined || Number.isNaN(truthOf)) continue
          hits.push(covers(m.ci, truthOf))
          widths.push(m.ci[1] - m.ci[0])
          const ref = r.reference.get(key)
          if (ref) {
            refHits.push(covers(ref, truthOf))
            refWidths.push(ref[1] - ref[0])
            sameWidths.push(m.ci[1] - m.ci[0])
          }
        }
      return hits.length === 0
        ? []
        : [
            {
              regime: regime.name,
              metric,
              coverage: mean(hits),
              width: mean(widths),
              intervals: hits.length,
              ...(refHits.length > 0 && {
                reference: { coverage: mean(refHits), width: mean(refWidths), ours: mean(sameWidths) }
              })
            }
          ]
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

  it('costs at most 1.5× the width of the bootstrap of rows, overall, where that covers', () => {
    const wide = measured.filter(
      m =>
        m.reference && m.reference.coverage >= 0.93 && m.reference.ours / m.reference.width > ratioAtMost(1.5)
    )
    expect(
      wide.map(m => `${m.regime}, ${m.metric}: ${(m.reference!.ours / m.reference!.width).toFixed(2)}×`)
    ).toEqual([])
  })

  itWritesDocs('matches the table in docs/metrics.md', () => {
    const body = table(
      [
        'regime',
        'metric',
        'coverage',
        'mean width',
        'intervals',
        'overall: mean width',
        'bootstrap reference: coverage',
        'its mean width'
      ],
      measured.map(m => [
        m.regime,
        `\`${m.metric}\``,
        pct(m.coverage),
        m.width.toFixed(4),
        String(m.intervals),
        m.reference ? m.reference.ours.toFixed(4) : '',
        m.reference ? pct(m.reference.coverage) : '',
        m.reference ? m.reference.width.toFixed(4) : ''
      ])
    )
    expectDocSection('docs/metrics.md', 'multiclass', body)
  })
})
