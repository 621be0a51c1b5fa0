/**
 * Regressions: every metric whose change interval against the baseline lies wholly in its bad
 * direction, whether or not a gate asks about it. Reviewers want regressions named.
 */
import { metricKey, type Change, type MetricResult } from '../metrics/evaluate.js'
import { metricDef } from '../metrics/registry.js'
import { scopeOf } from '../metrics/sink.js'
import type { Regression } from './types.js'

export function regressions(metrics: MetricResult[], changes: Map<string, Change>): Regression[] {
  const out: Regression[] = []
  for (const m of metrics) {
    const direction = metricDef(m.metric)?.direction
    const c = changes.get(metricKey(m))
    if (!c || !c.changeCi || m.value === null || direction === undefined || direction === 'none') continue
    const worse = direction === 'lower' ? c.changeCi[0] > 0 : c.changeCi[1] < 0
    if (!worse) continue
    out.push({
      metric: m.metric,
      ...scopeOf(m),
      baseline: c.baseline,
      value: m.value,
      change: c.change,
      changeCi: c.changeCi
    })
  }
  return out
}
