// npm run bench: end-to-end time and peak memory of `rai-gate check` on synthetic predictions with
// 1M and 10M rows, next to the time Node takes just to stream the same file and count its lines, and
// with the file's ids mapped as users map them (the row record kept), measured side by side
// (interleaved) in one run. Writes docs/benchmarks.md.
import { timedRun } from './timed.js'
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { generate, toParquet } from './generate.js'
import { countLines, processScan } from './scan.js'

const OUT = 'bench/out'
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
// BENCH_COMPARE=<git ref>: also time the bundle committed at that ref, alternating with this one, to
// measure what a change costs side by side (its dist/ is extracted into bench/out/).
const COMPARE = process.env.BENCH_COMPARE ?? null
const COMPARE_LABEL = process.env.BENCH_COMPARE_LABEL ?? ''
const SIZES = (process.env.BENCH_ROWS ?? '1000000,10000000').split(',').map(Number)
// Full-precision (and weighted) files: BENCH_FULL_ROWS, default 1M, 10M and 30M rows.
const FULL_SIZES = (process.env.BENCH_FULL_ROWS ?? '1000000,10000000,30000000').split(',').map(Number)
// Parquet files of the 6-decimal and full-precision rows: BENCH_PARQUET_ROWS, default 10M rows.
const PARQUET_SIZES = (process.env.BENCH_PARQUET_ROWS ?? '10000000').split(',').map(Number)
mkdirSync(OUT, { recursive: true })

writeFileSync(
  join(OUT, 'policy.yml'),
  `apiVersion: rai-gate/v1
kind: Policy
name: bench
version: 1.0.0
tier: medium
defaults:
  bootstrap: { resamples: 1000, seed: 0 }
  minGroupSize: 30
  calibration: { bins: 10, strategy: uniform }
`
)

/** Counts line ends byte by byte in JavaScript: what any per-byte reader pays at least. */
async function byteScan(path) {
  const t = process.hrtime.bigint()
  let lines = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++
  }
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, lines }
}

/** The line scan inside this process: reading and counting only. */
async function lineScan(path) {
  const t = process.hrtime.bigint()
  const lines = await countLines(path)
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, lines }
}

/** The CLI bundle to run: this checkout's dist/, or the one committed at COMPARE. */
function bundleAt(ref) {
  if (ref === null) return 'dist/cli.js'
  const dir = join(OUT, `dist-${ref.replace(/[^A-Za-z0-9._-]/g, '_')}`)
  mkdirSync(dir, { recursive: true })
  for (const file of ['cli.js', 'worker.js']) {
    const r = spawnSync('git', ['show', `${ref}:dist/${file}`], { encoding: 'buffer', maxBuffer: 1 << 28 })
    if (r.status !== 0) throw new Error(`git show ${ref}:dist/${file} failed: ${r.stderr}`)
    writeFileSync(join(dir, file), r.stdout)
  }
  return join(dir, 'cli.js')
}
const CLI = bundleAt(null)
const COMPARE_CLI = COMPARE === null ? null : bundleAt(COMPARE)

function check(manifest, threads, cli = CLI, extra = []) {
  const env = { ...process.env, RAI_GATE_PARALLEL_MIN_BYTES: threads === 1 ? '1e15' : String(32 * 2 ** 20) }
  return timedRun(
    cli,
    [
      'check',
      '--manifest',
      manifest,
      '--policy',
      join(OUT, 'policy.yml'),
      '--report',
      join(OUT, 'report.json'),
      '--format',
      'json',
      ...extra
    ],
    { env }
  )
}

/** Writes the benchmark's manifest for a predictions file in OUT (with more artifact settings). */
function manifestFor(file, settings = '') {
  const path = join(
    OUT,
    `rai-gate-${file.replace(/\.csv$/, '')}${settings.includes('id: id') ? '-ids' : ''}.yml`
  )
  writeFileSync(
    path,
    `apiVersion: rai-gate/v1
kind: Evaluation
model: { name: bench, version: 1.0.0 }
riskTier: medium
task: binary-classification
sensitiveAttributes: [sex, race, age_band]
intersections: [[sex, race]]
artifacts:
  - { kind: predictions, path: ${file}${settings ? `, ${settings}` : ''} }
`
  )
  return path
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const results = []
for (const rows of SIZES) {
  const csv = join(OUT, `predictions-${rows}.csv`)
  if (!existsSync(csv)) {
    process.stderr.write(`generating ${rows} rows...\n`)
    await generate(csv, rows)
  }
  const manifest = manifestFor(`predictions-${rows}.csv`)
  // As the README and `init` write it: ids mapped, so that the report keeps each row.
  const withIds = manifestFor(`predictions-${rows}.csv`, 'columns: { id: id }')
  await lineScan(csv) // warm the page cache
  const scans = []
  const inScans = []
  const bytes = []
  const checks = []
  const recorded = []
  const singles = []
  const compared = []
  for (let i = 0; i < RUNS; i++) {
    scans.push(processScan(csv))
    checks.push(check(manifest, 2))
    recorded.push(check(withIds, 2))
    // The paired comparison below checks a second model against this report.
    copyFileSync(join(OUT, 'report.json'), join(OUT, `baseline-${rows}.json`))
    inScans.push(await lineScan(csv))
    bytes.push(await byteScan(csv))
    singles.push(check(manifest, 1))
    if (COMPARE_CLI) compared.push(check(manifest, 2, COMPARE_CLI))
    if (scans.at(-1).lines !== rows + 1) throw new Error(`scan counted ${scans.at(-1).lines} lines`)
    const [c, o] = [checks.at(-1), singles.at(-1)]
    process.stderr.write(
      `${rows} rows, run ${i + 1}: scan ${scans.at(-1).seconds.toFixed(2)} s (in process ${inScans.at(-1).seconds.toFixed(2)} s), byte scan ${bytes.at(-1).seconds.toFixed(2)} s, check ${c.seconds.toFixed(2)} s (${c.rssMb.toFixed(0)} MB), ids mapped ${recorded.at(-1).seconds.toFixed(2)} s (${recorded.at(-1).rssMb.toFixed(0)} MB), one thread ${o.seconds.toFixed(2)} s (${o.rssMb.toFixed(0)} MB)${COMPARE_CLI ? `, at ${COMPARE} ${compared.at(-1).seconds.toFixed(2)} s` : ''}\n`
    )
  }
  const scan = median(scans.map(s => s.seconds))
  const inScan = median(inScans.map(s => s.seconds))
  const total = median(checks.map(c => c.seconds))
  results.push({
    rows,
    mb: statSync(csv).size / 1e6,
    scan,
    inScan,
    total,
    // Each run's check over the scan just before it, and their median: the ratio measured side by
    // side, which the machine's drift between runs moves less than a ratio of medians.
    runRatios: checks.map((c, i) => c.seconds / scans[i].seconds).sort((x, y) => x - y),
    ratio: median(checks.map((c, i) => c.seconds / scans[i].seconds)),
    inRatio: median(checks.map((c, i) => c.seconds / inScans[i].seconds)),
    byteScan: median(bytes.map(b => b.seconds)),
    rss: Math.max(...checks.map(c => c.rssMb)),
    recorded: median(recorded.map(c => c.seconds)),
    recordedRss: Math.max(...recorded.map(c => c.rssMb)),
    // Each run's check with ids over the check without them just before it.
    recordRatios: recorded.map((c, i) => c.seconds / checks[i].seconds).sort((x, y) => x - y),
    single: median(singles.map(c => c.seconds)),
    singleRss: Math.max(...singles.map(c => c.rssMb)),
    compared: compared.length > 0 ? median(compared.map(c => c.seconds)) : null,
    // Each run's check over the compared bundle's check just after it.
    comparedRatios: compared.map((c, i) => checks[i].seconds / c.seconds).sort((x, y) => x - y)
  })
}

// Scores as pandas writes them (every digit of the float64), unweighted and weighted, next to the
// 6-decimal file of the same rows: they leave the score grid for the sorted runs (core/tables/scores.ts).
const precision = []
for (const rows of FULL_SIZES) {
  for (const kind of ['full', 'weighted']) {
    const file = `predictions-${rows}-${kind}.csv`
    if (!existsSync(join(OUT, file))) {
      process.stderr.write(`generating ${rows} rows (${kind})...\n`)
      await generate(join(OUT, file), rows, false, kind)
    }
    const manifest = manifestFor(file, kind === 'weighted' ? 'columns: { weight: w }' : '')
    await lineScan(join(OUT, file))
    const scans = []
    const checks = []
    for (let i = 0; i < RUNS; i++) {
      scans.push(processScan(join(OUT, file)))
      checks.push(check(manifest, 2))
      process.stderr.write(
        `${rows} rows, ${kind}, run ${i + 1}: scan ${scans.at(-1).seconds.toFixed(2)} s, check ${checks.at(-1).seconds.toFixed(2)} s (${checks.at(-1).rssMb.toFixed(0)} MB)\n`
      )
    }
    const scan = median(scans.map(x => x.seconds))
    const total = median(checks.map(c => c.seconds))
    precision.push({
      rows,
      kind,
      mb: statSync(join(OUT, file)).size / 1e6,
      scan,
      total,
      runRatios: checks.map((c, i) => c.seconds / scans[i].seconds).sort((x, y) => x - y),
      ratio: median(checks.map((c, i) => c.seconds / scans[i].seconds)),
      rss: Math.max(...checks.map(c => c.rssMb)),
      six: results.find(r => r.rows === rows)?.total ?? null
    })
  }
}

// The same rows as Parquet (written by DuckDB: snappy, its default row groups of 122,880 rows) next
// to the CSV file, checked alternately.
const parquet = []
for (const rows of PARQUET_SIZES) {
  for (const kind of ['six', 'full']) {
    const csv = kind === 'six' ? `predictions-${rows}.csv` : `predictions-${rows}-full.csv`
    if (!existsSync(join(OUT, csv))) await generate(join(OUT, csv), rows, false, kind)
    const file = csv.replace(/\.csv$/, '.parquet')
    if (!existsSync(join(OUT, file))) {
      process.stderr.write(`writing ${file} with DuckDB...\n`)
      await toParquet(join(OUT, csv), join(OUT, file))
    }
    const manifests = [manifestFor(csv), manifestFor(file)]
    const checks = [[], []]
    for (let i = 0; i < RUNS; i++) {
      manifests.forEach((m, k) => checks[k].push(check(m, 2)))
      process.stderr.write(
        `${rows} rows, ${kind}, run ${i + 1}: CSV ${checks[0].at(-1).seconds.toFixed(2)} s, Parquet ${checks[1].at(-1).seconds.toFixed(2)} s (${checks[1].at(-1).rssMb.toFixed(0)} MB)\n`
      )
    }
    parquet.push({
      rows,
      kind,
      csvMb: statSync(join(OUT, csv)).size / 1e6,
      mb: statSync(join(OUT, file)).size / 1e6,
      csv: median(checks[0].map(c => c.seconds)),
      csvRss: Math.max(...checks[0].map(c => c.rssMb)),
      total: median(checks[1].map(c => c.seconds)),
      rss: Math.max(...checks[1].map(c => c.rssMb)),
      runRatios: checks[1].map((c, i) => c.seconds / checks[0][i].seconds).sort((x, y) => x - y),
      ratio: median(checks[1].map((c, i) => c.seconds / checks[0][i].seconds))
    })
  }
}

// The paired comparison: the report of the last check with ids (above) is the baseline of a second
// model on the same rows, compared row by row.
const paired = []
for (const rows of SIZES) {
  const variant = `predictions-${rows}-b.csv`
  if (!existsSync(join(OUT, variant))) await generate(join(OUT, variant), rows, true)
  const now = manifestFor(variant, 'columns: { id: id }')
  const baseReport = join(OUT, `baseline-${rows}.json`)
  const compared = []
  for (let i = 0; i < RUNS; i++) {
    compared.push(check(now, 2, CLI, ['--baseline', baseReport]))
    process.stderr.write(
      `${rows} rows with ids, run ${i + 1}: against the baseline ${compared.at(-1).seconds.toFixed(2)} s (${compared.at(-1).rssMb.toFixed(0)} MB)\n`
    )
  }
  const report = JSON.parse(readFileSync(baseReport, 'utf8'))
  const cases = report.stats.predictions.cases
  const after = JSON.parse(readFileSync(join(OUT, 'report.json'), 'utf8'))
  const r = results.find(r => r.rows === rows)
  paired.push({
    rows,
    plain: r.total,
    recorded: r.recorded,
    recordedRss: r.recordedRss,
    compared: median(compared.map(c => c.seconds)),
    comparedRss: Math.max(...compared.map(c => c.rssMb)),
    recordMb: cases ? (cases.keys.length + cases.codes.length) / 1e6 : 0,
    reportMb: statSync(baseReport).size / 1e6,
    comparison: after.baseline.comparisons[0]
  })
}

function verdicts(results) {
  const big = results.find(r => r.rows === 10_000_000)
  if (!big) return ['(Run with 10,000,000 rows for the verdicts.)']
  const small = results.find(r => r.rows === 1_000_000)
  const compare = results
    .filter(r => r.compared !== null)
    .map(
      r =>
        `- Against the bundle committed at \`${COMPARE}\`${COMPARE_LABEL ? ` (${COMPARE_LABEL})` : ''}, on ${r.rows.toLocaleString('en-US')} rows: ${r.compared.toFixed(2)} s there, ${r.total.toFixed(2)} s here (median ratio ${median(r.comparedRatios).toFixed(2)}; run by run ${r.comparedRatios.map(x => x.toFixed(2)).join(', ')}).`
    )
  return [
    ...compare,
    `- Time: ${big.total.toFixed(2)} s against a line scan of ${big.scan.toFixed(2)} s; the median of the run-by-run ratios (${big.runRatios.map(r => r.toFixed(1) + '×').join(', ')}) is ${big.ratio.toFixed(1)}×: ${big.ratio <= 5 ? 'target met' : 'target NOT met'}.`,
    `  Both are whole Node processes timed from outside, start-up included, so the ratio compares like with like. Counting only the scan's reading (${big.inScan.toFixed(2)} s, no Node start-up), the check is ${big.inRatio.toFixed(1)}× (${big.inRatio <= 5 ? 'also within 5×' : 'over 5×'}); against a scan that tests every byte in JavaScript (${big.byteScan.toFixed(2)} s) it is ${(big.total / big.byteScan).toFixed(1)}×.`,
    `- Memory: ${big.rss.toFixed(0)} MB at 10M rows${small ? ` and ${small.rss.toFixed(0)} MB at 1M rows` : ''}: ${big.rss <= 300 ? 'within 300 MB' : 'over 300 MB'}.`,
    ...results.map(
      r =>
        `- Ids mapped, ${r.rows.toLocaleString('en-US')} rows: ${r.recorded.toFixed(2)} s against ${r.total.toFixed(2)} s without, ${median(r.recordRatios).toFixed(2)}× (run by run ${r.recordRatios.map(x => x.toFixed(2)).join(', ')}): ${median(r.recordRatios) <= 1.2 ? 'target met' : 'target NOT met'}; ${r.recordedRss.toFixed(0)} MB.`
    )
  ]
}

const cpu = cpus()[0]?.model ?? 'unknown CPU'
const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (bench/run.js). Each figure is the median of ' +
    RUNS +
    ' runs; the scans and the checks',
  'alternate in one run so that both see the same machine state. A ratio is the median of the',
  'run-by-run ratios (each check over the scan, or the CSV check, just before it): the ratio measured',
  'side by side, which the drift of a shared machine between runs moves less than a ratio of medians.',
  '',
  `- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`,
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  '- Work: `rai-gate check` (the bundled CLI, a child process) on synthetic predictions with 7 columns,',
  '  3 sensitive attributes plus one intersection, every default metric with 1000-resample bootstrap',
  '  intervals, report written.',
  '- Line scan: `node bench/scan.js FILE`, a Node process that streams the same file (1 MiB chunks) and',
  '  counts `\\n` with Buffer.indexOf (memchr), timed from outside like the check. "In process": the same',
  '  reading and counting timed inside one process (no Node start-up). Byte-loop scan: in process,',
  '  testing every byte in a JavaScript loop.',
  "- Peak RSS: the check process's maximum resident set size (`process.resourceUsage().maxRSS`, helper",
  '  thread included). `check` reads files of 32 MB or more in two parts, on the main thread and one',
  '  helper thread (the CLI default); "one thread" forces a single reader (the bootstrap still draws half',
  '  on the helper), for comparison.',
  '',
  '- Ids mapped: the same file with `columns: { id: id }`, as the README and `init` write the manifest,',
  '  so that the report keeps each row for a later paired comparison (at most 1,000,000 rows: past the',
  "  bound the record is given up, and said so). Each row's id is hashed (SHA-256, in WebAssembly) and",
  '  kept with its cell and prediction: 12 bytes a row in the report. Checked alternately with the file',
  '  without ids; the ratio is the median of the run-by-run ratios.',
  '',
  '| rows | file | line scan | in process | check (end to end) | ratio | ratio to in-process scan | peak RSS | check, one thread | its peak RSS | byte-loop scan | check, ids mapped | ids / no ids | its peak RSS |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    r =>
      `| ${r.rows.toLocaleString('en-US')} | ${r.mb.toFixed(0)} MB | ${r.scan.toFixed(2)} s | ${r.inScan.toFixed(2)} s | ${r.total.toFixed(2)} s | ${r.ratio.toFixed(2)}× | ${r.inRatio.toFixed(2)}× | ${r.rss.toFixed(0)} MB | ${r.single.toFixed(2)} s | ${r.singleRss.toFixed(0)} MB | ${r.byteScan.toFixed(2)} s | ${r.recorded.toFixed(2)} s | ${median(r.recordRatios).toFixed(2)}× | ${r.recordedRss.toFixed(0)} MB |`
  ),
  '',
  'Targets: 10M rows in at most 5× the line-scan time of the same file; peak RSS at most 300 MB and flat',
  'in the number of rows; with ids mapped, within 1.2× of the check without them at 1M and 10M rows.',
  '',
  ...verdicts(results),
  '',
  '## Full-precision and weighted scores',
  '',
  'The same synthetic rows with each score written with every digit of its float64 (the shortest',
  "round trip, as pandas' `to_csv` writes it), and again with a sample-weight column of 3 decimals. Such",
  'scores leave the 6-decimal grid: the WebAssembly reader parses them exactly (17 to 19 digits too) and',
  "queues them; each label's are gathered in chunks of 1,048,576 rows, sorted (a radix sort in",
  'WebAssembly), and collapsed to distinct scores (8 bytes each, 16 weighted; 4 more where scores',
  'repeat), then walked in order for the exact AUC, in two halves on the two threads.',
  '',
  '| rows | scores | file | line scan | check | ratio (run by run) | peak RSS | 6-decimal file, check |',
  '|---:|---|---:|---:|---:|---|---:|---:|',
  ...precision.map(
    p =>
      `| ${p.rows.toLocaleString('en-US')} | ${p.kind === 'full' ? 'every digit' : 'every digit, weighted'} | ${p.mb.toFixed(0)} MB | ${p.scan.toFixed(2)} s | ${p.total.toFixed(2)} s | ${p.ratio.toFixed(1)}× (${p.runRatios.map(r => r.toFixed(1)).join(', ')}) | ${p.rss.toFixed(0)} MB | ${p.six === null ? '—' : p.six.toFixed(2) + ' s'} |`
  ),
  '',
  'Targets (issue: real evaluation files at full speed): 10M rows of full-precision scores within 5× the',
  'line scan of the same file, in at most 300 MB.',
  '',
  ...precision
    .filter(p => p.rows === 10_000_000)
    .map(
      p =>
        `- ${p.kind === 'full' ? 'Every digit' : 'Every digit, weighted'}, 10M rows: ${p.total.toFixed(2)} s, ${p.ratio.toFixed(1)}× the line scan, the median of the run-by-run ratios (${p.ratio <= 5 ? 'target met' : 'target NOT met'}); ${p.rss.toFixed(0)} MB (${p.rss <= 300 ? 'within 300 MB' : 'over 300 MB'}).`
    ),
  '',
  '## Parquet',
  '',
  'The same rows written as Parquet by DuckDB (snappy; row groups of 122,880 rows), checked alternately',
  'with the CSV file. Parquet files are read row group by row group, the columns the manifest uses only,',
  'in two parts on two threads (cut between row groups) like a CSV file of 32 MB or more.',
  '',
  '| rows | scores | CSV file | Parquet file | check, CSV | check, Parquet | Parquet / CSV (run by run) | peak RSS, CSV | peak RSS, Parquet |',
  '|---:|---|---:|---:|---:|---:|---|---:|---:|',
  ...parquet.map(
    p =>
      `| ${p.rows.toLocaleString('en-US')} | ${p.kind === 'full' ? 'every digit' : '6 decimals'} | ${p.csvMb.toFixed(0)} MB | ${p.mb.toFixed(0)} MB | ${p.csv.toFixed(2)} s | ${p.total.toFixed(2)} s | ${p.ratio.toFixed(2)} (${p.runRatios.map(r => r.toFixed(2)).join(', ')}) | ${p.csvRss.toFixed(0)} MB | ${p.rss.toFixed(0)} MB |`
  ),
  '',
  'Target (issue: real evaluation files at full speed): 10M rows as Parquet no slower than the same rows',
  'as CSV.',
  '',
  ...parquet.map(
    p =>
      `- ${p.kind === 'full' ? 'Every digit' : '6 decimals'}, ${p.rows.toLocaleString('en-US')} rows: Parquet ${p.total.toFixed(2)} s against CSV ${p.csv.toFixed(2)} s, ${p.ratio.toFixed(2)} of its time, the median of the run-by-run ratios (${p.ratio <= 1 ? 'target met' : 'target NOT met'}).`
  ),
  '',
  '## Paired comparison',
  '',
  'The same files with `columns: { id: id }` mapped (above), then a second model on the same rows',
  '(every 20th prediction flipped) checked against that report. A file with ids is read as one',
  'without: the WebAssembly reader hashes each id itself, on both threads. The paired bootstrap costs',
  'O(rows) per resample (1000 here), half of them on the helper thread, which holds a copy of the',
  'shared rows.',
  '',
  '| rows | check, no ids | check, ids mapped | its peak RSS | row record in the report | report | check against it | its peak RSS | comparison |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...paired.map(
    p =>
      `| ${p.rows.toLocaleString('en-US')} | ${p.plain.toFixed(2)} s | ${p.recorded.toFixed(2)} s | ${p.recordedRss.toFixed(0)} MB | ${p.recordMb > 0 ? p.recordMb.toFixed(1) + ' MB' : 'none (above the bound)'} | ${p.reportMb.toFixed(1)} MB | ${p.compared.toFixed(2)} s | ${p.comparedRss.toFixed(0)} MB | ${p.comparison.comparison}${p.comparison.reason ? ` (${p.comparison.reason})` : ''} |`
  ),
  ''
]
mkdirSync('docs', { recursive: true })
writeFileSync('docs/benchmarks.md', lines.join('\n'))
process.stdout.write(lines.join('\n'))
