/**
 * The Action's inputs, read once into one settings object. Every value is checked: a bad one fails
 * the step with a message that names the input and shows the expected form.
 */
import * as core from '@actions/core'
import { UsageError } from '../core/errors.js'
import { FAIL_ON, type FailOn } from '../core/gate/evaluate.js'
import { parseBranches } from './event.js'

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

export function readSettings(get: (name: string) => string = name => core.getInput(name)): Settings {
  const token = get(INPUTS.token)
  if (token) core.setSecret(token)
  const artifact = nonEmpty(INPUTS.baselineArtifact, get(INPUTS.baselineArtifact) || 'rai-gate-report')
  if (!/^[^"<>:|*?\\/\r\n]+$/.test(artifact)) {
    throw new UsageError(
      `Invalid input '${INPUTS.baselineArtifact}': '${artifact}'. Expected an artifact name without " : < > | * ? \\ / or line breaks.`
    )
  }
  return {
    mode: oneOf(INPUTS.mode, get(INPUTS.mode) || 'check', ['check', 'comment-only'] as const),
    manifest: nonEmpty(INPUTS.manifest, get(INPUTS.manifest) || 'rai-gate.yml'),
    policy: nonEmpty(INPUTS.policy, get(INPUTS.policy) || 'policies'),
    policyRef: get(INPUTS.policyRef).trim() || null,
    protectedBranches: parseBranches(get(INPUTS.protectedBranches)),
    baseline: nonEmpty(INPUTS.baseline, get(INPUTS.baseline) || 'auto'),
    baselineArtifact: artifact,
    uploadReport: boolean(INPUTS.uploadReport, get(INPUTS.uploadReport) || 'true'),
    reportPath: nonEmpty(INPUTS.reportPath, get(INPUTS.reportPath) || 'rai-gate-report.json'),
    comment: oneOf(INPUTS.comment, get(INPUTS.comment) || 'update', ['update', 'off'] as const),
    failOn: oneOf(INPUTS.failOn, get(INPUTS.failOn) || 'block', FAIL_ON),
    apiTimeout: seconds(INPUTS.apiTimeout, get(INPUTS.apiTimeout) || '30'),
    token
  }
}
