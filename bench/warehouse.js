// npm run bench, second part: warehouse statistics. DuckDB generates predictions (100M rows by
// default, 50 intersectional groups), reduces them with the query `rai-gate sql --dialect duckdb`
// prints, and the gate runs on the stats table (1000 resamples). The same at 1M rows shows that the
// gate's time does not grow with the rows. Writes its section of docs/benchmarks.md.
import { checkArgs, timedRun } from './timed.js'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'

const OUT = resolve('bench/out/warehouse')
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const SIZES = (process.env.BENCH_WAREHOUSE_ROWS ?? '1000000,100000000').split(',').map(Number)
const CLI = resolve('dist/cli.js')
mkdirSync(OUT, { recursive: true })

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const seconds = async f => {
  const t = process.hrtime.bigint()
  await f()
  return Number(process.hrtime.bigint() - t) / 1e9
}

// Two attributes of 5 and 10 values, declared with their intersection: 50 intersectional groups.
writeFileSync(
  join(OUT, 'rai-gate.yml'),
  `apiVersion: rai-gate/v1
kind: Evaluation
model: { name: bench, version: 1.0.0 }
riskTier: medium
task: binary-classification
sensitiveAttributes: [region, segment]
intersections: [[region, segment]]
artifacts:
  - { kind: stats, path: stats.parquet }
`
)
mkdirSync(join(OUT, 'policies'), { recursive: true })
writeFileSync(
  join(OUT, 'policies/medium.yml'),
  `apiVersion: rai-gate/v1
kind: Policy
name: bench
version: 1.0.0
tier: medium
defaults: { bootstrap: { resamples: 1000, seed: 0 } }
gates:
  - { id: dp, metric: demographic_parity_difference, max: 0.1 }
  - { id: eo, metric: equalized_odds_difference, max: 0.1 }
  - { id: auc, metric: auc, min: 0.7 }
  - { id: ece, metric: ece, max: 0.05 }
`
)
const sql = spawnSync(
  process.execPath,
  [CLI, 'sql', '--dialect', 'duckdb', '--manifest', 'rai-gate.yml', '--policy', 'policies'],
  {
    cwd: OUT,
    encoding: 'utf8'
  }
)
if (sql.status !== 0) throw new Error(sql.stderr)
const query = sql.stdout

function gate() {
  return timedRun(CLI, checkArgs('rai-gate.yml', 'policies', 'report.json'), { cwd: OUT })
}

// DuckDB's part runs in a child process of its own (this script with --reduce): its memory (GBs at
// 100M rows) would otherwise be part of every gate process forked from this one, in its time (the
// fork copies the page tables) and in its peak RSS (Linux keeps the high-water mark across exec).
if (process.argv[2] === '--reduce') {
  const rows = Number(process.argv[3])
  const db = await DuckDBInstance.create(':memory:')
  const c = await db.connect()
  // Scores uniform in [0, 1) at full precision, labels drawn with the score as their probability
  // (shifted by group), predictions at 0.5: a deterministic hash of the row number for each.
  const generated = await seconds(() =>
    c.run(`CREATE TABLE predictions AS
      SELECT
        'r' || (i % 5) AS region,
        's' || ((i // 5) % 10) AS segment,
        (hash(i) % 1000000007) / 1000000007.0 AS score,
        CASE WHEN (hash(i + ${rows}) % 1000003) / 1000003.0 < 0.9 * ((hash(i) % 1000000007) / 1000000007.0) + 0.01 * (i % 5) THEN 1 ELSE 0 END AS label
      FROM range(${rows}) t(i)`)
  )
  const reduced = await seconds(() =>
    c.run(`COPY (${query}) TO '${join(OUT, 'stats.parquet')}' (FORMAT parquet)`)
  )
  const statRows = Number(
    (await c.runAndReadAll(`SELECT count(*) FROM '${join(OUT, 'stats.parquet')}'`)).getRows()[0][0]
  )
  c.closeSync()
  process.stdout.write(JSON.stringify({ generated, reduced, statRows }))
  process.exit(0)
}

const results = []
for (const rows of SIZES) {
  const child = spawnSync(process.execPath, [resolve('bench/warehouse.js'), '--reduce', String(rows)], {
    encoding: 'utf8'
  })
  if (child.status !== 0) throw new Error(`reduce failed: ${child.stderr}`)
  const { generated, reduced, statRows } = JSON.parse(child.stdout)
  const gates = []
  for (let i = 0; i < RUNS; i++) gates.push(gate())
  const report = JSON.parse(readFileSync(join(OUT, 'report.json'), 'utf8'))
  const auc = report.metrics.find(m => m.metric === 'auc' && m.attribute === undefined)
  results.push({
    rows,
    generated,
    reduced,
    statRows,
    statMb: statSync(join(OUT, 'stats.parquet')).size / 1e6,
    gate: median(gates.map(g => g.seconds)),
    gates: gates.map(g => g.seconds),
    rss: Math.max(...gates.map(g => g.rssMb)),
    groups: report.metrics.filter(m => m.metric === 'count' && m.attribute === 'region*segment').length,
    aucBound: auc.bound
  })
  process.stderr.write(
    `${rows} rows: generated ${generated.toFixed(1)} s, reduced ${reduced.toFixed(1)} s, gate ${results.at(-1).gate.toFixed(2)} s\n`
  )
}

const big = results.at(-1)
const section = [
  '## Warehouse statistics',
  '',
  'Written by `bench/warehouse.js` (run by `npm run bench` after the above). DuckDB (`@duckdb/node-api`,',
  'in a child process of the bench) generates the predictions: two attributes of 5 and 10 values declared with their',
  'intersection (50 intersectional groups), full-precision scores, no weights. It reduces them with the',
  'query that `rai-gate sql --dialect duckdb` prints, written as Parquet. `rai-gate check` then runs on',
  `the stats table with 1000 resamples: the bundled CLI, a child process, the median of ${RUNS} runs.`,
  '',
  `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`,
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  '',
  '| rows | generate in DuckDB | reduce (the printed query) | stats table | gate on it (run by run) | gate peak RSS | AUC bound |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    r =>
      `| ${r.rows.toLocaleString('en-US')} | ${r.generated.toFixed(1)} s | ${r.reduced.toFixed(1)} s | ${r.statRows.toLocaleString('en-US')} rows, ${r.statMb.toFixed(2)} MB | ${r.gate.toFixed(2)} s (${r.gates.map(g => g.toFixed(2)).join(', ')}) | ${r.rss.toFixed(0)} MB | ${r.aucBound.toExponential(1)} |`
  ),
  '',
  'Target (issue: warehouse statistics): the gate under 1 s on a stats table from 100M rows with 50',
  'intersectional groups and 1000 resamples, not growing with the rows.',
  '',
  "The stats table's size depends on the groups and bins, not on the rows. The gate's few hundredths",
  'more at 100M rows are the Clopper–Pearson intervals of larger counts: in a profile, about 0.1 s of',
  'the gate went to the incomplete beta function, whose series take longer on counts of millions.',
  '',
  `- ${big.rows.toLocaleString('en-US')} rows, ${big.groups} intersectional groups: the gate takes ${big.gate.toFixed(2)} s (${big.gate < 1 ? 'target met' : 'target NOT met'}), against ${results[0].gate.toFixed(2)} s on the table from ${results[0].rows.toLocaleString('en-US')} rows.`,
  ''
].join('\n')

const docs = readFileSync('docs/benchmarks.md', 'utf8')
const at = docs.indexOf('## Warehouse statistics')
writeFileSync('docs/benchmarks.md', (at < 0 ? docs.trimEnd() + '\n\n' : docs.slice(0, at)) + section)
process.stdout.write(section)
