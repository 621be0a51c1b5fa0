/**
 * The regression and multiclass stats tables: the query `rai-gate sql` prints for each, run in DuckDB
 * on the fixtures (a view named `predictions` over the CSV, every column text as a warehouse's load
 * might leave it), gives a stats table whose report is the row path's: every metric to 1e-9 and the
 * same intervals, except each one-vs-rest AUC, from scores binned at the resolution, within the bound
 * the report states. Then what the readers refuse, and what the queries stop on.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { check } from '../../../src/core/check.js'
import { loadManifest } from '../../../src/core/manifest/load.js'
import { loadPolicy } from '../../../src/core/policy/load.js'
import { metricKey, type MetricResult } from '../../../src/core/metrics/evaluate.js'
import { statsQuery, type Dialect } from '../../../src/core/warehouse/sql.js'
import type { Report } from '../../../src/core/report/report.js'
import { policyYaml, workspace } from '../../helpers/check.js'
import { expectValidReport } from '../../helpers/report-schema.js'

const FIXTURES = join(import.meta.dirname, '../../../__fixtures__')

interface Task {
  task: string
  fixture: string
  attributes: string
  /** The artifact's settings beside kind and path (its column mapping). */
  artifact: (weighted: boolean) => string
}

const TASKS: Record<'regression' | 'multiclass', Task> = {
  regression: {
    task: 'regression',
    fixture: join(FIXTURES, 'diabetes/predictions.csv'),
    attributes: '[sex, age_band]',
    artifact: weighted => `columns: { lower: lower, upper: upper${weighted ? ', weight: weight' : ''} }`
  },
  multiclass: {
    task: 'multiclass-classification',
    fixture: join(FIXTURES, 'multiclass/predictions.csv'),
    attributes: '[sex, region]',
    artifact: weighted =>
      `columns: { scores: { home: p_home, clinic: p_clinic, ward: p_ward, icu: p_icu }${weighted ? ', weight: weight' : ''} }`
  }
}

const manifest = (t: Task, kind: string, path: string, artifact: string) => `apiVersion: rai-gate/v1
kind: Evaluation
model: { name: m, version: 1 }
riskTier: medium
task: ${t.task}
sensitiveAttributes: ${t.attributes}
intersections: [${t.attributes}]
artifacts:
  - { kind: ${kind}, path: ${path}, ${artifact} }
`
const policy = (t: Task) => policyYaml(`task: ${t.task}\ndefaults: { minGroupSize: 30 }\n`)

let connection: DuckDBConnection
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect()
})
afterAll(() => connection.closeSync())

/** The query rai-gate sql prints for a stats artifact of this task, in a workspace of its own. */
function queryFor(t: Task, artifact: string, dialect: Dialect = 'duckdb', table = 'predictions'): string {
  const dir = workspace({
    'rai-gate.yml': manifest(t, 'stats', 'stats.parquet', artifact),
    'policies/medium.yml': policy(t)
  })
  const m = loadManifest(join(dir, 'rai-gate.yml'), { cwd: dir, workspace: dir })
  const p = loadPolicy(join(dir, 'policies'), m.riskTier, dir, undefined, undefined, m.task)
  return statsQuery(m, p, { dialect, table })
}

async function run(t: Task, kind: string, path: string, artifact: string): Promise<Report> {
  const dir = workspace({
    'rai-gate.yml': manifest(t, kind, path, artifact),
    'policies/medium.yml': policy(t)
  })
  const report = await check({
    manifest: join(dir, 'rai-gate.yml'),
    policy: join(dir, 'policies'),
    cwd: dir,
    workspace: '/'
  })
  expectValidReport(report)
  return report
}

/** The query run in DuckDB over `csv` (every column text), written to a file of `format`. */
async function statsFile(query: string, csv: string, format: 'csv' | 'parquet', order = ''): Promise<string> {
  await connection.run(
    `CREATE OR REPLACE VIEW predictions AS SELECT * FROM read_csv('${csv}', all_varchar = true)`
  )
  const out = join(workspace({}), `stats.${format}`)
  await connection.run(`CREATE OR REPLACE TABLE stats AS ${query}`)
  await connection.run(`COPY (SELECT * FROM stats ${order}) TO '${out}' (FORMAT ${format})`)
  return out
}

describe.each([
  ['regression', false],
  ['regression', true],
  ['multiclass', false],
  ['multiclass', true]
] as const)('the DuckDB query of a %s model (weighted: %s)', (name, weighted) => {
  const t = TASKS[name]
  const artifact = t.artifact(weighted)
  let rows: Report
  beforeAll(async () => {
    rows = await run(t, 'predictions', t.fixture, artifact)
  })

  for (const format of ['parquet', 'csv'] as const) {
    it(`gives the row path's metrics and intervals from a ${format} stats table`, async () => {
      const file = await statsFile(queryFor(t, artifact), t.fixture, format)
      const stats = await run(t, 'stats', file, artifact)
      expect(stats.inputs[0]).toMatchObject({ kind: 'stats', rows: rows.inputs[0].rows })
      const mine = new Map(stats.metrics.map(m => [metricKey(m), m]))
      expect(mine.size).toBe(rows.metrics.length)
      let intervals = 0
      let bounded = 0
      for (const m of rows.metrics) {
        const s = mine.get(metricKey(m)) as MetricResult
        expect([metricKey(m), s === undefined]).toEqual([metricKey(m), false])
        expect(s.status).toBe(m.status)
        if (m.value === null) {
          expect(s.value).toBeNull()
          continue
        }
        if (m.metric === 'auc' || m.metric === 'macro_auc') {
          // Scores tied within a score bin: the report states how far that can move the AUC.
          expect(s.bound).toBeGreaterThan(0)
          expect(s.bound).toBeLessThan(1e-3)
          expect(Math.abs(s.value! - m.value)).toBeLessThanOrEqual(s.bound!)
          bounded++
          continue
        }
        expect(s.bound).toBeUndefined()
        expect([metricKey(m), s.value]).toEqual([
          metricKey(m),
          expect.closeTo(m.value, 9 - Math.max(0, Math.ceil(Math.log10(Math.abs(m.value)))))
        ])
        expect(s.method).toBe(m.method)
        if (m.ci === null) continue
        const digits = 9 - Math.max(0, Math.ceil(Math.log10(Math.abs(m.ci[1]) + 1)))
        expect(s.ci![0]).toBeCloseTo(m.ci[0], digits)
        expect(s.ci![1]).toBeCloseTo(m.ci[1], digits)
        intervals++
      }
      expect(intervals).toBeGreaterThan(30)
      expect(bounded).toBe(name === 'multiclass' ? 5 : 0)
    })
  }

  it('gives the same report whatever order the warehouse writes the rows in', async () => {
    const query = queryFor(t, artifact)
    const a = await statsFile(query, t.fixture, 'parquet', 'ORDER BY row_count, sum_w')
    const b = await statsFile(query, t.fixture, 'parquet', 'ORDER BY row_count DESC, sum_w DESC')
    const report = async (f: string) => {
      const r = await run(t, 'stats', f, artifact)
      return JSON.stringify({ ...r, inputs: [], policy: null })
    }
    expect(await report(a)).toBe(await report(b))
  })
})

describe('what a regression stats table must hold', () => {
  const t = TASKS.regression
  const artifact = t.artifact(false)
  let lines: string[]
  beforeAll(async () => {
    lines = readFileSync(await statsFile(queryFor(t, artifact), t.fixture, 'csv'), 'utf8')
      .trimEnd()
      .split('\n')
  })
  const refused = async (edit: (lines: string[]) => string[], message: RegExp) => {
    const dir = workspace({ 'stats.csv': edit([...lines]).join('\n') + '\n' })
    await expect(run(t, 'stats', join(dir, 'stats.csv'), artifact)).rejects.toThrow(message)
  }
  const cell = (line: string, column: string, value: string) => {
    const cols = lines[0].split(',')
    const fields = line.split(',')
    fields[cols.indexOf(column)] = value
    return fields.join(',')
  }

  it('one row per combination of groups', () =>
    refused(
      l => [...l, l[1]],
      /stats\.csv, line \d+: the same combination of groups as line 2; expected one row per combination/
    ))
  it('one label shift', () =>
    refused(
      l => [l[0], cell(l[1], 'label_shift', '0'), ...l.slice(2)],
      /line 3, label_shift: label_shift '[\d.]+' differs from line 2's 0; expected one shift on every row/
    ))
  it('an interval on every row when the manifest maps one', () =>
    refused(
      l => [l[0], cell(l[1], 'interval_count', '0'), ...l.slice(2)],
      /interval_count '0' cannot come from the combination's \d+ rows: the manifest maps lower and upper/
    ))
  it('sums that rows can give', () =>
    refused(
      l => [l[0], cell(l[1], 'sum_wr_2', '0'), ...l.slice(2)],
      /sum_wr_2 '0' cannot come from the combination's \d+ rows: a weighted sum of squares is at least/
    ))
  it("the columns of the manifest's table", () =>
    refused(
      l => l.map(x => x.split(',').slice(1).join(',')),
      /missing column sex; expected the columns sex, age_band, label_shift/
    ))
})

describe('what a multiclass stats table must hold', () => {
  const t = TASKS.multiclass
  const artifact = t.artifact(false)
  let lines: string[]
  beforeAll(async () => {
    lines = readFileSync(
      await statsFile(
        queryFor(t, artifact),
        t.fixture,
        'csv',
        'ORDER BY score_class NULLS FIRST, top_bin NULLS FIRST'
      ),
      'utf8'
    )
      .trimEnd()
      .split('\n')
  })
  const refused = async (edit: (lines: string[]) => string[], message: RegExp, art = artifact) => {
    const dir = workspace({ 'stats.csv': edit([...lines]).join('\n') + '\n' })
    await expect(run(t, 'stats', join(dir, 'stats.csv'), art)).rejects.toThrow(message)
  }

  it('the same rows in the cells, the top-label bins and every class histogram', async () => {
    const histogram = lines.findIndex(l => l.startsWith(',,,,,icu,'))
    await refused(
      l => l.filter((_, i) => i !== histogram),
      /class icu's score histogram holds \d+ rows of the class and \d+ others, the confusion cells/
    )
    const top = lines.findIndex((l, i) => i > 0 && /^,,,,\d/.test(l))
    await refused(
      l => l.filter((_, i) => i !== top),
      /the confusion cells hold 600 rows, the top-label bins \d+/
    )
  })
  it('one row per cell', () => refused(l => [...l, l[1]], /the same cell as line 2/))
  it('classes of the manifest', () =>
    refused(
      l => l,
      /(label|prediction) 'ward' is not a class of the manifest's columns.scores; expected one of: home, clinic, icu/,
      'columns: { scores: { home: p_home, clinic: p_clinic, icu: p_icu } }'
    ))
  it('the classes named by columns.scores, not scorePrefix', async () => {
    const dir = workspace({ 'stats.csv': lines.join('\n') })
    await expect(run(t, 'stats', join(dir, 'stats.csv'), 'scorePrefix: p_')).rejects.toThrow(
      /a stats table's query must name each class's score column; expected columns.scores/
    )
  })
})

describe('the queries stop on rows the row path refuses', () => {
  const stops = async (t: Task, artifact: string, csv: string, message: RegExp) => {
    const dir = workspace({ 'p.csv': csv })
    await expect(statsFile(queryFor(t, artifact), join(dir, 'p.csv'), 'csv')).rejects.toThrow(message)
  }
  it('a regression label that is not a number, and an interval upside down', async () => {
    const t = TASKS.regression
    await stops(
      t,
      'columns: {}',
      'sex,age_band,label,prediction\nf,a,1.5,2\nm,b,n/a,3\n',
      /rai-gate: label is not a finite number/
    )
    await stops(
      t,
      'columns: { lower: lo, upper: hi }',
      'sex,age_band,label,prediction,lo,hi\nf,a,1.5,2,3,1\n',
      /rai-gate: lower is above upper/
    )
  })
  it('a multiclass label outside the classes, and scores that do not sum to 1', async () => {
    const t = TASKS.multiclass
    const artifact = 'columns: { scores: { a: pa, b: pb } }'
    await stops(
      t,
      artifact,
      'sex,region,label,pa,pb\nf,n,a,0.5,0.5\nm,s,c,0.5,0.5\n',
      /rai-gate: label is not a class of columns.scores/
    )
    await stops(
      t,
      artifact,
      'sex,region,label,pa,pb\nf,n,a,0.5,0.6\n',
      /rai-gate: the class scores do not sum to 1/
    )
  })
})
