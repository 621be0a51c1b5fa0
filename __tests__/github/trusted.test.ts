/** Policies from a trusted ref: a pull request cannot loosen its own gates or lower its own tier. */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as artifact from '../../__fixtures__/artifact.js'
import * as core from '../../__fixtures__/core.js'
import * as github from '../../__fixtures__/github.js'
import { checkout, manifestYaml, policyYaml } from '../helpers/check.js'

jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('@actions/github', () => github)
jest.unstable_mockModule('@actions/artifact', () => artifact)
const { run } = await import('../../src/github/main.js')

const policy = (min: number, tier = 'medium') =>
  policyYaml(
    `defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }\ngates:\n  - { id: acc, metric: accuracy, min: ${min} }\n`,
    tier
  )
const CSV = 'g,label,score\na,1,0.9\nb,0,0.2\nb,1,0.1\n'
const MANIFEST = manifestYaml('  - { kind: predictions, path: p.csv }')

function start(files: Record<string, string>, inputs: Record<string, string> = {}) {
  const dir = checkout({ 'rai-gate.yml': MANIFEST, 'p.csv': CSV, ...files })
  const all: Record<string, string> = {
    manifest: 'rai-gate.yml',
    policy: 'policies',
    baseline: 'none',
    comment: 'off',
    'report-path': 'out.json',
    ...inputs
  }
  core.getInput.mockImplementation(name => all[name] ?? '')
  process.env.GITHUB_WORKSPACE = dir
  jest.spyOn(process, 'cwd').mockReturnValue(dir)
  return dir
}
const report = (dir: string) => JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))

describe('trusted policies', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    for (const k of Object.keys(github.files)) delete github.files[k]
    for (const k of Object.keys(github.commits)) delete github.commits[k]
    github.unreadable.clear()
    github.contentless.clear()
    github.context.payload = {
      pull_request: { number: 7, head: { sha: 'head7' }, base: { sha: 'base1234567890', ref: 'main' } },
      repository: { default_branch: 'main' }
    } as never
  })

  it('reads the policy from the PR base commit, and lists what the PR would change', async () => {
    github.files.base1234567890 = { 'policies/medium.yml': policy(0.99), 'rai-gate.yml': MANIFEST }
    const dir = start({ 'policies/medium.yml': policy(0.1) })
    await run()
    const r = report(dir)
    expect(r.decision).toBe('fail')
    expect(r.policy.source).toBe('acme/model/policies@base1234567890')
    expect(r.notes).toEqual([
      "This pull request changes the policy; the base commit's policy decides. Changes: gate acc min: 0.99 → 0.1."
    ])
    expect(core.setFailed).toHaveBeenCalled()
  })

  it('applies the base commit’s risk tier when the PR lowers it', async () => {
    github.files.base1234567890 = {
      'policies/medium.yml': policy(0.1),
      'policies/high.yml': policy(0.99, 'high'),
      'rai-gate.yml': MANIFEST.replace('riskTier: medium', 'riskTier: high')
    }
    const dir = start({ 'policies/medium.yml': policy(0.1), 'policies/high.yml': policy(0.99, 'high') })
    await run()
    const r = report(dir)
    expect(r).toMatchObject({ riskTier: 'high', decision: 'fail', policy: { tier: 'high' } })
    expect(r.notes[0]).toBe(
      "This pull request changes riskTier from 'high' to 'medium'; the base commit's tier 'high' applies."
    )
  })

  it('uses the PR’s own tier for a model that is new in the PR', async () => {
    github.files.base1234567890 = { 'policies/medium.yml': policy(0.1) }
    const dir = start({ 'policies/medium.yml': policy(0.1) })
    await run()
    expect(report(dir)).toMatchObject({ riskTier: 'medium', decision: 'pass', notes: [] })
  })

  it('says so when the base commit has no policy, and uses the PR’s', async () => {
    github.commits.base1234567890 = 'base1234567890'
    const dir = start({ 'policies/medium.yml': policy(0.1) })
    await run()
    expect(report(dir).notes[0]).toMatch(
      /^There is no policy at policies in base12345678: this pull request's own policy files apply/
    )
  })

  // Each attack below loosens the PR's own policy to min 0.1 (which passes) against the base's 0.99.
  const failsClosed = async (dir: string, message: RegExp) => {
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(message))
    expect(core.setOutput).toHaveBeenCalledWith('decision', 'error')
    expect(core.setOutput).not.toHaveBeenCalledWith('decision', 'pass')
    expect(existsSync(join(dir, 'out.json'))).toBe(false)
  }

  it('fails closed when a listed base policy file answers 404, never falling back to the PR’s', async () => {
    github.files.base1234567890 = {
      'policies/medium.yml': policy(0.99),
      'policies/high.yml': policy(0.99, 'high'),
      'rai-gate.yml': MANIFEST
    }
    github.unreadable.add('base1234567890:policies/medium.yml')
    const dir = start({ 'policies/medium.yml': policy(0.1) })
    await failsClosed(
      dir,
      /the trusted policy cannot be read: policies\/medium\.yml in acme\/model at base12345678 answered HTTP 404, though it is listed/
    )
  })

  it('fails closed when a base policy file comes back without content', async () => {
    github.files.base1234567890 = { 'policies/medium.yml': policy(0.99), 'rai-gate.yml': MANIFEST }
    github.contentless.add('base1234567890:policies/medium.yml')
    const dir = start({ 'policies/medium.yml': policy(0.1) })
    await failsClosed(
      dir,
      /policies\/medium\.yml in acme\/model at base12345678 came back without its content/
    )
  })

  it('fails closed when the base manifest, which gives the base tier, comes back without content', async () => {
    github.files.base1234567890 = { 'policies/medium.yml': policy(0.99), 'rai-gate.yml': MANIFEST }
    github.contentless.add('base1234567890:rai-gate.yml')
    const dir = start({ 'policies/medium.yml': policy(0.1) })
    await failsClosed(
      dir,
      /the base commit's manifest cannot be read: rai-gate\.yml .* came back without its content/
    )
  })

  it('fails closed on a policy-ref that does not exist (a typo, a deleted branch, no access)', async () => {
    github.files.base1234567890 = { 'policies/medium.yml': policy(0.99), 'rai-gate.yml': MANIFEST }
    const dir = start({ 'policies/medium.yml': policy(0.1) }, { 'policy-ref': 'mian' })
    await failsClosed(
      dir,
      /policy-ref 'mian' cannot be read in acme\/model \(HTTP 404\): it does not exist, or this token may not read it/
    )
  })

  it('fails closed when the PR’s base commit cannot be read', async () => {
    const dir = start({ 'policies/medium.yml': policy(0.1) })
    await failsClosed(dir, /this pull request's base commit 'base1234567890' cannot be read in acme\/model/)
  })

  it('matches waivers against the model’s name at the base commit, so a rename cannot earn one', async () => {
    const waived = `${policy(0.99)}waivers:\n  - { gate: acc, models: [legacy-*], reason: r, approvedBy: b }\n`
    github.files.base1234567890 = { 'policies/medium.yml': waived, 'rai-gate.yml': MANIFEST }
    // The PR renames model 'm' to 'legacy-m', which the base policy's waiver glob covers.
    const renamed = MANIFEST.replace('name: m,', 'name: legacy-m,')
    const dir = start({ 'policies/medium.yml': waived, 'rai-gate.yml': renamed })
    await run()
    const r = report(dir)
    expect(r.checks.find((c: { gate: string }) => c.gate === 'acc')).toMatchObject({ status: 'fail' })
    expect(r.decision).toBe('fail')
    expect(r.notes).toContain(
      "This pull request renames the model from 'm' to 'legacy-m'; waivers, the baseline and this comment follow 'm', its name at the base commit."
    )
  })

  it('reads a central policy repository at a ref and records the exact commit', async () => {
    github.commits.v3 = 'c0ffee'
    github.files.c0ffee = { 'tiers/medium.yml': policy(0.5), 'tiers/schema/policy.schema.json': '{}' }
    github.context.payload = {}
    const dir = start({}, { policy: 'platform/rai-policies/tiers@v3' })
    await run()
    const r = report(dir)
    expect(r.policy.source).toBe('platform/rai-policies/tiers@c0ffee')
    expect(r.checks.find((c: { gate: string }) => c.gate === 'acc').threshold).toEqual({ min: 0.5 })
  })
})
