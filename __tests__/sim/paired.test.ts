/**
 * Paired change intervals by simulation (paired.ts): two models on the same 9,000 rows, 1000
 * replications with fixed seeds (see REPLICATIONS), 200 for the comparisons with other methods (a
 * tenth of each in npm test's quick run: scale.ts).
 * Targets: coverage of the true change at least 93%, mean width at most 1.2× a reference paired row bootstrap's, and a 1-point accuracy drop (about 5% of rows
 * discordant) detected at least 80% of the time; the comparison of independent samples, which applies
 * when the rows differ, still covers. The table in docs/metrics.md is what this prints.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { expectDocSection, pct, table } from '../helpers/docs.js'
import type { Change } from '../../src/core/metrics/evaluate.js'
import {
  independentReplicate,
  METRICS,
  OTHER_REPLICATIONS,
  REPLICATIONS,
  replicate,
  ROWS,
  truth,
  type Replication
} from './paired.js'
import { atLeast, itWritesDocs, QUICK, ratioAtMost, SIMULATION_TIMEOUT } from './scale.js'

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
const detected = (cs: Change[]) => mean(cs.map(c => (c.changeCi![1] < 0 ? 1 : 0)))

interface Row {
  metric: string
  truth: number
  coverage: number
  width: number
  vsReference: number
  independentWidth: number
  otherRowsCoverage: number
}

let reps: Replication[] = []
let rows: Row[] = []
let power = { paired: 0, independent: 0 }
beforeAll(() => {
  const TRUTH = truth()
  reps = Array.from({ length: REPLICATIONS }, (_, r) => replicate(r))
  const others = Array.from({ length: OTHER_REPLICATIONS }, (_, r) => independentReplicate(r))
  rows = METRICS.map((_, i) => {
    const t = TRUTH[i]
    const withReference = reps.filter(r => r.reference !== null)
    return {
      metric: name(i),
      truth: t,
      coverage: mean(reps.map(r => (covers(r.paired[i], t) ? 1 : 0))),
      width: mean(reps.map(r => width(r.paired[i]))),
      vsReference:
        mean(withReference.map(r => width(r.paired[i]))) /
        mean(withReference.map(r => width(r.reference![i]))),
      independentWidth: mean(reps.filter(r => r.independent).map(r => width(r.independent![i]))),
      otherRowsCoverage: mean(others.map(c => (covers(c[i], t) ? 1 : 0)))
    }
  })
  power = {
    paired: detected(reps.map(r => r.paired[0])),
    independent: detected(reps.filter(r => r.independent).map(r => r.independent![0]))
  }
}, SIMULATION_TIMEOUT)

describe(`two models on the same ${ROWS} rows (${REPLICATIONS} replications${QUICK})`, () => {
  it(`each paired interval covers at least ${pct(atLeast(0.93, REPLICATIONS))}`, () => {
    const under = rows.filter(r => r.coverage < atLeast(0.93, REPLICATIONS))
    expect(under.map(r => `${r.metric}: ${pct(r.coverage)}`)).toEqual([])
    expect(rows).toHaveLength(METRICS.length)
  })

  it(`each paired interval is at most ${ratioAtMost(1.2).toFixed(2)}× as wide as the reference paired row bootstrap`, () => {
    const wide = rows.filter(r => !(r.vsReference <= ratioAtMost(1.2)))
    expect(wide.map(r => `${r.metric}: ${r.vsReference.toFixed(2)}×`)).toEqual([])
  })

  it('pairing narrows each interval of independent samples', () => {
    const wide = rows.filter(r => !(r.width < 0.6 * r.independentWidth))
    expect(
      wide.map(r => `${r.metric}: ${r.width.toFixed(4)} against ${r.independentWidth.toFixed(4)}`)
    ).toEqual([])
  })

  it('detects the 1-point accuracy drop at least 80% of the time', () => {
    expect(power.paired).toBeGreaterThanOrEqual(atLeast(0.8, REPLICATIONS))
  })

  it('declines to pair rows under other ids, and the independent comparison then covers', () => {
    expect(reps.filter(r => r.declined !== null).every(r => r.declined)).toBe(true)
    for (const r of rows) expect(r.otherRowsCoverage).toBeGreaterThanOrEqual(atLeast(0.9, OTHER_REPLICATIONS))
  })

  itWritesDocs('matches the table in docs/metrics.md', () => {
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
