/** `baseline: auto` and `upload-report`: the report travels between runs as an artifact. */
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

const POLICY = policyYaml(
  `defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }\ngates:\n  - { id: acc, metric: accuracy, min: 0.1, maxWorsening: 0.01 }\n`
)

function start(csv: string, inputs: Record<string, string> = {}) {
  const dir = checkout({
    'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
    'p.csv': csv,
    'policies/p.yml': POLICY
  })
  const all: Record<string, string> = { comment: 'off', 'report-path': 'out/rai-gate-report.json', ...inputs }
  core.getInput.mockImplementation(name => all[name] ?? '')
  process.env.GITHUB_WORKSPACE = dir
  jest.spyOn(process, 'cwd').mockReturnValue(dir)
  return dir
}

// A pull request into main, whose base commit has the same manifest and policy.
const PR_EVENT = {
  pull_request: { number: 7, head: { sha: 'head7' }, base: { ref: 'main', sha: 'base7' } },
  repository: { default_branch: 'main' }
}

describe('report artifacts', () => {
  beforeEach(() => {
    github.files.base7 = {
      'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
      'policies/p.yml': POLICY
    }
    jest.clearAllMocks()
    github.artifacts.clear()
    artifact.uploads.length = 0
    for (const k of Object.keys(github.runs)) delete github.runs[k]
    github.context.payload = PR_EVENT as never
    delete process.env.ACTIONS_RUNTIME_TOKEN
  })

  it('uploads the report so the next pull request finds it, and downloads it as the baseline', async () => {
    // A run on main: upload (artifact storage present).
    github.context.payload = {}
    process.env.ACTIONS_RUNTIME_TOKEN = 't'
    process.env.ACTIONS_RESULTS_URL = 'http://results'
    const main = start('g,label,score\na,1,0.9\nb,0,0.2\nb,1,0.8\nb,0,0.3\n', { baseline: 'none' })
    await run()
    expect(artifact.uploads).toEqual([
      { name: 'rai-gate-report', files: [join(main, 'out/rai-gate-report.json')] }
    ])
    github.putArtifact(41, 'rai-gate-report', join(main, 'out/rai-gate-report.json'))
    github.runs.main = [
      { id: 41, head_sha: 'feedbeef', html_url: 'https://github.test/runs/41', run_number: 12 }
    ]
    // The PR run: accuracy falls from 1 to 0.5, more than maxWorsening 0.01.
    github.context.payload = PR_EVENT as never
    const pr = start('g,label,score\na,1,0.9\nb,0,0.2\nb,1,0.2\nb,0,0.8\n')
    await run()
    const report = JSON.parse(readFileSync(join(pr, 'out/rai-gate-report.json'), 'utf8'))
    expect(report.baseline).toMatchObject({ usable: true, model: { name: 'm' } })
    expect(report.checks.find((c: { gate: string }) => c.gate === 'acc')).toMatchObject({
      status: 'fail',
      baseline: 1,
      change: -0.5
    })
  })

  it('warns and records no baseline when the base branch has no successful run', async () => {
    const dir = start('g,label,score\na,1,0.9\nb,0,0.2\n')
    await run()
    expect(core.warning).toHaveBeenCalledWith(
      "No baseline: no successful run of this workflow from a push to 'main'. The report records no baseline, and change thresholds are skipped."
    )
    expect(JSON.parse(readFileSync(join(dir, 'out/rai-gate-report.json'), 'utf8')).baseline).toBeNull()
  })

  it('takes no baseline from a fork’s pull_request run on a branch also named main', async () => {
    // The fork's run is the newest on 'main' by branch name; its report would pass anything.
    github.runs.main = [
      {
        id: 43,
        head_sha: 'f0f0f0',
        html_url: 'u',
        run_number: 14,
        event: 'pull_request',
        head_repository: { full_name: 'mallory/model' }
      },
      {
        id: 42,
        head_sha: 'f1f1f1',
        html_url: 'u',
        run_number: 13,
        event: 'push',
        head_repository: { full_name: 'mallory/model' }
      }
    ]
    const dir = start('g,label,score\na,1,0.9\nb,0,0.2\n')
    writeFileSync(join(dir, 'forged.json'), JSON.stringify({ schemaVersion: 1, model: { name: 'm' } }))
    github.putArtifact(43, 'rai-gate-report', join(dir, 'forged.json'))
    github.putArtifact(42, 'rai-gate-report', join(dir, 'forged.json'))
    await run()
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(/^No baseline: no successful run of this workflow from a push to 'main'/)
    )
    expect(JSON.parse(readFileSync(join(dir, 'out/rai-gate-report.json'), 'utf8')).baseline).toBeNull()
  })

  it('bounds the baseline artifact, and warns instead of failing on a report that is not valid', async () => {
    github.runs.main = [{ id: 41, head_sha: 'feedbeef', html_url: 'u', run_number: 12 }]
    const dir = start('g,label,score\na,1,0.9\nb,0,0.2\n')
    writeFileSync(join(dir, 'r.json'), JSON.stringify({ schemaVersion: 1, model: { name: 'm' }, stats: 'x' }))
    const decided = async () => {
      await run()
      expect(core.setOutput).not.toHaveBeenCalledWith('decision', 'error')
      expect(
        JSON.parse(readFileSync(join(dir, 'out/rai-gate-report.json'), 'utf8')).baseline?.usable ?? false
      ).toBe(false)
    }
    github.putArtifact(41, 'rai-gate-report', join(dir, 'r.json'), { size: 300 * 2 ** 20 })
    await decided()
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(
        /^No baseline: artifact 'rai-gate-report' of run 12 is 314\.6 MB, more than the 256 MB/
      )
    )
    jest.clearAllMocks()
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}.txt`, 'x']))
    github.putArtifact(41, 'rai-gate-report', join(dir, 'r.json'), { files: many })
    await decided()
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(
        /^No baseline: artifact 'rai-gate-report' of run 12 cannot be unpacked: it holds 12 entries, more than the 10 allowed/
      )
    )
    jest.clearAllMocks()
    github.putArtifact(41, 'rai-gate-report', join(dir, 'r.json'))
    await decided()
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(/does not match the report schema .*: not compared$/)
    )
    // A report cut off mid-write.
    jest.clearAllMocks()
    writeFileSync(join(dir, 'half.json'), '{"schemaVersion": 1, "model": {"na')
    github.putArtifact(41, 'rai-gate-report', join(dir, 'half.json'))
    await decided()
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(
        /^baseline artifact 'rai-gate-report' of run 12 \(half\.json\) is not valid JSON \(/
      )
    )
  })

  it('warns when the run has no report artifact', async () => {
    github.runs.main = [{ id: 41, head_sha: 'feedbeef', html_url: 'u', run_number: 12 }]
    start('g,label,score\na,1,0.9\nb,0,0.2\n')
    await run()
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(/^No baseline: run 12 on 'main' has no artifact 'rai-gate-report'/)
    )
  })

  it('skips the upload with a warning outside a runner with artifact storage', async () => {
    start('g,label,score\na,1,0.9\nb,0,0.2\n', { baseline: 'none' })
    await run()
    expect(artifact.uploads).toEqual([])
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(/^upload-report: this runner offers no artifact storage/)
    )
  })
})
