/** Gates end to end through check(): statuses, effects, waivers, requirements and the decision. */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { check } from '../../../src/core/check.js'
import { headingsOf } from '../../../src/core/gate/requirements.js'
import type { Check } from '../../../src/core/gate/types.js'
import { renderJunit } from '../../../src/core/report/junit.js'
import { renderMarkdown } from '../../../src/core/report/markdown.js'
import { renderText } from '../../../src/core/report/text.js'
import { manifestYaml, policyYaml, workspace } from '../../helpers/check.js'
import { expectValidReport } from '../../helpers/report-schema.js'

// Group a (4 rows): selection rate 0.75; group b (4 rows): 0.25; group c (2 rows): 0.5.
const CSV =
  'g,label,score,prediction\na,1,0.9,1\na,0,0.8,1\na,1,0.7,1\na,0,0.2,0\nb,1,0.6,1\nb,0,0.4,0\nb,1,0.3,0\nb,0,0.1,0\nc,1,0.9,1\nc,0,0.3,0\n'
const NOW = new Date('2026-11-27T12:00:00Z')

async function run(
  policy: string,
  extraFiles: Record<string, string> = {},
  manifestExtra = 'sensitiveAttributes: [g]'
) {
  const dir = workspace({
    'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }', manifestExtra),
    'p.csv': CSV,
    'policies/p.yml': policyYaml(policy),
    ...extraFiles
  })
  const report = await check({
    manifest: join(dir, 'rai-gate.yml'),
    policy: join(dir, 'policies'),
    cwd: dir,
    workspace: dir,
    now: NOW
  })
  expectValidReport(report)
  return report
}
const only = (checks: Check[], gate: string) => checks.filter(c => c.gate === gate)

describe('gate checks', () => {
  it('expands a disparity gate per attribute and fails a blocking breach', async () => {
    const r = await run(`defaults: { minGroupSize: 2, bootstrap: { resamples: 200 } }
gates:
  - { id: dp, metric: demographic_parity_difference, max: 0.3 }
`)
    expect(only(r.checks, 'dp')).toMatchObject([
      { attribute: 'g', status: 'fail', effect: 'block', value: 0.5, threshold: { max: 0.3 }, mode: 'point' }
    ])
    expect(r.decision).toBe('fail')
  })

  it('turns a breach of a warn gate into warn', async () => {
    const r = await run(`defaults: { minGroupSize: 2, bootstrap: { resamples: 200 } }
gates:
  - { id: dp, metric: demographic_parity_difference, max: 0.3, severity: warn }
`)
    expect(only(r.checks, 'dp')[0]).toMatchObject({ status: 'warn', effect: 'warn' })
    expect(r.decision).toBe('warn')
  })

  it('expands a group metric per group, and marks a small group insufficient per insufficientData', async () => {
    const policy = (
      mode: string
    ) => `defaults: { minGroupSize: 3, insufficientData: ${mode}, bootstrap: { resamples: 200 } }
gates:
  - { id: sel, metric: selection_rate, attributes: [g], max: 0.9 }
`
    const fail = await run(policy('fail'))
    expect(only(fail.checks, 'sel').map(c => [c.group, c.status, c.effect])).toEqual([
      ['a', 'pass', 'none'],
      ['b', 'pass', 'none'],
      ['c', 'insufficient', 'block']
    ])
    expect(only(fail.checks, 'sel')[2]).toMatchObject({
      reason: "group 'c' has 2 rows, fewer than 3 rows",
      insufficientGroups: [{ attribute: 'g', group: 'c', n: 2 }]
    })
    expect(fail.decision).toBe('fail')
    expect((await run(policy('warn'))).decision).toBe('warn')
    const ignore = await run(policy('ignore'))
    expect(only(ignore.checks, 'sel')[2]).toMatchObject({ status: 'insufficient', effect: 'none' })
    expect(ignore.decision).toBe('pass')
  })

  it('lets a breach among the eligible groups take precedence over insufficient', async () => {
    const r = await run(`defaults: { minGroupSize: 3, insufficientData: warn, bootstrap: { resamples: 200 } }
gates:
  - { id: dp, metric: demographic_parity_difference, max: 0.3 }
  - { id: dp-loose, metric: demographic_parity_difference, max: 0.9 }
`)
    expect(only(r.checks, 'dp')[0]).toMatchObject({
      status: 'fail',
      insufficientGroups: [{ group: 'c', n: 2 }]
    })
    expect(only(r.checks, 'dp-loose')[0]).toMatchObject({ status: 'insufficient', effect: 'warn' })
    expect(only(r.checks, 'dp-loose')[0].reason).toMatch(
      /over the eligible groups, but c \(2\) has fewer than 3 rows/
    )
  })

  it('takes a disparity without two groups large enough as insufficient, by its status and never its words', async () => {
    const r = await run(`defaults: { minGroupSize: 5, insufficientData: warn, bootstrap: { resamples: 100 } }
gates:
  - { id: dp, metric: demographic_parity_difference, max: 0.1 }
`)
    const metric = r.metrics.find(m => m.metric === 'demographic_parity_difference')!
    expect(metric).toMatchObject({ value: null, status: 'insufficient' })
    expect(only(r.checks, 'dp')).toMatchObject([
      { status: 'insufficient', effect: 'warn', reason: 'fewer than two groups have at least 5 rows' }
    ])
    expect(r.decision).toBe('warn')
  })

  it('reports a metric that cannot be computed as missing, a breach', async () => {
    const r = await run(`gates:
  - { id: drop, metric: accuracy_drop, perturbations: ['*'], max: 0.02 }
  - { id: race, metric: demographic_parity_difference, attributes: [race], max: 0.1, severity: warn }
`)
    expect(only(r.checks, 'drop')).toMatchObject([
      {
        status: 'missing',
        effect: 'block',
        reason: 'accuracy_drop could not be computed: the run has no robustness values for it'
      }
    ])
    expect(only(r.checks, 'race')).toMatchObject([
      {
        attribute: 'race',
        status: 'missing',
        effect: 'warn',
        reason: "no demographic_parity_difference for attribute 'race' in this run"
      }
    ])
    expect(r.decision).toBe('fail')
  })

  it('judges the modes on the interval', async () => {
    const r = await run(`defaults: { minGroupSize: 2, bootstrap: { resamples: 500 } }
gates:
  - { id: strict, metric: accuracy, min: 0.65, mode: strict }
  - { id: lenient, metric: accuracy, min: 0.75, mode: lenient }
`)
    // Accuracy 0.8 on 10 rows: the interval reaches below 0.65, and does not lie wholly below 0.75.
    expect(only(r.checks, 'strict')[0]).toMatchObject({ value: 0.8, status: 'fail' })
    expect(only(r.checks, 'lenient')[0]).toMatchObject({ status: 'inconclusive', effect: 'none' })
  })

  it('widens the intervals of lenient and point checks with a Bonferroni correction, never strict ones', async () => {
    const policy = (
      mc: string
    ) => `defaults: { minGroupSize: 2, multipleComparisons: ${mc}, mode: lenient, bootstrap: { resamples: 500 } }
gates:
  - { id: acc, metric: accuracy, min: 0.1 }
  - { id: sel, metric: selection_rate, attributes: [g], max: 1, mode: point }
  - { id: strict, metric: precision, min: 0.1, mode: strict }
`
    const [plain, corrected] = await Promise.all([run(policy('none')), run(policy('bonferroni'))])
    // acc (1 lenient check) and sel (3 point checks): 4 checks; the strict one is not counted.
    expect(corrected.multipleComparisons).toEqual({
      method: 'bonferroni',
      checks: 4,
      confidence: 1 - 0.05 / 4
    })
    const width = (r: typeof plain, gate: string) => {
      const c = only(r.checks, gate)[0].ci!
      return c[1] - c[0]
    }
    expect(width(corrected, 'acc')).toBeGreaterThan(width(plain, 'acc'))
    expect(only(corrected.checks, 'acc')[0].confidence).toBeCloseTo(1 - 0.05 / 4, 12)
    // A strict check is already capped by its own level: the correction would only add false fails.
    expect(width(corrected, 'strict')).toBe(width(plain, 'strict'))
    expect(only(corrected.checks, 'strict')[0].confidence).toBe(0.95)
    // The report's metrics stay at the policy's level.
    expect(corrected.metrics).toEqual(plain.metrics)
  })

  it("names both groups that decide a disparity's check, and the rows each would need", async () => {
    const r = await run(`defaults: { minGroupSize: 2, bootstrap: { resamples: 500 } }
gates:
  - { id: dp, metric: demographic_parity_difference, max: 0.6, mode: strict }
`)
    const c = only(r.checks, 'dp')[0]
    // 0.75 − 0.25 = 0.5 on 10 rows: the interval reaches far above 0.6.
    expect(c.value).toBeCloseTo(0.5, 12)
    // To decide with 80% probability the spread must fall to margin / (z + z₀.₈): both groups grow
    // by ((h / margin)·(z + z₀.₈) / z)², with z = 1.959964 and z₀.₈ = 0.841621 (SciPy).
    const f = (((c.ci![1] - c.value!) / (0.6 - c.value!)) * (2.801585 / 1.959964)) ** 2
    expect(c.inconclusive).toMatchObject({ attribute: 'g', group: 'b', probability: 0.8 })
    expect(c.inconclusive!.groups).toEqual([
      { group: 'b', rows: Math.ceil(4 * f) },
      { group: 'a', rows: Math.ceil(4 * f) }
    ])
    expect(c.inconclusive!.rowsNeeded).toBe(Math.ceil(4 * f))
    expect(c.reason).toMatch(
      /rows in group 'b' and \d+ in group 'a' would decide it with 80% probability, if the estimate holds\); /
    )
    // The groups that decide it, by hand: selection rates a 3/4, b 1/4, c 1/2; 4, 4 and 2 rows, all
    // fewer than 3 × minGroupSize (6).
    expect(c.groups).toEqual({
      metric: 'selection_rate',
      lowest: { group: 'b', value: 0.25, n: 4, small: true },
      highest: { group: 'a', value: 0.75, n: 4, small: true }
    })
    expect(c.reason).toMatch(
      /; selection_rate is lowest in 'b' \(0\.25, 4 rows, few\) and highest in 'a' \(0\.75, 4 rows, few\)$/
    )
  })

  it('names the rate and the groups that decide a disparity, in its reason only when it does not pass', async () => {
    const r = await run(`defaults: { minGroupSize: 2, bootstrap: { resamples: 200 }, mode: point }
gates:
  - { id: eo, metric: equalized_odds_ratio, min: 0.8 }
  - { id: dp, metric: demographic_parity_difference, max: 0.9 }
`)
    // By hand: tpr a 2/2, b 1/2, c 1/1 (ratio 0.5); fpr a 1/2, b 0/2, c 0/1 (ratio 0): fpr decides,
    // lowest in b (the first of b and c at 0), highest in a.
    const eo = only(r.checks, 'eo')[0]
    expect(eo.status).toBe('fail')
    expect(eo.groups).toEqual({
      metric: 'fpr',
      lowest: { group: 'b', value: 0, n: 4, small: true },
      highest: { group: 'a', value: 0.5, n: 4, small: true }
    })
    expect(eo.reason).toBe(
      "0 is below the minimum 0.8; fpr is lowest in 'b' (0, 4 rows, few) and highest in 'a' (0.5, 4 rows, few)"
    )
    const dp = only(r.checks, 'dp')[0]
    expect(dp.status).toBe('pass')
    expect(dp.groups).toMatchObject({
      metric: 'selection_rate',
      lowest: { group: 'b' },
      highest: { group: 'a' }
    })
    expect(dp.reason).not.toMatch(/lowest/)
    // The comment, the terminal and JUnit name them with the reason.
    expect(renderMarkdown(r)).toContain("fpr is lowest in 'b' (0, 4 rows, few) and highest in 'a'")
    expect(renderText(r, { color: false })).toContain("fpr is lowest in 'b' (0, 4 rows, few)")
    expect(renderJunit(r, 'block')).toContain("fpr is lowest in 'b' (0, 4 rows, few)")
  })

  it('says when the interval cannot decide a strict check, and how many rows would', async () => {
    const r = await run(`defaults: { minGroupSize: 2, bootstrap: { resamples: 500 } }
gates:
  - { id: strict, metric: accuracy, min: 0.65, mode: strict }
`)
    const c = only(r.checks, 'strict')[0]
    // Accuracy 0.8 on 10 rows: the Clopper–Pearson interval [0.444, 0.975] holds 0.65.
    expect(c.status).toBe('fail')
    expect(c.inconclusive).toBeDefined()
    expect(c.inconclusive!.margin).toBeCloseTo(0.15, 12)
    // Half-width on the threshold's side 0.8 − 0.444 = 0.356: to decide with 80% probability,
    // ((0.356 / 0.15)·(1.96 + 0.8416) / 1.96)² · 10 ≈ 115 rows (at the half-width alone, 56: half the time).
    expect(c.inconclusive!.rowsNeeded).toBeGreaterThan(110)
    expect(c.inconclusive!.rowsNeeded).toBeLessThan(120)
    expect(c.reason).toMatch(
      /not shown to be within it \(not enough evidence either way: about 1[12]0 rows would decide it with 80% probability, if the estimate holds\)$/
    )
  })
  it('gives a lenient check whose interval holds its threshold its own status, which does not block', async () => {
    const r = await run(`defaults: { minGroupSize: 2, bootstrap: { resamples: 500 } }
gates:
  - { id: lenient, metric: accuracy, min: 0.65, mode: lenient }
  - { id: decided, metric: accuracy, min: 0.3, mode: lenient }
`)
    // The same interval [0.444, 0.975]: it holds 0.65, and lies wholly above 0.3.
    const [open, decided] = [only(r.checks, 'lenient')[0], only(r.checks, 'decided')[0]]
    expect([open.status, open.effect]).toEqual(['inconclusive', 'none'])
    expect(open.inconclusive!.margin).toBeCloseTo(0.15, 12)
    expect([decided.status, decided.inconclusive]).toEqual(['pass', undefined])
    expect(r.decision).toBe('pass')
    // Counted as its own, not as a pass, in the comment, the terminal and JUnit.
    expect(renderMarkdown(r)).toMatch(/\*\*0 blocking\*\* · 0 warning · 0 waived · 1 passed · 1 inconclusive/)
    expect(renderMarkdown(r)).toMatch(/\| 🔘 \|[^\n]*lenient/)
    expect(renderText(r, { color: false })).toMatch(/1 inconclusive, 1 pass|1 pass, 1 inconclusive/)
    expect(renderJunit(r, 'block')).toMatch(/<testcase name="lenient"[^>]*><skipped>inconclusive: /)
  })
})

describe('waivers in checks', () => {
  const gates = (expires: string) => `defaults: { minGroupSize: 2, bootstrap: { resamples: 200 } }
gates:
  - { id: dp, metric: demographic_parity_difference, max: 0.3 }
waivers:
  - { gate: dp, models: ['m*'], reason: Fix ships in 2.4 (RAI-123), approvedBy: rai-board, expires: '${expires}' }
`
  it('turn a breach into waived, reported and not blocking', async () => {
    const r = await run(gates('2026-11-27'))
    expect(only(r.checks, 'dp')[0]).toMatchObject({
      status: 'waived',
      effect: 'none',
      waiver: { approvedBy: 'rai-board', expired: false }
    })
    expect(r.decision).toBe('pass')
    expect(r.waivers).toEqual([
      {
        gate: 'dp',
        reason: 'Fix ships in 2.4 (RAI-123)',
        approvedBy: 'rai-board',
        expires: '2026-11-27',
        expired: false
      }
    ])
  })

  it('have no effect once expired, and say so', async () => {
    const r = await run(gates('2026-11-26'))
    expect(only(r.checks, 'dp')[0]).toMatchObject({ status: 'fail', waiver: { expired: true } })
    expect(only(r.checks, 'dp')[0].reason).toMatch(/waiver expired on 2026-11-26/)
    expect(r.decision).toBe('fail')
  })
  it('waive only the attributes and groups they name', async () => {
    // Selection rates: a 0.75 and c 0.5 breach the maximum 0.4; b 0.25 does not.
    const r = await run(`defaults: { minGroupSize: 2, bootstrap: { resamples: 200 } }
gates:
  - { id: sel, metric: selection_rate, attributes: [g], max: 0.4 }
waivers:
  - { gate: sel, groups: [a], reason: Known gap (RAI-9), approvedBy: rai-board, expires: '2027-01-01' }
  - { gate: sel, attributes: [other], reason: Not this attribute, approvedBy: rai-board, expires: '2027-01-01' }
`)
    const by = (g: string) => only(r.checks, 'sel').find(c => c.group === g)!
    expect(by('a')).toMatchObject({ status: 'waived', waiver: { groups: ['a'] } })
    expect(by('c')).toMatchObject({ status: 'fail' })
    expect(by('c').waiver).toBeUndefined()
    expect(r.waivers).toEqual([
      {
        gate: 'sel',
        reason: 'Known gap (RAI-9)',
        approvedBy: 'rai-board',
        expires: '2027-01-01',
        expired: false,
        groups: ['a']
      }
    ])
  })

  it('hold up to their limit, and a value beyond it fails as if unwaived', async () => {
    // Parity difference 0.75 − 0.25 = 0.5 against a maximum of 0.3.
    const waived = (limit: number) => `defaults: { minGroupSize: 2, bootstrap: { resamples: 200 } }
gates:
  - { id: dp, metric: demographic_parity_difference, max: 0.3 }
waivers:
  - { gate: dp, limit: ${limit}, reason: Up to ${limit} until 2.4, approvedBy: rai-board, expires: '2027-01-01' }
`
    expect(only((await run(waived(0.6))).checks, 'dp')[0]).toMatchObject({
      status: 'waived',
      waiver: { limit: 0.6 }
    })
    const beyond = only((await run(waived(0.4))).checks, 'dp')[0]
    expect(beyond).toMatchObject({ status: 'fail', effect: 'block' })
    expect(beyond.reason).toMatch(/; the waiver by rai-board holds up to 0\.4, and the value is beyond it$/)
  })

  it('must expire when a policy of the chain says so, and a file that extends it cannot undo that', async () => {
    const base = `defaults: { minGroupSize: 2 }
waiverRules: { requireExpiry: true }
gates:
  - { id: dp, metric: demographic_parity_difference, max: 0.3 }
`
    const child = `apiVersion: rai-gate/v1
kind: Policy
name: child
version: 1.0.0
tier: medium
extends: ./base.yml
waiverRules: { requireExpiry: false }
waivers:
  - { gate: dp, reason: Forever, approvedBy: someone }
`
    await expect(
      run('gates: []', {
        'policies/p.yml': child,
        'policies/base.yml': policyYaml(base).replace('tier: medium', 'tier: base')
      })
    ).rejects.toThrow(
      /policies\/p\.yml, line 9, waivers\[0\]: waiver for gate 'dp' has no expires; expected a day \(YYYY-MM-DD\), since policies\/base\.yml sets waiverRules\.requireExpiry/
    )
  })
})

describe('requirements', () => {
  const policy = `requires:
  artifacts: [predictions, robustness]
  documents: [{ doc: modelCard, sections: [Intended use, Limitations] }]
`
  it('fail on an absent artifact kind and on a missing section', async () => {
    const r = await run(
      policy,
      { 'MODEL_CARD.md': '# Card\n\n## Intended use\n\ntext\n' },
      'sensitiveAttributes: [g]\ndocuments: { modelCard: MODEL_CARD.md }'
    )
    expect(r.checks.map(c => [c.gate, c.status])).toEqual([
      ['requires.artifacts.predictions', 'pass'],
      ['requires.artifacts.robustness', 'fail'],
      ['requires.documents.modelCard', 'fail']
    ])
    expect(r.checks[2].reason).toBe("document 'modelCard' (MODEL_CARD.md) lacks the section 'Limitations'")
  })

  it('pass when the document has every section (headings of any level, any case)', async () => {
    const r = await run(
      policy.replace(', robustness', ''),
      { 'MODEL_CARD.md': '# Intended Use\n### limitations ###\n' },
      'sensitiveAttributes: [g]\ndocuments: { modelCard: MODEL_CARD.md }'
    )
    expect(r.decision).toBe('pass')
  })

  it('read ATX headings as CommonMark does, one line at a time', () => {
    const doc = [
      '# Intended  Use',
      '   ## Limitations ##',
      '####### seven is not a heading',
      '#no space is not a heading',
      '#\nnext line is not this heading',
      '## C# and F# #',
      '## ends with #hash',
      '### crlf\r',
      '    # four spaces is code'
    ].join('\n')
    expect([...headingsOf(doc)]).toEqual([
      'intended use',
      'limitations',
      'c# and f#',
      'ends with #hash',
      'crlf'
    ])
  })

  it('read a heading built to make a regular expression backtrack in linear time', () => {
    const line = '# a' + ' '.repeat(200_000) + 'x'
    const started = performance.now()
    expect([...headingsOf(`${line}\n${line}`)]).toEqual(['a x'])
    // The RegExp took 8 s on 3,000 spaces; this is 130 times as many (twice).
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('fail when the manifest does not name the document', async () => {
    const r = await run(policy.replace(', robustness', ''))
    expect(r.checks[1].reason).toBe(
      "the policy requires the document 'modelCard' and the manifest's documents do not name it"
    )
  })
})
