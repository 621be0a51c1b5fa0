/** Constant-time lookup of a metric by id and scope, for the renderers' tables. */
import type { MetricResult } from '../metrics/evaluate.js'
import type { ScopeRef } from '../metrics/sink.js'

const keyOf = (metric: string, s: ScopeRef) =>
  JSON.stringify([metric, s.attribute, s.group, s.perturbation, s.suite, s.category])

export function metricLookup(
  metrics: MetricResult[]
): (metric: string, scope?: ScopeRef) => MetricResult | undefined {
  const index = new Map(metrics.map(m => [keyOf(m.metric, m), m]))
  return (metric, scope = {}) => index.get(keyOf(metric, scope))
}
