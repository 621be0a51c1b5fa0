/**
 * Regressions: the metrics that got worse since the baseline, whether or not a gate asks about them.
 * A run has hundreds of metrics (every group's rates), so listing each whose own interval excludes 0
 * would list some in almost every pull request where nothing changed. The list instead controls the
 * false discovery rate across every metric of the run (Benjamini & Hochberg 1995): the one-sided
 * p-values of a worsening are ranked, and the largest k with p₍ₖ₎ ≤ k·q/m are listed. Mirrored
 * metrics (fnr of tpr, tnr of fpr, pass_rate of failure_rate) are one finding, tested once.
 */
import { metricKey, type Change, type MetricResult } from '../metrics/evaluate.js'
import { directionOf, metricDef } from '../metrics/registry.js'
import { scopeOf } from '../metrics/sink.js'
import type { Regression } from './types.js'

/** The false discovery rate the list controls, whatever the policy's confidence. */
export const REGRESSION_FDR = 0.05

export function regressions(metrics: MetricResult[], changes: Map<string, Change>): Regression[] {
  const candidates: { m: MetricResult; c: Change }[] = []
  for (const m of metrics) {
    const c = changes.get(metricKey(m))
    if (!c || m.value === null || directionOf(m) === 'none' || metricDef(m.metric)?.mirrors) continue
    candidates.push({ m, c })
  }
  const ranked = [...candidates].sort((a, b) => a.c.pWorse - b.c.pWorse)
  const total = ranked.length
  let listed = 0
  ranked.forEach((x, i) => {
    if (x.c.pWorse <= ((i + 1) * REGRESSION_FDR) / total) listed = i + 1
  })
  const chosen = new Set(ranked.slice(0, listed).map(x => x.m))
  return candidates
    .filter(x => chosen.has(x.m))
    .map(({ m, c }) => ({
      metric: m.metric,
      ...scopeOf(m),
      baseline: c.baseline,
      value: m.value!,
      change: c.change,
      changeCi: c.changeCi,
      pValue: c.pWorse,
      comparison: c.comparison
    }))
}
