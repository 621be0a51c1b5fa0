/** A policy (SPEC §3) after loading, `extends` resolved. */
import type { Task } from '../kinds.js'

export interface PolicyDefaults {
  confidence: number
  mode: 'point' | 'lenient' | 'strict'
  bootstrap: { resamples: number; seed: number }
  minGroupSize: number
  insufficientData: 'fail' | 'warn' | 'ignore'
  multipleComparisons: 'none' | 'bonferroni'
  calibration: { bins: number; strategy: 'uniform' | 'quantile' }
}

export const DEFAULTS: PolicyDefaults = {
  confidence: 0.95,
  mode: 'point',
  bootstrap: { resamples: 1000, seed: 0 },
  minGroupSize: 30,
  insufficientData: 'warn',
  multipleComparisons: 'none',
  calibration: { bins: 10, strategy: 'uniform' }
}

export type Mode = PolicyDefaults['mode']
export type Severity = 'block' | 'warn'

export interface Gate {
  id: string
  metric: string
  description?: string
  attributes?: string[]
  groups?: string[]
  /** A multiclass model's classes, one check each (['*']: every one). */
  classes?: string[]
  perturbations?: string[]
  suites?: string[]
  categories?: string[]
  min?: number
  max?: number
  maxWorsening?: number
  maxWorseningRelative?: number
  mode?: Mode
  severity?: Severity
  insufficientData?: PolicyDefaults['insufficientData']
  rationale?: string
}

export interface Waiver {
  gate: string
  models?: string[]
  reason: string
  approvedBy: string
  /** YYYY-MM-DD, inclusive, in UTC. */
  expires?: string
  /** Only the checks of these attributes (and of these groups): a waiver of one gap, not the gate. */
  attributes?: string[]
  groups?: string[]
  /**
   * The value up to which the waiver holds, on the breached side: for a maximum, values up to it;
   * for a minimum, values down to it. A check beyond it fails as if unwaived.
   */
  limit?: number
}

/** What a policy asks of its waivers (any file of an extends chain can only tighten it). */
export interface WaiverRules {
  /** Every waiver must have `expires`. */
  requireExpiry?: boolean
}

export interface Requires {
  artifacts?: string[]
  documents?: { doc: string; sections?: string[] }[]
}

export interface RawPolicy {
  name: string
  version: string | number
  tier: string
  task?: Task
  extends?: string
  defaults?: Partial<Omit<PolicyDefaults, 'bootstrap' | 'calibration'>> & {
    bootstrap?: Partial<PolicyDefaults['bootstrap']>
    calibration?: Partial<PolicyDefaults['calibration']>
  }
  requires?: Requires
  gates?: Gate[]
  waivers?: Waiver[]
  waiverRules?: WaiverRules
}

export interface PolicyFile {
  path: string
  sha256: string
}

export interface Policy {
  name: string
  version: string
  tier: string
  /** The models it gates (the manifest's task). */
  task: Task
  defaults: PolicyDefaults
  requires: Requires
  gates: Gate[]
  waivers: Waiver[]
  /** The selected file first, then each file it extends. */
  files: PolicyFile[]
  source: string
}
