/** Comparing with a baseline report: changes, change thresholds, regressions, unusable baselines. */
import { describe, expect, it } from '@jest/globals'
import { writeFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_BASELINE_BYTES } from '../../../src/core/baseline/load.js'
import { renderMarkdown } from '../../../src/core/report/markdown.js'
import { renderText } from '../../../src/core/report/text.js'
import { check } from '../../../src/core/check.js'
import { againstBaseline, manifestYaml, policyYaml, workspace } from '../../helpers/check.js'
import { expectValidReport } from '../../helpers/report-schema.js'

// 400 rows per group. Now: selection rates a 0.5, b 0.3. Before: a 0.4, b 0.4.
function csv(rateA: number, rateB: number): string {
  const lines = ['g,label,score,prediction']
  for (const [g, rate] of [
    ['a', rateA],
    ['b', rateB]
  ] as const) {
    for (let i = 0; i < 400; i++)
      lines.push(`${g},${i % 2},${((i % 10) + 0.5) / 10},${i < rate * 400 ? 1 : 0}`)
  }
  return lines.join('\n') + '\n'
}
const POLICY = policyYaml(`defaults: { minGroupSize: 30, bootstrap: { resamples: 400 } }
gates:
  - { id: dp, metric: demographic_parity_difference, maxWorsening: 0.05 }
  - { id: dp-rel, metric: demographic_parity_difference, max: 0.5, maxWorseningRelative: 10 }
  - { id: acc, metric: accuracy, min: 0.1 }
`)

async function run(
  now: string,
  before: string | null,
  manifest = manifestYaml('  - { kind: predictions, path: p.csv }')
) {
  const files = { 'rai-gate.yml': manifest, 'p.csv': before ?? now, 'policies/p.yml': POLICY }
  if (before !== null) return againstBaseline(files, { 'p.csv': now })
  const dir = workspace(files)
  const report = await check({
    manifest: join(dir, 'rai-gate.yml'),
    policy: join(dir, 'policies'),
    cwd: dir,
    workspace: dir
  })
  expectValidReport(report)
  return { report, dir }
}

describe('baseline comparison', () => {
  it('gives every check its baseline, change and change interval, and judges change thresholds', async () => {
    const { report } = await run(csv(0.5, 0.3), csv(0.4, 0.4))
    const dp = report.checks.find(c => c.gate === 'dp')!
    // Now 0.5 − 0.3 = 0.2; before 0: worse by 0.2, more than 0.05.
    expect(dp).toMatchObject({ status: 'fail', value: 0.2, baseline: 0 })
    expect(dp.change).toBeCloseTo(0.2, 12)
    expect(dp.changeCi![0]).toBeGreaterThan(0.05)
    expect(dp.reason).toMatch(
      /^worsening 0\.2 since the baseline 0 \(allowed 0\.05\): 0\.2 is above the maximum 0\.05/
    )
    // Relative allowance 10 × baseline 0 = 0: also breached, while the level (max 0.5) holds.
    expect(report.checks.find(c => c.gate === 'dp-rel')).toMatchObject({ status: 'fail' })
    expect(report.baseline).toMatchObject({ usable: true, model: { name: 'm' } })
  })

  it('says whether a failing check is new since the baseline or was failing there already', async () => {
    const policy = policyYaml(`defaults: { minGroupSize: 30, bootstrap: { resamples: 200 } }
gates:
  - { id: lvl, metric: demographic_parity_difference, max: 0.1 }
  - { id: acc, metric: accuracy, min: 0.99 }
`)
    const { report } = await againstBaseline(
      {
        'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
        'p.csv': csv(0.4, 0.4),
        'policies/p.yml': policy
      },
      { 'p.csv': csv(0.5, 0.3) }
    )
    // Parity 0 before (a pass), 0.2 now; accuracy about 0.5 in both runs (a fail in both).
    const [lvl, acc] = ['lvl', 'acc'].map(id => report.checks.find(c => c.gate === id)!)
    expect([lvl.status, lvl.baselineStatus]).toEqual(['fail', 'pass'])
    expect([acc.status, acc.baselineStatus]).toEqual(['fail', 'fail'])
    const md = renderMarkdown(report)
    expect(md).toMatch(/`lvl` .*\| \*\*new: passed in the baseline\*\* · /)
    expect(md).toMatch(/`acc` .*\| \*\*already failing in the baseline\*\* · /)
    // The change of parity is up, which is worse for it; the comment says so in words.
    expect(md).toMatch(/`lvl` [^\n]*▲ \+0\.2 \[[^\]]*\] ⚠ regression|`lvl` [^\n]*▲ \+0\.2 \[[^\]]*\] worse/)
    expect(renderText(report, { color: false })).toContain('already failing in the baseline')
  })

  it('names significant regressions even where no gate asks', async () => {
    const { report } = await run(csv(0.5, 0.3), csv(0.4, 0.4))
    expect(report.regressions.map(r => [r.metric, r.attribute ?? ''])).toContainEqual([
      'demographic_parity_difference',
      'g'
    ])
    const r = report.regressions.find(x => x.metric === 'demographic_parity_difference')!
    expect(r.changeCi![0]).toBeGreaterThan(0)
    expect(r.pValue).toBeLessThan(0.05)
  })

  it('finds a change of exactly 0, interval [0, 0], against the same input file', async () => {
    const { report } = await run(csv(0.5, 0.3), csv(0.5, 0.3))
    expect(report.regressions).toEqual([])
    for (const c of report.checks.filter(x => x.change !== undefined))
      expect(c).toMatchObject({ change: 0, changeCi: [0, 0], comparison: 'identical' })
    expect(report.checks.find(c => c.gate === 'dp')).toMatchObject({ status: 'pass' })
  })

  it('compares the same rows in another order as independent samples, with an interval around 0', async () => {
    const now = csv(0.5, 0.3)
    const [head, ...rows] = now.trim().split('\n')
    const { report } = await run(now, [head, ...rows.reverse()].join('\n') + '\n')
    expect(report.regressions).toEqual([])
    const dp = report.checks.find(c => c.gate === 'dp')!
    expect(dp).toMatchObject({ status: 'pass', change: 0, comparison: 'independent' })
    expect(dp.changeCi![0]).toBeLessThan(0)
    expect(dp.changeCi![1]).toBeGreaterThan(0)
  })

  it('compares the same input file independently when the settings changed its numbers', async () => {
    const { report } = await againstBaseline(
      {
        'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
        'p.csv': csv(0.5, 0.3),
        'policies/p.yml': POLICY.replace('minGroupSize: 30,', 'minGroupSize: 30, calibration: { bins: 5 },')
      },
      { 'policies/p.yml': POLICY }
    )
    const acc = report.checks.find(c => c.gate === 'acc')!
    // Accuracy is the same either way, but ECE moved with the bins: the file's metrics differ.
    expect(acc).toMatchObject({ change: 0, comparison: 'independent' })
    expect(acc.changeCi![0]).toBeLessThan(0)
  })

  it('skips change thresholds without a baseline, never passing them', async () => {
    const { report } = await run(csv(0.5, 0.3), null)
    expect(report.checks.find(c => c.gate === 'dp')).toMatchObject({
      status: 'skipped',
      effect: 'none',
      reason: 'change threshold skipped: no baseline given'
    })
    expect(report.baseline).toBeNull()
  })

  it('does not pass change thresholds that a given baseline cannot judge: they are insufficient', async () => {
    const { report, dir } = await run(csv(0.5, 0.3), csv(0.4, 0.4))
    const base = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'))
    writeFileSync(
      join(dir, 'other.json'),
      JSON.stringify({ ...base, model: { name: 'other', version: '1' } })
    )
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ ...base, schemaVersion: 0 }))
    const opts = {
      manifest: join(dir, 'rai-gate.yml'),
      policy: join(dir, 'policies'),
      cwd: dir,
      workspace: dir
    }
    const other = await check({ ...opts, baseline: join(dir, 'other.json') })
    expect(other.baseline).toMatchObject({
      usable: false,
      warning: "baseline other.json is for model 'other', this run is 'm': not compared"
    })
    // A change threshold alone: not judged, so not passed (the policy's insufficientData: warn).
    expect(other.checks.find(c => c.gate === 'dp')).toMatchObject({
      status: 'insufficient',
      effect: 'warn',
      reason:
        "change not judged: change threshold skipped: baseline other.json is for model 'other', this run is 'm': not compared"
    })
    // With a level threshold that holds, the check still reports the change it could not judge.
    expect(other.checks.find(c => c.gate === 'dp-rel')).toMatchObject({ status: 'insufficient' })
    expect(other.decision).toBe('warn')
    expect(other.regressions).toEqual([])
    // The policy chooses how strict: insufficientData: fail blocks.
    writeFileSync(
      join(dir, 'policies/p.yml'),
      POLICY.replace('defaults: {', 'defaults: { insufficientData: fail,')
    )
    const strict = await check({ ...opts, baseline: join(dir, 'other.json') })
    expect(strict.checks.find(c => c.gate === 'dp')).toMatchObject({
      status: 'insufficient',
      effect: 'block'
    })
    expect(strict.decision).toBe('fail')
    const old = await check({ ...opts, baseline: join(dir, 'old.json') })
    expect(old.baseline?.warning).toMatch(/has schemaVersion 0, this run writes 1: not compared/)
    expect(report.checks.find(c => c.gate === 'dp')?.status).toBe('fail')
  })

  it('warns and compares nothing when the baseline is not a valid report; a missing file is an error', async () => {
    const { report: good } = await run(csv(0.5, 0.3), null)
    const forged = JSON.parse(JSON.stringify(good))
    forged.checks[0].gate = '<img src=x onerror=alert(1)>'.repeat(20)
    forged.stats.predictions.cells = 'lots'
    const dir = workspace({
      'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
      'p.csv': csv(0.5, 0.3),
      'policies/p.yml': POLICY,
      'bad.json': '{nope',
      'array.json': '[]',
      'forged.json': JSON.stringify(forged),
      'old.json': JSON.stringify({ ...good, schemaVersion: 0 })
    })
    const opts = {
      manifest: join(dir, 'rai-gate.yml'),
      policy: join(dir, 'policies'),
      cwd: dir,
      workspace: dir
    }
    const warning = async (name: string) => {
      const report = await check({ ...opts, baseline: join(dir, name) })
      expectValidReport(report)
      expect(report.baseline).toMatchObject({ usable: false, model: null })
      expect(report.checks.every(c => c.change === undefined)).toBe(true)
      return report.baseline!.warning
    }
    expect(await warning('bad.json')).toMatch(/^baseline bad\.json is not valid JSON \(.*\): not compared$/)
    expect(await warning('array.json')).toBe('baseline array.json is not a JSON object: not compared')
    expect(await warning('forged.json')).toMatch(
      /^baseline forged\.json does not match the report schema \(.*\): not compared$/
    )
    expect(await warning('old.json')).toBe(
      'baseline old.json has schemaVersion 0, this run writes 1: not compared'
    )
    // Too large: refused before it is read.
    writeFileSync(join(dir, 'big.json'), Buffer.alloc(MAX_BASELINE_BYTES + 1, 32))
    expect(await warning('big.json')).toMatch(
      /^baseline big\.json is 268\.4 MB, more than the 256 MB allowed/
    )
    await expect(check({ ...opts, baseline: join(dir, 'none.json') })).rejects.toThrow(
      /none\.json: baseline report not found/
    )
  })
})

describe('the example compared with its own report', () => {
  it('passes strict change gates: the same input files give changes of exactly 0', async () => {
    const root = join(import.meta.dirname, '../../..')
    const dir = workspace({
      'policies/p.yml': policyYaml(`defaults: { mode: strict, minGroupSize: 30 }
gates:
  - { id: acc, metric: accuracy, maxWorsening: 0.01 }
  - { id: jailbreak, metric: failure_rate, suites: [jailbreak], maxWorsening: 0.005 }
  - { id: drop, metric: accuracy_drop, perturbations: ['*'], maxWorsening: 0.005 }
`)
    })
    const opts = {
      manifest: join(root, 'examples/adult/rai-gate.yml'),
      policy: join(dir, 'policies'),
      cwd: root,
      workspace: root
    }
    writeFileSync(join(dir, 'base.json'), JSON.stringify(await check(opts)))
    const report = await check({ ...opts, baseline: join(dir, 'base.json') })
    expectValidReport(report)
    const gated = report.checks.filter(c => ['acc', 'jailbreak', 'drop'].includes(c.gate))
    expect(gated.length).toBeGreaterThanOrEqual(3)
    for (const c of gated)
      expect(c).toMatchObject({ status: 'pass', change: 0, changeCi: [0, 0], comparison: 'identical' })
    expect(report.regressions).toEqual([])
  })
})

describe('outcomes compared case by case', () => {
  // 800 jailbreak cases, 1.25% failing before; now 2 more fail and 1 is fixed.
  const jsonl = (flip: (i: number, passed: boolean) => boolean, count = 800) =>
    Array.from({ length: count }, (_, i) => {
      const passed = flip(i, i >= 10)
      return JSON.stringify({ id: `jb-${i}`, suite: 'jailbreak', passed })
    }).join('\n') + '\n'
  const before = jsonl((_, p) => p)
  const now = jsonl((i, p) => (i === 0 ? true : i === 500 || i === 501 ? false : p))
  const POLICY_STRICT = policyYaml(`defaults: { mode: strict }
gates:
  - { id: jb, metric: failure_rate, suites: [jailbreak], maxWorsening: 0.01 }
`)

  const compare = async (nowFile: string, beforeFile: string) =>
    (
      await againstBaseline(
        {
          'rai-gate.yml': manifestYaml('  - { kind: outcomes, path: o.jsonl }'),
          'o.jsonl': beforeFile,
          'policies/p.yml': POLICY_STRICT
        },
        { 'o.jsonl': nowFile }
      )
    ).report

  it('pairs the cases by id: a strict change gate passes a small, certain change', async () => {
    const report = await compare(now, before)
    const jb = report.checks.find(c => c.gate === 'jb')!
    expect(jb).toMatchObject({ status: 'pass', comparison: 'paired' })
    expect(jb.change).toBeCloseTo(1 / 800, 15)
    expect(jb.changeCi![1]).toBeLessThan(0.01)
    expect(report.baseline?.comparisons).toContainEqual({
      kind: 'outcomes',
      comparison: 'paired',
      shared: 800,
      onlyBaseline: 0,
      onlyRun: 0
    })
    expect(report.notes).toEqual([])
  })

  it('would not pass it compared as independent samples', async () => {
    const noIds = (s: string) => s.replace(/"id":"jb-\d+",/g, '')
    const report = await compare(noIds(now), noIds(before))
    const jb = report.checks.find(c => c.gate === 'jb')!
    expect(jb).toMatchObject({ status: 'fail', comparison: 'independent' })
    expect(jb.changeCi![1]).toBeGreaterThan(0.01)
  })

  it('says so when the cases changed, and pairs on the shared ones', async () => {
    const report = await compare(
      now + JSON.stringify({ id: 'new', suite: 'jailbreak', passed: true }) + '\n',
      before
    )
    expect(report.checks.find(c => c.gate === 'jb')).toMatchObject({ comparison: 'paired' })
    expect(report.notes.join()).toMatch(
      /on the 800 test cases both runs evaluated \(0 only in the baseline, 1 only in this run\)/
    )
  })

  it('compares independently when few cases are shared, and says why', async () => {
    const other = jsonl((_, p) => p).replace(/jb-/g, 'other-')
    const report = await compare(other, before)
    expect(report.checks.find(c => c.gate === 'jb')).toMatchObject({ comparison: 'independent' })
    expect(report.notes.join()).toMatch(/independent samples: only 0 of the cases are in both runs/)
  })
})

describe('robustness compared row by row', () => {
  // 1,000 examples under one perturbation; 20 were hurt by it before, 22 now (2 more rows flip).
  const csv = (hurt: (i: number) => boolean) =>
    'id,perturbation,label,clean_prediction,prediction\n' +
    Array.from({ length: 1000 }, (_, i) => `ex${i},noise,1,1,${hurt(i) ? 0 : 1}`).join('\n') +
    '\n'

  it('pairs the rows by id: a strict change gate on the accuracy drop passes a small, certain change', async () => {
    const { report } = await againstBaseline(
      {
        'rai-gate.yml': manifestYaml('  - { kind: robustness, path: r.csv }'),
        'r.csv': csv(i => i < 20),
        'policies/p.yml': policyYaml(`defaults: { mode: strict }
gates:
  - { id: drop, metric: accuracy_drop, perturbations: ['*'], maxWorsening: 0.01 }
`)
      },
      { 'r.csv': csv(i => i < 22) }
    )
    const drop = report.checks.find(c => c.gate === 'drop')!
    expect(drop).toMatchObject({ status: 'pass', comparison: 'paired' })
    expect(drop.change).toBeCloseTo(0.002, 15)
    expect(report.baseline?.comparisons).toContainEqual({
      kind: 'robustness',
      comparison: 'paired',
      shared: 1000,
      onlyBaseline: 0,
      onlyRun: 0,
      labelsDiffer: 0
    })
  })
})
