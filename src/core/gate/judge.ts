/**
 * Is an estimate beyond its thresholds? The three modes of SPEC §3, judged on the estimate and its
 * interval:
 * - point: beyond when the estimate is.
 * - lenient: beyond only when the whole interval is (a confident breach; fewest false alarms).
 * - strict: beyond unless the whole interval is within (the metric must be shown safe).
 */
import type { Mode } from '../policy/types.js'

export interface Verdict {
  breach: boolean
  reason: string
}

const f = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(4).replace(/\.?0+$/, ''))

export function judge(
  value: number,
  ci: [number, number] | null,
  threshold: { min?: number; max?: number },
  mode: Mode
): Verdict {
  const { min, max } = threshold
  const interval = ci ? `[${f(ci[0])}, ${f(ci[1])}]` : ''
  if (mode === 'point' || (mode === 'lenient' && ci === null)) {
    const note = mode === 'lenient' ? ' (no interval: judged on the estimate)' : ''
    if (max !== undefined && value > max)
      return { breach: true, reason: `${f(value)} is above the maximum ${f(max)}${note}` }
    if (min !== undefined && value < min)
      return { breach: true, reason: `${f(value)} is below the minimum ${f(min)}${note}` }
    return { breach: false, reason: `${f(value)} is within the threshold${note}` }
  }
  if (ci === null) return { breach: true, reason: 'strict mode needs an interval, and this metric has none' }
  const [lo, hi] = ci
  if (mode === 'lenient') {
    if (max !== undefined && lo > max)
      return { breach: true, reason: `the whole interval ${interval} is above the maximum ${f(max)}` }
    if (min !== undefined && hi < min)
      return { breach: true, reason: `the whole interval ${interval} is below the minimum ${f(min)}` }
    return { breach: false, reason: `the interval ${interval} is not wholly beyond the threshold` }
  }
  if (max !== undefined && hi > max)
    return {
      breach: true,
      reason: `the interval ${interval} reaches above the maximum ${f(max)}: not shown to be within it`
    }
  if (min !== undefined && lo < min)
    return {
      breach: true,
      reason: `the interval ${interval} reaches below the minimum ${f(min)}: not shown to be within it`
    }
  return { breach: false, reason: `the whole interval ${interval} is within the threshold` }
}
