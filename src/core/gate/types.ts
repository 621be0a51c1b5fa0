/** Checks: one per gate and scope instance (SPEC §3), and the run's decision. */
import type { Comparison } from '../metrics/evaluate.js'
import type { ScopeRef } from '../metrics/sink.js'
import type { Mode, Severity } from '../policy/types.js'

/**
 * SPEC §3's statuses, and two more: `skipped` (a change threshold with no baseline to judge it) and
 * `inconclusive` (a lenient check whose interval holds its threshold: not a breach, and not shown to
 * be within the threshold either; it does not change the decision).
 */
export type Status =
  'pass' | 'fail' | 'warn' | 'waived' | 'insufficient' | 'missing' | 'skipped' | 'inconclusive'
/** What a check does to the decision: block (fail), warn, or nothing. */
export type Effect = 'block' | 'warn' | 'none'
export type Decision = 'pass' | 'warn' | 'fail'

/** A group's rate and its rows; small: fewer than SMALL_GROUP_FACTOR × minGroupSize rows. */
export interface GroupRate {
  group: string
  value: number
  n: number
  small?: true
}

export interface AppliedWaiver {
  reason: string
  approvedBy: string
  expires?: string
  /** An expired waiver has no effect; it is listed so that reviewers see it lapsed. */
  expired: boolean
  /** What it is scoped to, and the value it holds up to, when it says (policy/types.ts Waiver). */
  attributes?: string[]
  groups?: string[]
  limit?: number
}

export interface Check extends ScopeRef {
  gate: string
  metric: string
  status: Status
  severity: Severity
  effect: Effect
  value: number | null
  ci: [number, number] | null
  threshold: { min?: number; max?: number; maxWorsening?: number; maxWorseningRelative?: number }
  mode: Mode
  /** The two-sided level of ci and changeCi (above the policy's when a correction applies). */
  confidence?: number
  /** The baseline run's value of the same check, the change since, and the change's interval. */
  baseline?: number
  change?: number
  changeCi?: [number, number] | null
  /** How the change was measured (Change.comparison). */
  comparison?: Comparison
  /**
   * The status of the same gate and scope in the baseline report, when it has that check: a failing
   * check is new since the baseline, or was failing there already.
   */
  baselineStatus?: Status
  /**
   * The interval holds the threshold: the data cannot decide. The rows that would with `probability`
   * if the truth is the estimate: the check's, or (a disparity) each of its two deciding groups', the
   * smaller first (`group`, `rowsNeeded`).
   */
  inconclusive?: {
    margin: number
    rowsNeeded: number | null
    probability: number
    attribute?: string
    group?: string
    groups?: { group: string; rows: number | null }[]
  }
  /** Why the check has its status, in words a reviewer can act on. */
  reason: string
  /** Groups in scope below minGroupSize, by name and size. */
  insufficientGroups?: { attribute: string; group: string; n: number }[]
  /**
   * A disparity's deciding groups: the per-group rate that decides it (equalized odds: tpr or fpr,
   * whichever is further apart) and its lowest and highest eligible groups, with their rows.
   */
  groups?: { metric: string; lowest: GroupRate; highest: GroupRate; class?: string }

  waiver?: AppliedWaiver
}

/** A metric that got worse since the baseline: listed under false-discovery-rate control. */
export interface Regression extends ScopeRef {
  metric: string
  baseline: number
  value: number
  change: number
  changeCi: [number, number] | null
  /** One-sided p-value of the worsening (regressions.ts). */
  pValue: number
  comparison: Comparison
}
