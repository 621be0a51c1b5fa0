/**
 * Is an estimate beyond its thresholds? The three modes of SPEC §3, judged on the estimate and its
 * interval:
 * - point: beyond when the estimate is.
 * - lenient: beyond only when the whole interval is (a confident breach; fewest false alarms).
 * - strict: beyond unless the whole interval is within (the metric must be shown safe).
 */
import type { Change } from '../metrics/evaluate.js'
import { worseningSign } from '../metrics/registry.js'
import type { Mode } from '../policy/types.js'
import { probit, zOf } from '../stats/intervals.js'

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

export interface ChangeVerdict extends Verdict {
  /** No baseline value to compare with: the change threshold is skipped, never passed. */
  skipped: boolean
}

/**
 * Change thresholds (SPEC §3): `maxWorsening` (absolute) and `maxWorseningRelative` (a fraction of the
 * baseline value) limit how far the metric may move in its bad direction since the baseline, judged
 * with the same modes on the change's interval.
 */
export function judgeChange(
  gate: { metric: string; maxWorsening?: number; maxWorseningRelative?: number; higherIsBetter?: boolean },
  change: Change | undefined,
  noBaseline: string,
  mode: Mode
): ChangeVerdict {
  if (change === undefined)
    return { breach: false, skipped: true, reason: `change threshold skipped: ${noBaseline}` }
  const sign = worseningSign(gate)
  const limits = [
    gate.maxWorsening,
    gate.maxWorseningRelative === undefined
      ? undefined
      : gate.maxWorseningRelative * Math.abs(change.baseline)
  ]
  const allowed = Math.min(...limits.filter((v): v is number => v !== undefined))
  // Worsening: the change in the metric's bad direction (of the corrected estimates, where the
  // formula is biased), with its interval turned the same way.
  const w = sign * (change.corrected ?? change.change)
  const ci =
    change.changeCi &&
    ([sign * change.changeCi[0], sign * change.changeCi[1]].sort((a, b) => a - b) as [number, number])
  const verdict = judge(w, ci, { max: allowed }, mode)
  const what = `worsening ${f(w)}${correctedNote(change.corrected === undefined ? null : f(sign * change.change))} since the baseline ${f(change.baseline)} (allowed ${f(allowed)})`
  return {
    breach: verdict.breach,
    skipped: false,
    reason: verdict.breach ? `${what}: ${verdict.reason}` : `${what} is within it`
  }
}

/**
 * What a reason adds when a check judged a corrected estimate: the formula's value beside it, as the
 * reason formats numbers (null: no correction).
 */
export const correctedNote = (plugIn: string | null): string =>
  plugIn === null ? '' : ` (bias-corrected; the plug-in formula gives ${plugIn})`

/** The probability of deciding that "N rows would decide it" promises. */
export const DECIDING_PROBABILITY = 0.8

/**
 * When the interval holds a threshold, the data cannot decide the check either way. Returns the
 * estimate's distance m to that threshold and how many times the rows behind the interval would let
 * a new sample decide it with probability DECIDING_PROBABILITY, if the truth is the current estimate.
 * The interval's half-width h on the threshold's side is z·σ (z of the interval's level), and σ
 * shrinks as 1/√n. A new estimate falls around the truth with spread σ′, and its interval clears the
 * threshold when it lies z·σ′ beyond it on the estimate's side: with probability P that needs
 * m = (z + z_P)·σ′, so σ′ = m / (z + z_P), and the rows grow by (σ/σ′)² = (h·(z + z_P) / (z·m))².
 * (Making the half-width equal to the margin, as before, decided about half the time.) Null when the
 * interval decides (or there is none); factor is Infinity when the estimate sits on the threshold.
 */
export function undecided(
  value: number,
  ci: [number, number] | null,
  threshold: { min?: number; max?: number },
  confidence: number
): { margin: number; factor: number } | null {
  if (ci === null) return null
  const [lo, hi] = ci
  for (const t of [threshold.max, threshold.min]) {
    if (t === undefined || !(lo < t && t < hi)) continue
    const margin = Math.abs(value - t)
    const half = value <= t ? hi - value : value - lo
    const z = zOf(confidence)
    const grow = (half * (z + probit(DECIDING_PROBABILITY))) / (z * margin)
    return { margin, factor: margin > 0 ? grow * grow : Infinity }
  }
  return null
}
