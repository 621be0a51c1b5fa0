/** The fork-safe mode: a privileged workflow_run comments from an untrusted run's report. */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as artifact from '../../__fixtures__/artifact.js'
import * as core from '../../__fixtures__/core.js'
import * as github from '../../__fixtures__/github.js'
import { checkout, manifestYaml, policyYaml } from '../helpers/check.js'

jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('@actions/github', () => github)
jest.unstable_mockModule('@actions/artifact', () => artifact)
const { run } = await import('../../src/github/main.js')

function inputs(dir: string, values: Record<string, string>) {
  core.getInput.mockImplementation(name => values[name] ?? '')
  process.env.GITHUB_WORKSPACE = dir
  jest.spyOn(process, 'cwd').mockReturnValue(dir)
}

/** The untrusted pull_request run: makes and keeps the report (no comment: its token is read-only). */
async function untrustedRun(): Promise<string> {
  const files = {
    'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
    'policies/p.yml': policyYaml(
      'defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }\ngates:\n  - { id: acc, metric: accuracy, min: 0.9 }\n'
    )
  }
  github.files.base7 = files
  const dir = checkout({ ...files, 'p.csv': 'g,label,score\na,1,0.9\nb,0,0.2\nb,1,0.1\n' })
  github.context.payload = {
    pull_request: { number: 7, head: { sha: 'abc123' }, base: { sha: 'base7', ref: 'main' } },
    repository: { default_branch: 'main' }
  } as never
  inputs(dir, {
    comment: 'off',
    baseline: 'none',
    'upload-report': 'false',
    'report-path': 'rai-gate-report.json'
  })
  await run()
  expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/^rai-gate: decision fail/))
  core.setFailed.mockClear()
  return dir
}

/**
 * The privileged workflow_run: comments from the report in `dir`, as `edit` leaves it (the PR's run
 * wrote it, so it may be anything), for a pull request whose head is `head`.
 */
async function commentOnly(
  dir: string,
  edit: (report: Record<string, unknown>) => void = () => {},
  head = 'abc123'
) {
  const path = join(dir, 'rai-gate-report.json')
  const report = JSON.parse(readFileSync(path, 'utf8'))
  edit(report)
  writeFileSync(path, JSON.stringify(report))
  github.heads[7] = head
  github.context.payload = { workflow_run: { head_sha: 'abc123' } } as never
  inputs(dir, { mode: 'comment-only', 'report-path': 'rai-gate-report.json' })
  await run()
}

describe('comment-only mode', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    github.comments.length = 0
    github.failure.status = null
  })

  it('posts the sticky comment from the uploaded report, running no PR code', async () => {
    await commentOnly(await untrustedRun())
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0].body).toMatch(/^<!-- rai-gate:m -->\n## ❌ rai-gate: \*\*FAIL\*\*/)
    expect(core.setOutput).toHaveBeenCalledWith(
      'comment-url',
      'https://github.test/acme/model/pull/7#issuecomment-1'
    )
  })

  it('refuses when the pull request has moved on from the commit the run checked', async () => {
    await commentOnly(await untrustedRun(), undefined, 'newer')
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(
        /pull request #7 is at newer, but the run that made the report checked abc123: not commenting/
      )
    )
    expect(github.comments).toHaveLength(0)
  })

  it('refuses a report that does not match the schema', async () => {
    await commentOnly(await untrustedRun(), r => (r.injected = '<script>'))
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(/the uploaded report does not match schemas\/report\.schema\.json/)
    )
    expect(github.comments).toHaveLength(0)
  })
})

describe('comment-only mode with a report the pull request wrote', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    github.comments.length = 0
  })

  it('recomputes the decision from the checks: a PASS claimed over failing checks posts FAIL, and says so', async () => {
    await commentOnly(await untrustedRun(), r => (r.decision = 'pass'))
    expect(core.setOutput).toHaveBeenCalledWith('decision', 'fail')
    expect(core.setOutput).toHaveBeenCalledWith('failed-checks', '1')
    expect(github.comments[0].body).toMatch(/^<!-- rai-gate:m -->\n## ❌ rai-gate: \*\*FAIL\*\*/)
    expect(github.comments[0].body).toMatch(
      /> The uploaded report says its decision is PASS, but its own checks give FAIL/
    )
  })

  it('refuses ids that the schema’s patterns do not allow (a gate id carrying Markdown)', async () => {
    await commentOnly(await untrustedRun(), r => {
      ;(r.checks as { gate: string }[])[0].gate = 'acc` ## [x](http://evil)'
    })
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(
        /does not match schemas\/report\.schema\.json at checks\[0\]\.gate: must match pattern/
      )
    )
    expect(github.comments).toHaveLength(0)
  })
})
