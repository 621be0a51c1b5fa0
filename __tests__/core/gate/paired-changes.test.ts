/**
 * For every metric a gate can judge a change of, the change the comparison reports is the run's value
 * minus the baseline's, each computed by the engine on its own: on identical data (every change 0),
 * and on a model that changed, paired row by row (predictions and robustness by id, outcomes by case).
 * A paired path that counted its cells another way than the engine does fails here.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { metricKey } from '../../../src/core/metrics/evaluate.js'
import { METRICS, forTask } from '../../../src/core/metrics/registry.js'
import type { Report } from '../../../src/core/report/report.js'
import type { Check } from '../../../src/core/gate/types.js'
import { againstBaseline, manifestYaml, policyYaml } from '../../helpers/check.js'

/** A small deterministic generator (a linear congruential one), so the data are the same every run. */
function lcg(seed: number) {
  let x = seed
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648
}

function files(version: 0 | 1) {
  const r = lcg(11)
  const predictions = ['id,g,label,score,prediction']
  for (let i = 0; i < 240; i++) {
    const g = ['a', 'b', 'c'][i % 3]
    const label = r() < 0.4 ? 1 : 0
    const base = Math.min(0.99, Math.max(0.01, 0.25 + 0.5 * label + (r() - 0.5) * 0.6))
    // The new model moves a third of the scores, more in group c.
    const move = version === 1 && i % 3 !== 1 ? (r() - 0.5) * (g === 'c' ? 0.8 : 0.3) : (r(), 0)
    const score = Math.min(0.99, Math.max(0.01, base + move))
    predictions.push(`r${i},${g},${label},${score.toFixed(4)},${score >= 0.5 ? 1 : 0}`)
  }
  const robustness = ['id,perturbation,label,clean_prediction,prediction']
  for (let i = 0; i < 120; i++) {
    const label = i % 2
    const clean = r() < 0.8 ? label : 1 - label
    const flipped = r() < (version === 1 ? 0.25 : 0.1)
    robustness.push(`r${i},${i % 4 < 2 ? 'noise' : 'typos'},${label},${clean},${flipped ? 1 - clean : clean}`)
  }
  const outcomes = ['id,suite,category,passed']
  for (let i = 0; i < 90; i++)
    outcomes.push(
      `case${i},${i % 2 ? 'jailbreak' : 'toxicity'},${i % 3 ? 'a' : 'b'},${r() < (version === 1 ? 0.8 : 0.9)}`
    )
  return {
    'p.csv': predictions.join('\n') + '\n',
    'r.csv': robustness.join('\n') + '\n',
    'o.csv': outcomes.join('\n') + '\n'
  }
}

/** A gate on the change of every metric that has a better direction, in every scope it has. */
const gates = METRICS.filter(m => m.direction !== 'none' && forTask(m, 'binary-classification')).flatMap(
  m => {
    const g = (id: string, keys = '') =>
      `  - { id: ${id}, metric: ${m.id}, maxWorsening: 1, mode: point${keys} }`
    const out: string[] = []
    if (m.scopes.includes('overall') || m.scopes.includes('robustness')) out.push(g(m.id))
    if (m.scopes.includes('group')) out.push(g(`${m.id}-groups`, ', attributes: [g]'))
    if (m.scopes.includes('attribute')) out.push(g(`${m.id}-attribute`, ', attributes: [g]'))
    if (m.scopes.includes('perturbation')) out.push(g(`${m.id}-perturbations`, ", perturbations: ['*']"))
    if (m.scopes.includes('suite')) out.push(g(`${m.id}-suites`, ", suites: ['*']"))
    return out
  }
)

const FILES = {
  'rai-gate.yml': manifestYaml(`  - { kind: predictions, path: p.csv, columns: { id: id } }
  - { kind: robustness, path: r.csv }
  - { kind: outcomes, path: o.csv }`),
  'policies/p.yml': policyYaml(
    `defaults: { minGroupSize: 10, bootstrap: { resamples: 100 } }\ngates:\n${gates.join('\n')}\n`
  )
}

const judged = (checks: Check[]) => checks.filter(c => c.change !== undefined && c.value !== null)

describe('the change of every metric a gate can judge', () => {
  it('is value − baseline, and 0, on the same rows in another order (paired, not identical)', async () => {
    const same = files(0)
    const reversed = (csv: string) => {
      const [head, ...rows] = csv.trim().split('\n')
      return [head, ...rows.reverse()].join('\n') + '\n'
    }
    const { report } = await againstBaseline(
      { ...FILES, ...same },
      { 'p.csv': reversed(same['p.csv']), 'r.csv': reversed(same['r.csv']), 'o.csv': reversed(same['o.csv']) }
    )
    const checks = judged(report.checks)
    expect(new Set(checks.map(c => c.metric))).toEqual(
      new Set(
        METRICS.filter(m => m.direction !== 'none' && forTask(m, 'binary-classification')).map(m => m.id)
      )
    )
    expect(report.baseline!.comparisons!.map(c => [c.kind, c.comparison])).toEqual([
      ['predictions', 'paired'],
      ['robustness', 'paired'],
      ['outcomes', 'paired']
    ])
    for (const c of checks)
      expect([c.gate, c.metric, c.group, c.change]).toEqual([c.gate, c.metric, c.group, 0])
  })

  it('is value − baseline for a model that changed, metric by metric, the baseline as its own report gave it', async () => {
    const { report, dir } = await againstBaseline({ ...FILES, ...files(0) }, files(1))
    // The baseline's own values, as the baseline run computed and recorded them.
    const own = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as Report
    const before = new Map(own.metrics.map(m => [metricKey(m), m.value]))
    const checks = judged(report.checks)
    expect(checks.length).toBeGreaterThan(40)
    expect(new Set(checks.filter(c => Math.abs(c.change!) > 1e-9).map(c => c.metric)).size).toBeGreaterThan(
      25
    )
    for (const c of checks) {
      const b = before.get(metricKey(c))!
      expect([c.gate, metricKey(c), c.baseline, c.change]).toEqual([
        c.gate,
        metricKey(c),
        expect.closeTo(b, 9),
        expect.closeTo(c.value! - b, 9)
      ])
    }
  })

  it('is right on a case computed by hand', async () => {
    // Labels 1 0 1 0. Before: predictions 1 1 0 0 (accuracy 1/2, tpr 1/2, fpr 1/2);
    // now: 1 0 0 0 (accuracy 3/4, tpr 1/2, fpr 0, precision 1 from 1/2).
    const csv = (p: number[]) =>
      'id,g,label,score,prediction\n' +
      [1, 0, 1, 0].map((y, i) => `r${i},a,${y},${p[i] ? 0.9 : 0.1},${p[i]}`).join('\n') +
      '\n'
    const files = {
      'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv, columns: { id: id } }'),
      'policies/p.yml': policyYaml(
        `defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }\ngates:\n${['accuracy', 'tpr', 'fpr', 'precision'].map(m => `  - { id: ${m}, metric: ${m}, maxWorsening: 1, mode: point }`).join('\n')}\n`
      ),
      'p.csv': csv([1, 1, 0, 0])
    }
    const { report } = await againstBaseline(files, { 'p.csv': csv([1, 0, 0, 0]) })
    const change = (gate: string) => report.checks.find(c => c.gate === gate)!
    expect(change('accuracy')).toMatchObject({ comparison: 'paired', baseline: 0.5, change: 0.25 })
    expect(change('tpr')).toMatchObject({ baseline: 0.5, change: 0 })
    expect(change('fpr')).toMatchObject({ baseline: 0.5, change: -0.5 })
    expect(change('precision')).toMatchObject({ baseline: 0.5, change: 0.5 })
  })
})
