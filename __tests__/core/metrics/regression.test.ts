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
import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import { createRng } from '../../../src/core/stats/rng.js'
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

  it('measures a change of a run without ids as independent samples: the MOVER interval of the two runs', async () => {
    const withoutIds = shifted
      .split('\n')
      .map(line => line.split(',').slice(1).join(','))
      .join('\n')
    const { report, dir } = await againstBaseline(files, { 'p.csv': withoutIds })
    expect(report.baseline?.comparisons).toEqual([
      { kind: 'regression', comparison: 'independent', reason: 'this run has no case ids' }
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

  /**
   * Another model on the same patients (ids shared): every 4th prediction 30 higher, its interval
   * kept. Each change of a mean is the mean of the rows' differences with Student's t interval, and
   * RMSE's change is checked against a paired percentile bootstrap of the rows written here.
   */
  describe('paired by id on the same rows', () => {
    const [header, ...lines] = csv.trim().split('\n')
    const cols = header.split(',')
    const at = (name: string) => cols.indexOf(name)
    const moved = lines.map((l, i) => {
      if (i % 4 !== 0) return l
      const f = l.split(',')
      f[at('prediction')] = String(Number(f[at('prediction')]) + 30)
      return f.join(',')
    })
    const num = (l: string, name: string) => Number(l.split(',')[at(name)])
    const residual = (l: string) => num(l, 'prediction') - num(l, 'label')
    const covered = (l: string) =>
      num(l, 'lower') <= num(l, 'label') && num(l, 'label') <= num(l, 'upper') ? 1 : 0
    const policy = policyYaml(`task: regression
defaults: { minGroupSize: 30 }
gates:
  - { id: mae, metric: mae, maxWorsening: 50 }
  - { id: mae-group, metric: mae, attributes: [sex], groups: ['2'], maxWorsening: 50 }
  - { id: rmse, metric: rmse, maxWorsening: 50 }
  - { id: coverage, metric: interval_coverage, maxWorsening: 0.5 }
  - { id: r2, metric: r2, maxWorsening: 0.5 }
`)
    let report: Report
    beforeAll(async () => {
      const edits = { 'p.csv': [header, ...moved].join('\n') + '\n' }
      report = (await againstBaseline({ ...files, 'policies/medium.yml': policy }, edits)).report
    })
    const all = lines.map((_, i) => i)
    const check = (gate: string) => report.checks.find(c => c.gate === gate)!

    it('records the rows, and pairs on all of them', () => {
      expect(report.stats.regression?.cases?.count).toBe(lines.length)
      expect(report.baseline?.comparisons).toEqual([
        { kind: 'regression', comparison: 'paired', shared: lines.length, onlyBaseline: 0, onlyRun: 0 }
      ])
    })

    it.each([
      ['mae', all, (l: string) => Math.abs(residual(l))],
      [
        'mae-group',
        all.filter(i => lines[i].split(',')[at('sex')] === '2'),
        (l: string) => Math.abs(residual(l))
      ]
    ] as const)("%s: the mean row difference, with Student's t interval", (gate, rows, value) => {
      const d = rows.map(i => value(moved[i]) - value(lines[i]))
      const n = d.length
      const mean = d.reduce((a, b) => a + b, 0) / n
      const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1))
      const t = tQuantile(0.975, n - 1)
      const c = check(gate)
      expect(c.comparison).toBe('paired')
      expect(c.change).toBeCloseTo(mean, 10)
      expect(c.changeCi![0]).toBeCloseTo(mean - (t * sd) / Math.sqrt(n), 10)
      expect(c.changeCi![1]).toBeCloseTo(mean + (t * sd) / Math.sqrt(n), 10)
    })

    it("interval_coverage: the paired proportion, with Agresti & Min's interval", () => {
      const d = all.map(i => covered(moved[i]) - covered(lines[i]))
      const b = d.filter(x => x === 1).length
      const c = d.filter(x => x === -1).length
      const m = d.length + 2
      const centre = (b - c) / m
      const se = Math.sqrt(((b + c + 1) / m - centre * centre) / m)
      const got = check('coverage')
      expect(got.change).toBeCloseTo((b - c) / d.length, 12)
      expect(got.changeCi![0]).toBeCloseTo(Math.min(centre - 1.959963984540054 * se, got.change!), 10)
      expect(got.changeCi![1]).toBeCloseTo(Math.max(centre + 1.959963984540054 * se, got.change!), 10)
    })

    it('rmse: the delta method, as wide as a paired bootstrap of the rows', () => {
      const rmse = (rows: number[], of: string[]) =>
        Math.sqrt(rows.reduce((a, i) => a + residual(of[i]) ** 2, 0) / rows.length)
      const c = check('rmse')
      expect(c.comparison).toBe('paired')
      expect(c.change).toBeCloseTo(rmse(all, moved) - rmse(all, lines), 10)
      const rng = createRng(7)
      const draws = Array.from({ length: 2000 }, () => {
        const rows = all.map(() => Math.floor(rng.next() * all.length))
        return rmse(rows, moved) - rmse(rows, lines)
      }).sort((a, b) => a - b)
      const [lo, hi] = [draws[49], draws[1949]]
      expect((c.changeCi![1] - c.changeCi![0]) / (hi - lo)).toBeGreaterThan(0.85)
      expect((c.changeCi![1] - c.changeCi![0]) / (hi - lo)).toBeLessThan(1.15)
    })

    it('leaves a change no row moved to the independent comparison, which keeps a width', async () => {
      // The same rows in another order: another file, every residual the same.
      const reordered = [header, ...[...lines].reverse()].join('\n') + '\n'
      const same = (
        await againstBaseline({ ...files, 'policies/medium.yml': policy }, { 'p.csv': reordered })
      ).report
      expect(same.baseline?.comparisons?.[0]).toMatchObject({ comparison: 'paired', shared: lines.length })
      const mae = same.checks.find(c => c.gate === 'mae')!
      expect(mae.comparison).toBe('independent')
      expect(mae.change).toBeCloseTo(0, 12)
      expect(mae.changeCi![1] - mae.changeCi![0]).toBeGreaterThan(1)
      const coverage = same.checks.find(c => c.gate === 'coverage')!
      expect(coverage.comparison).toBe('paired')
      expect(coverage.changeCi![1] - coverage.changeCi![0]).toBeGreaterThan(0)
    })

    it('compares r2 as independent samples', () => {
      expect(check('r2').comparison).toBe('independent')
    })
  })
})
