/**
 * What a rendering lists when a report is long: a gate over thousands of groups is summarised (how
 * many of its checks have each status) with its worst checks listed, rather than cut where the
 * page runs out. The report itself always holds everything.
 */
import type { Check, Status } from '../gate/types.js'
import type { MetricResult } from '../metrics/evaluate.js'

/** The order a reviewer reads checks in: what blocks, then what warns, then what could not be judged. */
export const STATUS_ORDER: Status[] = [
  'fail',
  'warn',
  'missing',
  'insufficient',
  'inconclusive',
  'waived',
  'skipped',
  'pass'
]

/** A gate with more checks to show than a rendering lists. */
export interface GateSummary {
  gate: string
  metric: string
  /** All the gate's checks, by status (in STATUS_ORDER, none left out at 0). */
  counts: [Status, number][]
  total: number
  /** Of the checks to show, how many; `listed` of them are. */
  shown: number
  listed: number
}

/**
 * How far a check is beyond its threshold, for listing the worst: missing values first, then by the
 * estimate, then by the interval's nearer end (the surer breach); a change-only gate by its change.
 */
function beyond(c: Check): [number, number] {
  if (c.value === null) return [Infinity, Infinity]
  const t = c.threshold
  if (t.min === undefined && t.max === undefined) return [c.change ?? -Infinity, -Infinity]
  const over = (v: number, w: number) =>
    Math.max(t.max !== undefined ? v - t.max : -Infinity, t.min !== undefined ? t.min - w : -Infinity)
  const [lo, hi] = c.ci ?? [c.value, c.value]
  return [over(c.value, c.value), over(lo, hi)]
}

function worseFirst(a: Check, b: Check): number {
  const rank = STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)
  if (rank !== 0) return rank
  const [x, y] = [beyond(a), beyond(b)]
  return y[0] - x[0] || y[1] - x[1]
}

/**
 * Of `shown` (checks from `all`), at most `per` a gate, in the report's order; a gate with more
 * keeps its worst and is summarised.
 */
export function checksToList(
  shown: Check[],
  all: Check[],
  per: number
): { rows: Check[]; summaries: GateSummary[] } {
  const byGate = groupBy(shown)
  const allByGate = groupBy(all)
  const rows: Check[] = []
  const summaries: GateSummary[] = []
  for (const [gate, cs] of byGate) {
    if (cs.length <= per) {
      rows.push(...cs)
      continue
    }
    rows.push(...[...cs].sort(worseFirst).slice(0, per))
    const ofGate = allByGate.get(gate)!
    const counts = STATUS_ORDER.map(s => [s, ofGate.filter(c => c.status === s).length] as [Status, number])
    summaries.push({
      gate,
      metric: cs[0].metric,
      counts: counts.filter(([, n]) => n > 0),
      total: ofGate.length,
      shown: cs.length,
      listed: per
    })
  }
  return { rows, summaries }
}

function groupBy(checks: Check[]): Map<string, Check[]> {
  const out = new Map<string, Check[]>()
  for (const c of checks) {
    const list = out.get(c.gate)
    if (list) list.push(c)
    else out.set(c.gate, [c])
  }
  return out
}

/** An attribute's groups, or past `limit` of them its largest (the surest estimates). */
export function groupsToList(
  metrics: MetricResult[],
  attribute: string,
  limit: number
): { groups: string[]; of: number } {
  const all = metrics.filter(m => m.metric === 'count' && m.attribute === attribute && m.group !== undefined)
  if (all.length <= limit) return { groups: all.map(m => m.group!), of: all.length }
  const size = (m: MetricResult) => m.value ?? 0
  return {
    groups: [...all]
      .sort((x, y) => size(y) - size(x))
      .slice(0, limit)
      .map(m => m.group!),
    of: all.length
  }
}

/**
 * Whether a failing or warning check is new since the baseline or was so there already (from the
 * baseline report's own check of the same gate and scope); '' for any other check, or without one.
 */
export function sinceText(c: Pick<Check, 'status' | 'baselineStatus'>): string {
  if ((c.status !== 'fail' && c.status !== 'warn') || c.baselineStatus === undefined) return ''
  const was = WAS[c.baselineStatus]
  return c.baselineStatus === 'pass' || c.baselineStatus === 'inconclusive' || c.baselineStatus === 'skipped'
    ? `new: ${was} in the baseline`
    : `already ${was} in the baseline`
}

const WAS: Record<Status, string> = {
  pass: 'passed',
  fail: 'failing',
  warn: 'warning',
  waived: 'waived',
  insufficient: 'insufficient',
  missing: 'missing',
  skipped: 'skipped',
  inconclusive: 'inconclusive'
}
