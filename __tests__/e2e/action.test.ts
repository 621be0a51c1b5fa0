/**
 * The bundled Action (dist/index.js) run exactly as the runner runs it: a child process with INPUT_*
 * variables, an event file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing
 * at a GitHub stand-in on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { check } from '../../src/core/check.js'
import { checkout, manifestYaml, policyYaml, workspace } from '../helpers/check.js'
import { pullRequestEvent, runAction as run } from '../helpers/action.js'
import { gfm, hazards, poison } from '../helpers/gfm.js'
import { startStandIn, zip, type StandIn } from '../helpers/github-standin.js'
import { expectValidReport } from '../helpers/report-schema.js'

const MANIFEST = manifestYaml('  - { kind: predictions, path: p.csv }')
const policy = (min: number) =>
  policyYaml(
    `defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }\ngates:\n  - { id: acc, metric: accuracy, min: ${min}, maxWorsening: 0.2 }\n`
  )
const NOW_CSV = 'g,label,score\na,1,0.9\nb,0,0.2\nb,1,0.2\nb,0,0.3\n' // accuracy 0.75
const BASE_CSV = 'g,label,score\na,1,0.9\nb,0,0.2\nb,1,0.8\nb,0,0.3\n' // accuracy 1

let gh: StandIn
let dir: string

beforeAll(async () => {
  gh = await startStandIn()
  // The PR loosens its own policy (min 0.1); the base commit's says 0.8.
  dir = checkout({
    'rai-gate.yml': MANIFEST,
    'p.csv': NOW_CSV,
    'policies/medium.yml': policy(0.1),
    'event.json': pullRequestEvent('head0001', 'base0001')
  })
  gh.heads[7] = 'head0001'
  gh.files.base0001 = { 'policies/medium.yml': policy(0.8), 'rai-gate.yml': MANIFEST }
  // main's last successful run (41) uploaded its report as the rai-gate-report artifact.
  const baseDir = workspace({
    'rai-gate.yml': MANIFEST,
    'p.csv': BASE_CSV,
    'policies/medium.yml': policy(0.8)
  })
  const baseReport = await check({
    manifest: join(baseDir, 'rai-gate.yml'),
    policy: join(baseDir, 'policies'),
    cwd: baseDir,
    workspace: baseDir
  })
  gh.runs.main = [{ id: 41, head_sha: 'feedbeef' }]
  gh.artifacts[41] = {
    id: 501,
    name: 'rai-gate-report',
    zip: zip({ 'rai-gate-report.json': JSON.stringify(baseReport) }, 'deflate')
  }
})

afterAll(() => gh.close())

const runAction = (inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
  run(gh, dir, inputs, env)

describe('dist/index.js on a pull request', () => {
  it('gates with the base commit’s policy and main’s report, and creates the sticky comment', async () => {
    const r = await runAction()
    // The token is registered as a secret (the runner masks it) and appears nowhere else.
    expect(r.stdout).toMatch(/^::add-mask::ghs_faketoken$/m)
    expect(r.stdout.replace(/^::add-mask::.*$/m, '')).not.toMatch(/ghs_faketoken/)
    // Accuracy 0.75: passes the PR's min 0.1, fails the base's min 0.8 (and fell by 0.25 > 0.2).
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({
      decision: 'fail',
      'failed-checks': '1',
      'report-path': 'rai-gate-report.json',
      'comment-url': 'http://gh/c/1'
    })
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    expectValidReport(report)
    expect(report.policy.source).toBe('acme/model/policies@base0001')
    expect(report.baseline).toMatchObject({ usable: true })
    expect(report.checks[0]).toMatchObject({ gate: 'acc', status: 'fail', baseline: 1, change: -0.25 })
    expect(report.notes[0]).toMatch(/gate acc min: 0\.8 → 0\.1/)
    expect(gh.requests).toContain('GET /repos/acme/model/actions/artifacts/501/zip')
    expect(gh.requests).toContain('GET /blob/501.zip')
    expect(gh.comments).toHaveLength(1)
    expect(gh.comments[0].body).toMatch(/^<!-- rai-gate:m -->\n## ❌ rai-gate: \*\*FAIL\*\*/)
    expect(r.summary).toBe(gh.comments[0].body)
    // The comment tells the reviewer what the PR's own policy would have changed.
    expect(gh.comments[0].body).toMatch(
      /> \[!IMPORTANT\]\n> This pull request changes the policy; the base commit's policy decides\. Changes: gate acc min: 0\.8 → 0\.1\./
    )
  })

  it('updates the same comment on the next run', async () => {
    const r = await runAction()
    expect(r.outputs['comment-url']).toBe('http://gh/c/1')
    expect(gh.comments).toHaveLength(1)
    expect(gh.requests.filter(q => q.startsWith('PATCH'))).toHaveLength(1)
  })

  it('never edits a comment that someone else wrote with the marker: it updates its own', async () => {
    const planted = {
      id: 99,
      body: '<!-- rai-gate:m -->\n## ✅ rai-gate: **PASS**',
      user: { id: 7, login: 'mallory' }
    }
    gh.comments.unshift(planted)
    const r = await runAction({ baseline: 'none' })
    gh.comments.shift()
    expect(r.outputs['comment-url']).toBe('http://gh/c/1')
    expect(planted.body).toBe('<!-- rai-gate:m -->\n## ✅ rai-gate: **PASS**')
    expect(gh.requests).toContain('POST /graphql')
    expect(gh.requests).not.toContain('PATCH /repos/acme/model/issues/comments/99')
    expect(gh.requests).toContain('PATCH /repos/acme/model/issues/comments/1')
  })

  it('still decides, and warns with the fix, when the token may not comment (403)', async () => {
    gh.commentStatus = 403
    const r = await runAction({ 'fail-on': 'never' })
    gh.commentStatus = null
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ decision: 'fail', 'comment-url': '' })
    expect(r.stdout).toMatch(/::warning::rai-gate could not post the PR comment \(HTTP 403\)/)
  })

  it('retries a comment write that answers 5xx, and the comment is posted', async () => {
    gh.serverErrors = 1
    const before = gh.requests.length
    const r = await runAction({ 'fail-on': 'never' })
    expect(gh.serverErrors).toBe(0)
    expect(r.code).toBe(0)
    expect(r.outputs['comment-url']).toMatch(/^http:\/\/gh\/c\/\d+$/)
    const writes = gh.requests.slice(before).filter(q => /^(POST|PATCH) \/repos\/acme\/model\/issues/.test(q))
    expect(writes).toHaveLength(2)
  })

  it('keeps the decision, and says why, when GitHub’s secondary rate limit stops the comment', async () => {
    gh.secondaryLimit = true
    const r = await runAction({ 'fail-on': 'never' })
    gh.secondaryLimit = false
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ decision: 'fail', 'comment-url': '' })
    expect(r.stdout).toMatch(
      /::warning::rai-gate could not post the PR comment: GitHub's secondary rate limit/
    )
    expect(r.stdout).not.toMatch(/pull-requests: write/)
  })

  it('gives up on an API answer past api-timeout, once, and keeps the decision', async () => {
    gh.commentDelay = 3000
    const before = gh.requests.length
    const r = await runAction({ 'fail-on': 'never', 'api-timeout': '1' })
    gh.commentDelay = 0
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ decision: 'fail', 'comment-url': '' })
    expect(r.stdout).toMatch(
      /::warning::rai-gate could not post the PR comment: GitHub did not answer within 1 s/
    )
    // Not retried: a write that timed out may have landed.
    const writes = gh.requests.slice(before).filter(q => /^(POST|PATCH) \/repos\/acme\/model\/issues/.test(q))
    expect(writes).toHaveLength(1)
  })

  it('keeps a comment on 3,000 groups under GitHub’s size limit, and the report complete', async () => {
    const groups = Array.from({ length: 3000 }, (_, i) => `group-${i},${i % 2},0.${i % 10}`)
    writeFileSync(join(dir, 'p.csv'), ['g,label,score', ...groups].join('\n') + '\n')
    try {
      const r = await runAction({ 'fail-on': 'never' })
      expect(r.code).toBe(0)
      expect(r.stdout).not.toMatch(/::warning::rai-gate could not post/)
      const body = gh.comments.find(c => `http://gh/c/${c.id}` === r.outputs['comment-url'])!.body
      expect(body.length).toBeLessThanOrEqual(65536)
      // Summarised, not cut: the per-group table shows the largest groups and says so.
      expect(body).toContain(
        'Per-group metrics: g (estimates, 95% intervals): the 50 largest of 3,000 groups'
      )
      expect(body).not.toMatch(/Truncated|left out/)
      const report = JSON.parse(readFileSync(join(dir, r.outputs['report-path']), 'utf8'))
      const groupsReported = new Set(
        report.metrics.filter((m: { group?: string }) => m.group).map((m: { group: string }) => m.group)
      )
      expect(groupsReported.size).toBe(3000)
    } finally {
      writeFileSync(join(dir, 'p.csv'), NOW_CSV)
    }
  })

  it('keeps the decision, and says why, when GitHub refuses a comment as too long (422)', async () => {
    gh.bodyLimit = 500
    const r = await runAction({ 'fail-on': 'never' })
    gh.bodyLimit = 65536
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ decision: 'fail', 'comment-url': '' })
    expect(r.stdout).toMatch(/::warning::rai-gate could not post the PR comment \(.*Validation Failed/)
  })

  it('posts the sticky comment again when it was deleted between the list and the update', async () => {
    await runAction({ 'fail-on': 'never' })
    const count = gh.comments.length
    gh.vanishOnUpdate = true
    const r = await runAction({ 'fail-on': 'never' })
    gh.vanishOnUpdate = false
    expect(r.code).toBe(0)
    expect(r.stdout).not.toMatch(/::warning::rai-gate could not post/)
    expect(gh.comments).toHaveLength(count)
    expect(r.outputs['comment-url']).toBe(`http://gh/c/${gh.comments[gh.comments.length - 1].id}`)
    expect(gh.comments[gh.comments.length - 1].body).toMatch(/^<!-- rai-gate:m -->/)
  })

  it('fails closed, and never on the PR’s own policy, when a listed base policy file answers 404', async () => {
    gh.unreadable.add('base0001:policies/medium.yml')
    const r = await runAction({ baseline: 'none', comment: 'off' })
    gh.unreadable.clear()
    // The PR's loosened policy (min 0.1) would pass: the step fails with the reason instead.
    expect(r.code).toBe(1)
    expect(r.outputs.decision).toBe('error')
    expect(r.stdout).toMatch(
      /::error::the trusted policy cannot be read: policies\/medium\.yml in acme\/model at base0001 answered HTTP 404, though it is listed/
    )
    expect(r.stdout).not.toMatch(/own policy files apply/)
  })

  it('fails closed on a policy-ref that does not exist', async () => {
    const r = await runAction({ baseline: 'none', comment: 'off', 'policy-ref': 'mian' })
    expect(r.code).toBe(1)
    expect(r.outputs.decision).toBe('error')
    expect(r.stdout).toMatch(/::error::policy-ref 'mian' cannot be read in acme\/model \(HTTP 404\)/)
  })

  it('fails closed when the base manifest comes back without content', async () => {
    gh.contentless.add('base0001:rai-gate.yml')
    const r = await runAction({ baseline: 'none', comment: 'off' })
    gh.contentless.clear()
    expect(r.code).toBe(1)
    expect(r.outputs.decision).toBe('error')
    expect(r.stdout).toMatch(/::error::the base commit's manifest cannot be read: rai-gate\.yml/)
  })

  it('fails closed when a base policy file comes back without content', async () => {
    gh.contentless.add('base0001:policies/medium.yml')
    const r = await runAction({ baseline: 'none', comment: 'off' })
    gh.contentless.clear()
    expect(r.code).toBe(1)
    expect(r.outputs.decision).toBe('error')
    expect(r.stdout).toMatch(/::error::the trusted policy cannot be read: policies\/medium\.yml/)
    expect(r.stdout).not.toMatch(/own policy files apply/)
  })

  it('does not pass a change threshold that main’s report cannot judge: the policy blocks on it', async () => {
    // The base policy gates only the change, and blocks what it cannot judge.
    const changeOnly = policyYaml(
      'defaults: { minGroupSize: 1, bootstrap: { resamples: 100 }, insufficientData: fail }\ngates:\n  - { id: acc, metric: accuracy, maxWorsening: 0.01 }\n'
    )
    const saved = { base: gh.files.base0001, artifact: gh.artifacts[41] }
    gh.files.base0001 = { ...saved.base, 'policies/medium.yml': changeOnly }
    // main's report holds no predictions statistics to compare with (a run without that artifact).
    const stripped = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    stripped.stats = {}
    stripped.inputs = []
    gh.artifacts[41] = {
      id: 505,
      name: 'rai-gate-report',
      zip: zip({ 'rai-gate-report.json': JSON.stringify(stripped) })
    }
    const r = await runAction({ comment: 'off' })
    Object.assign(gh.files, { base0001: saved.base })
    gh.artifacts[41] = saved.artifact
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    expect(report.checks[0]).toMatchObject({ gate: 'acc', status: 'insufficient', effect: 'block' })
    expect(r.outputs.decision).toBe('fail')
    expect(r.code).toBe(1)
  })

  it('takes the baseline from a push to main, never from a fork’s pull_request run on a branch named main', async () => {
    // The fork's run is newer, and its artifact holds the PR's own report: no change would show.
    const forged = await check({
      manifest: join(dir, 'rai-gate.yml'),
      policy: join(dir, 'policies'),
      cwd: dir,
      workspace: dir
    })
    gh.runs.main.unshift({
      id: 43,
      head_sha: 'f0f0f0',
      event: 'pull_request',
      head_repository: { full_name: 'mallory/model' }
    })
    gh.artifacts[43] = {
      id: 503,
      name: 'rai-gate-report',
      zip: zip({ 'rai-gate-report.json': JSON.stringify(forged) })
    }
    const r = await runAction({ comment: 'off' })
    gh.runs.main.shift()
    expect(gh.requests).not.toContain('GET /repos/acme/model/actions/artifacts/503/zip')
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    // main's own report (accuracy 1) is the baseline: the fall to 0.75 is caught.
    expect(report.checks[0]).toMatchObject({ gate: 'acc', baseline: 1, change: -0.25 })
    expect(r.code).toBe(1)
  })

  it('finds main’s report on GitHub Enterprise Server too (REST, not @actions/artifact), and says why it does not upload', async () => {
    const r = await runAction({ comment: 'off' }, { GITHUB_SERVER_URL: 'https://ghe.acme.test' })
    expect(gh.requests).toContain('GET /repos/acme/model/actions/runs/41/artifacts')
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    expect(report.baseline).toMatchObject({ usable: true })
    expect(report.checks[0]).toMatchObject({ gate: 'acc', baseline: 1, change: -0.25 })
    expect(r.stdout).toMatch(
      /::warning::upload-report: @actions\/artifact does not support GitHub Enterprise Server, so the report was not uploaded\. Upload it with actions\/upload-artifact@v3/
    )
    expect(r.stdout).not.toMatch(/has no artifact/)
  })

  it('warns and decides without a baseline when main’s artifact holds no valid report', async () => {
    const real = gh.artifacts[41]
    gh.artifacts[41] = {
      id: 504,
      name: 'rai-gate-report',
      zip: zip({
        'rai-gate-report.json': JSON.stringify({ schemaVersion: 1, model: { name: 'm' }, stats: 'x' })
      })
    }
    const r = await runAction({ comment: 'off' })
    gh.artifacts[41] = real
    expect(r.outputs.decision).toBe('fail')
    expect(r.stdout).toMatch(/::warning::baseline .* does not match the report schema .*: not compared/)
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    expect(report.baseline).toMatchObject({ usable: false })
  })

  it('stops a zip bomb in main’s artifact at 256 MB, warns, and decides without a baseline', async () => {
    const real = gh.artifacts[41]
    // 300 MB unpacked, 300 KB packed.
    gh.artifacts[41] = {
      id: 506,
      name: 'rai-gate-report',
      zip: zip({ 'rai-gate-report.json': Buffer.alloc(300 << 20, 32) }, 'deflate')
    }
    expect(gh.artifacts[41].zip.length).toBeLessThan(1 << 20)
    const r = await runAction({ comment: 'off' })
    gh.artifacts[41] = real
    expect(r.stdout).toMatch(
      /::warning::No baseline: artifact 'rai-gate-report' of run 41 cannot be unpacked: it unpacks to more than the 256 MB allowed/
    )
    expect(r.outputs.decision).toBe('fail')
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    expect(report.baseline).toBeNull()
  })

  it('matches waivers and the baseline against the base commit’s model name: a rename escapes neither', async () => {
    const waived = `${policy(0.8)}waivers:\n  - { gate: acc, models: [legacy-*], reason: r, approvedBy: b }\n`
    const saved = { base: gh.files.base0001, manifest: readFileSync(join(dir, 'rai-gate.yml'), 'utf8') }
    gh.files.base0001 = { ...saved.base, 'policies/medium.yml': waived }
    writeFileSync(join(dir, 'rai-gate.yml'), MANIFEST.replace('name: m,', 'name: legacy-m,'))
    const r = await runAction({ comment: 'off' })
    gh.files.base0001 = saved.base
    writeFileSync(join(dir, 'rai-gate.yml'), saved.manifest)
    expect(r.code).toBe(1)
    expect(r.outputs.decision).toBe('fail')
    expect(r.stdout).toMatch(/::warning::This pull request renames the model from 'm' to 'legacy-m'/)
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    // Not waived, and still compared with main's report for 'm': the fall of 0.25 is measured.
    expect(report.checks[0]).toMatchObject({ gate: 'acc', status: 'fail', baseline: 1, change: -0.25 })
    expect(report.baseline).toMatchObject({ usable: true, model: { name: 'm' } })
  })

  it('shows the reviewer every loosening of the policy: scopes, requirements, bootstrap', async () => {
    const base = policy(0.8).replace(
      'gates:\n',
      'requires: { artifacts: [predictions] }\ngates:\n  - { id: sel, metric: selection_rate, attributes: [g], groups: [a, b], max: 0.9 }\n'
    )
    const loosened = base
      .replace('groups: [a, b]', 'groups: [b]')
      .replace('requires: { artifacts: [predictions] }\n', '')
      .replace('resamples: 100 }', 'resamples: 100, seed: 7 }')
      .replace('min: 0.8', 'min: 0.1')
    const saved = gh.files.base0001
    gh.files.base0001 = { ...saved, 'policies/medium.yml': base }
    writeFileSync(join(dir, 'policies/medium.yml'), loosened)
    const r = await runAction({ baseline: 'none', comment: 'off' })
    gh.files.base0001 = saved
    writeFileSync(join(dir, 'policies/medium.yml'), policy(0.1))
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    expect(report.notes[0]).toBe(
      "This pull request changes the policy; the base commit's policy decides. Changes: " +
        'defaults.bootstrap.seed: 0 → 7; requires.artifacts: ["predictions"] → unset; gate sel groups: ["a","b"] → ["b"]; gate acc min: 0.8 → 0.1.'
    )
    expect(r.summary).toContain('gate sel groups: \\["a","b"\\] → \\["b"\\]')
  })

  it('matches a backtracking waiver glob and model-card heading in linear time', async () => {
    // As a RegExp, this glob against this name took minutes, and this heading seconds per line.
    const name = 'a'.repeat(200)
    const heading = '# a' + ' '.repeat(20_000) + 'x\n'
    const manifest = MANIFEST.replace('name: m,', `name: ${name},`).replace(
      'artifacts:',
      'documents: { modelCard: CARD.md }\nartifacts:'
    )
    const strict = `${policy(0.8).replace('gates:\n', 'requires: { documents: [{ doc: modelCard, sections: [Limitations] }] }\ngates:\n')}waivers:\n  - { gate: acc, models: ['*a*a*a*a*a*a*b'], reason: r, approvedBy: b }\n`
    const saved = { base: gh.files.base0001, manifest: readFileSync(join(dir, 'rai-gate.yml'), 'utf8') }
    gh.files.base0001 = { 'rai-gate.yml': manifest, 'policies/medium.yml': strict }
    writeFileSync(join(dir, 'rai-gate.yml'), manifest)
    writeFileSync(join(dir, 'CARD.md'), heading.repeat(50))
    const started = Date.now()
    const r = await runAction({ baseline: 'none', comment: 'off' })
    const took = Date.now() - started
    gh.files.base0001 = saved.base
    writeFileSync(join(dir, 'rai-gate.yml'), saved.manifest)
    expect(r.outputs.decision).toBe('fail')
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    expect(report.checks.map((c: { gate: string; status: string }) => [c.gate, c.status])).toEqual([
      ['requires.documents.modelCard', 'fail'],
      ['acc', 'fail']
    ])
    expect(took).toBeLessThan(20_000)
  })

  it('comment-only: posts a hostile report’s strings as text, with the decision its checks give', async () => {
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    expect(report.decision).toBe('fail')
    report.decision = 'pass'
    report.context.pullRequest = 7
    expect(poison(report)).toBeGreaterThanOrEqual(10)
    writeFileSync(join(dir, 'uploaded.json'), JSON.stringify(report))
    writeFileSync(
      join(dir, 'run-event.json'),
      JSON.stringify({ workflow_run: { id: 77, head_sha: 'head0007' } })
    )
    gh.heads[7] = 'head0007'
    const before = gh.comments.length
    const r = await runAction(
      { mode: 'comment-only', 'report-path': 'uploaded.json' },
      { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: join(dir, 'run-event.json') }
    )
    expect(r.code).toBe(0)
    expect(r.outputs.decision).toBe('fail')
    const posted = gh.comments.length > before ? gh.comments[gh.comments.length - 1] : gh.comments[0]
    expect(posted.body).toMatch(/^<!-- rai-gate:[^\n]* -->\n## ❌ rai-gate: \*\*FAIL\*\*/)
    expect(posted.body).toContain(
      'The uploaded report says its decision is PASS, but its own checks give FAIL'
    )
    expect(hazards(gfm(posted.body))).toEqual([])
  })

  it('fails the step on a bad input, naming it', async () => {
    const r = await runAction({ comment: 'sometimes' })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::Invalid input 'comment': 'sometimes'\. Expected one of: update, off\./)
    expect(r.outputs).toMatchObject({ decision: 'error', 'failed-checks': '0' })
    expect(r.summary).toMatch(
      /^## ⛔ rai-gate: \*\*ERROR\*\*\n\nNothing was decided[^\n]*\n\n```\nInvalid input 'comment'/
    )
  })
})
