/** The Action with @actions/core and @actions/github replaced by doubles (the typescript-action pattern). */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as artifact from '../../__fixtures__/artifact.js'
import * as core from '../../__fixtures__/core.js'
import * as github from '../../__fixtures__/github.js'
import { checkout, manifestYaml, policyYaml } from '../helpers/check.js'
import { expectValidReport } from '../helpers/report-schema.js'

jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('@actions/github', () => github)
jest.unstable_mockModule('@actions/artifact', () => artifact)
const { run } = await import('../../src/github/main.js')

const POLICY = (max: number) =>
  policyYaml(
    `defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }\ngates:\n  - { id: acc, metric: accuracy, min: ${max} }\n`
  )

// A pull request into main at head7; its base commit base7 has the same manifest and policy.
const PR_EVENT = {
  pull_request: { number: 7, head: { sha: 'head7' }, base: { sha: 'base7', ref: 'main' } },
  repository: { default_branch: 'main' }
}

function setup(policy = POLICY(0.1), csv = 'g,label,score\na,1,0.9\nb,0,0.2\nb,1,0.1\n') {
  const files = {
    'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
    'policies/p.yml': policy
  }
  github.files.base7 = files
  return checkout({ ...files, 'p.csv': csv })
}

function inputs(dir: string, values: Record<string, string> = {}) {
  const all: Record<string, string> = {
    manifest: join(dir, 'rai-gate.yml'),
    policy: join(dir, 'policies'),
    'report-path': join(dir, 'out/report.json'),
    baseline: 'none',
    'github-token': 'ghs_secret',
    ...values
  }
  core.getInput.mockImplementation(name => all[name] ?? '')
  process.env.GITHUB_WORKSPACE = dir
}

const outputs = () => Object.fromEntries(core.setOutput.mock.calls.map(([k, v]) => [k, v]))

describe('the Action', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    github.comments.length = 0
    github.failure.status = null
    github.context.payload = PR_EVENT as never
    core.summary.written.length = 0
    github.heads[7] = 'head7'
  })

  it('runs the check, writes the report and the job summary, and sets every output', async () => {
    const dir = setup()
    inputs(dir)
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(outputs()).toMatchObject({
      decision: 'pass',
      'failed-checks': '0',
      'report-path': join(dir, 'out/report.json')
    })
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    expectValidReport(report)
    expect(report.context).toEqual({
      repository: 'acme/model',
      sha: 'abc123',
      ref: 'refs/pull/7/merge',
      headSha: 'head7',
      runId: 42,
      pullRequest: 7
    })
    expect(core.summary.written[0]).toMatch(/^<!-- rai-gate:m -->\n## ✅ rai-gate: \*\*PASS\*\*/)
    expect(core.setSecret).toHaveBeenCalledWith('ghs_secret')
  })

  it('keeps one sticky comment: created on the first run, updated on the next', async () => {
    const dir = setup()
    inputs(dir)
    await run()
    expect(github.comments).toHaveLength(1)
    expect(outputs()['comment-url']).toBe('https://github.test/acme/model/pull/7#issuecomment-1')
    github.comments.push({ id: 2, body: 'someone else', html_url: 'x' })
    await run()
    expect(github.issues.updateComment).toHaveBeenCalledTimes(1)
    expect(github.comments.filter(c => c.body.startsWith('<!-- rai-gate:m -->'))).toHaveLength(1)
  })

  it('edits only a comment that the token’s own account wrote, never one that starts with the marker', async () => {
    const dir = setup()
    const planted = {
      id: 1,
      body: '<!-- rai-gate:m -->\nall good',
      html_url: 'x',
      user: { id: 7, login: 'mallory' }
    }
    github.comments.push(planted)
    inputs(dir)
    await run()
    expect(github.issues.updateComment).not.toHaveBeenCalled()
    expect(github.comments).toHaveLength(2)
    expect(planted.body).toBe('<!-- rai-gate:m -->\nall good')
    expect(github.comments[1].user).toEqual(github.BOT)
  })

  it('posts a new comment, with a warning, when it cannot tell who the token acts as', async () => {
    const dir = setup()
    inputs(dir)
    await run()
    github.viewer.account = null
    await run()
    github.viewer.account = github.BOT
    expect(github.issues.updateComment).not.toHaveBeenCalled()
    expect(github.comments).toHaveLength(2)
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(/could not tell which account its token acts as \(HTTP 403\)/)
    )
  })

  it('warns with the fix on 403 and keeps the decision', async () => {
    const dir = setup(POLICY(0.99))
    inputs(dir)
    github.failure.status = 403
    await run()
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(/HTTP 403.*pull-requests: write.*workflow_run/s)
    )
    expect(outputs()).toMatchObject({ decision: 'fail', 'comment-url': '' })
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(/^rai-gate: decision fail \(1 blocking check\)/)
    )
  })

  it('posts no comment outside a pull request, or with comment: off', async () => {
    const dir = setup()
    github.context.payload = {}
    inputs(dir)
    await run()
    github.context.payload = PR_EVENT as never
    inputs(dir, { comment: 'off' })
    await run()
    expect(github.issues.createComment).not.toHaveBeenCalled()
  })

  it('fails the step with a message that names a bad input', async () => {
    const dir = setup()
    inputs(dir, { 'fail-on': 'sometimes' })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(
      "Invalid input 'fail-on': 'sometimes'. Expected one of: block, warn, never."
    )
    inputs(dir, { 'upload-report': 'yes' })
    await run()
    expect(core.setFailed).toHaveBeenLastCalledWith(
      "Invalid input 'upload-report': 'yes'. Expected true or false."
    )
    for (const bad of ['0', '-5', '1e3', 'soon', '601']) {
      inputs(dir, { 'api-timeout': bad })
      await run()
      expect(core.setFailed).toHaveBeenLastCalledWith(
        `Invalid input 'api-timeout': '${bad}'. Expected a number of seconds above 0 and at most 600.`
      )
    }
  })

  it('annotates a bad artifact row at its file and line, and fails', async () => {
    const dir = setup(POLICY(0.1), 'g,label,score\na,1,0.9\nb,7,0.2\n')
    inputs(dir)
    await run()
    expect(core.error).toHaveBeenCalledWith("label '7' is not binary; expected 0 or 1 (label)", {
      title: 'rai-gate',
      file: 'p.csv',
      startLine: 3
    })
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(/p\.csv, line 3, label: label .7. is not binary/)
    )
    expect(existsSync(join(dir, 'out/report.json'))).toBe(false)
  })

  it('annotates a YAML syntax error in a policy at its line and column', async () => {
    const dir = setup('apiVersion: rai-gate/v1\nkind: Policy\nname: a: b\n', 'g,label,score\na,1,0.9\n')
    inputs(dir)
    await run()
    const [message, where] = core.error.mock.calls[0] as [string, Record<string, unknown>]
    expect(message).toMatch(/^not valid YAML: /)
    expect(where).toEqual({
      title: 'rai-gate',
      file: expect.stringMatching(/\.yml$/),
      startLine: 3,
      startColumn: 8
    })
  })

  it('respects fail-on', async () => {
    const dir = setup(POLICY(0.99))
    inputs(dir, { 'fail-on': 'never' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(outputs().decision).toBe('fail')
  })
})
