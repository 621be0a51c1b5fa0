/** A policy (SPEC §3) after loading, `extends` resolved. */
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

export interface RawPolicy {
  name: string
  version: string | number
  tier: string
  extends?: string
  defaults?: Partial<Omit<PolicyDefaults, 'bootstrap' | 'calibration'>> & {
    bootstrap?: Partial<PolicyDefaults['bootstrap']>
    calibration?: Partial<PolicyDefaults['calibration']>
  }
  requires?: unknown
  gates?: { id: string; metric: string; [key: string]: unknown }[]
  waivers?: unknown[]
}

export interface PolicyFile {
  path: string
  sha256: string
}

export interface Policy {
  name: string
  version: string
  tier: string
  defaults: PolicyDefaults
  gates: { id: string; metric: string; [key: string]: unknown }[]
  /** The selected file first, then each file it extends. */
  files: PolicyFile[]
  source: string
}
