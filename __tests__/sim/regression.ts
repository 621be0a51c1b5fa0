/**
 * Regression intervals by simulation (regression.test.ts): a model whose prediction is x, with labels
 * y = x + e (x standard normal), evaluated through the engine (the moment table, evaluate()), in the
 * regimes where a regression's intervals are hardest:
 *
 * - equal groups: two groups of 500 rows, normal errors (every difference 0, every ratio 1);
 * - unequal groups: errors of scale 1 and 1.5, two groups of 300 rows (true differences and ratios
 *   away from the boundary);
 * - small groups: six groups of 30 rows, normal errors;
 * - heavy tails: errors Student-t with 3 degrees of freedom, 1,000 rows in two groups of 500, and 300
 *   rows in two groups of 150.
 *
 * Each row also has a 90% prediction interval, x ± 1.645 (normal errors: true coverage 0.9).
 * The true values are the generator's in closed form (below). The reference construction written
 * here, for widths, is the Wald interval of each metric on its own scale: estimate ± 1.96·se, with the
 * delta method for RMSE (se of the MSE / (2·RMSE)) and a difference's se the two groups' in quadrature.
 */
import { evaluate, type MetricResult } from '../../src/core/metrics/evaluate.js'
import { createRng, type Rng } from '../../src/core/stats/rng.js'
import { MomentAccumulator } from '../../src/core/tables/moments.js'
import { replications } from './scale.js'

export const REPLICATIONS = replications(400)
const Z = 1.959963984540054
const HALF_WIDTH = 1.6448536269514722
const { abs, sqrt, PI, max, min } = Math

export interface Errors {
  name: string
  draw: (rng: Rng) => number
  /** E|e|, E e², P(|e| ≤ 1.645). */
  mae: number
  mse: number
  inside: number
}

const normal: Errors = {
  name: 'normal',
  draw: rng => rng.normal(),
  mae: sqrt(2 / PI),
  mse: 1,
  inside: 0.9
}

/** Student's t with 3 degrees of freedom: E|e| = 2√3/π, E e² = 3; P(|t₃| ≤ c) = F(c) − F(−c). */
const t3: Errors = {
  name: 't₃',
  draw: rng => {
    const z = rng.normal()
    let chi = 0
    for (let k = 0; k < 3; k++) chi += rng.normal() ** 2
    return z / sqrt(chi / 3)
  },
  mae: (2 * sqrt(3)) / PI,
  mse: 3,
  inside: t3Inside(HALF_WIDTH)
}

/** P(|T| ≤ c) for Student's t with 3 degrees of freedom, in closed form. */
function t3Inside(c: number): number {
  const u = c / sqrt(3)
  const cdf = 0.5 + (Math.atan(u) + u / (1 + u * u)) / PI
  return 2 * cdf - 1
}

export interface Regime {
  name: string
  errors: Errors
  /** Each group's rows and the scale of its errors. */
  groups: { rows: number; scale: number }[]
}

export const REGIMES: Regime[] = [
  { name: 'equal groups, 2 × 500 rows', errors: normal, groups: [0, 1].map(() => ({ rows: 500, scale: 1 })) },
  {
    name: 'unequal groups (error scale 1 and 1.5), 2 × 300 rows',
    errors: normal,
    groups: [
      { rows: 300, scale: 1 },
      { rows: 300, scale: 1.5 }
    ]
  },
  {
    name: 'small groups, 6 × 30 rows',
    errors: normal,
    groups: [0, 1, 2, 3, 4, 5].map(() => ({ rows: 30, scale: 1 }))
  },
  { name: 'heavy tails (t₃), 2 × 500 rows', errors: t3, groups: [0, 1].map(() => ({ rows: 500, scale: 1 })) },
  { name: 'heavy tails (t₃), 2 × 150 rows', errors: t3, groups: [0, 1].map(() => ({ rows: 150, scale: 1 })) }
]

/** The metrics measured, each with its true value in a group of error scale s. */
const GROUP_TRUTH: Record<string, (e: Errors, s: number) => number> = {
  mae: (e, s) => s * e.mae,
  rmse: (e, s) => s * sqrt(e.mse),
  mean_residual: () => 0,
  mean_prediction: () => 0,
  interval_coverage: (e, s) => (e === normal ? normalInside(HALF_WIDTH / s) : t3Inside(HALF_WIDTH / s))
}
export const MEASURED = [
  ...Object.keys(GROUP_TRUTH),
  'r2',
  ...['mae', 'rmse', 'mean_residual'].map(m => `${m}_difference`),
  'mae_ratio',
  'rmse_ratio'
] as const

function normalInside(c: number): number {
  // erf by its series is enough here: c is 1.645 or 1.097.
  let sum = 0
  let term = c
  for (let k = 0; k < 60; k++) {
    sum += term / (2 * k + 1)
    term *= (-c * c) / 2 / (k + 1)
  }
  return (2 * sum) / sqrt(2 * PI)
}

/** The true value of a measured metric in a regime's scope (a group, or the attribute). */
export function truth(regime: Regime, metric: string, group?: number): number {
  const e = regime.errors
  if (group !== undefined) return GROUP_TRUTH[metric](e, regime.groups[group].scale)
  if (metric === 'r2') {
    // Var(x) = 1; the overall error variance is the groups' mean, by rows.
    const rows = regime.groups.reduce((t, g) => t + g.rows, 0)
    const mse = regime.groups.reduce((t, g) => t + (g.rows / rows) * g.scale ** 2 * e.mse, 0)
    return 1 - mse / (1 + mse)
  }
  const [of, kind] = metric.split(/_(difference|ratio)$/)
  const values = regime.groups.map(g => GROUP_TRUTH[of](e, g.scale))
  return kind === 'difference' ? max(...values) - min(...values) : min(...values) / max(...values)
}

export interface Replicate {
  /** Each measured metric's result, by `metric|group` (group: its index, or '' for the attribute). */
  results: Map<string, MetricResult>
  /** The reference Wald intervals, same keys (the means and their differences). */
  reference: Map<string, [number, number]>
}

export function replicate(regime: Regime, rep: number): Replicate {
  const rng = createRng(20261207, rep * REGIMES.length + REGIMES.indexOf(regime))
  const acc = new MomentAccumulator(['g'], false, true)
  const g = new Int32Array(1)
  const moments = regime.groups.map(() => ({ n: 0, a: 0, a2: 0, e2: 0, e4: 0 }))
  regime.groups.forEach((group, k) => {
    g[0] = k
    for (let i = 0; i < group.rows; i++) {
      const x = rng.normal()
      const e = group.scale * regime.errors.draw(rng)
      const y = x + e
      acc.add(g, { label: y, prediction: x, weight: 1, covered: abs(e) <= HALF_WIDTH })
      const m = moments[k]
      m.n++
      m.a += abs(e)
      m.a2 += e * e
      m.e2 += e * e
      m.e4 += e ** 4
    }
  })
  const table = acc.finish([regime.groups.map((_, k) => `g${k}`)])
  const evaluation = evaluate({
    regression: { table, rows: 0, sha256: '' },
    intersections: [],
    settings: { confidence: 0.95, resamples: 0, seed: 0, minGroupSize: 30 }
  })
  const results = new Map<string, MetricResult>()
  for (const m of evaluation.metrics) {
    if (!(MEASURED as readonly string[]).includes(m.metric)) continue
    const group = m.group === undefined ? '' : String(Number(m.group.slice(1)))
    if (m.attribute === undefined && m.metric !== 'r2') continue
    results.set(`${m.metric}|${group}`, m)
  }
  // The reference: Wald on each metric's own scale, from the same rows.
  const reference = new Map<string, [number, number]>()
  const wald = moments.map(m => {
    const mae = m.a / m.n
    const seMae = sqrt((m.a2 / m.n - mae * mae) / (m.n - 1))
    const mse = m.e2 / m.n
    const seMse = sqrt((m.e4 / m.n - mse * mse) / (m.n - 1))
    return { mae: [mae, seMae], rmse: [sqrt(mse), seMse / (2 * sqrt(mse))] } as Record<
      string,
      [number, number]
    >
  })
  wald.forEach((w, k) => {
    for (const [metric, [v, se]] of Object.entries(w))
      reference.set(`${metric}|${k}`, [v - Z * se, v + Z * se])
  })
  for (const metric of ['mae', 'rmse']) {
    const sorted = wald.map(w => w[metric]).sort((a, b) => a[0] - b[0])
    const [lo, hi] = [sorted[0], sorted[sorted.length - 1]]
    const d = hi[0] - lo[0]
    const se = Math.hypot(hi[1], lo[1])
    reference.set(`${metric}_difference|`, [max(0, d - Z * se), d + Z * se])
  }
  return { results, reference }
}
