/** What a rendering lists of a long report: each gate's worst checks, and every check counted. */
import { describe, expect, it } from '@jest/globals'
import type { Check } from '../../../src/core/gate/types.js'
import type { MetricResult } from '../../../src/core/metrics/evaluate.js'
import { checksToList, groupsToList } from '../../../src/core/report/select.js'
import { renderText } from '../../../src/core/report/text.js'
import { someOf } from '../../../src/core/words.js'
import { checkFiles, manifestYaml, policyYaml } from '../../helpers/check.js'

const check = (
  gate: string,
  group: string,
  status: Check['status'],
  value: number | null,
  ci?: [number, number]
): Check => ({
  gate,
  metric: 'selection_rate',
  attribute: 'g',
  group,
  status,
  severity: 'block',
  effect: status === 'fail' ? 'block' : 'none',
  value,
  ci: ci ?? null,
  threshold: { max: 0.5 },
  mode: 'point',
  reason: ''
})

describe('checksToList', () => {
  it('keeps every check, in the report order, while a gate has at most `per`', () => {
    const cs = [check('a', 'x', 'pass', 0.1), check('b', 'y', 'fail', 0.9), check('a', 'z', 'fail', 0.7)]
    expect(checksToList(cs, cs, 2)).toEqual({ rows: [cs[0], cs[2], cs[1]], summaries: [] })
  })

  it("lists a long gate's worst: status first, then how far beyond, then the surer interval", () => {
    const all = [
      check('sel', 'p', 'pass', 0.2),
      check('sel', 'i', 'insufficient', 0.99),
      check('sel', 'f1', 'fail', 0.6),
      check('sel', 'f2', 'fail', 0.9, [0.6, 1]),
      check('sel', 'm', 'missing', null),
      check('sel', 'f3', 'fail', 0.9, [0.8, 1]),
      check('other', 'o', 'fail', 0.7)
    ]
    const { rows, summaries } = checksToList(
      all.filter(c => c.status !== 'pass'),
      all,
      3
    )
    expect(rows.map(c => c.group)).toEqual(['f3', 'f2', 'f1', 'o'])
    expect(summaries).toEqual([
      {
        gate: 'sel',
        metric: 'selection_rate',
        counts: [
          ['fail', 3],
          ['missing', 1],
          ['insufficient', 1],
          ['pass', 1]
        ],
        total: 6,
        shown: 5,
        listed: 3
      }
    ])
  })
})

describe('groupsToList', () => {
  const count = (group: string, value: number) =>
    ({ metric: 'count', attribute: 'g', group, value, ci: null, n: value }) as unknown as MetricResult
  const metrics = [count('a', 5), count('b', 50), count('c', 20), count('d', 40)]

  it('lists every group up to the limit, in the report order, and the largest past it', () => {
    expect(groupsToList(metrics, 'g', 4)).toEqual({ groups: ['a', 'b', 'c', 'd'], of: 4 })
    expect(groupsToList(metrics, 'g', 2)).toEqual({ groups: ['b', 'd'], of: 4 })
  })
})

describe('someOf', () => {
  it('names up to the limit and counts the rest', () => {
    expect(someOf(['a', 'b', 'c'], 3)).toBe('a, b, c')
    expect(someOf(['a', 'b', 'c', ...Array.from({ length: 1500 }, String)], 2)).toBe('a, b and 1,501 more')
  })
})

describe('a gate over many groups in the text rendering and in reasons', () => {
  it('summarises the gate, lists its worst, and names at most 10 small groups in a reason', async () => {
    // 200 groups of one row each but two of 40 rows; selection is 1 in the odd-numbered groups.
    const rows = Array.from({ length: 200 }, (_, i) => `g${i},${i % 2},${i % 2 ? 0.9 : 0.1}`)
    for (let i = 0; i < 40; i++) rows.push(`big1,${i % 2},0.9`, `big2,${i % 2},0.1`)
    const report = await checkFiles({
      'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
      'p.csv': ['g,label,score', ...rows].join('\n') + '\n',
      'policies/p.yml': policyYaml(
        'defaults: { minGroupSize: 30, bootstrap: { resamples: 100 } }\ngates:\n  - { id: sel, metric: selection_rate, attributes: [g], max: 0.5 }\n  - { id: dp, metric: demographic_parity_difference, attributes: [g], max: 2 }\n'
      )
    })
    const text = renderText(report, { color: false, verbose: true })
    expect(text).toContain(
      'sel (selection_rate): 202 checks (1 fail, 200 insufficient, 1 pass); the 20 worst of 201 are listed'
    )
    expect(text.split('\n').filter(l => /^(FAIL|INSUFFICIENT) +sel /.test(l))).toHaveLength(20)
    expect(text).toMatch(/^FAIL +sel · g \/ big1$/m)
    expect(text).toContain('Groups of g: the 50 largest of 202')
    const dp = report.checks.find(c => c.gate === 'dp')!
    expect(dp.status).toBe('insufficient')
    expect(dp.insufficientGroups).toHaveLength(200)
    expect(dp.reason).toContain('g9 (1) and 190 more have fewer than 30 rows')
  })
})
