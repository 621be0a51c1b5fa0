/** The Action entry with @actions/core replaced by doubles (the typescript-action template's pattern). */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import * as core from '../../__fixtures__/core.js'
import { manifestYaml, policyYaml, workspace } from '../helpers/check.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/github/main.js')

const inputs = (values: Record<string, string>) =>
  core.getInput.mockImplementation(name => values[name] ?? '')

describe('the Action', () => {
  beforeEach(() => {
    jest.resetAllMocks()
  })

  it('runs the check on its inputs and sets the outputs', async () => {
    const dir = workspace({
      'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
      'p.csv': 'g,label,score\na,1,0.9\nb,0,0.2\n',
      'policies/p.yml': policyYaml('defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }')
    })
    inputs({
      manifest: join(dir, 'rai-gate.yml'),
      policy: join(dir, 'policies'),
      'report-path': join(dir, 'out.json')
    })
    process.env.GITHUB_WORKSPACE = dir
    await run()
    delete process.env.GITHUB_WORKSPACE
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.setOutput).toHaveBeenCalledWith('decision', 'pass')
    expect(core.setOutput).toHaveBeenCalledWith('report-path', join(dir, 'out.json'))
    expect(existsSync(join(dir, 'out.json'))).toBe(true)
  })

  it('fails the step with the input error, not a stack trace', async () => {
    const dir = workspace({ 'rai-gate.yml': 'apiVersion: rai-gate/v1\n' })
    inputs({ manifest: join(dir, 'rai-gate.yml'), policy: join(dir, 'policies') })
    await run()
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed.mock.calls[0][0]).toMatch(
      /rai-gate\.yml: \d+ problems:\n.*missing required key 'kind'/s
    )
  })
})
