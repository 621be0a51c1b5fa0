/**
 * kind: metrics ("bring your own"): metrics computed by other tools are gated, compared with a
 * baseline and rendered like rai-gate's own; a bad file, a gate on an undeclared metric and a gate
 * that needs an interval the metric lacks are errors that name the file, the line and the problem.
 */
import { describe, expect, it } from '@jest/globals'
import { renderMarkdown } from '../../../src/core/report/markdown.js'
import { renderText } from '../../../src/core/report/text.js'
import { zOf } from '../../../src/core/stats/intervals.js'
import { againstBaseline, checkFiles, manifestYaml, policyYaml } from '../../helpers/check.js'

const CSV = 'g,label,score\na,1,0.9\na,0,0.2\nb,1,0.6\nb,0,0.7\n'
const ARTIFACTS = '  - { kind: predictions, path: p.csv }\n  - { kind: metrics, path: m.json }'
const json = (...entries: object[]) => JSON.stringify({ metrics: entries }, null, 2)
const TOX = { metric: 'toxicity_rate', value: 0.012, ci: [0.008, 0.017], higherIsBetter: false }
const JUDGE = { metric: 'judge_score', value: 4.1, higherIsBetter: true, suite: 'helpfulness' }

const files = (metrics: string, gates: string, defaults = '') => ({
  'rai-gate.yml': manifestYaml(ARTIFACTS),
  'p.csv': CSV,
  'm.json': metrics,
  'policies/p.yml': policyYaml(
    `defaults: { minGroupSize: 1, bootstrap: { resamples: 100 }${defaults} }\n${gates ? `gates:\n${gates}` : ''}`
  )
})
const run = (metrics: string, gates: string, defaults = '') => checkFiles(files(metrics, gates, defaults))
const check = (report: Awaited<ReturnType<typeof run>>, gate: string) =>
  report.checks.find(c => c.gate === gate)!

describe('metrics from other tools', () => {
  it('are gated with the modes, on the interval given', async () => {
    const gates = (mode: string) => `  - { id: tox, metric: toxicity_rate, max: 0.01, mode: ${mode} }\n`
    // 0.012 [0.008, 0.017] against a maximum of 0.01: the estimate is over, the interval holds it.
    expect(check(await run(json(TOX), gates('point')), 'tox').status).toBe('fail')
    expect(check(await run(json(TOX), gates('lenient')), 'tox').status).toBe('inconclusive')
    expect(check(await run(json(TOX), gates('strict')), 'tox').status).toBe('fail')
    expect(
      check(await run(json({ ...TOX, value: 0.009, ci: [0.007, 0.0095] }), gates('strict')), 'tox').status
    ).toBe('pass')
  })

  it('scale a given interval to a Bonferroni-corrected level as a normal interval', async () => {
    const report = await run(
      json(TOX),
      '  - { id: tox, metric: toxicity_rate, max: 0.02, mode: lenient }\n  - { id: acc, metric: accuracy, min: 0.1, mode: lenient }\n',
      ', multipleComparisons: bonferroni'
    )
    const c = check(report, 'tox')
    expect(c.confidence).toBeCloseTo(1 - 0.05 / 2, 12)
    const scale = zOf(1 - 0.05 / 2) / zOf(0.95)
    expect(c.ci![0]).toBeCloseTo(0.012 - 0.004 * scale, 12)
    expect(c.ci![1]).toBeCloseTo(0.012 + 0.005 * scale, 12)
    // At the policy's level, the report keeps the interval as given.
    expect(report.metrics.find(m => m.metric === 'toxicity_rate')).toMatchObject({
      ci: [0.008, 0.017],
      method: 'provided'
    })
  })

  it("derive a known rate's interval from n, as rows would give it", async () => {
    const fromFile = await run(json({ metric: 'failure_rate', value: 0.02, n: 500, suite: 'jailbreak' }), '')
    const outcomes = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({ suite: 'jailbreak', passed: i >= 10 })
    )
    const fromRows = await checkFiles({
      'rai-gate.yml': manifestYaml('  - { kind: outcomes, path: o.jsonl }'),
      'o.jsonl': outcomes.join('\n') + '\n',
      'policies/p.yml': policyYaml('defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }\n')
    })
    const rate = (r: typeof fromFile) =>
      r.metrics.find(m => m.metric === 'failure_rate' && m.suite === 'jailbreak' && !m.category)!
    expect(rate(fromFile).method).toBe('clopper-pearson')
    expect(rate(fromFile).ci).toEqual(rate(fromRows).ci)
    // A value that is no whole number of events out of n gets no interval.
    expect(
      rate(await run(json({ metric: 'failure_rate', value: 0.0213, n: 500, suite: 'jailbreak' }), '')).ci
    ).toBeNull()
  })

  it('are an error for a strict or lenient gate when they have no interval, unless the gate says point', async () => {
    await expect(
      run(json(TOX, JUDGE), '  - { id: judge, metric: judge_score, min: 4 }\n', ', mode: strict')
    ).rejects.toThrow(
      /^m\.json, line 12, metrics\[1\]: judge_score has no interval here, and gate 'judge' is strict, which needs one/
    )
    const ok = await run(
      json(TOX, JUDGE),
      '  - { id: judge, metric: judge_score, min: 4, mode: point }\n',
      ', mode: strict'
    )
    expect(check(ok, 'judge')).toMatchObject({ status: 'pass', suite: 'helpfulness', value: 4.1 })
  })

  it('a gate on a metric no artifact declares is a policy error with a suggestion', async () => {
    await expect(run(json(TOX), '  - { id: tox, metric: toxcity_rate, max: 0.01 }\n')).rejects.toThrow(
      /policies\/p\.yml, line \d+, gates\[0\]\.metric: unknown metric 'toxcity_rate'; did you mean 'toxicity_rate'\?/
    )
  })

  it('compare with the baseline and are listed as regressions', async () => {
    const start = files(
      json(TOX, JUDGE),
      '  - { id: tox, metric: toxicity_rate, maxWorsening: 0.001, mode: point }\n'
    )
    const same = await againstBaseline(start, {})
    expect(same.report.baseline?.comparisons).toContainEqual({ kind: 'metrics', comparison: 'identical' })
    expect(check(same.report, 'tox')).toMatchObject({ status: 'pass', change: 0 })
    const worse = { ...TOX, value: 0.03, ci: [0.025, 0.035] }
    const { report } = await againstBaseline(start, { 'm.json': json(worse, JUDGE) })
    const c = check(report, 'tox')
    expect(c).toMatchObject({ status: 'fail', baseline: 0.012 })
    expect(c.change).toBeCloseTo(0.018, 12)
    // Independent normal estimates, each with the standard error its interval implies.
    const sd = Math.hypot(0.009 / (2 * zOf(0.95)), 0.01 / (2 * zOf(0.95)))
    expect(c.changeCi![0]).toBeCloseTo(0.018 - zOf(0.95) * sd, 12)
    expect(report.regressions.map(r => r.metric)).toContain('toxicity_rate')
    // judge_score has no interval: its change is no evidence of a regression.
    expect(report.regressions.map(r => r.metric)).not.toContain('judge_score')
  })

  it('are rendered in the text and the Markdown', async () => {
    const report = await run(json(TOX, JUDGE), '')
    expect(renderText(report, { color: false, verbose: true })).toContain(
      [
        'Metrics from other tools',
        'metric         scope        value [95% CI]',
        'toxicity_rate  overall      0.0120 [0.0080, 0.0170]',
        'judge_score    helpfulness  4.1000'
      ].join('\n')
    )
    const md = renderMarkdown(report)
    expect(md).toContain('<summary>Metrics from other tools (2)</summary>')
    expect(md).toContain('| `toxicity_rate` | overall | 0.012 [0.008, 0.017] | lower |')
  })

  it('name the file, line and problem of a bad metrics file', async () => {
    const bad = (text: string, message: RegExp) => expect(run(text, '')).rejects.toThrow(message)
    await bad(
      '{"metrics": [\n  {"metric": "x", "value": 1,}\n]}',
      /^m\.json, line 2, column \d+: not valid JSON/
    )
    await bad(
      json({ metric: 'x', value: 1 }),
      /^m\.json, line 3, metrics\[0\]\.metric: metric 'x' is not one rai-gate computes, so its direction must be given/
    )
    await bad(
      json({ ...TOX, ci: [0.013, 0.02] }),
      /line 3, metrics\[0\]\.ci: ci \[0\.013, 0\.02\] does not hold the value 0\.012/
    )
    await bad(
      json(TOX, { ...TOX, higherIsBetter: true }),
      /line 12, metrics\[1\]\.higherIsBetter: higherIsBetter true contradicts line 3/
    )
    await bad(json(TOX, TOX), /line 12, metrics\[1\]\.metric: toxicity_rate for this scope is also at line 3/)
    await bad(
      json({ metric: 'accuracy', value: 0.9, higherIsBetter: false }),
      /higherIsBetter false contradicts rai-gate's accuracy, for which higher is better/
    )
    await bad(json({ ...TOX, grup: 'a' }), /m\.json, line 3, metrics\[0\]\.grup: unknown key 'grup'/)
    await bad(json({ ...TOX, group: 'a' }), /metrics\[0\]\.group: a group needs its attribute/)
    await bad(
      json({ metric: 'accuracy', value: 0.9 }),
      /^m\.json, line 3, metrics\[0\]\.metric: accuracy is computed from another artifact of this manifest too/
    )
  })
})
