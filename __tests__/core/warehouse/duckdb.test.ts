/**
 * The printed DuckDB query, run verbatim in DuckDB on the adult fixture (a view named `predictions`
 * over the CSV), gives a stats table whose metrics agree with the row path's: counts and rates
 * exactly, Brier, log loss and ECE (bins aligned) to 1e-9, the AUC within the bound the report states,
 * and the same intervals.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { join } from 'node:path'
import { check } from '../../../src/core/check.js'
import { loadManifest } from '../../../src/core/manifest/load.js'
import { loadPolicy } from '../../../src/core/policy/load.js'
import { metricKey, type MetricResult } from '../../../src/core/metrics/evaluate.js'
import { statsQuery } from '../../../src/core/warehouse/sql.js'
import type { Report } from '../../../src/core/report/report.js'
import { ADULT, adultManifestYaml, policyYaml, workspace } from '../../helpers/check.js'
import { expectValidReport } from '../../helpers/report-schema.js'

const POLICY = policyYaml('defaults: { minGroupSize: 30, bootstrap: { resamples: 400, seed: 5 } }\n')
const COLUMNS = 'columns: { prediction: prediction }'
const rowManifest = adultManifestYaml(
  `  - { kind: predictions, path: ${join(ADULT, 'predictions.csv')}, ${COLUMNS} }`
)
const statsManifest = (file: string) => adultManifestYaml(`  - { kind: stats, path: ${file}, ${COLUMNS} }`)

let connection: DuckDBConnection
let dir: string

beforeAll(async () => {
  dir = workspace({ 'rai-gate.yml': rowManifest, 'policies/p.yml': POLICY })
  connection = await (await DuckDBInstance.create(':memory:')).connect()
  await connection.run(
    `CREATE VIEW predictions AS SELECT * FROM read_csv('${join(ADULT, 'predictions.csv')}', all_varchar = true)`
  )
})
afterAll(() => connection.closeSync())

const run = async (manifest: string): Promise<Report> => {
  const report = await check({ manifest, policy: join(dir, 'policies'), cwd: dir, workspace: '/' })
  expectValidReport(report)
  return report
}

/**
 * The printed query for the manifest in dir, its result written by DuckDB to `out`; `fileOrder`
 * sorts its rows by where each combination of groups first appears in the file.
 */
async function statsFile(out: string, format: 'csv' | 'parquet', fileOrder = false): Promise<string> {
  const manifest = loadManifest(join(dir, 'rai-gate.yml'), { cwd: dir, workspace: '/' })
  const policy = loadPolicy(join(dir, 'policies'), manifest.riskTier, dir)
  const query = statsQuery(manifest, policy, { dialect: 'duckdb', table: 'predictions' })
  const path = join(dir, out)
  const ordered = `SELECT q.* FROM (${query}) q JOIN (SELECT sex, race, age_band, MIN(i) AS first FROM (SELECT *, row_number() OVER () AS i FROM predictions) GROUP BY ALL) f USING (sex, race, age_band) ORDER BY f.first`
  await connection.run(`COPY (${fileOrder ? ordered : query}) TO '${path}' (FORMAT ${format})`)
  return path
}

describe('the DuckDB query on the adult fixture', () => {
  let rows: Report
  const byKey = (r: Report) => new Map(r.metrics.map(m => [metricKey(m), m]))
  beforeAll(async () => {
    rows = await run(join(dir, 'rai-gate.yml'))
  })

  for (const format of ['parquet', 'csv'] as const) {
    it(`gives the row path's metrics from a ${format} stats table`, async () => {
      const file = await statsFile(`stats.${format}`, format)
      const stats = await run(join(workspace({ 'rai-gate.yml': statsManifest(file) }), 'rai-gate.yml'))
      expect(stats.inputs[0]).toMatchObject({ kind: 'stats', rows: rows.inputs[0].rows })
      const mine = byKey(stats)
      expect(mine.size).toBe(rows.metrics.length)
      const auc = mine.get(metricKey({ metric: 'auc' }))!
      for (const m of rows.metrics) {
        const s = mine.get(metricKey(m)) as MetricResult
        expect(s).toBeDefined()
        if (m.value === null) {
          expect(s.value).toBeNull()
          continue
        }
        if (m.metric === 'auc') {
          // Scores tied within a score bin: the report states how far that can move the AUC.
          expect(s.bound).toBeGreaterThan(0)
          expect(s.bound).toBeLessThan(1e-3)
          expect(Math.abs(s.value! - m.value)).toBeLessThanOrEqual(s.bound!)
          continue
        }
        expect(Math.abs(s.value! - m.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(m.value)))
      }
      expect(auc.bound).toBeDefined()
      // Analytic intervals are the same; the bootstrap's follow the table's order of cells (the next test).
      for (const m of rows.metrics) {
        const s = mine.get(metricKey(m))!
        if (m.ci === null || m.method === 'bootstrap' || m.metric === 'auc') continue
        if (m.method === 'clopper-pearson' || m.method === 'exact') {
          expect(s.ci![0]).toBeCloseTo(m.ci[0], 9)
          expect(s.ci![1]).toBeCloseTo(m.ci[1], 9)
        }
      }
    })
  }

  it("gives the row path's intervals when its cells come in the file's order", async () => {
    const file = await statsFile('ordered.parquet', 'parquet', true)
    const stats = byKey(await run(join(workspace({ 'rai-gate.yml': statsManifest(file) }), 'rai-gate.yml')))
    let compared = 0
    for (const m of rows.metrics) {
      // The AUC's interval comes from its score bins.
      if (m.ci === null || m.metric === 'auc') continue
      const s = stats.get(metricKey(m))!
      expect(s.ci![0]).toBeCloseTo(m.ci[0], 9)
      expect(s.ci![1]).toBeCloseTo(m.ci[1], 9)
      compared++
    }
    expect(compared).toBeGreaterThan(100)
  })
})
