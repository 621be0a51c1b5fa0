/** Builders for tests: write a manifest, policy and artifacts into a temporary workspace. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rai-gate-test-'))
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
