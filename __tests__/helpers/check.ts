/** Builders for tests: write a manifest, policy and artifacts into a temporary workspace. */
import { afterAll } from '@jest/globals'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { check, readInputs, type CheckOptions } from '../../src/core/check.js'
import type { Manifest } from '../../src/core/manifest/types.js'
import type { EvaluationInput } from '../../src/core/metrics/evaluate.js'
import type { Report } from '../../src/core/report/report.js'
import { expectValidReport } from './report-schema.js'

/** The temporary folders this test file made: removed when its tests are done. */
const made: string[] = []
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A new empty folder in the system's temporary folder, removed after the test file's tests. */
export function tempDir(prefix = 'rai-gate-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export function workspace(files: Record<string, string | Buffer>): string {
  return write(tempDir(), files)
}

/** A workspace that is a git checkout (a `.git` folder at its root), as actions/checkout leaves it. */
export const checkout = (files: Record<string, string | Buffer>): string =>
  workspace({ '.git/HEAD': 'ref: refs/heads/main\n', ...files })

/** Writes `files` into the folder `dir`; returns it. */
export function write(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), body)
  }
  return dir
}

export const policyYaml = (extra = '', tier = 'medium') => `apiVersion: rai-gate/v1
kind: Policy
name: test-${tier}
version: 1.0.0
tier: ${tier}
${extra}`

/** The adult fixture (__fixtures__/adult): predictions and robustness, three attributes, one intersection. */
export const ADULT = join(import.meta.dirname, '../../__fixtures__/adult')

/** The repository's example (examples/adult) checked against its baseline, on the golden comment's day. */
export function checkExample(): Promise<Report> {
  const root = join(import.meta.dirname, '../..')
  return check({
    manifest: 'examples/adult/rai-gate.yml',
    policy: 'examples/adult/policies',
    baseline: 'examples/adult/baseline/rai-gate-report.json',
    cwd: root,
    workspace: root,
    now: new Date('2026-11-27T12:00:00Z')
  })
}
/** Its manifest; `artifacts` replaces the fixture's two artifacts (YAML list items). */
export const adultManifestYaml = (
  artifacts = `  - { kind: predictions, path: ${join(ADULT, 'predictions.csv')} }
  - { kind: robustness, path: ${join(ADULT, 'robustness.csv')} }`
) => `apiVersion: rai-gate/v1
kind: Evaluation
model: { name: adult, version: 1.0.0 }
riskTier: medium
task: binary-classification
sensitiveAttributes: [sex, race, age_band]
intersections: [[sex, race]]
artifacts:
${artifacts}
`

export const manifestYaml = (
  artifacts: string,
  extra = 'sensitiveAttributes: [g]'
) => `apiVersion: rai-gate/v1
kind: Evaluation
model: { name: m, version: 1.0.0 }
riskTier: medium
task: binary-classification
${extra}
artifacts:
${artifacts}`

/**
 * The adult fixture's evaluation input (its manifest with `artifacts`), with the bootstrap's resamples:
 * what check() would evaluate, for tests of the engine itself.
 */
export async function adultEvaluationInput(
  resamples: number,
  artifacts?: string
): Promise<EvaluationInput & { manifest: Manifest }> {
  const dir = workspace({
    'rai-gate.yml': adultManifestYaml(artifacts),
    'policies/medium.yml': policyYaml('defaults: { minGroupSize: 30 }')
  })
  const inputs = await readInputs({
    manifest: join(dir, 'rai-gate.yml'),
    policy: join(dir, 'policies'),
    cwd: dir,
    workspace: '/'
  })
  const settings = { confidence: 0.95, resamples, seed: 7, minGroupSize: 30 }
  return { ...inputs, intersections: inputs.manifest.intersections, settings }
}

/**
 * Runs `check` on a temporary workspace holding `files` (a manifest `rai-gate.yml` and a policy
 * folder `policies/` among them) and validates the report against the published schema.
 */
export async function checkFiles(
  files: Record<string, string | Buffer>,
  options: Partial<CheckOptions> = {},
  dir = workspace({})
): Promise<Report> {
  write(dir, files)
  const report = await check({
    manifest: join(dir, 'rai-gate.yml'),
    policy: join(dir, 'policies'),
    cwd: dir,
    workspace: dir,
    ...options
  })
  expectValidReport(report)
  return report
}

/** Checks `files`, keeps the report as the baseline, applies `edits`, and checks again against it. */
export async function againstBaseline(files: Record<string, string>, edits: Record<string, string>) {
  const dir = workspace(files)
  const opts = {
    manifest: join(dir, 'rai-gate.yml'),
    policy: join(dir, 'policies'),
    cwd: dir,
    workspace: dir
  }
  writeFileSync(join(dir, 'base.json'), JSON.stringify(await check(opts)))
  for (const [path, text] of Object.entries(edits)) writeFileSync(join(dir, path), text)
  const report = await check({ ...opts, baseline: join(dir, 'base.json') })
  expectValidReport(report)
  return { report, dir }
}
