/**
 * (metrics, policy) -> checks and the decision. A breach is data, not an exception: every gate
 * becomes checks with a status, an effect on the decision and a reason.
 */
import { bonferroni } from '../stats/intervals.js'
import { metricKey, type Change, type Evaluation, type MetricResult } from '../metrics/evaluate.js'
import { DISPARITIES, metricDef, type MetricDef } from '../metrics/registry.js'
import type { Gate, Mode, Policy, PolicyDefaults } from '../policy/types.js'
import { expandGate, type Target } from './expand.js'
import { correctedNote, DECIDING_PROBABILITY, judge, judgeChange, undecided } from './judge.js'
import { regressions } from './regressions.js'
import type { Check, Decision, Effect, GroupRate, Regression, Status } from './types.js'
import { beyondLimit, findWaiver } from './waivers.js'
import { someOf } from '../words.js'
import { SCOPE_KEYS, type ScopeRef } from '../metrics/sink.js'

/** How many small groups a reason names. */
const NAMED_GROUPS = 10
/** A deciding group with fewer rows than this many times minGroupSize is flagged as small. */
export const SMALL_GROUP_FACTOR = 3

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
  /**
   * Whether a baseline report was given. Then a change threshold that cannot be judged (the report
   * cannot be compared, or holds no value for the check) is not passed but insufficient evidence,
   * with the policy's `insufficientData` effect; without one, change thresholds are skipped.
   */
  baselineGiven?: boolean
  /** Metrics that a metrics artifact declares (metrics/provided.ts providedDefs). */
  known?: ReadonlyMap<string, MetricDef>
  /** The baseline report's checks, each gate and scope with its status there. */
  baselineChecks?: readonly (Pick<Check, 'gate' | 'status'> & ScopeRef)[]
}

/** A check's identity across runs: its gate and scope. */
export const checkKey = (c: { gate: string } & ScopeRef): string =>
  JSON.stringify([c.gate, ...SCOPE_KEYS.map(k => c[k])])

export interface GateResult {
  checks: Check[]
  decision: Decision
  /** The correction of lenient and point checks' intervals: over how many checks, to which level. */
  multipleComparisons: { method: 'none' | 'bonferroni'; checks: number; confidence: number }
  /** The metrics at the policy's confidence. */
  metrics: MetricResult[]
  /** Metrics significantly worse than the baseline, whether or not a gate asks. */
  regressions: Regression[]
}

export function evaluateGates(input: GateInput): GateResult {
  const { policy, evaluation } = input
  const d = policy.defaults
  const metrics = evaluation.metrics
  const def = (id: string) => metricDef(id) ?? input.known?.get(id)
  const expanded = policy.gates.map(g => ({ gate: g, targets: expandGate(g, def(g.metric)!, metrics) }))
  // A correction belongs where errors accumulate across checks: a lenient check raises a false alarm
  // when its own interval misses, so k lenient checks at 95% each would raise one almost surely; a
  // point check is decided by its estimate, and the correction (when the policy asks) makes the
  // intervals it shows hold together. Strict checks are never corrected: the release passes only if
  // every one of them is shown safe, so each already caps a false release, and a correction would
  // only fail safe models more often.
  const isCorrected = (g: Gate) => (g.mode ?? d.mode) !== 'strict'
  const family = expanded.reduce((t, e) => t + (isCorrected(e.gate) ? e.targets.length : 0), 0)
  const corrected =
    d.multipleComparisons === 'bonferroni' && family > 1 ? bonferroni(d.confidence, family) : d.confidence
  const levels = new Map<
    number,
    { metrics: Map<string, MetricResult>; changes: Map<string, Change> | null }
  >()
  const at = (confidence: number) => {
    let level = levels.get(confidence)
    if (level === undefined) {
      const ms = confidence === d.confidence ? metrics : evaluation.at(confidence)
      level = {
        metrics: new Map(ms.map(m => [metricKey(m), m])),
        changes: input.changes?.(confidence) ?? null
      }
      levels.set(confidence, level)
    }
    return level
  }
  const smallGroups = metrics.filter(
    m => m.metric === 'count' && m.status === 'insufficient' && m.group !== undefined
  )
  const context = {
    policy,
    smallGroups,
    noBaseline: input.noBaseline,
    baselineGiven: input.baselineGiven ?? false,
    before: new Map((input.baselineChecks ?? []).map(c => [checkKey(c), c.status])),
    deciding: decidingGroups(metrics, d.minGroupSize * SMALL_GROUP_FACTOR)
  }
  const checks = [
    ...input.requirements,
    ...expanded.flatMap(({ gate, targets }) => {
      const confidence = isCorrected(gate) ? corrected : d.confidence
      const level = at(confidence)
      return targets.map(t => {
        const result = t.result && level.metrics.get(metricKey(t.result))
        return withWaiver(
          checkOf(gate, { ...t, result }, { ...context, confidence, changes: level.changes }),
          input
        )
      })
    })
  ]
  const nominal = at(d.confidence)
  return {
    checks,
    decision: decide(checks),
    multipleComparisons: { method: d.multipleComparisons, checks: family, confidence: corrected },
    metrics,
    regressions: nominal.changes ? regressions(metrics, nominal.changes) : []
  }
}

/** Whether a decision reaches a fail-on level: `block` fails on `fail`, `warn` on `warn` or `fail`. */
/** The `--fail-on` / `fail-on` setting: the decision that fails the run. */
export const FAIL_ON = ['block', 'warn', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]

export function reaches(decision: Decision, failOn: FailOn): boolean {
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
  baselineGiven: boolean
  /** The level of the intervals this check is judged on. */
  confidence: number
  /** The baseline report's status of each check (checkKey). */
  before: ReadonlyMap<string, Status>
  /** A disparity's deciding groups in an attribute (undefined when it is not a disparity). */
  deciding: (metric: string, attribute: string, cls?: string) => Check['groups']
}

/**
 * Which groups decide each disparity: for a disparity of an attribute, the per-group rate behind it
 * (of several, the one that gives the disparity's value: the largest difference, the smallest ratio)
 * and that rate's lowest and highest eligible groups (ties: the first met), with their rows.
 */
function decidingGroups(metrics: MetricResult[], small: number): Context['deciding'] {
  const key = (...parts: string[]) => parts.join('\u0000')
  const rows = new Map<string, number>()
  for (const m of metrics)
    if (m.metric === 'count' && m.group !== undefined && m.status !== 'insufficient' && m.value !== null)
      rows.set(key(m.attribute!, m.group), m.value)
  const rates = new Map<string, GroupRate[]>()
  for (const m of metrics) {
    if (m.group === undefined || m.value === null || !Number.isFinite(m.value)) continue
    const n = rows.get(key(m.attribute!, m.group))
    if (n === undefined) continue
    const k = key(m.metric, m.attribute!, m.class ?? '')
    const list = rates.get(k) ?? []
    list.push({ group: m.group, value: m.value, n, ...(n < small && { small: true as const }) })
    rates.set(k, list)
  }
  const classes = [...new Set(metrics.flatMap(m => (m.class === undefined ? [] : [m.class])))]
  return (metric, attribute, cls) => {
    const d = DISPARITIES.find(x => x.id === metric)
    if (d === undefined) return undefined
    let best: NonNullable<Check['groups']> | undefined
    let widest = -Infinity
    // A multiclass model's disparity over every class is its worst class's: each class is looked at.
    const among = cls !== undefined ? [cls] : classes.length > 0 ? classes : ['']
    for (const c of among)
      for (const base of d.of) {
        const list = rates.get(key(base, attribute, c)) ?? []
        if (list.length < 2) continue
        const lowest = list.reduce((a, b) => (b.value < a.value ? b : a))
        const highest = list.reduce((a, b) => (b.value > a.value ? b : a))
        // How far apart, on the disparity's own scale: larger is further.
        const gap =
          d.kind === 'difference'
            ? highest.value - lowest.value
            : highest.value === 0
              ? 0
              : 1 - lowest.value / highest.value
        if (gap > widest) {
          widest = gap
          best = { metric: base, lowest, highest, ...(c !== '' && { class: c }) }
        }
      }
    return best
  }
}

const f = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(3).replace(/\.?0+$/, ''))
const groupText = (g: GroupRate) =>
  `'${g.group}' (${f(g.value)}, ${g.n.toLocaleString('en-US')} rows${g.small ? ', few' : ''})`

/** "selection_rate is lowest in 'b' (0.25, 40 rows, few) and highest in 'a' (0.75, 400 rows)" */
function groupsText(g: NonNullable<Check['groups']>): string {
  const of = g.class === undefined ? '' : ` of class '${g.class}'`
  return `${g.metric}${of} is lowest in ${groupText(g.lowest)} and highest in ${groupText(g.highest)}`
}

/**
 * Why the data cannot decide a check, and how many rows would with probability DECIDING_PROBABILITY
 * at its current estimate: the check's rows, or for a disparity each of its two deciding groups
 * (both bound its interval, so both must grow: growing only the smaller decided 38% of the time).
 */
function inconclusive(
  r: MetricResult,
  threshold: { min?: number; max?: number },
  confidence: number,
  deciding: Check['groups']
): NonNullable<Check['inconclusive']> | null {
  const u = r.value === null ? null : undecided(r.value, r.ci, threshold, confidence)
  if (u === null) return null
  const rows = (n: number) => (Number.isFinite(u.factor) ? Math.ceil(n * u.factor) : null)
  const where = r.attribute !== undefined && { attribute: r.attribute }
  const base = { margin: u.margin, probability: DECIDING_PROBABILITY }
  if (r.group === undefined && deciding) {
    const groups = [deciding.lowest, deciding.highest]
      .sort((a, b) => a.n - b.n)
      .map(g => ({ group: g.group, rows: rows(g.n) }))
    return { ...base, rowsNeeded: groups[0].rows, ...where, group: groups[0].group, groups }
  }
  return { ...base, rowsNeeded: rows(r.n), ...where, ...(r.group !== undefined && { group: r.group }) }
}

const about = (n: number) => Number(n.toPrecision(2)).toLocaleString('en-US')

/**
 * "about 1,900 rows would decide it with 80% probability", "about 400 rows in group 'b' and 2,600 in
 * group 'a' would decide it with 80% probability"
 */
function rowsText(u: NonNullable<Check['inconclusive']>): string {
  if (u.rowsNeeded === null) return 'the estimate sits on the threshold, so no sample size decides it'
  const chance = `with ${Math.round(u.probability * 100)}% probability, if the estimate holds`
  if (u.groups)
    return `about ${u.groups.map((g, i) => `${about(g.rows!)}${i === 0 ? ' rows' : ''} in group '${g.group}'`).join(' and ')} would decide it ${chance}`
  return `about ${about(u.rowsNeeded)} rows${u.group !== undefined ? ` in group '${u.group}'` : ''} would decide it ${chance}`
}

/** The result as a check judges it: on its corrected estimate, where its formula is biased. */
const judgedOn = (r: MetricResult): MetricResult =>
  r.corrected !== undefined ? { ...r, value: r.corrected } : r

/**
 * What decides a check, in order of precedence (checkOf takes the first that holds), and the status
 * and effect each gives: `breach` takes the gate's severity; `insufficient` the policy's
 * insufficientData setting. A new reason for a status is a row here, never a test on a message.
 */
const FINDINGS = {
  /** The gate's scope has no value in this run (an attribute not declared, no such artifact). */
  'no-value': { status: 'missing', effect: 'breach' },
  /** A disparity without two groups of minGroupSize rows (metrics/sink.ts tooFewGroups). */
  'too-few-groups': { status: 'insufficient', effect: 'insufficient' },
  /** The metric is undefined on these data (a rate with no rows in its denominator). */
  undefined: { status: 'missing', effect: 'breach' },
  /** Only a change threshold, which the given baseline cannot judge. */
  'change-unjudged': { status: 'insufficient', effect: 'insufficient' },
  /** Only a change threshold, and no baseline to judge it against. */
  'no-threshold': { status: 'skipped', effect: 'none' },
  /** A group's own check, below minGroupSize. */
  'small-group': { status: 'insufficient', effect: 'insufficient' },
  breach: { status: 'breach', effect: 'breach' },
  /** No breach, but a change threshold the given baseline cannot judge. */
  unjudged: { status: 'insufficient', effect: 'insufficient' },
  /** No breach over the eligible groups, with groups in scope below minGroupSize. */
  'small-groups': { status: 'insufficient', effect: 'insufficient' },
  /** No breach, and the interval holds the threshold (lenient mode: the data cannot decide). */
  inconclusive: { status: 'inconclusive', effect: 'none' },
  pass: { status: 'pass', effect: 'none' }
} as const satisfies Record<string, { status: Status | 'breach'; effect: Effect | 'breach' | 'insufficient' }>

type Finding = keyof typeof FINDINGS

/** A check's finding, its reason, and what it adds: the groups too small, the open interval's margin. */
interface Found {
  finding: Finding
  reason: string
  small?: Pick<Check, 'insufficientGroups'>
  open?: Pick<Check, 'inconclusive'>
}

function checkOf(gate: Gate, t: Target, context: Context): Check {
  const d = context.policy.defaults
  const severity = gate.severity ?? 'block'
  const mode = gate.mode ?? d.mode
  const insufficientData = gate.insufficientData ?? d.insufficientData
  const breachEffect: Effect = severity === 'block' ? 'block' : 'warn'
  const effects: Record<(typeof FINDINGS)[Finding]['effect'], Effect> = {
    breach: breachEffect,
    insufficient: insufficientData === 'fail' ? breachEffect : insufficientData === 'warn' ? 'warn' : 'none',
    none: 'none'
  }
  const threshold = {
    ...(gate.min !== undefined && { min: gate.min }),
    ...(gate.max !== undefined && { max: gate.max }),
    ...(gate.maxWorsening !== undefined && { maxWorsening: gate.maxWorsening }),
    ...(gate.maxWorseningRelative !== undefined && { maxWorseningRelative: gate.maxWorseningRelative })
  }
  const r = t.result
  const change = context.changes?.get(metricKey({ metric: gate.metric, ...t.scope }))
  const base: Omit<Check, 'status' | 'effect' | 'reason'> = {
    gate: gate.id,
    metric: gate.metric,
    ...t.scope,
    severity,
    mode,
    confidence: context.confidence,
    threshold,
    // The metric's value as the report gives it (and its baseline and change); a metric whose formula
    // is biased is judged on its corrected estimate, which the reason names (findingOf).
    value: r?.value ?? null,
    ci: r?.ci ?? null,
    ...(change && {
      baseline: change.baseline,
      change: change.change,
      changeCi: change.changeCi,
      comparison: change.comparison
    })
  }
  const before = context.before.get(checkKey({ gate: gate.id, ...t.scope }))
  // A disparity's deciding groups: what its reason names, and which groups must grow to decide it.
  const deciding =
    t.scope.attribute !== undefined && t.scope.group === undefined && r?.value != null
      ? context.deciding(gate.metric, t.scope.attribute, t.scope.class)
      : undefined
  const { finding, reason, small, open } = findingOf(
    gate,
    t,
    change,
    threshold,
    mode,
    insufficientData,
    deciding,
    context
  )
  const outcome = FINDINGS[finding]
  const status = outcome.status === 'breach' ? (severity === 'block' ? 'fail' : 'warn') : outcome.status
  const effect = effects[outcome.effect]
  // A disparity names the groups that decide it; its reason does too where the value was judged and
  // not passed (a breach, a warning, an inconclusive check; a waiver keeps the reason it waives).
  // What the report adds at the end of a check: its deciding groups, its status in the baseline.
  const added = { ...(deciding && { groups: deciding }), ...(before && { baselineStatus: before }) }
  const judged = status === 'fail' || status === 'warn' || status === 'inconclusive'
  const why = deciding && judged ? `${reason}; ${groupsText(deciding)}` : reason
  // The keys in the order reports have always had them.
  if (outcome.effect === 'insufficient')
    return {
      ...base,
      status,
      effect,
      ...small,
      ...(finding === 'small-groups' && open),
      reason: why,
      ...added
    }
  if (finding === 'breach' || finding === 'pass' || finding === 'inconclusive')
    return { ...base, ...open, status, effect, reason: why, ...small, ...added }
  return { ...base, status, effect, reason: why, ...added }
}

/** The first finding that holds for a check (FINDINGS gives their order), with its reason. */
function findingOf(
  gate: Gate,
  t: Target,
  change: Change | undefined,
  threshold: Check['threshold'],
  mode: Mode,
  insufficientData: PolicyDefaults['insufficientData'],
  deciding: Check['groups'],
  { policy, smallGroups, changes, noBaseline, baselineGiven, confidence }: Context
): Found {
  const r = t.result
  if (t.missing !== undefined || r === undefined)
    return { finding: 'no-value', reason: t.missing ?? 'no value' }
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
  const named = small.length > 0 ? { small: { insufficientGroups: small } } : {}
  const tooFew = `fewer than ${policy.defaults.minGroupSize} rows`
  if (r.value === null) {
    // A disparity without two groups large enough (metrics/sink.ts tooFewGroups): decided by its status.
    if (r.group === undefined && r.status === 'insufficient')
      return { finding: 'too-few-groups', reason: r.reason ?? 'insufficient data', ...named }
    return { finding: 'undefined', reason: `undefined: ${r.reason}` }
  }
  const hasLevel = gate.min !== undefined || gate.max !== undefined
  const hasChangeThreshold = gate.maxWorsening !== undefined || gate.maxWorseningRelative !== undefined
  const missingChange = changes === null ? noBaseline : 'the baseline has no value for this check'
  const worse = hasChangeThreshold
    ? judgeChange({ ...gate, higherIsBetter: r.higherIsBetter }, change, missingChange, mode)
    : null
  // A change that a given baseline cannot judge is not a pass (a renamed model, a corrupt report).
  const unjudged = worse !== null && worse.skipped && baselineGiven
  if (!hasLevel && unjudged)
    return { finding: 'change-unjudged', reason: `change not judged: ${worse.reason}`, ...named }
  if (!hasLevel && (worse === null || worse.skipped))
    return { finding: 'no-threshold', reason: worse?.reason ?? 'no threshold' }
  // With no level threshold, the change alone is the verdict: its words lead.
  const changeNote = worse && hasLevel ? `; ${worse.reason}` : ''
  if (r.group !== undefined && r.status === 'insufficient')
    return {
      finding: 'small-group',
      reason: `group '${r.group}' has ${r.n} rows, ${tooFew}${changeNote}`,
      ...named
    }
  const judged = judgedOn(r)
  const level = hasLevel ? judge(judged.value!, r.ci, threshold, mode) : null
  // Not enough evidence is not a breach shown: strict and lenient checks say when the interval
  // holds the threshold, and how many rows would decide.
  const open = level && mode !== 'point' ? inconclusive(judged, threshold, confidence, deciding) : null
  const corrected = correctedNote(r.corrected === undefined ? null : f(r.value!))
  const verdict = level
    ? open
      ? `${level.reason}${corrected} (not enough evidence either way: ${rowsText(open)})`
      : level.reason + corrected
    : worse!.reason
  const shown = open ? { open: { inconclusive: open } } : {}
  if (level?.breach || (worse && !worse.skipped && worse.breach))
    return { finding: 'breach', reason: verdict + changeNote, ...shown, ...named }
  if (unjudged)
    return { finding: 'unjudged', reason: `${verdict}; change not judged: ${worse.reason}`, ...named }
  if (small.length > 0 && insufficientData !== 'ignore') {
    // Named up to a point: every one is in insufficientGroups, and a reason stays readable.
    const names = someOf(
      small.map(g => `${g.group} (${g.n})`),
      NAMED_GROUPS
    )
    return {
      finding: 'small-groups',
      reason: `${verdict} over the eligible groups, but ${names} ${small.length === 1 ? 'has' : 'have'} ${tooFew}${changeNote}`,
      ...shown,
      ...named
    }
  }
  return { finding: open ? 'inconclusive' : 'pass', reason: verdict + changeNote, ...shown, ...named }
}

function withWaiver(check: Check, input: GateInput): Check {
  if (check.effect === 'none') return check
  const waiver = findWaiver(input.policy.waivers, check, input.model, input.now)
  if (waiver === undefined) return check
  if (waiver.expired)
    return { ...check, waiver, reason: `${check.reason}; waiver expired on ${waiver.expires}` }
  if (beyondLimit(check, waiver.limit))
    return {
      ...check,
      reason: `${check.reason}; the waiver by ${waiver.approvedBy} holds up to ${waiver.limit}, and the value is beyond it`
    }
  return {
    ...check,
    status: 'waived',
    effect: 'none',
    waiver,
    reason: `${check.reason}; waived by ${waiver.approvedBy} until ${waiver.expires ?? 'further notice'}: ${waiver.reason}`
  }
}
