/**
 * Paired change intervals by simulation (paired.ts): two models on the same 9,000 rows, 1000
 * replications with fixed seeds (see REPLICATIONS), 200 for the comparisons with other methods.
 * Targets: coverage of the true change at least 93%, mean width at most 1.2× a reference paired row bootstrap's, and a 1-point accuracy drop (about 5% of rows
 * discordant) detected at least 80% of the time; the comparison of independent samples, which applies
 * when the rows differ, still covers. The table in docs/metrics.md is what this prints.
 */
import { describe, expect, it } from '@jest/globals'
import { expectDocSection, pct, table } from '../helpers/docs.js'
import type { Change } from '../../src/core/metrics/evaluate.js'
import {
  independentReplicate,
  METRICS,
  OTHER_REPLICATIONS,
  REPLICATIONS,
  replicate,
  ROWS,
  truth
} from './paired.js'

const TRUTH = truth()
const reps = Array.from({ length: REPLICATIONS }, (_, r) => replicate(r))
const others = Array.from({ length: OTHER_REPLICATIONS }, (_, r) => independentReplicate(r))

const covers = (c: Change, t: number) => c.changeCi![0] <= t && t <= c.changeCi![1]
const width = (c: Change | [number, number]) => {
  const [lo, hi] = Array.isArray(c) ? c : c.changeCi!
  return hi - lo
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const name = (i: number) => {
  const m = METRICS[i]
  return 'group' in m ? `\`${m.metric}\` (${m.group})` : `\`${m.metric}\``
}

const rows = METRICS.map((_, i) => {
  const t = TRUTH[i]
  const withReference = reps.filter(r => r.reference !== null)
  return {
    metric: name(i),
    truth: t,
    coverage: mean(reps.map(r => (covers(r.paired[i], t) ? 1 : 0))),
    width: mean(reps.map(r => width(r.paired[i]))),
    vsReference:
      mean(withReference.map(r => width(r.paired[i]))) / mean(withReference.map(r => width(r.reference![i]))),
    independentWidth: mean(reps.filter(r => r.independent).map(r => width(r.independent![i]))),
    otherRowsCoverage: mean(others.map(c => (covers(c[i], t) ? 1 : 0)))
  }
})
const detected = (cs: Change[]) => mean(cs.map(c => (c.changeCi![1] < 0 ? 1 : 0)))
const power = {
  paired: detected(reps.map(r => r.paired[0])),
  independent: detected(reps.filter(r => r.independent).map(r => r.independent![0]))
}

describe(`two models on the same ${ROWS} rows (${REPLICATIONS} replications)`, () => {
  it.each(rows.map(r => [r.metric, r] as const))('%s: the paired interval covers at least 93%', (_, r) => {
    expect(r.coverage).toBeGreaterThanOrEqual(0.93)
  })

  it.each(rows.map(r => [r.metric, r] as const))(
    '%s: the paired interval is at most 1.2× as wide as the reference paired row bootstrap',
    (_, r) => {
      expect(r.vsReference).toBeLessThanOrEqual(1.2)
    }
  )

  it.each(rows.map(r => [r.metric, r] as const))(
    '%s: pairing narrows the interval of independent samples',
    (_, r) => {
      expect(r.width).toBeLessThan(0.6 * r.independentWidth)
    }
  )

  it('detects the 1-point accuracy drop at least 80% of the time', () => {
    expect(power.paired).toBeGreaterThanOrEqual(0.8)
  })

  it('declines to pair rows under other ids, and the independent comparison then covers', () => {
    expect(reps.filter(r => r.declined !== null).every(r => r.declined)).toBe(true)
    for (const r of rows) expect(r.otherRowsCoverage).toBeGreaterThanOrEqual(0.9)
  })

  it('matches the table in docs/metrics.md', () => {
    const body = table(
      [
        'metric',
        'true change',
        'paired: coverage',
        'paired: mean width',
        'vs reference paired bootstrap',
        'independent: mean width',
        'rows not shared: coverage'
      ],
      rows.map(r => [
        r.metric,
        r.truth.toFixed(4),
        pct(r.coverage),
        r.width.toFixed(4),
        `${r.vsReference.toFixed(2)}×`,
        r.independentWidth.toFixed(4),
        pct(r.otherRowsCoverage)
      ])
    )
    const detection = `The 1-point accuracy drop is detected (the 95% change interval wholly below 0) in ${pct(power.paired)} of the replications when paired, ${pct(power.independent)} as independent samples.`
    expectDocSection('docs/metrics.md', 'paired', `${body}\n\n${detection}`)
  })
})
