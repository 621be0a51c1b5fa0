/**
 * The regression task (SPEC §2b) on real data: the diabetes fixture's reference values, computed by
 * scikit-learn 1.2 (scripts/reference/diabetes.py), reproduced to 1e-9 through the reader and the
 * engine, weighted and unweighted; hand-computed small cases for the intervals; and the reader's
 * errors.
 */
import { describe, expect, it, beforeAll } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { check } from '../../../src/core/check.js'
import type { MetricResult } from '../../../src/core/metrics/evaluate.js'
import type { Report } from '../../../src/core/report/report.js'
import { againstBaseline, policyYaml, workspace } from '../../helpers/check.js'
import { expectValidReport } from '../../helpers/report-schema.js'

const DIABETES = join(import.meta.dirname, '../../../__fixtures__/diabetes')
interface Metrics {
  overall: Record<string, number>
  groups: Record<string, Record<string, Record<string, number>>>
  disparities: Record<string, Record<string, number>>
}
const expected: { unweighted: Metrics; weighted: Metrics } = JSON.parse(
  readFileSync(join(DIABETES, 'expected.json'), 'utf8')
)

const manifest = (columns = '', path = join(DIABETES, 'predictions.csv')) => `apiVersion: rai-gate/v1
kind: Evaluation
model: { name: diabetes-ols, version: 1 }
riskTier: medium
task: regression
sensitiveAttributes: [sex, age_band]
artifacts:
  - { kind: predictions, path: ${path}${columns} }
`
const POLICY = policyYaml(`task: regression
defaults: { minGroupSize: 30 }
gates:
  - { id: error.mae, metric: mae, max: 80 }
`)

async function run(
  manifestYaml: string,
  policy = POLICY,
  files: Record<string, string> = {}
): Promise<Report> {
  const dir = workspace({ 'rai-gate.yml': manifestYaml, 'policies/medium.yml': policy, ...files })
  return check({
    manifest: join(dir, 'rai-gate.yml'),
    policy: join(dir, 'policies'),
    cwd: dir,
    workspace: '/'
  })
}

const find = (metrics: MetricResult[], metric: string, scope: { attribute?: string; group?: string } = {}) =>
  metrics.find(m => m.metric === metric && m.attribute === scope.attribute && m.group === scope.group)

describe.each([
  ['unweighted', ''],
  ['weighted', ', columns: { weight: weight }']
] as const)('the diabetes fixture (%s) against scikit-learn', (which, columns) => {
  let report: Report
  beforeAll(async () => {
    report = await run(manifest(columns))
  })
  const ref = expected[which]

  it('gives a valid report with every metric of §2b', () => {
    expectValidReport(report)
    const ids = new Set(report.metrics.map(m => m.metric))
    for (const id of [
      'mae',
      'rmse',
      'r2',
      'mean_label',
      'mean_prediction',
      'mean_residual',
      'interval_coverage'
    ])
      expect(ids).toContain(id)
  })

  it('reproduces the overall values to 1e-9', () => {
    for (const [metric, value] of Object.entries(ref.overall))
      expect(find(report.metrics, metric)?.value).toBeCloseTo(value, 9)
  })

  it('reproduces every group value to 1e-9', () => {
    let checked = 0
    for (const [attribute, groups] of Object.entries(ref.groups))
      for (const [group, values] of Object.entries(groups))
        for (const [metric, value] of Object.entries(values)) {
          expect([
            metric,
            attribute,
            group,
            find(report.metrics, metric, { attribute, group })?.value
          ]).toEqual([metric, attribute, group, expect.closeTo(value, 9)])
          checked++
        }
    expect(checked).toBe(5 * 6)
  })

  it('reproduces every difference and ratio to 1e-9', () => {
    for (const [attribute, values] of Object.entries(ref.disparities))
      for (const [metric, value] of Object.entries(values))
        expect(find(report.metrics, metric, { attribute })?.value).toBeCloseTo(value, 9)
  })

  it('gives every estimate an analytic interval that holds it, named in the report', () => {
    for (const m of report.metrics) {
      if (m.metric === 'count' || m.value === null) continue
      expect([m.metric, m.attribute, m.ci]).toEqual([m.metric, m.attribute, expect.any(Array)])
      expect(m.ci![0]).toBeLessThanOrEqual(m.value)
      expect(m.ci![1]).toBeGreaterThanOrEqual(m.value)
      expect(m.method).not.toBe('bootstrap')
    }
  })
})

describe('regression intervals on small cases worked by hand', () => {
  // Student's t quantile at 0.975 with 2 degrees of freedom, in closed form: (2p − 1) / √(2p(1 − p)).
  const T2 = 0.95 / Math.sqrt(2 * 0.975 * 0.025)
  // Residuals −1, 1, 3 (predictions 1, 3, 5 against labels 2, 2, 2).
  const rows = 'label,prediction,g\n2,1,a\n2,3,a\n2,5,a\n'
  let report: Report
  beforeAll(async () => {
    const dir = workspace({
      'rai-gate.yml': `apiVersion: rai-gate/v1
kind: Evaluation
model: { name: m, version: 1 }
riskTier: medium
task: regression
sensitiveAttributes: [g]
artifacts:
  - { kind: predictions, path: p.csv }
`,
      'p.csv': rows,
      'policies/medium.yml': policyYaml('task: regression\ndefaults: { minGroupSize: 1 }\n')
    })
    report = await check({
      manifest: join(dir, 'rai-gate.yml'),
      policy: join(dir, 'policies'),
      cwd: dir,
      workspace: '/'
    })
  })

  it('mean_residual: 1 ± t(0.975, 2)·s/√3 with s = 2', () => {
    const m = find(report.metrics, 'mean_residual')!
    const half = (T2 * 2) / Math.sqrt(3)
    expect(m.value).toBeCloseTo(1, 12)
    expect(m.ci![0]).toBeCloseTo(1 - half, 9)
    expect(m.ci![1]).toBeCloseTo(1 + half, 9)
  })

  it('mae: 5/3, on the log scale with se = sd(|r|)/√3 (|r| = 1, 1, 3: sd 2/√3)', () => {
    const m = find(report.metrics, 'mae')!
    const se = 2 / Math.sqrt(3) / Math.sqrt(3)
    const spread = Math.exp((T2 * se) / (5 / 3))
    expect(m.value).toBeCloseTo(5 / 3, 12)
    expect(m.ci![0]).toBeCloseTo(5 / 3 / spread, 9)
    expect(m.ci![1]).toBeCloseTo((5 / 3) * spread, 9)
  })

  it("rmse: √(11/3), from the log of the MSE, its variance floored at normal errors' 2·MSE²", () => {
    // r² = 1, 1, 9: E r⁴ − MSE² = 83/3 − 121/9 = 14.2, below 2·MSE² = 26.9, which is taken; so
    // se = √(2·MSE² / (3 − 1)) = MSE, and the log-scale half-width is t·se/MSE = t.
    const m = find(report.metrics, 'rmse')!
    expect(m.value).toBeCloseTo(Math.sqrt(11 / 3), 12)
    expect(m.ci![0]).toBeCloseTo(Math.sqrt(11 / 3 / Math.exp(T2)), 9)
    expect(m.ci![1]).toBeCloseTo(Math.sqrt((11 / 3) * Math.exp(T2)), 9)
  })

  it('r2 of constant labels is 0 when a prediction is wrong (scikit-learn), with no interval', () => {
    const m = find(report.metrics, 'r2')!
    expect(m.value).toBe(0)
    expect(m.ci).toBeNull()
  })
})

describe('regression policies and input errors', () => {
  it('a regression manifest needs a regression policy, and says which task it looked for', async () => {
    await expect(run(manifest(), policyYaml('gates: []\n'))).rejects.toThrow(
      /no policy for risk tier 'medium' and task regression|policy is for task 'binary-classification', but the manifest's task is regression/
    )
  })

  it("a policy naming another task's metric is an error that says so", async () => {
    await expect(
      run(manifest(), policyYaml('task: regression\ngates:\n  - { id: x, metric: ece, max: 0.1 }\n'))
    ).rejects.toThrow(
      /ece is a metric of binary-classification models, and this policy gates regression models/
    )
  })

  it('a non-numeric label names the file, line and value', async () => {
    const dir = { 'p.csv': 'label,prediction,sex,age_band\n1,2,a,b\nhigh,2,a,b\n' }
    await expect(run(manifest('', 'p.csv'), POLICY, dir)).rejects.toThrow(
      /p\.csv.*line 3.*label 'high' is not a finite number/s
    )
  })

  it('an interval with only one end is an error', async () => {
    const dir = { 'p.csv': 'label,prediction,lower,sex,age_band\n1,2,0,a,b\n' }
    await expect(run(manifest('', 'p.csv'), POLICY, dir)).rejects.toThrow(/no 'upper' column/)
  })

  it('lower above upper is an error naming the row', async () => {
    const dir = { 'p.csv': 'label,prediction,lower,upper,sex,age_band\n1,2,0,3,a,b\n1,2,3,0,a,b\n' }
    await expect(run(manifest('', 'p.csv'), POLICY, dir)).rejects.toThrow(
      /line 3.*lower '3' is above upper '0'/s
    )
  })

  it('reads the same rows from JSON Lines with the same values', async () => {
    const csv = readFileSync(join(DIABETES, 'predictions.csv'), 'utf8').trim().split('\n')
    const head = csv[0].split(',')
    const jsonl = csv
      .slice(1)
      .map(line => {
        const f = line.split(',')
        return JSON.stringify(
          Object.fromEntries(head.map((h, i) => [h, ['sex', 'age_band'].includes(h) ? f[i] : Number(f[i])]))
        )
      })
      .join('\n')
    const fromCsv = await run(manifest())
    const fromJsonl = await run(manifest('', 'p.jsonl'), POLICY, { 'p.jsonl': jsonl })
    expect(fromJsonl.metrics.map(m => [m.metric, m.value])).toEqual(
      fromCsv.metrics.map(m => [m.metric, m.value === null ? null : expect.closeTo(m.value, 9)])
    )
  })
})

describe('a regression run against its baseline report', () => {
  const csv = readFileSync(join(DIABETES, 'predictions.csv'), 'utf8')
  // Every prediction 5 higher: mean_residual and mean_prediction rise by exactly 5.
  const shifted = csv
    .trim()
    .split('\n')
    .map((line, i) => {
      if (i === 0) return line
      const f = line.split(',')
      f[4] = String(Number(f[4]) + 5)
      return f.join(',')
    })
    .join('\n')
  const files = {
    'rai-gate.yml': manifest('', 'p.csv'),
    'p.csv': csv,
    'policies/medium.yml': policyYaml(`task: regression
defaults: { minGroupSize: 30 }
gates:
  - { id: error, metric: mae, max: 100, maxWorsening: 0.5 }
  - { id: spread, metric: rmse, max: 100, maxWorseningRelative: 0.5 }
`)
  }

  it('stores the moment table, and the same file is identical', async () => {
    const { report } = await againstBaseline(files, {})
    expect(report.task).toBe('regression')
    expect(report.stats.regression?.sums).toHaveLength(6)
    expect(report.baseline?.comparisons).toEqual([{ kind: 'regression', comparison: 'identical' }])
  })

  it('measures a change as independent samples: the MOVER interval of the two runs', async () => {
    const { report, dir } = await againstBaseline(files, { 'p.csv': shifted })
    expect(report.baseline?.comparisons).toEqual([
      { kind: 'regression', comparison: 'independent', reason: expect.stringContaining('independent') }
    ])
    const base: Report = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'))
    const overall = (r: Report) => r.metrics.find(x => x.metric === 'mae' && x.attribute === undefined)!
    const [now, before] = [overall(report), overall(base)]
    const change = report.checks.find(c => c.gate === 'error' && c.attribute === undefined)!
    const d = now.value! - before.value!
    expect(change.change).toBeCloseTo(d, 12)
    expect(change.changeCi![0]).toBeCloseTo(
      d - Math.hypot(now.value! - now.ci![0], before.ci![1] - before.value!),
      9
    )
    expect(change.changeCi![1]).toBeCloseTo(
      d + Math.hypot(now.ci![1] - now.value!, before.value! - before.ci![0]),
      9
    )
    expect(change.comparison).toBe('independent')
  })
})
