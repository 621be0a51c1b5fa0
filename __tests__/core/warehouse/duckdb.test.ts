/**
 * The DuckDB query of docs/warehouse.md, run verbatim in DuckDB on the adult fixture (a view named
 * `predictions` over the CSV), gives a stats table whose metrics agree with the row path's: counts
 * and rates exactly, Brier, log loss and ECE (bins aligned) to 1e-9, the AUC within the bound the
 * report states, and the same intervals.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { check } from '../../../src/core/check.js'
import { loadManifest } from '../../../src/core/manifest/load.js'
import { loadPolicy } from '../../../src/core/policy/load.js'
import { metricKey, type MetricResult } from '../../../src/core/metrics/evaluate.js'
import { statsQuery } from '../../../src/core/warehouse/sql.js'
import type { Report } from '../../../src/core/report/report.js'
import { ADULT, adultManifestYaml, manifestYaml, policyYaml, workspace, write } from '../../helpers/check.js'
import { expectValidReport } from '../../helpers/report-schema.js'

const POLICY = policyYaml('defaults: { minGroupSize: 30, bootstrap: { resamples: 400, seed: 5 } }\n')
const COLUMNS = 'columns: { prediction: prediction }'
const statsManifest = (file: string) => adultManifestYaml(`  - { kind: stats, path: ${file}, ${COLUMNS} }`)

const byKeyOf = (r: Report) => new Map(r.metrics.map(m => [metricKey(m), m]))
const byKey = byKeyOf

let connection: DuckDBConnection
let dir: string
let sorted: string

/**
 * The fixture's rows sorted by their groups. A stats table's cells are in sorted order of groups, and
 * a predictions file's in the order the file first shows them; the bootstrap draws cells in that
 * order, so on these rows both paths draw the same resamples.
 */
function sortedFixture(): string {
  const [header, ...lines] = readFileSync(join(ADULT, 'predictions.csv'), 'utf8').trimEnd().split('\n')
  const cols = header.split(',')
  const key = (l: string) => ['sex', 'race', 'age_band'].map(c => l.split(',')[cols.indexOf(c)])
  const cmp = (x: string[], y: string[]) => {
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1
    return 0
  }
  return [header, ...lines.sort((a, b) => cmp(key(a), key(b)))].join('\n') + '\n'
}

beforeAll(async () => {
  dir = workspace({ 'sorted.csv': sortedFixture(), 'policies/p.yml': POLICY })
  sorted = join(dir, 'sorted.csv')
  write(dir, { 'rai-gate.yml': adultManifestYaml(`  - { kind: predictions, path: ${sorted}, ${COLUMNS} }`) })
  connection = await (await DuckDBInstance.create(':memory:')).connect()
  // The unsorted fixture: the warehouse's row order does not matter.
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
 * The DuckDB query that docs/warehouse.md shows (what `rai-gate sql` prints for the example, whose
 * predictions are this fixture; dialects.test.ts checks that it is), run verbatim, its result written
 * by DuckDB to `out` in the order `order` gives. The result is kept between calls: DuckDB's parallel
 * sums may round differently from one run of a query to the next.
 */
let computed = false
async function statsFile(out: string, format: 'csv' | 'parquet', order = ''): Promise<string> {
  if (!computed) {
    const docs = readFileSync(join(import.meta.dirname, '../../../docs/warehouse.md'), 'utf8')
    const query = /<!-- query: duckdb -->\n\n```sql\n([^]*?)```/.exec(docs)![1]
    await connection.run(`CREATE TABLE stats AS ${query}`)
    computed = true
  }
  const path = join(dir, out)
  await connection.run(`COPY (SELECT * FROM stats ${order}) TO '${path}' (FORMAT ${format})`)
  return path
}

describe('the DuckDB query on the adult fixture', () => {
  let rows: Report
  beforeAll(async () => {
    rows = await run(join(dir, 'rai-gate.yml'))
  })

  for (const format of ['parquet', 'csv'] as const) {
    it(`gives the row path's metrics and intervals from a ${format} stats table`, async () => {
      const file = await statsFile(`stats.${format}`, format)
      const stats = await run(join(workspace({ 'rai-gate.yml': statsManifest(file) }), 'rai-gate.yml'))
      expect(stats.inputs[0]).toMatchObject({ kind: 'stats', rows: rows.inputs[0].rows })
      const mine = byKey(stats)
      expect(mine.size).toBe(rows.metrics.length)
      let intervals = 0
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
        // The same intervals, the bootstrap's included (the same cells in the same order).
        expect(s.method).toBe(m.method)
        if (m.ci === null) continue
        expect(s.ci![0]).toBeCloseTo(m.ci[0], 9)
        expect(s.ci![1]).toBeCloseTo(m.ci[1], 9)
        intervals++
      }
      expect(intervals).toBeGreaterThan(100)
    })
  }

  it('gives the same report whatever order the warehouse writes the rows in', async () => {
    const a = await statsFile('a.parquet', 'parquet', 'ORDER BY row_count, sum_ws')
    const b = await statsFile('b.parquet', 'parquet', 'ORDER BY row_count DESC, sum_ws DESC')
    const report = async (f: string) => {
      const r = await run(join(workspace({ 'rai-gate.yml': statsManifest(f) }), 'rai-gate.yml'))
      return JSON.stringify({ ...r, inputs: [], policy: null })
    }
    expect(await report(a)).toBe(await report(b))
  })

  it('gives the ECE on quantile bins within the bound the report states', async () => {
    const quantile = workspace({
      'rai-gate.yml': adultManifestYaml(`  - { kind: predictions, path: ${sorted}, ${COLUMNS} }`),
      'policies/p.yml': policyYaml(
        'defaults: { minGroupSize: 30, bootstrap: { resamples: 200 }, calibration: { bins: 10, strategy: quantile } }\n'
      )
    })
    const opts = { policy: join(quantile, 'policies'), cwd: quantile, workspace: '/' }
    const byRows = byKey(await check({ ...opts, manifest: join(quantile, 'rai-gate.yml') }))
    const manifest = loadManifest(join(quantile, 'rai-gate.yml'), { cwd: quantile, workspace: '/' })
    const policy = loadPolicy(join(quantile, 'policies'), manifest.riskTier, quantile)
    const query = statsQuery(manifest, policy, { dialect: 'duckdb', table: 'predictions' })
    const file = join(quantile, 'stats.parquet')
    await connection.run(`COPY (${query}) TO '${file}' (FORMAT parquet)`)
    const w = workspace({ 'rai-gate.yml': statsManifest(file) })
    const fromStats = await check({ ...opts, manifest: join(w, 'rai-gate.yml') })
    expectValidReport(fromStats)
    const ece = byKey(fromStats).get(metricKey({ metric: 'ece' }))!
    const truth = byRows.get(metricKey({ metric: 'ece' }))!
    expect(ece.bound).toBeGreaterThan(0)
    expect(ece.bound).toBeLessThan(0.05)
    expect(Math.abs(ece.value! - truth.value!)).toBeLessThanOrEqual(ece.bound!)
    // Counts and the metrics that need no bins still agree to 1e-9.
    for (const id of ['accuracy', 'brier', 'log_loss', 'selection_rate']) {
      const a = byKey(fromStats).get(metricKey({ metric: id }))!.value!
      expect(Math.abs(a - byRows.get(metricKey({ metric: id }))!.value!)).toBeLessThanOrEqual(1e-9)
    }
  })
})

/**
 * A predictions CSV checked by rows, and again from the stats table that the printed DuckDB query
 * writes from it (a view named `evaluated` over the CSV): both reports, and what the query was made from.
 */
async function rowsAndStats(
  csv: string,
  artifact: (kind: string, path: string) => string,
  defaults: string,
  sensitive?: string
) {
  const d = workspace({
    'p.csv': csv,
    'rai-gate.yml': manifestYaml(artifact('predictions', 'p.csv'), sensitive),
    'policies/p.yml': policyYaml(defaults)
  })
  const opts = { policy: join(d, 'policies'), cwd: d, workspace: d }
  const byRows = byKeyOf(await check({ ...opts, manifest: join(d, 'rai-gate.yml') }))
  const manifest = loadManifest(join(d, 'rai-gate.yml'), { cwd: d, workspace: d })
  const policy = loadPolicy(join(d, 'policies'), manifest.riskTier, d)
  await connection.run(
    `CREATE OR REPLACE VIEW evaluated AS SELECT * FROM read_csv('${join(d, 'p.csv')}', all_varchar = true)`
  )
  const query = statsQuery(manifest, policy, { dialect: 'duckdb', table: 'evaluated' })
  await connection.run(`COPY (${query}) TO '${join(d, 's.csv')}' (FORMAT csv)`)
  write(d, { 'stats.yml': manifestYaml(artifact('stats', 's.csv'), sensitive) })
  const fromStats = await check({ ...opts, manifest: join(d, 'stats.yml') })
  return { d, byRows, fromStats, manifest, policy, query }
}

describe('the DuckDB query on weighted rows with a threshold and a positive label yes', () => {
  const csv =
    [
      'g,y,score,w',
      ...Array.from({ length: 3000 }, (_, i) => {
        const s = ((i * 7919) % 1000) / 1000 + 0.0004
        return `${['a', 'b', ''][i % 3]},${(i * 31) % 7 < 3 ? 'yes' : 'no'},${Math.min(s, 1)},${((i * 13) % 5) / 2}`
      })
    ].join('\n') + '\n'
  const artifact = (kind: string, path: string) =>
    `  - { kind: ${kind}, path: ${path}, positiveLabel: 'yes', threshold: 0.3, columns: { label: y, weight: w } }`

  it("gives the row path's metrics", async () => {
    const { byRows, fromStats } = await rowsAndStats(
      csv,
      artifact,
      'defaults: { minGroupSize: 10, bootstrap: { resamples: 200 } }\n'
    )
    expectValidReport(fromStats)
    const mine = byKeyOf(fromStats)
    expect(mine.size).toBe(byRows.size)
    let compared = 0
    for (const [key, m] of byRows) {
      const s = mine.get(key)!
      if (m.value === null || m.metric === 'auc') continue
      expect(Math.abs(s.value! - m.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(m.value)))
      compared++
    }
    expect(compared).toBeGreaterThan(40)
    // The (missing) group is the empty attribute value on both paths.
    expect(mine.get(metricKey({ metric: 'count', attribute: 'g', group: '(missing)' }))!.value).toBe(1000)
  })

  it('stops with an error that names the column when a label is not binary', async () => {
    await connection.run(
      `CREATE OR REPLACE VIEW bad AS SELECT * FROM (VALUES ('a', 'maybe', '0.5', '1')) t(g, y, score, w)`
    )
    const d = workspace({
      'rai-gate.yml': manifestYaml(artifact('stats', 's.csv')),
      'policies/p.yml': policyYaml('')
    })
    const manifest = loadManifest(join(d, 'rai-gate.yml'), { cwd: d, workspace: d })
    const policy = loadPolicy(join(d, 'policies'), manifest.riskTier, d)
    // A positive label that is not 0/1: every other value is the negative, so 'maybe' counts as no.
    const query = statsQuery(manifest, policy, { dialect: 'duckdb', table: 'bad' })
    await expect(connection.run(query)).resolves.toBeDefined()
    const numeric = statsQuery(
      { ...manifest, artifacts: [{ ...manifest.artifacts[0], positiveLabel: 1 }] },
      policy,
      { dialect: 'duckdb', table: 'bad' }
    )
    await expect(connection.run(numeric)).rejects.toThrow(/rai-gate: label is not 0 or 1/)
  })
})

describe('the DuckDB query on scores of exactly 0 and 1', () => {
  // Decile scores as COMPAS writes them: some exactly 0 or 1, on rows of either label, some alone in
  // their cell, so that a cell's log loss is a single clipped term.
  const csv =
    [
      'g,label,score',
      'solo1,0,1',
      'solo0,1,0',
      ...Array.from(
        { length: 600 },
        (_, i) => `${'ab'[i % 2]},${i % 3 === 0 ? 1 : 0},${(i % 11) / 10 > 1 ? 1 : (i % 11) / 10}`
      )
    ].join('\n') + '\n'
  const artifact = (kind: string, path: string) => `  - { kind: ${kind}, path: ${path} }`
  const sensitive = 'sensitiveAttributes: [g]'

  it("reads the table the query writes, with the row path's log loss, in every dialect's clipping", async () => {
    const { d, byRows, fromStats, manifest, policy, query } = await rowsAndStats(
      csv,
      artifact,
      'defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }\n',
      sensitive
    )
    const mine = byKeyOf(fromStats)
    // A one-row cell holds −ln(1 − (1 − 1e-15)) = 34.5396: above −ln(1e-15), the bound the reader had.
    const most = await connection.runAndReadAll(
      `SELECT max(sum_wll) AS m FROM read_csv('${join(d, 's.csv')}') WHERE row_count = 1`
    )
    expect(Number(most.getRowObjects()[0].m)).toBeGreaterThan(-Math.log(1e-15))
    const overall = metricKey({ metric: 'log_loss' })
    expect(mine.get(overall)!.value).toBeCloseTo(byRows.get(overall)!.value!, 9)
    // The other dialects clip with the same double literals, so they give the same sums.
    const clip = /GREATEST\(LEAST\(s, [^)]+\), [^)]+\)/.exec(query)![0]
    for (const dialect of ['bigquery', 'spark'] as const)
      expect(statsQuery(manifest, policy, { dialect, table: 'evaluated' })).toContain(clip)
  })
})
