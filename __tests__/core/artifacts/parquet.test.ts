/**
 * Parquet artifacts, on files that DuckDB writes: every codec and row-group size gives exactly the
 * report of the same rows as CSV; the column types map as in CSV; nulls are the (missing) group in an
 * attribute and an error (file, row, row group, column) anywhere else; a file that is not Parquet
 * says so in words.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet'
import { InputError } from '../../../src/core/errors.js'
import type { Report } from '../../../src/core/report/report.js'
import {
  ADULT,
  adultManifestYaml,
  checkFiles,
  manifestYaml,
  policyYaml,
  workspace
} from '../../helpers/check.js'
import { duckdb, writeParquet, sqlString, type Codec } from '../../helpers/duckdb.js'

const ADULT_MANIFEST = (predictions: string, robustness: string, outcomes?: string) =>
  adultManifestYaml(`  - { kind: predictions, path: ${predictions}, columns: { id: id } }
  - { kind: robustness, path: ${robustness}, columns: { id: id } }
${outcomes ? `  - { kind: outcomes, path: ${outcomes} }` : ''}`)
const POLICY = policyYaml('defaults: { bootstrap: { resamples: 200 } }')
const OUTCOMES = [
  'suite,category,passed,id',
  ...Array.from(
    { length: 40 },
    (_, i) => `s${i % 3},${i % 4 === 0 ? '' : `c${i % 2}`},${i % 5 !== 0},case${i}`
  )
].join('\n')

/** A report without what names the files (paths and hashes differ by format). */
const content = (r: Report) => ({ ...r, inputs: r.inputs.map(i => ({ kind: i.kind, rows: i.rows })) })

const csvPath = (name: string) => join(ADULT, name)
const readCsv = (path: string) => `SELECT * FROM read_csv(${sqlString(path)})`

const ADULT_CSV = {
  'p.csv': readFileSync(csvPath('predictions.csv')),
  'r.csv': readFileSync(csvPath('robustness.csv')),
  'o.csv': OUTCOMES
}
let csvReport: Report | null = null
async function csv(): Promise<Report> {
  csvReport ??= await checkFiles({
    ...ADULT_CSV,
    'rai-gate.yml': ADULT_MANIFEST('p.csv', 'r.csv', 'o.csv'),
    'policies/p.yml': POLICY
  })
  return csvReport
}

describe('a Parquet file written by DuckDB reads exactly as the same rows in CSV', () => {
  it.each<[Codec, number]>([
    ['snappy', 122880],
    ['zstd', 2048],
    ['gzip', 4096],
    ['uncompressed', 2048]
  ])('%s, %i rows per row group', async (codec, rowGroup) => {
    const dir = workspace(ADULT_CSV)
    const out = (name: string) => join(dir, name)
    await writeParquet(readCsv(out('p.csv')), out('p.parquet'), { codec, rowGroup })
    await writeParquet(readCsv(out('r.csv')), out('r.parquet'), { codec, rowGroup })
    // Outcomes as DuckDB reads them: booleans, and NULL for the empty categories.
    await writeParquet(readCsv(out('o.csv')), out('o.parquet'), { codec, rowGroup: 7 })
    const report = await checkFiles(
      { 'rai-gate.yml': ADULT_MANIFEST('p.parquet', 'r.parquet', 'o.parquet'), 'policies/p.yml': POLICY },
      {},
      dir
    )
    expect(report.inputs.map(i => i.path.replace(/.*\//, ''))).toEqual([
      'p.parquet',
      'r.parquet',
      'o.parquet'
    ])
    const groups = (await parquetMetadataAsync(await asyncBufferFromFile(out('p.parquet')))).row_groups.length
    expect(groups).toBe(Math.ceil(9049 / rowGroup))
    expect(content(report)).toEqual(content(await csv()))
  })

  it('reads dictionary-encoded strings, and integer, boolean, float and string columns as in CSV', async () => {
    const dir = workspace({})
    // Every spelling of the same rows: label as BOOLEAN, TINYINT, DOUBLE and text, the score as
    // DECIMAL (hundredths), DOUBLE and text, the attribute as integers and dictionary-encoded text.
    const rows = (label: string, score: string, group: string) =>
      `SELECT ${label} AS label, ${score} AS score, ${group} AS g FROM (SELECT i, (i % 3 = 0) AS y, ((i % 100)::DECIMAL(4, 0) / 100)::DECIMAL(4, 2) AS s FROM range(2000) t(i))`
    const variants = {
      bool: rows('y', 's::DOUBLE', '(i % 4)::INTEGER'),
      tiny: rows('y::TINYINT', 's', '(i % 4)::VARCHAR'),
      float: rows('y::INTEGER::DOUBLE', 's::DOUBLE', '(i % 4)::BIGINT'),
      text: rows('y::INTEGER::VARCHAR', 's::DOUBLE::VARCHAR', '(i % 4)::VARCHAR')
    }
    const reports: Report[] = []
    for (const [name, sql] of Object.entries(variants)) {
      await writeParquet(sql, join(dir, `${name}.parquet`), { rowGroup: 500 })
      reports.push(
        await checkFiles(
          {
            'rai-gate.yml': manifestYaml(`  - { kind: predictions, path: ${name}.parquet }`),
            'policies/p.yml': POLICY
          },
          {},
          dir
        )
      )
    }
    // The same rows as CSV, written by DuckDB too (the row order is the engine's).
    await duckdb(
      `COPY (${rows('y::INTEGER', 's::DOUBLE', 'i % 4')}) TO '${join(dir, 'same.csv')}' (FORMAT csv)`
    )
    expect(readFileSync(join(dir, 'same.csv'), 'utf8')).toMatch(/^label,score,g\n1,0\.0,0\n0,0\.01,1\n/)
    const expected = await checkFiles(
      { 'rai-gate.yml': manifestYaml(`  - { kind: predictions, path: same.csv }`), 'policies/p.yml': POLICY },
      {},
      dir
    )
    reports.forEach((r, k) =>
      expect([k, r.metrics, r.checks]).toEqual([k, expected.metrics, expected.checks])
    )
    expect(expected.stats?.predictions?.groups).toEqual([['0', '1', '2', '3']])
  })
})

it('reads dictionary indices of every width, in runs and bit-packed, with and without nulls, as in CSV', async () => {
  const dir = workspace({})
  // wide: 600 distinct values in scattered order (10-bit indices, bit-packed); runs: long runs of one
  // value (run-length encoded); mid: 40 values scattered (6-bit indices, crossing 32-bit words);
  // same: one value (0-bit indices); few: 3 values (2-bit indices) with nulls on every 11th row.
  const sql = `SELECT (i % 3 = 0)::INTEGER AS label, ((i * 37) % 1000) / 1000 AS score,
    'w' || ((i * 7919) % 600) AS wide, 'r' || (i // 700) AS runs, 'm' || ((i * 13) % 40) AS mid, 'one' AS same,
    CASE WHEN i % 11 = 0 THEN NULL ELSE 'f' || (i % 3) END AS few FROM range(30000) t(i)`
  await writeParquet(sql, join(dir, 'p.parquet'), { rowGroup: 10240 })
  const meta = await parquetMetadataAsync(await asyncBufferFromFile(join(dir, 'p.parquet')))
  const encodings = meta.row_groups[0].columns.map(c => c.meta_data!.encodings)
  expect(encodings.slice(2).every(e => e.some(x => x.endsWith('DICTIONARY')))).toBe(true)
  await duckdb(`COPY (${sql}) TO '${join(dir, 'p.csv')}' (FORMAT csv)`)
  const manifest = (path: string) =>
    `apiVersion: rai-gate/v1
kind: Evaluation
model: { name: m, version: 1.0.0 }
riskTier: medium
task: binary-classification
sensitiveAttributes: [wide, runs, mid, same, few]
artifacts:
  - { kind: predictions, path: ${path} }
`
  const [parquet, csv] = await Promise.all(
    ['p.parquet', 'p.csv'].map(path =>
      checkFiles({ 'rai-gate.yml': manifest(path), 'policies/p.yml': POLICY }, {}, dir)
    )
  )
  expect(parquet.stats?.predictions?.groups.map(g => g.length)).toEqual([600, 43, 40, 1, 4])
  expect(content(parquet)).toEqual(content(csv))
})

it('reads decimal scores of every width as the same decimals in CSV', async () => {
  // DECIMAL(9, 8), (18, 17) and (38, 20): 32-bit, 64-bit and 16-byte unscaled values; the CSV holds
  // DuckDB's text of the same decimals (17 to 20 digits, read by Number()).
  for (const [precision, scale] of [
    [9, 8],
    [18, 17],
    [38, 20]
  ]) {
    const dir = workspace({})
    const rows = `SELECT (i % 3 = 0)::INTEGER AS label, ((i * 7919 % 1000003) / 1000003.0 + (i % 7) * 1e-12)::DECIMAL(${precision}, ${scale}) AS score, (i % 4)::VARCHAR AS g FROM range(5000) t(i)`
    await duckdb(`CREATE OR REPLACE TABLE d AS ${rows}`)
    await writeParquet('SELECT * FROM d', join(dir, 'p.parquet'), { rowGroup: 2048 })
    await duckdb(`COPY d TO '${join(dir, 'p.csv')}' (FORMAT csv)`)
    expect(readFileSync(join(dir, 'p.csv'), 'utf8').split('\n')[2]).toMatch(
      new RegExp(`^0,0\\.\\d{${scale}},1$`)
    )
    const report = (path: string) =>
      checkFiles(
        {
          'rai-gate.yml': manifestYaml(`  - { kind: predictions, path: ${path} }`),
          'policies/p.yml': POLICY
        },
        {},
        dir
      )
    const [parquet, csv] = [await report('p.parquet'), await report('p.csv')]
    expect([precision, content(parquet)]).toEqual([precision, content(csv)])
  }
})

describe('nulls and bad values', () => {
  const file = async (sql: string, rowGroup = 2048) => {
    const dir = workspace({})
    await writeParquet(sql, join(dir, 'p.parquet'), { rowGroup })
    return dir
  }
  const run = (dir: string, more = '') =>
    checkFiles(
      {
        'rai-gate.yml': manifestYaml(`  - { kind: predictions, path: p.parquet${more} }`),
        'policies/p.yml': policyYaml('defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }')
      },
      {},
      dir
    )
  const values = (rows: string[]) => `SELECT * FROM (VALUES ${rows.join(', ')}) t(g, label, score)`

  it('reads a null attribute value as the group (missing)', async () => {
    const dir = await file(values([`('a', 1, 0.9)`, `(NULL, 0, 0.2)`, `('a', 0, 0.4)`, `(NULL, 1, 0.7)`]))
    const report = await run(dir)
    expect(report.stats?.predictions?.groups).toEqual([['a', '(missing)']])
  })

  it('a null label names its row and row group', async () => {
    // DuckDB writes at least 2048 rows per row group: row 4500 is in the third.
    const dir = await file(
      `SELECT 'a' AS g, CASE WHEN i = 4499 THEN NULL ELSE i % 2 END AS label, 0.5 AS score FROM range(6000) t(i)`,
      2048
    )
    await expect(run(dir)).rejects.toThrow(
      /p\.parquet, row 4500 \(row group 2\), label: label is null; expected a value on every row/
    )
  })

  it.each([
    ['score', [`('a', 1, 0.9)`, `('a', 0, NULL)`], /row 2 \(row group 0\), score: score is null/],
    [
      'score',
      [`('a', 1, 0.9)`, `('a', 0, 1.5)`],
      /row 2 \(row group 0\), score: score '1\.5' is not a probability/
    ],
    ['label', [`('a', 1, 0.9)`, `('a', 2, 0.5)`], /row 2 \(row group 0\), label: label '2' is not binary/]
  ])('a bad %s names the file, the row, the row group and the column', async (_, rows, message) => {
    const dir = await file(values(rows))
    await expect(run(dir)).rejects.toThrow(new RegExp(`p\\.parquet, ${message.source}`))
  })

  it('a null prediction is an error too', async () => {
    const dir = await file(`SELECT * FROM (VALUES ('a', 1, 1), ('a', 0, NULL)) t(g, label, prediction)`)
    await expect(run(dir)).rejects.toThrow(
      /p\.parquet, row 2 \(row group 0\), prediction: prediction is null/
    )
  })

  it('reads labels spelled as text with positiveLabel', async () => {
    const dir = await file(values([`('a', 'yes', 0.9)`, `('a', 'no', 0.2)`, `('b', 'yes', 0.6)`]))
    const text = await run(dir, ', positiveLabel: "yes"')
    const numeric = await run(await file(values([`('a', 1, 0.9)`, `('a', 0, 0.2)`, `('b', 1, 0.6)`])))
    expect(text.metrics).toEqual(numeric.metrics)
    expect(text.metrics.find(m => m.metric === 'base_rate' && m.group === 'a')?.value).toBe(0.5)
  })

  it('a file that is not Parquet says so, with no binary in the message', async () => {
    const dir = workspace({
      'p.parquet': Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 0xff])
    })
    const err: Error = await run(dir).then(
      () => new Error('no error'),
      (e: Error) => e
    )
    expect(err.message).toMatch(/p\.parquet: is not a readable Parquet file/)
    // Printable ASCII only: no byte of the file in the message.
    expect([...err.message].every(c => c >= ' ' && c <= '~')).toBe(true)
  })

  it('a Parquet file cut short, or damaged inside, is an input error in words', async () => {
    const dir = await file(
      `SELECT 'g' || (i % 3) AS g, i % 2 AS label, (i % 100) / 100.0 AS score FROM range(20000) t(i)`
    )
    const whole = readFileSync(join(dir, 'p.parquet'))
    const broken = (bytes: Buffer) => {
      const d = workspace({ 'p.parquet': bytes })
      return run(d).then(
        () => new Error('no error'),
        (e: Error) => e
      )
    }
    const cut = await broken(whole.subarray(0, whole.length >> 1))
    expect(cut).toBeInstanceOf(InputError)
    expect(cut.message).toMatch(/^p\.parquet: is not a readable Parquet file/)
    // Bytes changed inside the first column chunk (after the 4-byte magic).
    const damaged = Buffer.from(whole)
    for (let i = 8; i < 200; i++) damaged[i] = 0xff - damaged[i]
    const bad = await broken(damaged)
    expect(bad).toBeInstanceOf(InputError)
    expect(bad.message).toMatch(/^p\.parquet/)
    expect([...bad.message].every(c => c >= ' ' && c <= '~')).toBe(true)
  })

  it('a missing Parquet file is named', async () => {
    const dir = workspace({})
    await expect(run(dir)).rejects.toThrow(/p\.parquet: file not found/)
  })

  it('a mapped column that the file does not have is named with the columns it has', async () => {
    const dir = await file(values([`('a', 1, 0.9)`]))
    await expect(run(dir, ', columns: { score: p1 }')).rejects.toThrow(
      /p\.parquet, score: column 'p1' \(columns\.score in the manifest\) is not in the file; found: g, label, score/
    )
  })
})

it('the file read is hashed as stored', async () => {
  const dir = workspace({})
  await writeParquet(`SELECT 'a' AS g, 1 AS label, 0.5 AS score`, join(dir, 'p.parquet'))
  const report = await checkFiles(
    {
      'rai-gate.yml': manifestYaml(`  - { kind: predictions, path: p.parquet }`),
      'policies/p.yml': policyYaml('defaults: { minGroupSize: 1 }')
    },
    {},
    dir
  )
  const { createHash } = await import('node:crypto')
  expect(report.inputs[0].sha256).toBe(
    createHash('sha256')
      .update(readFileSync(join(dir, 'p.parquet')))
      .digest('hex')
  )
})
