/** Constant-time lookup of a metric by id and scope, for the renderers' tables. */
import { metricKey, type MetricResult } from '../metrics/evaluate.js'
import type { ScopeRef } from '../metrics/sink.js'

export function metricLookup(
  metrics: MetricResult[]
): (metric: string, scope?: ScopeRef) => MetricResult | undefined {
  const index = new Map(metrics.map(m => [metricKey(m), m]))
  return (metric, scope = {}) => index.get(metricKey({ metric, ...scope }))
}
