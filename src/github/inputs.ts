/**
 * The Action's inputs, read once into one settings object. Every value is checked: a bad one fails
 * the step with a message that names the input and shows the expected form.
 */
import * as core from '@actions/core'
import { UsageError } from '../core/errors.js'
import { FAIL_ON, type FailOn } from '../core/gate/evaluate.js'
import { parseBranches } from './event.js'
import { DEFAULT_PATHS } from '../core/defaults.js'

export const INPUTS = {
  mode: 'mode',
  manifest: 'manifest',
  policy: 'policy',
  policyRef: 'policy-ref',
  protectedBranches: 'protected-branches',
  baseline: 'baseline',
  baselineArtifact: 'baseline-artifact',
  uploadReport: 'upload-report',
  reportPath: 'report-path',
  comment: 'comment',
  failOn: 'fail-on',
  apiTimeout: 'api-timeout',
  token: 'github-token'
} as const

/** Each input's default as action.yml declares it (a test keeps the two equal); '' for none. */
export const INPUT_DEFAULTS: Record<keyof typeof INPUTS, string> = {
  mode: 'check',
  manifest: DEFAULT_PATHS.manifest,
  policy: DEFAULT_PATHS.policy,
  policyRef: '',
  protectedBranches: '',
  baseline: 'auto',
  baselineArtifact: 'rai-gate-report',
  uploadReport: 'true',
  reportPath: DEFAULT_PATHS.report,
  comment: 'update',
  failOn: 'block',
  apiTimeout: '30',
  token: '${{ github.token }}'
}

/** The Action's outputs (action.yml's, which a test keeps equal). */
export const OUTPUTS = {
  decision: 'decision',
  failedChecks: 'failed-checks',
  reportPath: 'report-path',
  commentUrl: 'comment-url'
} as const

export interface Settings {
  mode: 'check' | 'comment-only'
  manifest: string
  policy: string
  policyRef: string | null
  /** Branches (names or globs) a pull request may be judged by; empty: the repository's default branch. */
  protectedBranches: string[]
  /** 'auto', 'none', or a path. */
  baseline: string
  baselineArtifact: string
  uploadReport: boolean
  reportPath: string
  comment: 'update' | 'off'
  failOn: FailOn
  /** Seconds to wait for one answer of the GitHub API. */
  apiTimeout: number
  token: string
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`Invalid input '${name}': '${value}'. Expected one of: ${allowed.join(', ')}.`)
}

function nonEmpty(name: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`Invalid input '${name}': it is empty. Expected a value.`)
  return value.trim()
}

function boolean(name: string, value: string): boolean {
  if (/^(true|True|TRUE)$/.test(value)) return true
  if (/^(false|False|FALSE)$/.test(value)) return false
  throw new UsageError(`Invalid input '${name}': '${value}'. Expected true or false.`)
}

function seconds(name: string, value: string): number {
  const n = Number(value)
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0) || n > 600)
    throw new UsageError(
      `Invalid input '${name}': '${value}'. Expected a number of seconds above 0 and at most 600.`
    )
  return n
}

export function readSettings(input: (name: string) => string = name => core.getInput(name)): Settings {
  // An input left empty takes its default (the runner passes action.yml's; tests and other runners may not).
  const get = (key: keyof typeof INPUTS) => input(INPUTS[key]) || (key === 'token' ? '' : INPUT_DEFAULTS[key])
  const token = get('token')
  if (token) core.setSecret(token)
  const artifact = nonEmpty(INPUTS.baselineArtifact, get('baselineArtifact'))
  if (!/^[^"<>:|*?\\/\r\n]+$/.test(artifact)) {
    throw new UsageError(
      `Invalid input '${INPUTS.baselineArtifact}': '${artifact}'. Expected an artifact name without " : < > | * ? \\ / or line breaks.`
    )
  }
  return {
    mode: oneOf(INPUTS.mode, get('mode'), ['check', 'comment-only'] as const),
    manifest: nonEmpty(INPUTS.manifest, get('manifest')),
    policy: nonEmpty(INPUTS.policy, get('policy')),
    policyRef: get('policyRef').trim() || null,
    protectedBranches: parseBranches(get('protectedBranches')),
    baseline: nonEmpty(INPUTS.baseline, get('baseline')),
    baselineArtifact: artifact,
    uploadReport: boolean(INPUTS.uploadReport, get('uploadReport')),
    reportPath: nonEmpty(INPUTS.reportPath, get('reportPath')),
    comment: oneOf(INPUTS.comment, get('comment'), ['update', 'off'] as const),
    failOn: oneOf(INPUTS.failOn, get('failOn'), FAIL_ON),
    apiTimeout: seconds(INPUTS.apiTimeout, get('apiTimeout')),
    token
  }
}
