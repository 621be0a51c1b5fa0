/** Constant-time lookup of a metric by id and scope, for the renderers' tables. */
import { metricKey, type MetricResult } from '../metrics/evaluate.js'
import { scopeOf, type ScopeRef } from '../metrics/sink.js'
import type { Check } from '../gate/types.js'

export function metricLookup(
  metrics: MetricResult[]
): (metric: string, scope?: ScopeRef) => MetricResult | undefined {
  const index = new Map(metrics.map(m => [metricKey(m), m]))
  return (metric, scope = {}) => index.get(metricKey({ metric, ...scope }))
}

/** The interval a rendering shows beside a check, the level it is at, and whether it decides the check. */
export interface ShownInterval {
  ci: [number, number] | null
  confidence: number
  decides: boolean
}

/**
 * For a lenient or strict check, the interval that decides it, at its own level (a correction may
 * raise it); for a point check, which its estimate decides, the metric's interval at the policy's
 * level, as every other table shows it (the check keeps its corrected one in the report).
 */
export function shownInterval(c: Check, get: ReturnType<typeof metricLookup>, level: number): ShownInterval {
  if (c.mode !== 'point') return { ci: c.ci, confidence: c.confidence ?? level, decides: true }
  const m = get(c.metric, scopeOf(c))
  return m === undefined
    ? { ci: c.ci, confidence: c.confidence ?? level, decides: false }
    : { ci: m.ci, confidence: level, decides: false }
}
