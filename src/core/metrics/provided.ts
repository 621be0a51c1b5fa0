/**
 * Metrics from a metrics artifact (artifacts/kinds/metrics.ts) as an evaluation's own: each becomes a
 * Computed entry with no resamples, so gates, baselines, regressions and renderings take them as any
 * other metric. Their intervals:
 * - as given: taken to be at the policy's confidence, and widened or narrowed to another level (a
 *   Bonferroni-corrected check) as a normal interval would be, each side on its own;
 * - derived: a rate rai-gate itself computes as a proportion (accuracy, failure_rate, …), given with
 *   its n and no interval, whose value times n is a whole number of events, gets the Clopper–Pearson
 *   interval of those events, as it would from rows;
 * - otherwise none: a gate must then say `mode: point`.
 */
import { InputError } from '../errors.js'
import { readMetrics, type MetricsData, type ProvidedMetric } from '../artifacts/kinds/metrics.js'
import type { Manifest } from '../manifest/types.js'
import type { Policy } from '../policy/types.js'
import { normalUpperTail, zOf } from '../stats/intervals.js'
import type { Change, Computed, MetricResult } from './results.js'
import { metricDef, type MetricDef, type Scope } from './registry.js'
import { scopeOf } from './sink.js'
import { proportion } from './support.js'

/** value·n must be this close to a whole number of events for a derived interval. */
const WHOLE = 1e-9

/** The proportion behind a provided rate, when rai-gate can derive its interval. */
function events(e: ProvidedMetric): { x: number; n: number } | null {
  if (e.ci !== undefined || e.n === undefined || metricDef(e.metric)?.interval !== 'clopper-pearson')
    return null
  const x = Math.round(e.value * e.n)
  return x >= 0 && x <= e.n && Math.abs(x - e.value * e.n) <= WHOLE * e.n ? { x, n: e.n } : null
}

/** The manifest's metrics artifact, read; undefined without one. */
export function manifestMetrics(manifest: Manifest): MetricsData | undefined {
  const spec = manifest.artifacts.find(a => a.kind === 'metrics')
  return spec && readMetrics(spec)
}

/** Whether a provided metric has an interval (given or derived). */
export const hasInterval = (e: ProvidedMetric): boolean => e.ci !== undefined || events(e) !== null

export function providedComputed(data: MetricsData, confidence: number): Computed[] {
  return data.entries.map(e => {
    const rate = events(e)
    return {
      artifact: 'metrics',
      point: {
        metric: e.metric,
        scope: scopeOf(e),
        value: e.value,
        n: e.n ?? 0,
        ...(rate && { support: proportion(rate.x, rate.n) })
      },
      extra:
        e.higherIsBetter !== undefined && metricDef(e.metric) === undefined
          ? { higherIsBetter: e.higherIsBetter }
          : {},
      replicates: () => new Float64Array(0),
      kept: false,
      resamples: 0,
      provided: { ci: e.ci ?? null, confidence }
    }
  })
}

/** A provided metric's result at `confidence` (see the module comment); `base` names its method. */
export function providedResult(
  c: Computed,
  base: Omit<MetricResult, 'value' | 'ci'>,
  confidence: number
): MetricResult {
  const { value } = c.point
  const given = c.provided!.ci
  if (given === null) return { ...base, value, ci: null, reason: 'no interval given' }
  const scale = zOf(confidence) / zOf(c.provided!.confidence)
  return { ...base, value, ci: [value - (value - given[0]) * scale, value + (given[1] - value) * scale] }
}

/** A provided metric that another artifact computes too: which one counts is unclear, so an error. */
export function conflict(data: MetricsData, index: number): InputError {
  const e = data.entries[index]
  return new InputError(
    `${e.metric}${e.attribute !== undefined ? ` for ${e.attribute}${e.group !== undefined ? ` ${e.group}` : ''}` : ''} is computed from another artifact of this manifest too; expected each metric from one source`,
    { file: data.file, line: data.lines[index], path: `metrics[${index}].metric` }
  )
}

/** A value's standard error: from its given interval (as normal), or its proportion's; null without. */
function standardError(c: Computed): number | null {
  const ci = c.provided?.ci
  if (ci) return (ci[1] - ci[0]) / (2 * zOf(c.provided!.confidence))
  const s = c.point.support
  if (s?.kind === 'proportion' && s.n > 0) {
    const p = s.x / s.n
    return Math.sqrt((p * (1 - p)) / s.n)
  }
  return null
}

/**
 * The change of a provided metric since the baseline's: the two values as independent normal
 * estimates, each with the standard error its interval implies. Without an interval on both sides
 * the change has none, and is no evidence of a worsening (p = 1). sign: +1 when higher is worse.
 */
export function providedChange(c: Computed, b: Computed, confidence: number, sign: number): Change {
  const change = c.point.value - b.point.value
  const [x, y] = [standardError(c), standardError(b)]
  const none = {
    baseline: b.point.value,
    change,
    changeCi: null,
    pWorse: 1,
    comparison: 'independent' as const
  }
  if (x === null || y === null) return none
  const sd = Math.hypot(x, y)
  const z = zOf(confidence) * sd
  return {
    ...none,
    changeCi: [change - z, change + z],
    pWorse: sd > 0 ? normalUpperTail((sign * change) / sd) : 1
  }
}

/**
 * The metrics a metrics artifact declares that rai-gate does not compute, as definitions: their scopes
 * (where the entries are), their direction, their interval as provided. Gates may name them.
 */
export function providedDefs(data: MetricsData | undefined): Map<string, MetricDef> {
  const out = new Map<string, MetricDef>()
  for (const e of data?.entries ?? []) {
    if (metricDef(e.metric) !== undefined) continue
    const scope: Scope =
      e.group !== undefined
        ? 'group'
        : e.attribute !== undefined
          ? 'attribute'
          : e.perturbation !== undefined
            ? 'perturbation'
            : e.suite !== undefined
              ? 'suite'
              : 'overall'
    const def = out.get(e.metric) ?? {
      id: e.metric,
      scopes: [],
      direction: e.higherIsBetter ? 'higher' : 'lower',
      definition: `from ${data!.file}`,
      interval: 'provided'
    }
    if (!def.scopes.includes(scope)) def.scopes.push(scope)
    out.set(e.metric, def)
  }
  return out
}

/**
 * A gate that needs intervals (strict or lenient) on a provided metric without one is an error that
 * names the metric and where it is: rai-gate cannot invent its uncertainty.
 */
export function requireIntervals(data: MetricsData | undefined, policy: Policy): void {
  if (!data) return
  for (const g of policy.gates) {
    const mode = g.mode ?? policy.defaults.mode
    if (mode === 'point') continue
    const i = data.entries.findIndex(e => e.metric === g.metric && !hasInterval(e))
    if (i >= 0)
      throw new InputError(
        `${g.metric} has no interval here, and gate '${g.id}' is ${mode}, which needs one; expected "ci" (or "n" for a rate rai-gate knows), or mode: point on the gate`,
        { file: data.file, line: data.lines[i], path: `metrics[${i}]` }
      )
  }
}

/**
 * A metric's direction comes from the trusted side: where the baseline report (main's) declares one for
 * a metric rai-gate does not compute, it holds, and an artifact that says otherwise is flagged in a
 * note, never obeyed; otherwise a pull request could turn a fall into a rise by flipping
 * `higherIsBetter`. Without a baseline the artifact's own direction stands (no change is judged then).
 */
export function trustDirections(
  data: MetricsData | undefined,
  baseline: MetricsData | undefined
): { metrics: MetricsData | undefined; notes: string[] } {
  if (data === undefined || baseline === undefined) return { metrics: data, notes: [] }
  const trusted = new Map<string, boolean>()
  for (const e of baseline.entries)
    if (e.higherIsBetter !== undefined && metricDef(e.metric) === undefined)
      trusted.set(e.metric, e.higherIsBetter)
  const flipped = new Set<string>()
  const entries = data.entries.map(e => {
    const higher = trusted.get(e.metric)
    if (higher === undefined || higher === e.higherIsBetter) return e
    flipped.add(e.metric)
    return { ...e, higherIsBetter: higher }
  })
  if (flipped.size === 0) return { metrics: data, notes: [] }
  const notes = [...flipped].map(
    m =>
      `${data.file} declares ${m} ${trusted.get(m) ? 'lower' : 'higher'} is better, but the baseline report says ${trusted.get(m) ? 'higher' : 'lower'}: the baseline's direction applies, and a change of direction needs the baseline to change first.`
  )
  return { metrics: { ...data, entries }, notes }
}
