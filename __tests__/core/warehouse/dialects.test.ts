/**
 * The BigQuery and Spark SQL queries parse with real parsers of those dialects (node-sql-parser's
 * BigQuery grammar, dt-sql-parser's Spark SQL grammar), for every way a manifest shapes them.
 */
import { describe, expect, it } from '@jest/globals'
import { SparkSQL } from 'dt-sql-parser'
import sqlParser from 'node-sql-parser'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadManifest } from '../../../src/core/manifest/load.js'
import { loadPolicy } from '../../../src/core/policy/load.js'
import { statsQuery, type Dialect } from '../../../src/core/warehouse/sql.js'
import { manifestYaml, policyYaml, workspace } from '../../helpers/check.js'

const VARIANTS: Record<string, string> = {
  'mapped columns': '  - { kind: stats, path: s.csv, columns: { label: y, score: p, prediction: yhat } }',
  'weights and a threshold':
    '  - { kind: stats, path: s.csv, columns: { weight: w }, threshold: 0.3, resolution: 0.001 }',
  'a positive label yes':
    "  - { kind: stats, path: s.csv, positiveLabel: 'yes', columns: { prediction: pred } }"
}

function query(artifact: string, dialect: Dialect, strategy = 'uniform'): string {
  const dir = workspace({
    'rai-gate.yml': manifestYaml(
      artifact,
      'sensitiveAttributes: [sex, "home region"]\nintersections: [[sex, "home region"]]'
    ),
    'policies/p.yml': policyYaml(`defaults: { calibration: { bins: 20, strategy: ${strategy} } }\n`)
  })
  const manifest = loadManifest(join(dir, 'rai-gate.yml'), { cwd: dir, workspace: dir })
  const policy = loadPolicy(join(dir, 'policies'), manifest.riskTier, dir)
  return statsQuery(manifest, policy, {
    dialect,
    table: dialect === 'bigquery' ? 'project-1.evals.predictions' : 'evals.predictions'
  })
}

const bigquery = new sqlParser.Parser()
const spark = new SparkSQL()

describe('the printed queries in their dialects', () => {
  for (const [name, artifact] of Object.entries(VARIANTS)) {
    it(`parse as BigQuery and Spark SQL, with ${name}`, () => {
      const bq = query(artifact, 'bigquery')
      const ast = bigquery.astify(bq, { database: 'bigquery' })
      const select = (Array.isArray(ast) ? ast[0] : ast) as unknown as { with: unknown[]; groupby: unknown }
      expect(select.with).toHaveLength(2)
      expect(select.groupby).toBeTruthy()
      expect(bq).toContain('FROM `project-1`.`evals`.`predictions`')
      expect(spark.validate(query(artifact, 'spark'))).toEqual([])
    })
  }

  it('parse with quantile calibration bins (binned by rai-gate, so no calibration bin is computed)', () => {
    const artifact = VARIANTS['mapped columns']
    expect(query(artifact, 'spark', 'quantile')).toContain('CAST(NULL AS BIGINT) AS calibration_bin')
    expect(spark.validate(query(artifact, 'spark', 'quantile'))).toEqual([])
    expect(() =>
      bigquery.astify(query(artifact, 'bigquery', 'quantile'), { database: 'bigquery' })
    ).not.toThrow()
  })

  it('are rejected by the same parsers when broken', () => {
    const artifact = VARIANTS['mapped columns']
    const broken = (q: string) => q.replace('GROUP BY', 'GROUP')
    expect(() => bigquery.astify(broken(query(artifact, 'bigquery')), { database: 'bigquery' })).toThrow()
    expect(spark.validate(broken(query(artifact, 'spark'))).length).toBeGreaterThan(0)
  })
})

/** The query for a model of another task, with these artifact settings. */
function taskQuery(task: string, artifact: string, dialect: Dialect): string {
  const dir = workspace({
    'rai-gate.yml': manifestYaml(
      `  - { kind: stats, path: s.csv, ${artifact} }`,
      'sensitiveAttributes: [sex, "home region"]\nintersections: [[sex, "home region"]]'
    ).replace('task: binary-classification', `task: ${task}`),
    'policies/p.yml': policyYaml(`task: ${task}\n`)
  })
  const manifest = loadManifest(join(dir, 'rai-gate.yml'), { cwd: dir, workspace: dir })
  const policy = loadPolicy(
    join(dir, 'policies'),
    manifest.riskTier,
    dir,
    undefined,
    undefined,
    manifest.task
  )
  return statsQuery(manifest, policy, {
    dialect,
    table: dialect === 'bigquery' ? 'project-1.evals.predictions' : 'evals.predictions'
  })
}

describe.each([
  ['regression', 'regression', 'columns: { label: y, prediction: yhat }', 3],
  ['regression with intervals and weights', 'regression', 'columns: { lower: lo, upper: hi, weight: w }', 3],
  ['multiclass', 'multiclass-classification', 'columns: { scores: { a: p_a, b: p_b, "c\'d": p_cd } }', 3],
  [
    'multiclass with a prediction and weights',
    'multiclass-classification',
    'columns: { prediction: pred, weight: w, scores: { a: p_a, b: p_b } }',
    3
  ]
] as const)('the printed query of a %s model', (_, task, artifact, ctes) => {
  it('parses as BigQuery and Spark SQL', () => {
    const bq = taskQuery(task, artifact, 'bigquery')
    const ast = bigquery.astify(bq, { database: 'bigquery' })
    const select = (Array.isArray(ast) ? ast[0] : ast) as unknown as { with: unknown[] }
    expect(select.with.length).toBeGreaterThanOrEqual(ctes)
    expect(bq).toContain('FROM `project-1`.`evals`.`predictions`')
    expect(spark.validate(taskQuery(task, artifact, 'spark'))).toEqual([])
  })
})

describe('docs/warehouse.md', () => {
  it('shows the queries that rai-gate sql prints for the example (UPDATE_GOLDEN=1 rewrites them)', () => {
    const root = join(import.meta.dirname, '../../..')
    const path = join(root, 'docs/warehouse.md')
    let docs = readFileSync(path, 'utf8')
    const manifest = loadManifest(join(root, 'examples/adult/rai-gate.yml'), { cwd: root, workspace: root })
    const policy = loadPolicy(join(root, 'examples/adult/policies'), manifest.riskTier, root)
    for (const dialect of ['duckdb', 'bigquery', 'spark'] as const) {
      const block = new RegExp(`(<!-- query: ${dialect} -->\\n\\n\`\`\`sql\\n)([^]*?)(\`\`\`)`)
      const printed = statsQuery(manifest, policy, { dialect, table: 'predictions' })
      if (process.env.UPDATE_GOLDEN === '1') docs = docs.replace(block, (_, a, _q, c) => a + printed + c)
      expect(block.exec(docs)?.[2]).toBe(printed)
    }
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, docs)
  })
})
