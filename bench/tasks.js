// The regression and multiclass tasks at scale (issue: tasks beyond binary classification): `rai-gate
// check` on 10M rows of a regression (CSV) and of a 10-class model with full-precision probabilities
// (CSV and Parquet), next to the line scan of the same file, alternating in one run. Writes its
// section of docs/benchmarks.md (run by `npm run bench` after the others).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { generateTask, toParquet } from './generate.js'
import { processScan } from './scan.js'
import { checkArgs, timedRun } from './timed.js'

const OUT = 'bench/out'
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const ROWS = Number(process.env.BENCH_TASK_ROWS ?? 10_000_000)
const CLI = 'dist/cli.js'
mkdirSync(OUT, { recursive: true })

const TASKS = {
  regression: { task: 'regression', target: 5, artifact: '' },
  multiclass: { task: 'multiclass-classification', target: 10, artifact: ', scorePrefix: p_' }
}

function manifestFor(name, file) {
  const t = TASKS[name]
  const path = join(OUT, `rai-gate-${file.replace(/\.\w+$/, '')}.yml`)
  writeFileSync(
    path,
    `apiVersion: rai-gate/v1
kind: Evaluation
model: { name: bench, version: 1.0.0 }
riskTier: medium
task: ${t.task}
sensitiveAttributes: [sex, race, age_band]
intersections: [[sex, race]]
artifacts:
  - { kind: predictions, path: ${file}${t.artifact} }
`
  )
  return path
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const results = []
for (const [name, t] of Object.entries(TASKS)) {
  const csv = `${name}-${ROWS}.csv`
  if (!existsSync(join(OUT, csv))) {
    process.stderr.write(`generating ${ROWS} ${name} rows...\n`)
    await generateTask(join(OUT, csv), ROWS, name)
  }
  const files = [csv]
  if (name === 'multiclass') {
    const parquet = csv.replace(/\.csv$/, '.parquet')
    if (!existsSync(join(OUT, parquet))) await toParquet(join(OUT, csv), join(OUT, parquet))
    files.push(parquet)
  }
  for (const file of files) {
    const manifest = manifestFor(name, file)
    // The policy the shipped defaults give this task's medium tier.
    const args = checkArgs(manifest, 'policies', join(OUT, `report-${name}.json`))
    const scans = []
    const checks = []
    for (let i = 0; i < RUNS; i++) {
      // The line scan of the CSV file, for Parquet too: the same rows as text.
      scans.push(processScan(join(OUT, csv)))
      checks.push(timedRun(CLI, args))
      process.stderr.write(
        `${name} ${file}, run ${i + 1}: scan ${scans.at(-1).seconds.toFixed(2)} s, check ${checks.at(-1).seconds.toFixed(2)} s (${checks.at(-1).rssMb.toFixed(0)} MB)\n`
      )
    }
    const report = JSON.parse(readFileSync(join(OUT, `report-${name}.json`), 'utf8'))
    results.push({
      name,
      target: t.target,
      file,
      mb: statSync(join(OUT, file)).size / 1e6,
      scan: median(scans.map(s => s.seconds)),
      total: median(checks.map(c => c.seconds)),
      runRatios: checks.map((c, i) => c.seconds / scans[i].seconds).sort((x, y) => x - y),
      ratio: median(checks.map((c, i) => c.seconds / scans[i].seconds)),
      rss: Math.max(...checks.map(c => c.rssMb)),
      aucBound: report.metrics.find(m => m.metric === 'macro_auc')?.bound ?? null
    })
  }
}

const section = [
  '## Regression and multiclass models',
  '',
  'Written by `bench/tasks.js` (run by `npm run bench` after the above). `rai-gate check` (the bundled',
  'CLI, a child process) with the shipped medium policy of each task on synthetic predictions: a',
  'regression (label and prediction with every digit of their float64) and a 10-class model (10',
  'probabilities with every digit, summing to 1), the id and the 3 attributes of the files above, one',
  'intersection. The Parquet file holds the same rows, written by DuckDB. Each check alternates with',
  `the line scan of the CSV file; the median of ${RUNS} runs, and the median of the run-by-run ratios.`,
  'Both tasks read every format through the checked row path, on one thread.',
  '',
  `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`,
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  '',
  '| task | rows | file | line scan (CSV) | check | ratio (run by run) | peak RSS | macro AUC bound |',
  '|---|---:|---:|---:|---:|---|---:|---:|',
  ...results.map(
    r =>
      `| ${r.name} | ${ROWS.toLocaleString('en-US')} | ${r.file.endsWith('.parquet') ? 'Parquet' : 'CSV'}, ${r.mb.toFixed(0)} MB | ${r.scan.toFixed(2)} s | ${r.total.toFixed(2)} s | ${r.ratio.toFixed(1)}× (${r.runRatios.map(x => x.toFixed(1)).join(', ')}) | ${r.rss.toFixed(0)} MB | ${r.aucBound === null ? '—' : r.aucBound.toExponential(1)} |`
  ),
  '',
  'Targets (issue: tasks beyond binary classification): the 10-class file within 10× the line scan of',
  'the same file, the regression file within 5×, both in at most 400 MB.',
  '',
  ...results.map(
    r =>
      `- ${r.name}, ${r.file.endsWith('.parquet') ? 'Parquet' : 'CSV'}: ${r.total.toFixed(2)} s, ${r.ratio.toFixed(1)}× the line scan (${r.ratio <= r.target ? 'target met' : 'target NOT met'}); ${r.rss.toFixed(0)} MB (${r.rss <= 400 ? 'within 400 MB' : 'over 400 MB'}).`
  ),
  '',
  "Past 160 MB of distinct full-precision scores (2M rows of 10 classes), each class's further scores",
  'are floored to millionths to keep memory bounded, and its one-vs-rest AUC carries the bound that',
  'puts on it (docs/metrics.md, "Multiclass"): the last column.',
  ''
].join('\n')

const docs = readFileSync('docs/benchmarks.md', 'utf8')
const at = docs.indexOf('## Regression and multiclass models')
const next = at < 0 ? -1 : docs.indexOf('\n## ', at + 1)
writeFileSync(
  'docs/benchmarks.md',
  at < 0
    ? docs.trimEnd() + '\n\n' + section
    : docs.slice(0, at) + section + (next < 0 ? '' : docs.slice(next + 1))
)
process.stdout.write(section)
