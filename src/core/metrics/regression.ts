/**
 * The metrics of a regression (SPEC §2b): overall, per group and their disparities, each from the
 * moment table's sums (tables/moments.ts) with an analytic interval's support. No metric needs the rows:
 * a mean's interval needs its sum of squares, RMSE's the fourth powers, r2's the cross moments, and a
 * disparity its groups' intervals (support.ts, `spread`).
 */
import { kish } from '../stats/intervals.js'
import { M, summed, type MomentTable } from '../tables/moments.js'
import { scopeGroups } from '../tables/scopes.js'
import { REGRESSION_SPREADS } from './registry.js'
import { tooFewGroups, type ScopeRef, type Sink } from './sink.js'
import { meanValue, proportion, weightedMean, type MeanSupport, type Support } from './support.js'

/** A metric's value from a scope's sums, with the support of its interval. */
interface Measured {
  value: number
  support?: Support
  reason?: string
}

/**
 * The mean of a per-row quantity x from Σw·x and Σw·x² (shifted by `shift`), its standard error
 * √(V / (n_eff − 1)) with V the weighted variance Σw·(x − m)²/Σw and n_eff Kish's effective rows
 * (unweighted: s/√n exactly), on `scale`.
 */
const mean = (
  s: Float64Array,
  sum: number,
  squares: number,
  scale: MeanSupport['scale'],
  shift = 0,
  least = 0
): MeanSupport => weightedMean(s[M.w], s[M.w2], sum, squares, scale, shift, least)

const fromMean = (support: MeanSupport): Measured => ({ value: meanValue(support), support })

/** The residuals' kurtosis about 0, E r⁴ / (E r²)² (3 for normal errors centred on the label). */
const kurtosis = (s: Float64Array): number => (s[M.r4] * s[M.w]) / (s[M.rr] * s[M.rr])

/**
 * r2 as scikit-learn computes it (1 − SS_res/SS_tot; with constant labels 1 when every prediction is
 * right, else 0), and its delta-method standard error: the influence of a row is
 * −((r² − A) − q·((y − μ)² − B)) / B with A the mean squared residual, B the label variance and
 * q = A/B, whose variance needs E r⁴, E r²(y − μ)² and E (y − μ)⁴.
 */
function r2(s: Float64Array): Measured {
  const w = s[M.w]
  const mu = s[M.y] / w
  const A = s[M.rr] / w
  const B = s[M.yy] / w - mu * mu
  if (!(B > 0)) return { value: A === 0 ? 1 : 0 }
  const q = A / B
  const r2y2 = (s[M.rryy] - 2 * mu * s[M.rry] + mu * mu * s[M.rr]) / w
  const y4 = (s[M.y4] - 4 * mu * s[M.y3] + 6 * mu * mu * s[M.yy]) / w - 3 * mu ** 4
  const influence = Math.max(0, s[M.r4] / w - 2 * q * r2y2 + q * q * y4) / (B * B)
  const n = kish(w, s[M.w2])
  return {
    value: 1 - q,
    support: {
      kind: 'mean',
      scale: 'linear',
      mean: 1 - q,
      se: Math.sqrt(influence / (n - 1)),
      df: n - 1,
      kurtosis: kurtosis(s)
    }
  }
}

/** How each regression metric is computed from a scope's sums (the registry says which scopes). */
const VALUES: Record<string, (s: Float64Array, t: MomentTable) => Measured> = {
  mae: s => fromMean(mean(s, s[M.a], s[M.rr], 'log')),
  rmse: s => {
    // The variance of r² is taken as at least normal errors' (2·MSE²): a small sample's kurtosis is
    // biased low (median 2.7 at 30 rows of normal errors, against 3), and the interval covered 92.4%.
    const mse = s[M.rr] / s[M.w]
    const support = mean(s, s[M.rr], s[M.r4], 'root', 0, 2 * mse * mse)
    return fromMean({ ...support, kurtosis: kurtosis(s) })
  },
  r2,
  mean_label: (s, t) => fromMean(mean(s, s[M.y], s[M.yy], 'linear', t.shift)),
  mean_prediction: (s, t) => fromMean(mean(s, s[M.p], s[M.pp], 'linear', t.shift)),
  mean_residual: s => fromMean(mean(s, s[M.r], s[M.rr], 'linear')),
  interval_coverage: s => {
    const n = kish(s[M.w], s[M.w2])
    return { value: s[M.covered] / s[M.w], support: proportion((n * s[M.covered]) / s[M.w], n) }
  }
}
const OVERALL = ['mae', 'rmse', 'r2', 'mean_label', 'mean_prediction', 'mean_residual', 'interval_coverage']
const GROUP = ['mae', 'rmse', 'mean_prediction', 'mean_residual', 'interval_coverage']

/** The regression metrics that have a formula here (a test checks it is every one in the registry). */
export const regressionFormulas = (): string[] => Object.keys(VALUES)

/** Puts one scope's count and metrics; returns each metric's measure (for the disparities). */
function putScope(
  t: MomentTable,
  s: Float64Array,
  ids: readonly string[],
  scope: ScopeRef,
  sink: Sink
): Map<string, Measured> {
  const rows = s[M.rows]
  sink.put(
    'count',
    scope,
    rows,
    rows,
    undefined,
    t.weighted ? { kind: 'count', effective: kish(s[M.w], s[M.w2]) } : undefined
  )
  const out = new Map<string, Measured>()
  for (const id of ids) {
    if (id === 'interval_coverage' && !t.hasInterval) continue
    const m: Measured = rows > 0 && s[M.w] > 0 ? VALUES[id](s, t) : { value: NaN, reason: 'no rows' }
    out.set(id, m)
    sink.put(id, scope, m.value, rows, m.reason, m.support)
  }
  return out
}

/**
 * Every regression metric into `sink`: overall, per group of each attribute and intersection, and the
 * disparities over each attribute's groups of at least minGroupSize rows.
 */
export function computeRegression(
  t: MomentTable,
  intersections: string[][],
  minGroupSize: number,
  sink: Sink
): void {
  const all = t.combos.map((_, c) => c)
  putScope(t, summed(t, all), OVERALL, {}, sink)
  for (const { attribute, labels, groupOf } of scopeGroups(t, intersections)) {
    const members = labels.map((): number[] => [])
    groupOf.forEach((g, c) => members[g].push(c))
    const eligible: Map<string, Measured>[] = []
    let rows = 0
    labels.forEach((group, g) => {
      const s = summed(t, members[g])
      const measured = putScope(t, s, GROUP, { attribute, group }, sink)
      if (s[M.rows] >= minGroupSize) {
        eligible.push(measured)
        rows += s[M.rows]
      }
    })
    for (const { of, ratio } of REGRESSION_SPREADS) {
      if (of === 'interval_coverage' && !t.hasInterval) continue
      const groups = eligible.map(e => e.get(of)!)
      const put = (type: 'difference' | 'ratio') =>
        eligible.length < 2
          ? sink.put(`${of}_${type}`, { attribute }, NaN, rows, tooFewGroups(minGroupSize))
          : putSpread(of, type, groups, attribute, rows, sink)
      put('difference')
      if (ratio) put('ratio')
    }
  }
}

/** max − min or min / max of a group metric over the eligible groups, with its support. */
function putSpread(
  of: string,
  type: 'difference' | 'ratio',
  all: Measured[],
  attribute: string,
  rows: number,
  sink: Sink
): void {
  const id = `${of}_${type}`
  const scope = { attribute }
  const groups = all.filter(m => !Number.isNaN(m.value))
  if (groups.length < 2) {
    sink.put(id, scope, NaN, rows, `${of} is defined in fewer than two eligible groups`)
    return
  }
  const values = groups.map(g => g.value)
  const hi = Math.max(...values)
  const lo = Math.min(...values)
  // A ratio of groups that are all 0 (a perfect model's errors) is 1: they are equal.
  const value = type === 'difference' ? hi - lo : hi === 0 && lo === 0 ? 1 : lo / hi
  const supports = groups.map(g => g.support!)
  const support: Support | undefined =
    of === 'interval_coverage'
      ? {
          kind: 'disparity',
          type,
          families: [
            {
              x: supports.map(s => (s.kind === 'proportion' ? s.x : NaN)),
              n: supports.map(s => (s.kind === 'proportion' ? s.n : NaN))
            }
          ]
        }
      : { kind: 'spread', type, groups: supports.filter((s): s is MeanSupport => s.kind === 'mean') }
  sink.put(id, scope, value, rows, undefined, sink.detailed ? support : undefined)
}
