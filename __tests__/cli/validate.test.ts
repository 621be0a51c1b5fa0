/** `rai-gate validate`: policy repositories check themselves in CI (exit 0 or 2). */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { runCli } from '../helpers/cli.js'
import { manifestYaml, policyYaml, workspace } from '../helpers/check.js'

const ROOT = join(import.meta.dirname, '../..')

const cli = (args: string[], cwd: string) => runCli(args, cwd)

describe('rai-gate validate', () => {
  it('accepts the shipped default policies, with their extends chains', async () => {
    const r = await cli(['validate', 'policies'], ROOT)
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toMatch(
      /policies\/high\.yml: ok \(default-high@1\.0\.0, tier high, 6 gates, extends policies\/medium\.yml -> policies\/low\.yml\)/
    )
  })

  it('exits 2 on an invalid policy, naming file, path and line', async () => {
    const dir = workspace({
      'p/low.yml': policyYaml('gates:\n  - { id: a, metric: aucc, min: 0.7 }\n', 'low')
    })
    const r = await cli(['validate', 'p'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      "rai-gate: error: p/low.yml, line 7, gates[0].metric: unknown metric 'aucc'; did you mean 'auc'?\n"
    )
  })

  it('exits 2 on two policies for one tier', async () => {
    const dir = workspace({ 'p/a.yml': policyYaml('', 'low'), 'p/b.yml': policyYaml('', 'low') })
    expect((await cli(['validate', 'p'], dir)).stderr).toMatch(
      /p\/b\.yml, line 5, tier: tier 'low' is also declared by p\/a\.yml/
    )
  })

  it('with a manifest, checks the tier and the attributes gates name', async () => {
    const files = {
      'rai-gate.yml': manifestYaml(
        '  - { kind: predictions, path: p.csv }',
        'sensitiveAttributes: [sex, race]'
      ),
      'p/medium.yml': policyYaml(
        'gates:\n  - { id: a, metric: demographic_parity_difference, attributes: [sex, rase], max: 0.1 }\n'
      )
    }
    const r = await cli(['validate', 'p', '--manifest', 'rai-gate.yml'], workspace(files))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /p\/medium\.yml, line 7, gates\[0\]\.attributes\[1\]: attribute 'rase' is not declared in rai-gate\.yml; did you mean 'race'\?/
    )
    const other = await cli(
      ['validate', 'p', '--manifest', 'rai-gate.yml'],
      workspace({ ...files, 'p/medium.yml': policyYaml('', 'high') })
    )
    expect(other.stderr).toMatch(/no policy for risk tier 'medium'/)
  })
})
