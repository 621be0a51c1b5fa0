/**
 * Paired changes of a regression by simulation (metrics/paired.ts, pairRegression): two models on the
 * same rows, their residuals correlated (ρ = 0.8, as two versions of one model are), 400 replications
 * a regime with fixed seeds (a tenth in npm test's quick run). Each row's record is built as the reader
 * builds it, and each change is measured as the engine measures it. The true change of each metric is
 * the closed form for normal errors, and otherwise the change on 2,000,000 rows drawn once.
 *
 * Regimes: normal errors, the new model's 10% larger, two groups of 100 rows; Student-t errors with 3
 * degrees of freedom (the new model's ρ·e + √(1−ρ²)·e′), two groups of 150; six groups of 30 rows where
 * a tenth of the rows' predictions moved. Targets: every change's interval covers the true change at
 * least 93% of the time, except RMSE's under t₃ errors, whose squared residuals have infinite variance
 * (docs/metrics.md says so). Widths against the reference written here: a paired percentile bootstrap
 * of the rows (200 resamples).
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { pairRegression } from '../../src/core/metrics/paired.js'
import { metricKey } from '../../src/core/metrics/evaluate.js'
import type { RegressionData } from '../../src/core/artifacts/kinds/regression.js'
import { CaseRecorder } from '../../src/core/tables/cases.js'
import { MomentAccumulator } from '../../src/core/tables/moments.js'
import { createRng, type Rng } from '../../src/core/stats/rng.js'
import { expectDocSection, pct, table } from '../helpers/docs.js'
import { atLeast, FULL, itWritesDocs, QUICK, ratioAtMost, replications, SIMULATION_TIMEOUT } from './scale.js'

const REPLICATIONS = replications(400)
const RESAMPLES = 200
/** Rows the true changes are measured on (fewer in the quick run). */
const TRUTH_ROWS = FULL ? 2_000_000 : 200_000
const HALF_WIDTH = 1.6448536269514722
const RHO = 0.8
const { abs, sqrt } = Math

const t3 = (rng: Rng) => {
  const z = rng.normal()
  let chi = 0
  for (let k = 0; k < 3; k++) chi += rng.normal() ** 2
  return z / sqrt(chi / 3)
}

interface Regime {
  name: string
  groups: number[]
  /** The two models' errors on one row: [before, now]. */
  errors: (rng: Rng, row: number) => [number, number]
}

const REGIMES: Regime[] = [
  {
    name: 'normal errors, the new model 10% larger, 2 × 100 rows',
    groups: [100, 100],
    errors: rng => {
      const e = rng.normal()
      return [e, 1.1 * (RHO * e + sqrt(1 - RHO * RHO) * rng.normal())]
    }
  },
  {
    name: 'heavy tails (t₃), 2 × 150 rows',
    groups: [150, 150],
    errors: rng => {
      const e = t3(rng)
      return [e, RHO * e + sqrt(1 - RHO * RHO) * t3(rng)]
    }
  },
  {
    name: 'a tenth of the rows moved, 6 × 30 rows',
    groups: [30, 30, 30, 30, 30, 30],
    errors: (rng, row) => {
      const e = rng.normal()
      return [e, row % 10 === 0 ? e + 1 : e]
    }
  }
]

const METRICS = ['mae', 'rmse', 'mean_residual', 'interval_coverage'] as const
type Metric = (typeof METRICS)[number]

/** Each metric of one model's rows, from its residuals. */
function metricsOf(r: number[]): Record<Metric, number> {
  const n = r.length
  return {
    mae: r.reduce((t, x) => t + abs(x), 0) / n,
    rmse: sqrt(r.reduce((t, x) => t + x * x, 0) / n),
    mean_residual: r.reduce((t, x) => t + x, 0) / n,
    interval_coverage: r.reduce((t, x) => t + (abs(x) <= HALF_WIDTH ? 1 : 0), 0) / n
  }
}

/** The true change of each metric: on TRUTH_ROWS rows drawn once (the third regime's rows in its order). */
function truthOf(regime: Regime): Record<Metric, number> {
  const rng = createRng(99, REGIMES.indexOf(regime))
  const before: number[] = []
  const now: number[] = []
  for (let i = 0; i < TRUTH_ROWS; i++) {
    const [b, a] = regime.errors(rng, i % 30)
    before.push(b)
    now.push(a)
  }
  const [x, y] = [metricsOf(now), metricsOf(before)]
  return Object.fromEntries(METRICS.map(m => [m, x[m] - y[m]])) as Record<Metric, number>
}

/** One model's regression data over the regime's rows: a prediction x, a label x − error. */
function dataOf(groups: number[], xs: number[], errors: number[]): RegressionData {
  const acc = new MomentAccumulator(['g'], false, true)
  const cases = new CaseRecorder(undefined, 2)
  const g = new Int32Array(1)
  let i = 0
  groups.forEach((rows, k) => {
    g[0] = k
    for (let j = 0; j < rows; j++, i++) {
      const prediction = xs[i]
      const label = prediction - errors[i]
      const covered = abs(errors[i]) <= HALF_WIDTH
      const combo = acc.add(g, { label, prediction, weight: 1, covered })
      cases.add([], i, combo, covered ? 2 : 1, i + 2, [prediction - label, prediction])
    }
  })
  return {
    table: acc.finish([groups.map((_, k) => `g${k}`)]),
    rows: i,
    sha256: '',
    ...cases.finish()
  }
}

interface Measured {
  regime: string
  scope: 'overall' | 'per group'
  metric: Metric
  truth: number
  coverage: number
  width: number
  reference: number
}

let measured: Measured[] = []

beforeAll(() => {
  measured = REGIMES.flatMap(regime => {
    const truth = truthOf(regime)
    const covers = METRICS.map(() => 0)
    const widths = METRICS.map(() => 0)
    const references = METRICS.map(() => 0)
    // Per group (every group's rows are drawn alike, so its true change is the overall one), pooled.
    const groupCovers = METRICS.map(() => 0)
    const groupWidths = METRICS.map(() => 0)
    for (let rep = 0; rep < REPLICATIONS; rep++) {
      const rng = createRng(20261207, rep * REGIMES.length + REGIMES.indexOf(regime))
      const rows = regime.groups.reduce((a, b) => a + b, 0)
      const xs: number[] = []
      const before: number[] = []
      const now: number[] = []
      for (let i = 0; i < rows; i++) {
        xs.push(rng.normal())
        const [b, a] = regime.errors(rng, i % 30)
        before.push(b)
        now.push(a)
      }
      const pairing = pairRegression(dataOf(regime.groups, xs, now), dataOf(regime.groups, xs, before), [])
      if (!pairing.paired) throw new Error(pairing.reason)
      const changes = pairing.changes(0.95)
      // The reference: a paired percentile bootstrap of the rows, overall.
      const draws = METRICS.map((): number[] => [])
      for (let b = 0; b < RESAMPLES; b++) {
        const pick = Array.from({ length: rows }, () => Math.floor(rng.next() * rows))
        const [x, y] = [metricsOf(pick.map(i => now[i])), metricsOf(pick.map(i => before[i]))]
        METRICS.forEach((m, k) => draws[k].push(x[m] - y[m]))
      }
      METRICS.forEach((m, k) => {
        const c = changes.get(metricKey({ metric: m }))!
        const [lo, hi] = c.changeCi!
        if (lo <= truth[m] && truth[m] <= hi) covers[k]++
        widths[k] += hi - lo
        regime.groups.forEach((_, g) => {
          const [lo, hi] = changes.get(metricKey({ metric: m, attribute: 'g', group: `g${g}` }))!.changeCi!
          if (lo <= truth[m] && truth[m] <= hi) groupCovers[k]++
          groupWidths[k] += hi - lo
        })
        const sorted = draws[k].sort((a, b) => a - b)
        references[k] += sorted[Math.floor(0.975 * RESAMPLES) - 1] - sorted[Math.floor(0.025 * RESAMPLES)]
      })
    }
    const groups = REPLICATIONS * regime.groups.length
    return METRICS.flatMap((metric, k): Measured[] => [
      {
        regime: regime.name,
        scope: 'overall',
        metric,
        truth: truth[metric],
        coverage: covers[k] / REPLICATIONS,
        width: widths[k] / REPLICATIONS,
        reference: references[k] / REPLICATIONS
      },
      {
        regime: regime.name,
        scope: 'per group',
        metric,
        truth: truth[metric],
        coverage: groupCovers[k] / groups,
        width: groupWidths[k] / groups,
        reference: NaN
      }
    ])
  })
}, SIMULATION_TIMEOUT)

describe(`paired regression changes (${REPLICATIONS} replications a regime${QUICK})`, () => {
  it(`cover the true change at least ${pct(atLeast(0.93, REPLICATIONS))}, but RMSE's under t₃ errors`, () => {
    const under = measured.filter(
      m => m.coverage < atLeast(0.93, REPLICATIONS) && !(m.metric === 'rmse' && m.regime.includes('t₃'))
    )
    expect(under.map(m => `${m.regime}, ${m.scope}, ${m.metric}: ${pct(m.coverage)}`)).toEqual([])
    expect(measured).toHaveLength(2 * REGIMES.length * METRICS.length)
  })

  it('are at most 1.2× as wide as a paired bootstrap of the rows', () => {
    const wide = measured.filter(m => m.scope === 'overall' && m.width / m.reference > ratioAtMost(1.2))
    expect(wide.map(m => `${m.regime}, ${m.metric}: ${(m.width / m.reference).toFixed(2)}×`)).toEqual([])
  })

  itWritesDocs('match the table in docs/metrics.md', () => {
    const body = table(
      ['regime', 'scope', 'metric', 'true change', 'coverage', 'mean width', 'paired bootstrap: mean width'],
      measured.map(m => [
        m.regime,
        m.scope,
        `\`${m.metric}\``,
        m.truth.toFixed(4),
        pct(m.coverage),
        m.width.toFixed(4),
        Number.isNaN(m.reference) ? '' : m.reference.toFixed(4)
      ])
    )
    expectDocSection('docs/metrics.md', 'paired-regression', body)
  })
})
