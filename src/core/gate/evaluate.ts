/**
 * (metrics, policy) -> checks and the decision. A breach is data, not an exception: every gate
 * becomes checks with a status, an effect on the decision and a reason.
 */
import { metricKey, type Change, type Evaluation, type MetricResult } from '../metrics/evaluate.js'
import { metricDef } from '../metrics/registry.js'
import type { Gate, Policy } from '../policy/types.js'
import { expandGate, type Target } from './expand.js'
import { judge, judgeChange } from './judge.js'
import { regressions } from './regressions.js'
import type { Check, Decision, Effect, Regression } from './types.js'
import { findWaiver } from './waivers.js'

export interface GateInput {
  policy: Policy
  evaluation: Evaluation
  model: string
  now: Date
  /** Checks of `requires` (artifacts and documents), already judged. */
  requirements: Check[]
  /** Changes against a usable baseline at a confidence level; absent without one. */
  changes?: (confidence: number) => Map<string, Change>
  /** Why change thresholds are skipped when there is no usable baseline. */
  noBaseline: string
}

export interface GateResult {
  checks: Check[]
  decision: Decision
  /** Intervals the checks were judged on, when a correction changed them. */
  multipleComparisons: { method: 'none' | 'bonferroni'; checks: number; confidence: number }
  /** The metrics at the level the checks used. */
  metrics: MetricResult[]
  /** Metrics significantly worse than the baseline, whether or not a gate asks. */
  regressions: Regression[]
}

export function evaluateGates(input: GateInput): GateResult {
  const { policy, evaluation } = input
  const d = policy.defaults
  const expand = (metrics: MetricResult[]) =>
    policy.gates.map(g => ({ gate: g, targets: expandGate(g, metricDef(g.metric)!, metrics) }))
  let metrics = evaluation.metrics
  let expanded = expand(metrics)
  const k = expanded.reduce((t, e) => t + e.targets.length, 0)
  let confidence = d.confidence
  if (d.multipleComparisons === 'bonferroni' && k > 1) {
    confidence = 1 - (1 - d.confidence) / k
    metrics = evaluation.at(confidence)
    expanded = expand(metrics)
  }
  const smallGroups = metrics.filter(
    m => m.metric === 'count' && m.status === 'insufficient' && m.group !== undefined
  )
  const changes = input.changes?.(confidence) ?? null
  const context = { policy, smallGroups, changes, noBaseline: input.noBaseline }
  const checks = [
    ...input.requirements,
    ...expanded.flatMap(({ gate, targets }) => targets.map(t => withWaiver(checkOf(gate, t, context), input)))
  ]
  return {
    checks,
    decision: decide(checks),
    multipleComparisons: { method: d.multipleComparisons, checks: k, confidence },
    metrics,
    regressions: changes ? regressions(metrics, changes) : []
  }
}

/** Whether a decision reaches a fail-on level: `block` fails on `fail`, `warn` on `warn` or `fail`. */
export function reaches(decision: Decision, failOn: 'block' | 'warn' | 'never'): boolean {
  if (failOn === 'never') return false
  return decision === 'fail' || (failOn === 'warn' && decision === 'warn')
}

/** The checks that block the release. */
export const blockingChecks = (checks: Check[]): number => checks.filter(c => c.effect === 'block').length

export function decide(checks: Check[]): Decision {
  if (checks.some(c => c.effect === 'block')) return 'fail'
  if (checks.some(c => c.effect === 'warn')) return 'warn'
  return 'pass'
}

interface Context {
  policy: Policy
  smallGroups: MetricResult[]
  changes: Map<string, Change> | null
  noBaseline: string
}

function checkOf(gate: Gate, t: Target, { policy, smallGroups, changes, noBaseline }: Context): Check {
  const d = policy.defaults
  const severity = gate.severity ?? 'block'
  const mode = gate.mode ?? d.mode
  const insufficientData = gate.insufficientData ?? d.insufficientData
  const breachEffect: Effect = severity === 'block' ? 'block' : 'warn'
  const insufficientEffect: Effect =
    insufficientData === 'fail' ? breachEffect : insufficientData === 'warn' ? 'warn' : 'none'
  const threshold = {
    ...(gate.min !== undefined && { min: gate.min }),
    ...(gate.max !== undefined && { max: gate.max }),
    ...(gate.maxWorsening !== undefined && { maxWorsening: gate.maxWorsening }),
    ...(gate.maxWorseningRelative !== undefined && { maxWorseningRelative: gate.maxWorseningRelative })
  }
  const r = t.result
  const change = changes?.get(metricKey({ metric: gate.metric, ...t.scope }))
  const base = {
    gate: gate.id,
    metric: gate.metric,
    ...t.scope,
    severity,
    mode,
    threshold,
    value: r?.value ?? null,
    ci: r?.ci ?? null,
    ...(change && { baseline: change.baseline, change: change.change, changeCi: change.changeCi })
  }
  if (t.missing !== undefined || r === undefined)
    return { ...base, status: 'missing', effect: breachEffect, reason: t.missing ?? 'no value' }
  const small =
    r.group !== undefined
      ? r.status === 'insufficient'
        ? [{ attribute: r.attribute!, group: r.group, n: r.n }]
        : []
      : r.attribute !== undefined
        ? smallGroups
            .filter(m => m.attribute === r.attribute)
            .map(m => ({ attribute: m.attribute!, group: m.group!, n: m.value ?? 0 }))
        : []
  const insufficient = {
    ...base,
    status: 'insufficient' as const,
    effect: insufficientEffect,
    ...(small.length > 0 && { insufficientGroups: small })
  }
  const tooFew = `fewer than ${d.minGroupSize} rows`
  if (r.value === null) {
    if (r.reason?.startsWith('fewer than two groups')) return { ...insufficient, reason: r.reason }
    return { ...base, status: 'missing', effect: breachEffect, reason: `undefined: ${r.reason}` }
  }
  const hasChangeThreshold = gate.maxWorsening !== undefined || gate.maxWorseningRelative !== undefined
  const missingChange = changes === null ? noBaseline : 'the baseline has no value for this check'
  const worse = hasChangeThreshold ? judgeChange(gate, change, missingChange, mode) : null
  if (gate.min === undefined && gate.max === undefined && (worse === null || worse.skipped)) {
    return { ...base, status: 'skipped', effect: 'none', reason: worse?.reason ?? 'no threshold' }
  }
  // With no level threshold, the change alone is the verdict: its words lead.
  const changeNote = worse && (gate.min !== undefined || gate.max !== undefined) ? `; ${worse.reason}` : ''
  if (r.group !== undefined && r.status === 'insufficient') {
    return { ...insufficient, reason: `group '${r.group}' has ${r.n} rows, ${tooFew}${changeNote}` }
  }
  const level =
    gate.min === undefined && gate.max === undefined ? null : judge(r.value, r.ci, threshold, mode)
  const verdict = {
    breach: Boolean(level?.breach || (worse && !worse.skipped && worse.breach)),
    reason: level ? level.reason : worse!.reason
  }
  if (verdict.breach) {
    return {
      ...base,
      status: severity === 'block' ? 'fail' : 'warn',
      effect: breachEffect,
      reason: verdict.reason + changeNote,
      ...(small.length > 0 && { insufficientGroups: small })
    }
  }
  if (small.length > 0 && insufficientData !== 'ignore') {
    const names = small.map(g => `${g.group} (${g.n})`).join(', ')
    return {
      ...insufficient,
      reason: `${verdict.reason} over the eligible groups, but ${names} ${small.length === 1 ? 'has' : 'have'} ${tooFew}${changeNote}`
    }
  }
  return {
    ...base,
    status: 'pass',
    effect: 'none',
    reason: verdict.reason + changeNote,
    ...(small.length > 0 && { insufficientGroups: small })
  }
}

function withWaiver(check: Check, input: GateInput): Check {
  if (check.effect === 'none') return check
  const waiver = findWaiver(input.policy.waivers, check.gate, input.model, input.now)
  if (waiver === undefined) return check
  if (waiver.expired)
    return { ...check, waiver, reason: `${check.reason}; waiver expired on ${waiver.expires}` }
  return {
    ...check,
    status: 'waived',
    effect: 'none',
    waiver,
    reason: `${check.reason}; waived by ${waiver.approvedBy} until ${waiver.expires ?? 'further notice'}: ${waiver.reason}`
  }
}
