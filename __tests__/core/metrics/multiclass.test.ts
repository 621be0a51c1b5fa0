/**
 * The multiclass task (SPEC §2b): the fixture's reference values, computed by scikit-learn 1.2
 * (scripts/reference/multiclass.py), reproduced to 1e-9 through the reader and the engine, weighted
 * and unweighted, and the reader's errors.
 */
import { describe, expect, it, beforeAll } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { check } from '../../../src/core/check.js'
import type { MetricResult } from '../../../src/core/metrics/evaluate.js'
import type { Report } from '../../../src/core/report/report.js'
import { againstBaseline, policyYaml, workspace } from '../../helpers/check.js'
import { expectValidReport } from '../../helpers/report-schema.js'

const FIXTURE = join(import.meta.dirname, '../../../__fixtures__/multiclass')
type Values = Record<string, number | null>
interface Expected {
  overall: Values
  classes: Record<string, Values>
  groups: Record<string, Record<string, Values & { classes: Record<string, Values> }>>
  disparities: Record<string, Values & { classes: Record<string, Values> }>
}
const expected: { classes: string[]; unweighted: Expected; weighted: Expected } = JSON.parse(
  readFileSync(join(FIXTURE, 'expected.json'), 'utf8')
)

const manifest = (artifact: string, path = join(FIXTURE, 'predictions.csv')) => `apiVersion: rai-gate/v1
kind: Evaluation
model: { name: pathways, version: 1 }
riskTier: medium
task: multiclass-classification
sensitiveAttributes: [sex, region]
artifacts:
  - { kind: predictions, path: ${path}, ${artifact} }
`
const POLICY = policyYaml(`task: multiclass-classification
defaults: { minGroupSize: 30 }
gates:
  - { id: quality.accuracy, metric: accuracy, min: 0.5 }
`)

async function run(
  manifestYaml: string,
  files: Record<string, string> = {},
  policy = POLICY
): Promise<Report> {
  const dir = workspace({ 'rai-gate.yml': manifestYaml, 'policies/medium.yml': policy, ...files })
  return check({
    manifest: join(dir, 'rai-gate.yml'),
    policy: join(dir, 'policies'),
    cwd: dir,
    workspace: '/'
  })
}

const find = (
  metrics: MetricResult[],
  metric: string,
  scope: { class?: string; attribute?: string; group?: string } = {}
) =>
  metrics.find(
    m =>
      m.metric === metric &&
      m.class === scope.class &&
      m.attribute === scope.attribute &&
      m.group === scope.group
  )

describe.each([
  ['unweighted', 'scorePrefix: p_'],
  ['weighted', 'scorePrefix: p_, columns: { weight: weight }']
] as const)('the multiclass fixture (%s) against scikit-learn', (which, artifact) => {
  let report: Report
  beforeAll(async () => {
    report = await run(manifest(artifact))
  })
  const ref = expected[which]
  const same = (metric: string, scope: object, value: number | null) => {
    const got = find(report.metrics, metric, scope)?.value
    expect([metric, scope, got]).toEqual([metric, scope, value === null ? null : expect.closeTo(value, 9)])
  }

  it('gives a valid report', () => {
    expectValidReport(report)
    expect(report.task).toBe('multiclass-classification')
  })

  it('reproduces the overall values to 1e-9', () => {
    for (const [metric, value] of Object.entries(ref.overall)) same(metric, {}, value)
  })

  it('reproduces every per-class value to 1e-9', () => {
    for (const [c, values] of Object.entries(ref.classes))
      for (const [metric, value] of Object.entries(values)) same(metric, { class: c }, value)
  })

  it('reproduces every group and class-and-group value to 1e-9', () => {
    for (const [attribute, groups] of Object.entries(ref.groups))
      for (const [group, { classes, ...values }] of Object.entries(groups)) {
        for (const metric of ['count', 'accuracy', 'macro_f1', 'brier'])
          same(metric, { attribute, group }, values[metric])
        for (const [c, rates] of Object.entries(classes))
          for (const [metric, value] of Object.entries(rates))
            same(metric, { class: c, attribute, group }, value)
      }
  })

  it('reproduces every disparity, per class and over classes (the worst), to 1e-9', () => {
    for (const [attribute, { classes, ...values }] of Object.entries(ref.disparities)) {
      for (const [metric, value] of Object.entries(values)) same(metric, { attribute }, value)
      for (const [c, rates] of Object.entries(classes))
        for (const [metric, value] of Object.entries(rates)) same(metric, { class: c, attribute }, value)
    }
  })

  it('gives every estimate an analytic interval that holds it', () => {
    const missing = report.metrics.filter(
      m =>
        m.metric !== 'count' &&
        m.value !== null &&
        (m.ci === null || m.ci[0] > m.value + 1e-12 || m.ci[1] < m.value - 1e-12)
    )
    expect(
      missing
        .filter(m => m.metric !== 'top_label_ece')
        .map(m => [m.metric, m.class, m.attribute, m.group, m.ci])
    ).toEqual([])
    for (const m of report.metrics) expect(m.method).not.toBe('bootstrap')
  })
})

describe('multiclass inputs', () => {
  const csv = readFileSync(join(FIXTURE, 'predictions.csv'), 'utf8')
  it('reads columns.scores as scorePrefix does', async () => {
    const a = await run(manifest('scorePrefix: p_'))
    const b = await run(
      manifest('columns: { scores: { home: p_home, clinic: p_clinic, ward: p_ward, icu: p_icu } }')
    )
    expect(b.metrics.map(m => [m.metric, m.value])).toEqual(a.metrics.map(m => [m.metric, m.value]))
  })

  it('a label outside the score columns names the row and the classes', async () => {
    const bad = csv.replace('\n1,male,north,home,', '\n1,male,north,hospice,')
    await expect(run(manifest('scorePrefix: p_', 'p.csv'), { 'p.csv': bad })).rejects.toThrow(
      /p\.csv, line 3, label: label 'hospice' is not a class of the score columns; expected one of: home, clinic, ward, icu/
    )
  })

  it('scores that do not sum to 1 name the row', async () => {
    const bad = 'id,sex,region,label,p_a,p_b\n1,f,n,a,0.5,0.5\n2,f,n,b,0.5,0.4\n'
    await expect(run(manifest('scorePrefix: p_', 'p.csv'), { 'p.csv': bad })).rejects.toThrow(
      /p\.csv, line 3: the class scores sum to 0\.9; expected probabilities that sum to 1/
    )
  })

  it('a missing score column and a prefix that matches none are errors', async () => {
    await expect(
      run(manifest('columns: { scores: { a: p_a, b: p_zz } }', 'p.csv'), {
        'p.csv': 'sex,region,label,p_a,p_b\nf,n,a,1,0\n'
      })
    ).rejects.toThrow(/column 'p_zz' \(columns.scores.b in the manifest\) is not in the file/)
    await expect(
      run(manifest('scorePrefix: prob_', 'p.csv'), { 'p.csv': 'sex,region,label,p_a,p_b\nf,n,a,1,0\n' })
    ).rejects.toThrow(/scorePrefix 'prob_' matches no column/)
  })

  it('a multiclass predictions artifact needs its class scores', async () => {
    await expect(run(manifest('columns: { label: label }'))).rejects.toThrow(/need their class score columns/)
  })
})

describe('multiclass gates', () => {
  const SHIPPED = join(import.meta.dirname, '../../../policies')
  it('the shipped medium policy judges the worst class, and classes: [*] each class', async () => {
    const dir = workspace({ 'rai-gate.yml': manifest('scorePrefix: p_') })
    const report = await check({
      manifest: join(dir, 'rai-gate.yml'),
      policy: SHIPPED,
      cwd: dir,
      workspace: '/'
    })
    expectValidReport(report)
    expect(report.policy.name).toBe('default-multiclass-medium')
    const eo = report.checks.filter(c => c.gate === 'fairness.equalized-odds')
    expect(eo.map(c => [c.attribute, c.class])).toEqual([
      ['sex', undefined],
      ['region', undefined]
    ])
    const worst = report.metrics.find(
      m => m.metric === 'equalized_odds_difference' && m.attribute === 'sex' && !m.class
    )!
    expect(eo[0].value).toBe(worst.value)
    const each = await run(
      manifest('scorePrefix: p_'),
      {},
      policyYaml(`task: multiclass-classification
gates:
  - { id: eo, metric: equal_opportunity_difference, classes: ['*'], attributes: [sex], max: 0.2 }
  - { id: icu, metric: recall, classes: [icu], min: 0.1 }
  - { id: auc, metric: auc, min: 0.6 }
`)
    )
    expect(each.checks.filter(c => c.gate === 'eo').map(c => c.class)).toEqual(expected.classes)
    expect(each.checks.filter(c => c.gate === 'icu').map(c => [c.class, c.value])).toEqual([
      ['icu', expect.closeTo(expected.unweighted.classes.icu.recall!, 12)]
    ])
    expect(each.checks.filter(c => c.gate === 'auc')).toHaveLength(4)
  })

  it('classes is an error in a policy of another task', async () => {
    await expect(
      run(
        manifest('scorePrefix: p_'),
        {},
        policyYaml('gates:\n  - { id: x, metric: auc, classes: [a], min: 0.5 }\n')
      )
    ).rejects.toThrow(
      /'classes' is a multiclass model's scope; this policy gates binary-classification models/
    )
  })
})

describe('a multiclass run against its baseline report', () => {
  const csv = readFileSync(join(FIXTURE, 'predictions.csv'), 'utf8')
  const files = {
    'rai-gate.yml': manifest('scorePrefix: p_', 'p.csv'),
    'p.csv': csv,
    'policies/medium.yml': policyYaml(`task: multiclass-classification
defaults: { minGroupSize: 30 }
gates:
  - { id: acc, metric: accuracy, min: 0.5, maxWorsening: 0.05 }
  - { id: auc, metric: macro_auc, maxWorsening: 0.05 }
`)
  }

  it('stores the confusion table: the same file is identical, with every metric the same', async () => {
    const { report } = await againstBaseline(files, {})
    expect(report.stats.multiclass?.classes).toEqual(expected.classes)
    expect(report.baseline?.comparisons).toEqual([{ kind: 'multiclass', comparison: 'identical' }])
    expect(report.checks.find(c => c.gate === 'auc')?.change).toBe(0)
  })

  it('compares another sample as independent samples, from the stored table', async () => {
    // The first 300 rows only: another sample of the same model, too few rows shared to pair on.
    const half = csv.trim().split('\n').slice(0, 301).join('\n') + '\n'
    const { report, dir } = await againstBaseline(files, { 'p.csv': half })
    expect(report.baseline?.comparisons).toEqual([
      expect.objectContaining({
        kind: 'multiclass',
        comparison: 'independent',
        shared: 300,
        reason: expect.stringContaining('only 300 of the cases are in both runs')
      })
    ])
    const base: Report = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'))
    const before = base.metrics.find(m => m.metric === 'macro_auc')!
    const check = report.checks.find(c => c.gate === 'auc')!
    expect(check.baseline).toBeCloseTo(before.value!, 12)
    expect(check.changeCi).not.toBeNull()
  })

  /**
   * Another model on the same rows (ids shared): every 7th row now predicts `home` with certainty.
   * Each paired change is the mean of the rows' differences, with Agresti & Min's interval, computed
   * here from the two files' rows.
   */
  describe('paired by id on the same rows', () => {
    const [header, ...lines] = csv.trim().split('\n')
    const cols = header.split(',')
    const at = (name: string) => cols.indexOf(name)
    const classes = ['home', 'clinic', 'ward', 'icu']
    const changed = lines.map((l, i) => {
      if (i % 7 !== 0) return l
      const f = l.split(',')
      classes.forEach((c, k) => (f[at(`p_${c}`)] = k === 0 ? '0.97' : '0.01'))
      return f.join(',')
    })
    const predicted = (l: string) => {
      const f = l.split(',')
      const p = classes.map(c => Number(f[at(`p_${c}`)]))
      return classes[p.indexOf(Math.max(...p))]
    }
    const label = (l: string) => l.split(',')[at('label')]
    const sex = (l: string) => l.split(',')[at('sex')]
    /** Agresti & Min's interval from the rows' differences (b rows up, c down, of n). */
    const agrestiMin = (d: number[]) => {
      const b = d.filter(x => x === 1).length
      const c = d.filter(x => x === -1).length
      const m = d.length + 2
      const centre = (b - c) / m
      const se = Math.sqrt(((b + c + 1) / m - centre * centre) / m)
      return {
        change: (b - c) / d.length,
        ci: [centre - 1.959963984540054 * se, centre + 1.959963984540054 * se]
      }
    }
    const diffs = (rows: number[], value: (l: string) => number) =>
      rows.map(i => value(changed[i]) - value(lines[i]))
    const policy = policyYaml(`task: multiclass-classification
defaults: { minGroupSize: 30 }
gates:
  - { id: acc, metric: accuracy, maxWorsening: 0.5 }
  - { id: recall, metric: recall, classes: [home], maxWorsening: 0.5 }
  - { id: tpr, metric: tpr, classes: [clinic], attributes: [sex], groups: [female], maxWorsening: 0.5 }
  - { id: f1, metric: macro_f1, maxWorsening: 0.5 }
`)
    let report: Report
    beforeAll(async () => {
      const edits = { 'p.csv': [header, ...changed].join('\n') + '\n' }
      report = (await againstBaseline({ ...files, 'policies/medium.yml': policy }, edits)).report
    })
    const all = lines.map((_, i) => i)

    it('records the rows, and pairs on all of them', () => {
      expect(report.stats.multiclass?.cases?.count).toBe(600)
      expect(report.baseline?.comparisons).toEqual([
        {
          kind: 'multiclass',
          comparison: 'paired',
          shared: 600,
          onlyBaseline: 0,
          onlyRun: 0,
          labelsDiffer: 0
        }
      ])
    })

    it.each([
      ['acc', all, (l: string) => (predicted(l) === label(l) ? 1 : 0)],
      [
        'recall',
        all.filter(i => label(lines[i]) === 'home'),
        (l: string) => (predicted(l) === 'home' ? 1 : 0)
      ],
      [
        'tpr',
        all.filter(i => label(lines[i]) === 'clinic' && sex(lines[i]) === 'female'),
        (l: string) => (predicted(l) === 'clinic' ? 1 : 0)
      ]
    ] as const)('%s: the mean row difference, with its paired interval', (gate, rows, value) => {
      const want = agrestiMin(diffs([...rows], value))
      const c = report.checks.find(x => x.gate === gate)!
      expect(c.comparison).toBe('paired')
      expect(c.change).toBeCloseTo(want.change, 12)
      expect(c.changeCi![0]).toBeCloseTo(Math.min(want.ci[0], want.change), 12)
      expect(c.changeCi![1]).toBeCloseTo(Math.max(want.ci[1], want.change), 12)
    })

    it('compares the metrics that are not means over rows as independent samples', () => {
      expect(report.checks.find(x => x.gate === 'f1')?.comparison).toBe('independent')
    })
  })
})
