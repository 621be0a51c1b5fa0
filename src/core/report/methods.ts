/** How a report's numbers were computed, in words for the renderings: interval methods, comparisons. */
import type { BaselineInfo } from '../baseline/types.js'
import type { MetricResult } from '../metrics/evaluate.js'
import { INTERVAL_METHODS } from '../metrics/registry.js'

/** "Clopper–Pearson (…) for 40; percentile bootstrap for 3; …", most used first (short names on request). */
export function intervalMethods(metrics: MetricResult[], short = false): string {
  const counts = new Map<string, number>()
  for (const m of metrics) {
    if (m.method === undefined || m.method === 'exact' || m.ci === null) continue
    counts.set(m.method, (counts.get(m.method) ?? 0) + 1)
  }
  return (
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([method, n]) => {
        // A report from elsewhere (comment-only mode) may name a method this version does not know.
        const m = INTERVAL_METHODS[method as keyof typeof INTERVAL_METHODS] as
          { short: string; name: string } | undefined
        const name = m === undefined ? method : short ? m.short : m.name
        return `${name} ${short ? n : `for ${n}`}`
      })
      .join('; ') || 'no intervals'
  )
}

/** Whether any interval has a bootstrap end (a report whose intervals are all analytic has none). */
export function bootstrapped(metrics: MetricResult[]): boolean {
  return metrics.some(m => {
    const method = INTERVAL_METHODS[m.method as keyof typeof INTERVAL_METHODS] as
      { analytic: string } | undefined
    return m.ci !== null && method !== undefined && method.analytic !== 'both'
  })
}

/** "predictions independent; outcomes paired on 800 cases", or null without a compared baseline. */
export function comparisonsText(baseline: BaselineInfo | null): string | null {
  const list = baseline?.comparisons
  if (!list || list.length === 0) return null
  return list
    .map(c =>
      c.comparison === 'paired'
        ? `${c.kind} paired on ${c.shared} ${c.kind === 'outcomes' ? 'cases' : 'rows'}${c.source === 'columns' ? " (the baseline model's columns in the same file)" : ''}`
        : c.comparison === 'identical'
          ? `${c.kind} identical (the same input file)`
          : `${c.kind} as independent samples${c.reason ? ` (${c.reason})` : ''}`
    )
    .join('; ')
}
