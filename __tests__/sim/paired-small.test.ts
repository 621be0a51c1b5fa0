/**
 * Paired changes in small groups by simulation (paired-small.ts), 300 replications per regime with
 * fixed seeds (16 in npm test's quick run). Targets: each regime's intervals cover the true
 * change at least 93% of the time, pooled over its groups, and where the reference paired bootstrap
 * already covers (precision in groups of 200) they are at most 1.1× as wide. The table in
 * docs/metrics.md is what this prints.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { expectDocSection, pct, table } from '../helpers/docs.js'
import { REGIMES, REPLICATIONS, replicate, truth } from './paired-small.js'
import { atLeast, itWritesDocs, QUICK, ratioAtMost, SIMULATION_TIMEOUT } from './scale.js'

interface Measured {
  name: string
  truth: number
  coverage: number
  width: number
  referenceCoverage: number
  referenceWidth: number
  /** Misses of rai-gate's interval below and above the truth. */
  below: number
  above: number
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
let measured: Measured[] = []

beforeAll(() => {
  measured = REGIMES.map(regime => {
    const t = truth(regime)
    const ours: [number, number][] = []
    const refs: [number, number][] = []
    for (let rep = 0; rep < REPLICATIONS; rep++) {
      const r = replicate(regime, rep)
      r.changes.forEach((c, g) => {
        // A group where a model predicts no positive has no precision: neither side measures it.
        if (c === undefined || c.changeCi === null) return
        ours.push(c.changeCi)
        refs.push(r.reference[g])
      })
    }
    const covers = ([lo, hi]: [number, number]) => (lo <= t && t <= hi ? 1 : 0)
    return {
      name: regime.name,
      truth: t,
      coverage: mean(ours.map(covers)),
      width: mean(ours.map(([lo, hi]) => hi - lo)),
      referenceCoverage: mean(refs.map(covers)),
      referenceWidth: mean(refs.map(([lo, hi]) => hi - lo)),
      below: mean(ours.map(([lo]) => (t < lo ? 1 : 0))),
      above: mean(ours.map(([, hi]) => (t > hi ? 1 : 0)))
    }
  })
}, SIMULATION_TIMEOUT)

describe(`paired changes in small groups (${REPLICATIONS} replications a regime${QUICK})`, () => {
  it(`covers the true change at least ${pct(atLeast(0.93, REPLICATIONS))} in each regime`, () => {
    expect(measured).toHaveLength(REGIMES.length)
    const under = measured.filter(m => m.coverage < atLeast(0.93, REPLICATIONS))
    expect(under.map(m => `${m.name}: ${pct(m.coverage)}`)).toEqual([])
  })

  it('costs no more than 1.1× the width of the paired bootstrap where that covers', () => {
    const m = measured.find(m => m.name === 'precision, groups of 200 rows')!
    expect(m.width / m.referenceWidth).toBeLessThanOrEqual(ratioAtMost(1.1))
  })

  it('the paired bootstrap of the plug-in ECE understates a worsening (what the bounds fix)', () => {
    const m = measured.find(m => m.name.startsWith('ECE worsens'))!
    expect(m.referenceCoverage).toBeLessThan(0.9)
  })

  itWritesDocs('matches the table in docs/metrics.md', () => {
    const body = table(
      [
        'regime',
        'true change',
        'coverage',
        'misses below / above',
        'mean width',
        'paired bootstrap: coverage',
        'its mean width'
      ],
      measured.map(m => [
        m.name,
        m.truth.toFixed(4),
        pct(m.coverage),
        `${pct(m.below)} / ${pct(m.above)}`,
        m.width.toFixed(4),
        pct(m.referenceCoverage),
        m.referenceWidth.toFixed(4)
      ])
    )
    expectDocSection('docs/metrics.md', 'paired-small', body)
  })
})
