/**
 * The second trust review: each way a pull request's author could turn the bundled Action against its
 * users, run end to end against the GitHub stand-in, with the attacker's move and the outcome that
 * must hold. SECURITY.md states the promises these tests keep.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pullRequestEvent, runAction } from '../helpers/action.js'
import { checkFiles, checkout, manifestYaml, policyYaml, tempDir, workspace } from '../helpers/check.js'
import { BOT, startStandIn, zip, type StandIn } from '../helpers/github-standin.js'

const HEAD = 'a1a1a1a1a1a1a1a1'
const BASE = 'b2b2b2b2b2b2b2b2'

const manifest = (artifacts: string, extra = 'sensitiveAttributes: [g]', name = 'm') =>
  manifestYaml(artifacts, extra).replace('name: m,', `name: ${name},`)
const PREDICTIONS = manifest('  - { kind: predictions, path: p.csv }')
const policy = (gates: string, defaults = 'minGroupSize: 1') =>
  policyYaml(`defaults: { ${defaults}, bootstrap: { resamples: 100 } }\ngates:\n${gates}`)
const ACC = policy('  - { id: acc, metric: accuracy, min: 0.5, maxWorsening: 0.2 }\n')
const LOOSE = policy('  - { id: acc, metric: accuracy, min: 0.1 }\n')
const STRICT = policy('  - { id: acc, metric: accuracy, min: 0.8 }\n')

// Accuracy 0.75 now, 1 at the base: a fall of 0.25, past maxWorsening 0.2.
const rows = (scores: number[]) =>
  'g,label,score,prediction\n' +
  scores.map((s, i) => `${i % 2 ? 'b' : 'a'},${i < 2 ? 1 : 0},${s},${s >= 0.5 ? 1 : 0}`).join('\n') +
  '\n'
const NOW_CSV = rows([0.9, 0.2, 0.3, 0.1])
const BASE_CSV = rows([0.9, 0.8, 0.3, 0.1])

let gh: StandIn
beforeEach(async () => {
  gh = await startStandIn()
  gh.heads[7] = HEAD
})
afterEach(() => gh.close())

/** The PR's checkout (with its event), and the base commit's files at BASE. */
function pr(
  files: Record<string, string>,
  base: Record<string, string>,
  event = pullRequestEvent(HEAD, BASE)
) {
  gh.files[BASE] = base
  return checkout({ 'event.json': event, ...files })
}

/** main's last successful run (41) uploaded the report that `files` give. */
async function mainReport(
  files: Record<string, string>,
  edit: (report: Record<string, unknown>) => void = () => {}
) {
  const report = await checkFiles(files)
  const json = JSON.parse(JSON.stringify(report))
  edit(json)
  gh.runs.main = [{ id: 41, head_sha: 'feedbeef' }]
  gh.artifacts[41] = {
    id: 501,
    name: 'rai-gate-report',
    zip: zip({ 'rai-gate-report.json': JSON.stringify(json) })
  }
}

const reportOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
const checkOf = (dir: string, gate: string) =>
  reportOf(dir).checks.find((c: { gate: string }) => c.gate === gate)

describe('the baseline', () => {
  it('is main’s report, not the champion columns the PR maps onto its own predictions', async () => {
    await mainReport({ 'rai-gate.yml': PREDICTIONS, 'p.csv': BASE_CSV, 'policies/medium.yml': ACC })
    const champion = manifest(
      '  - { kind: predictions, path: p.csv, columns: { baselinePrediction: prediction, baselineScore: score } }'
    )
    const dir = pr(
      { 'rai-gate.yml': champion, 'p.csv': NOW_CSV, 'policies/medium.yml': ACC },
      { 'rai-gate.yml': PREDICTIONS, 'policies/medium.yml': ACC }
    )
    const r = await runAction(gh, dir, { comment: 'off' })
    // The columns would give a change of 0 [0, 0]; main's report gives the fall of 0.25.
    expect(checkOf(dir, 'acc')).toMatchObject({ status: 'fail', baseline: 1, change: -0.25 })
    expect(r.code).toBe(1)
    const report = reportOf(dir)
    expect(report.baseline.path).toBe("artifact 'rai-gate-report' of run 41 (rai-gate-report.json)")
    expect(report.notes).toContainEqual(
      expect.stringMatching(
        /baseline model columns \(baselinePrediction, baselineScore\) are not used: the baseline report artifact 'rai-gate-report' of run 41/
      )
    )
    // The headline names the baseline that decided.
    expect(r.summary).toMatch(/· baseline artifact 'rai-gate-report' of run 41/)
  })

  it('takes a metric’s direction from main’s report: a flipped higherIsBetter is flagged, not obeyed', async () => {
    const metricsManifest = manifest('  - { kind: metrics, path: metrics.json }')
    const gate = policy('  - { id: help, metric: helpfulness, maxWorsening: 0.05, mode: point }\n')
    const metrics = (value: number, higherIsBetter: boolean) =>
      JSON.stringify({ metrics: [{ metric: 'helpfulness', value, n: 100, higherIsBetter }] })
    await mainReport({
      'rai-gate.yml': metricsManifest,
      'metrics.json': metrics(0.9, true),
      'policies/medium.yml': gate
    })
    const dir = pr(
      { 'rai-gate.yml': metricsManifest, 'metrics.json': metrics(0.6, false), 'policies/medium.yml': gate },
      { 'rai-gate.yml': metricsManifest, 'policies/medium.yml': gate }
    )
    const r = await runAction(gh, dir, { comment: 'off' })
    expect(checkOf(dir, 'help')).toMatchObject({ status: 'fail', baseline: 0.9 })
    expect(r.outputs.decision).toBe('fail')
    expect(reportOf(dir).notes).toContainEqual(
      expect.stringMatching(/declares helpfulness lower is better, but the baseline report says higher/)
    )
  })

  it('treats a schema-valid baseline whose tables cannot be built as no baseline, with a warning', async () => {
    await mainReport(
      { 'rai-gate.yml': PREDICTIONS, 'p.csv': BASE_CSV, 'policies/medium.yml': ACC },
      report => {
        const p = (report.stats as { predictions: Record<string, unknown> }).predictions
        p.bins = 1000
        p.combos = Array.from({ length: 300_000 }, () => [0])
        p.edges = null
      }
    )
    const dir = pr(
      { 'rai-gate.yml': PREDICTIONS, 'p.csv': NOW_CSV, 'policies/medium.yml': ACC },
      { 'rai-gate.yml': PREDICTIONS, 'policies/medium.yml': ACC }
    )
    const r = await runAction(gh, dir, { comment: 'off' })
    expect(r.outputs.decision).not.toBe('error')
    expect(r.stdout).not.toMatch(/RangeError|internal error/)
    expect(r.stdout).toMatch(
      /::warning::baseline artifact 'rai-gate-report' of run 41 \(rai-gate-report\.json\) cannot be decoded \(its cell table would hold 300000 combinations/
    )
    expect(reportOf(dir).baseline).toMatchObject({ usable: false })
    // The change cannot be judged without a baseline: insufficient, with the policy's effect (warn).
    expect(checkOf(dir, 'acc')).toMatchObject({ status: 'insufficient', value: 0.75 })
    expect(r.outputs.decision).toBe('warn')
  })
})

describe('the manifest', () => {
  // Selection rates 1 (a) and 0.2 (b): a disparate impact ratio of 0.2, under the minimum 0.8.
  const fairCsv =
    'id,g,label,score\n' +
    Array.from(
      { length: 20 },
      (_, i) => `r${i},${i < 10 ? 'a' : 'b'},${i % 2},${i < 10 || i >= 18 ? 0.9 : 0.1}`
    ).join('\n') +
    '\n'
  const FAIR = policy(
    '  - { id: dp, metric: demographic_parity_ratio, min: 0.8, mode: point }\n',
    'minGroupSize: 5'
  )
  const base = {
    'rai-gate.yml': manifest('  - { kind: predictions, path: p.csv, columns: { id: id } }'),
    'policies/medium.yml': FAIR
  }

  it('reads the base commit’s attributes from their columns: a PR that maps them to its id column still fails', async () => {
    const remapped = manifest('  - { kind: predictions, path: p.csv, columns: { id: id, g: id } }')
    const dir = pr({ 'rai-gate.yml': remapped, 'p.csv': fairCsv, 'policies/medium.yml': FAIR }, base)
    const r = await runAction(gh, dir, { comment: 'off' })
    // With g read from the id column, every group has 1 row: insufficient, a warning, exit 0.
    expect(checkOf(dir, 'dp')).toMatchObject({ status: 'fail', attribute: 'g' })
    expect(r.code).toBe(1)
    expect(reportOf(dir).notes).toContainEqual(
      'This pull request changes the manifest; the base commit\'s sensitive attributes, intersections and attribute columns still apply. Changes: artifact predictions columns.g: unset → "id".'
    )
  })

  it('keeps the base commit’s attributes when the PR drops one, and tells the reviewer', async () => {
    const dropped = manifest(
      '  - { kind: predictions, path: p.csv, columns: { id: id } }',
      'sensitiveAttributes: []'
    )
    const dir = pr({ 'rai-gate.yml': dropped, 'p.csv': fairCsv, 'policies/medium.yml': FAIR }, base)
    const r = await runAction(gh, dir, { comment: 'update' })
    expect(checkOf(dir, 'dp')).toMatchObject({ status: 'fail', attribute: 'g' })
    expect(r.code).toBe(1)
    expect(gh.comments[0].body).toContain('sensitiveAttributes: \\["g"\\] → \\[\\]')
  })

  it('stops on an attribute the base commit declares and the PR’s data lacks: an error, not a skip', async () => {
    const dropped = manifest('  - { kind: predictions, path: p.csv }', 'sensitiveAttributes: []')
    const noG = fairCsv.replace(/^id,g,/, 'id,h,')
    const dir = pr({ 'rai-gate.yml': dropped, 'p.csv': noG, 'policies/medium.yml': FAIR }, base)
    const r = await runAction(gh, dir, { comment: 'off' })
    expect(r.code).toBe(1)
    expect(r.outputs.decision).toBe('error')
    expect(r.stdout).toMatch(/::error::.*\bg\b.*/)
  })
})

describe('the trusted commit', () => {
  it('reads the base policy for a checkout in a subfolder (actions/checkout path: model)', async () => {
    const dir = workspace({
      'event.json': pullRequestEvent(HEAD, BASE),
      'model/.git/HEAD': 'ref: refs/heads/main\n',
      'model/rai-gate.yml': PREDICTIONS,
      'model/p.csv': NOW_CSV,
      'model/policies/medium.yml': LOOSE
    })
    gh.files[BASE] = { 'rai-gate.yml': PREDICTIONS, 'policies/medium.yml': STRICT }
    const r = await runAction(gh, dir, {
      manifest: 'model/rai-gate.yml',
      policy: 'model/policies',
      baseline: 'none',
      comment: 'off'
    })
    expect(r.stdout).not.toMatch(/own policy files apply/)
    expect(reportOf(dir).policy.source).toBe(`acme/model/policies@${BASE}`)
    expect(r.outputs.decision).toBe('fail')
  })

  it('reads the base policy when the workspace is reached through a symbolic link', async () => {
    const dir = pr(
      { 'rai-gate.yml': PREDICTIONS, 'p.csv': NOW_CSV, 'policies/medium.yml': LOOSE },
      { 'rai-gate.yml': PREDICTIONS, 'policies/medium.yml': STRICT }
    )
    const link = join(tempDir('rai-gate-link-'), 'work')
    symlinkSync(dir, link)
    const r = await runAction(gh, dir, { baseline: 'none', comment: 'off' }, { GITHUB_WORKSPACE: link })
    expect(r.stdout).not.toMatch(/own policy files apply/)
    expect(reportOf(dir).policy.source).toBe(`acme/model/policies@${BASE}`)
    expect(r.outputs.decision).toBe('fail')
  })

  it('fails closed when no git checkout holds the manifest', async () => {
    const dir = workspace({
      'event.json': pullRequestEvent(HEAD, BASE),
      'rai-gate.yml': PREDICTIONS,
      'p.csv': NOW_CSV,
      'policies/medium.yml': LOOSE
    })
    gh.files[BASE] = { 'rai-gate.yml': PREDICTIONS, 'policies/medium.yml': STRICT }
    const r = await runAction(gh, dir, { baseline: 'none', comment: 'off' })
    expect(r.outputs.decision).toBe('error')
    expect(r.stdout).toMatch(/::error::no git checkout holds the manifest/)
  })

  it('judges a PR into an unprotected branch by the default branch, and says so', async () => {
    gh.files.main = { 'rai-gate.yml': PREDICTIONS, 'policies/medium.yml': STRICT }
    // The old branch has a looser policy; the PR targets it.
    const dir = pr(
      { 'rai-gate.yml': PREDICTIONS, 'p.csv': NOW_CSV, 'policies/medium.yml': LOOSE },
      { 'rai-gate.yml': PREDICTIONS, 'policies/medium.yml': LOOSE },
      pullRequestEvent(HEAD, BASE, 'release-2019')
    )
    const r = await runAction(gh, dir, { comment: 'off' })
    expect(reportOf(dir).policy.source).toBe('acme/model/policies@main')
    expect(r.outputs.decision).toBe('fail')
    expect(r.stdout).toMatch(
      /::warning::This pull request targets 'release-2019', which is not a protected branch \(protected-branches: main\): it is judged by the policy, manifest and last report of 'main'/
    )
    // main's last report is looked for, not release-2019's.
    expect(gh.requests.some(q => q.includes('/actions/workflows/9/runs'))).toBe(true)
    // A branch the input names is judged by its own base commit.
    const named = await runAction(gh, dir, { comment: 'off', 'protected-branches': 'main, release-*' })
    expect(reportOf(dir).policy.source).toBe(`acme/model/policies@${BASE}`)
    expect(named.outputs.decision).toBe('pass')
  })

  it('judges a merge group by its base commit’s policy, and takes main’s report as the baseline', async () => {
    await mainReport({ 'rai-gate.yml': PREDICTIONS, 'p.csv': BASE_CSV, 'policies/medium.yml': ACC })
    const event = JSON.stringify({
      merge_group: {
        head_sha: HEAD,
        head_ref: 'refs/heads/gh-readonly-queue/main/pr-7-a1a1a1',
        base_sha: BASE,
        base_ref: 'refs/heads/main'
      },
      repository: { default_branch: 'main' }
    })
    const dir = pr(
      { 'rai-gate.yml': PREDICTIONS, 'p.csv': NOW_CSV, 'policies/medium.yml': LOOSE },
      { 'rai-gate.yml': PREDICTIONS, 'policies/medium.yml': ACC },
      event
    )
    const r = await runAction(
      gh,
      dir,
      {},
      {
        GITHUB_EVENT_NAME: 'merge_group',
        GITHUB_REF: 'refs/heads/gh-readonly-queue/main/pr-7-a1a1a1'
      }
    )
    const report = reportOf(dir)
    expect(report.policy.source).toBe(`acme/model/policies@${BASE}`)
    expect(report.baseline).toMatchObject({ usable: true })
    expect(checkOf(dir, 'acc')).toMatchObject({ status: 'fail', baseline: 1, change: -0.25 })
    expect(r.code).toBe(1)
    expect(gh.comments).toHaveLength(0)
  })
})

describe('the sticky comment', () => {
  const files = { 'rai-gate.yml': PREDICTIONS, 'p.csv': NOW_CSV, 'policies/medium.yml': STRICT }
  const base = { 'rai-gate.yml': PREDICTIONS, 'policies/medium.yml': STRICT }

  it('names the commit it judged, and is not overwritten by a slower run of an older commit', async () => {
    const dir = pr(files, base)
    await runAction(gh, dir, { baseline: 'none' })
    expect(gh.comments).toHaveLength(1)
    expect(gh.comments[0].body).toMatch(
      /^<!-- rai-gate:m -->\n## ❌ rai-gate: \*\*FAIL\*\*.* · commit `a1a1a1a`/
    )
    // An older commit's run, whose data passes, finishes after the head's FAIL.
    writeFileSync(join(dir, 'event.json'), pullRequestEvent('c3c3c3c3c3c3', BASE))
    writeFileSync(join(dir, 'p.csv'), BASE_CSV)
    const old = await runAction(gh, dir, { baseline: 'none' })
    expect(old.outputs.decision).toBe('pass')
    expect(old.stdout).toMatch(
      /::warning::Not commenting: pull request #7 is now at a1a1a1a1a1a1, and this run checked c3c3c3c3c3c3/
    )
    expect(gh.comments).toHaveLength(1)
    expect(gh.comments[0].body).toMatch(/\*\*FAIL\*\*/)
  })

  it('replaces an earlier PASS with the error when a run stops on one', async () => {
    const dir = pr({ ...files, 'policies/medium.yml': LOOSE }, { ...base, 'policies/medium.yml': LOOSE })
    await runAction(gh, dir, { baseline: 'none' })
    expect(gh.comments[0].body).toMatch(/\*\*PASS\*\*/)
    writeFileSync(join(dir, 'p.csv'), 'g,label,score,prediction\na,7,0.9,1\n')
    const r = await runAction(gh, dir, { baseline: 'none' })
    expect(r.outputs.decision).toBe('error')
    expect(gh.comments).toHaveLength(1)
    expect(gh.comments[0].body).toMatch(
      /^<!-- rai-gate:m -->\n## ⛔ rai-gate: \*\*ERROR\*\* · commit `a1a1a1a`/
    )
    expect(gh.comments[0].body).toContain("label '7' is not binary")
    expect(gh.comments[0].body).not.toMatch(/PASS/)
  })

  it('stays with the model’s identity at the base commit: a rename cannot take over another model’s comment', async () => {
    const other = {
      id: 1,
      body: '<!-- rai-gate:fraud -->\n## ✅ rai-gate: **PASS** · `fraud`',
      user: BOT
    }
    gh.comments.push(other)
    const renamed = manifest('  - { kind: predictions, path: p.csv }', 'sensitiveAttributes: [g]', 'fraud')
    const dir = pr({ ...files, 'rai-gate.yml': renamed }, base)
    const r = await runAction(gh, dir, { baseline: 'none' })
    expect(r.outputs.decision).toBe('fail')
    expect(other.body).toBe('<!-- rai-gate:fraud -->\n## ✅ rai-gate: **PASS** · `fraud`')
    expect(gh.comments).toHaveLength(2)
    expect(gh.comments[1].body).toMatch(/^<!-- rai-gate:m -->\n/)
    expect(gh.comments[1].body).toContain("renames the model from 'm' to 'fraud'")
  })
})

describe('files the pull request plants', () => {
  const base = { 'rai-gate.yml': PREDICTIONS, 'policies/medium.yml': STRICT }

  it('never reads a policy file that links out of the checkout, and never quotes one that does not load', async () => {
    const secret = join(tempDir('rai-gate-secret-'), 'token')
    writeFileSync(secret, 'token: ghs_TOPSECRET0123456789\n  oops: [\n')
    const dir = pr({ 'rai-gate.yml': PREDICTIONS, 'p.csv': NOW_CSV, 'policies/medium.yml': LOOSE }, base)
    symlinkSync(secret, join(dir, 'policies/leak.yml'))
    const r = await runAction(gh, dir, { baseline: 'none' })
    expect(r.outputs.decision).toBe('fail')
    expect(r.stdout).not.toContain('TOPSECRET')
    expect(gh.comments[0].body).not.toContain('TOPSECRET')
    expect(gh.comments[0].body).toContain(
      "This pull request's policy files do not load (policies/leak.yml does not)"
    )
  })

  it('never reads a manifest that links out of the checkout, and the error comment quotes nothing of it', async () => {
    const secret = join(tempDir('rai-gate-secret-'), 'environ')
    writeFileSync(secret, 'GITHUB_TOKEN=ghs_TOPSECRET0123456789\0\0oops: [\n')
    const dir = pr({ 'p.csv': NOW_CSV, 'policies/medium.yml': LOOSE }, base)
    symlinkSync(secret, join(dir, 'rai-gate.yml'))
    const r = await runAction(gh, dir, { baseline: 'none' })
    expect(r.outputs.decision).toBe('error')
    expect(r.stdout).toMatch(/::error::rai-gate\.yml: resolves outside the workspace/)
    expect(r.stdout).not.toContain('TOPSECRET')
    expect(gh.comments[0].body).toMatch(/^<!-- rai-gate:m -->\n## ⛔ rai-gate: \*\*ERROR\*\*/)
    expect(gh.comments[0].body).not.toContain('TOPSECRET')
  })

  it('does not hang on a policy file that links to /dev/zero', async () => {
    const dir = pr({ 'rai-gate.yml': PREDICTIONS, 'p.csv': NOW_CSV, 'policies/medium.yml': LOOSE }, base)
    symlinkSync('/dev/zero', join(dir, 'policies/zero.yml'))
    const r = await runAction(gh, dir, { baseline: 'none', comment: 'off' }, {}, 60_000)
    expect(r.code).toBe(1)
    expect(r.outputs.decision).toBe('fail')
  })

  it('writes the report through no planted link: not at its temporary name, not through its folder', async () => {
    const outside = tempDir('rai-gate-victim-')
    const victim = join(outside, 'victim')
    writeFileSync(victim, 'untouched')
    const dir = pr({ 'rai-gate.yml': PREDICTIONS, 'p.csv': NOW_CSV, 'policies/medium.yml': STRICT }, base)
    // Links at the temporary names a writer keyed by process id would use, for the next pids.
    const first = (await runAction(gh, dir, { baseline: 'none', comment: 'off' })).pid
    for (let pid = first + 1; pid < first + 3000; pid++)
      symlinkSync(victim, join(dir, `.rai-gate-report.json.${pid}.tmp`))
    const r = await runAction(gh, dir, { baseline: 'none', comment: 'off' })
    expect(r.outputs.decision).toBe('fail')
    expect(readFileSync(victim, 'utf8')).toBe('untouched')
    expect(reportOf(dir).decision).toBe('fail')
    // A report folder that the checkout links elsewhere is refused.
    mkdirSync(join(outside, 'out'))
    symlinkSync(join(outside, 'out'), join(dir, 'reports'))
    const linked = await runAction(gh, dir, {
      baseline: 'none',
      comment: 'off',
      'report-path': 'reports/r.json'
    })
    expect(linked.outputs.decision).toBe('error')
    expect(linked.stdout).toMatch(/::error::reports\/r\.json: resolves outside the workspace/)
  })
})
