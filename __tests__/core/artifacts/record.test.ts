/**
 * The row record of a predictions file with ids (tables/row-record.ts, assembly/record.ts) through
 * every reading path: the WebAssembly CSV fast path, the checked CSV path, JSON Lines, Parquet column
 * by column, and both formats in two parts. Each must keep what the rules say, computed here
 * independently: each row's key (node:crypto's SHA-256 of its id as JSON, caseKey), its prediction
 * code, exact score and weight, in file order; and give the record up for the same reason (a repeated
 * id, a missing id, the bound), naming the same line.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CsvParser } from '../../../src/core/artifacts/formats/csv.js'
import { CsvPredictionRows } from '../../../src/core/artifacts/fast/predictions-csv.js'
import { readPredictionsParallel } from '../../../src/core/artifacts/fast/parallel.js'
import { PredictionSink } from '../../../src/core/artifacts/kinds/prediction-sink.js'
import {
  predictionCode,
  readPredictions,
  type PredictionData
} from '../../../src/core/artifacts/kinds/predictions.js'
import type { ArtifactSpec } from '../../../src/core/manifest/types.js'
import { CaseRecorder, caseKey } from '../../../src/core/tables/cases.js'
import { RECORD_CONSTANTS, RowRecord } from '../../../src/core/tables/row-record.js'
import { WasmHeap, wasmInstance } from '../../../src/core/wasm.js'
import { createRng } from '../../../src/core/stats/rng.js'
import { startHelpers } from '../../../src/core/tasks.js'
import { workspace } from '../../helpers/check.js'
import { sqlString, writeParquet } from '../../helpers/duckdb.js'

interface Row {
  id: string
  g: string
  y: number
  s: number
  w: number
}

/**
 * Ids of every kind the readers treat apart: plain (the fast path hashes their bytes), with a comma
 * (quoted in CSV: the checked path), with a backslash or a quote (escaped in JSON), non-ASCII, and
 * long (more than one SHA-256 block).
 */
function idOf(i: number): string {
  if (i % 97 === 5) return `a,${i}`
  if (i % 89 === 7) return `back\\slash ${i}`
  if (i % 83 === 3) return `quote "${i}"`
  if (i % 79 === 1) return `é-${i}-名前`
  if (i % 73 === 2) return `long-${'x'.repeat(40 + (i % 150))}-${i}`
  return `r${i}`
}

function dataset(n: number): Row[] {
  const rng = createRng(29)
  return Array.from({ length: n }, (_, i) => ({
    id: idOf(i),
    g: 'abc'[i % 3],
    y: rng.next() < 0.3 ? 1 : 0,
    // Scores on the grid and off it (full precision), and on its ends.
    s: i % 11 === 0 ? rng.next() : i % 13 === 0 ? i % 2 : Math.round(rng.next() * 1e6) / 1e6,
    w: 0.5 + (i % 4)
  }))
}

const THRESHOLD = 0.5
const options = { attributes: ['g'], bins: 10, edges: null }

const quote = (v: string) => (/[,"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
const csvText = (rows: Row[]) =>
  [
    'id,g,label,score,w',
    ...rows.map(r => [r.id, r.g, r.y, r.s, r.w].map(v => quote(String(v))).join(','))
  ].join('\n') + '\n'

function spec(path: string): ArtifactSpec {
  return {
    kind: 'predictions',
    path,
    absPath: path,
    display: path.split('/').at(-1)!,
    columns: { id: 'id', weight: 'w' },
    positiveLabel: 1,
    threshold: THRESHOLD
  }
}

/** A CSV read in process, in chunks: by the checked path alone or with the fast path. */
function readCsv(rows: Row[], fast: boolean): { data: PredictionData; wasmRows: number } {
  const sink = new PredictionSink(spec('p.csv'), options)
  const reader = new CsvPredictionRows(sink)
  const parser = new CsvParser('p.csv', row => reader.checkedRow(row), fast ? reader : null)
  const buf = Buffer.from(csvText(rows))
  for (let i = 0; i < buf.length; i += 4096) parser.feed(buf.subarray(i, i + 4096))
  parser.end()
  return { data: sink.finish(''), wasmRows: reader.wasmRows }
}

async function writeFiles(rows: Row[]): Promise<{ csv: string; jsonl: string; parquet: string }> {
  const dir = workspace({})
  const csv = join(dir, 'p.csv')
  writeFileSync(csv, csvText(rows))
  const jsonl = join(dir, 'p.jsonl')
  writeFileSync(
    jsonl,
    rows.map(r => JSON.stringify({ id: r.id, g: r.g, label: r.y, score: r.s, w: r.w })).join('\n') + '\n'
  )
  const parquet = join(dir, 'p.parquet')
  await writeParquet(
    `SELECT id, g, label::INTEGER AS label, score::DOUBLE AS score, w::DOUBLE AS w FROM read_csv(${sqlString(csv)}, all_varchar = true)`,
    parquet,
    { rowGroup: 500 }
  )
  return { csv, jsonl, parquet }
}

/** What the rules keep of each row, in file order. */
function expectedRecord(rows: Row[]) {
  return {
    keys: rows.flatMap(r => caseKey([], r.id)),
    codes: rows.map(r => predictionCode(r.y, r.s >= THRESHOLD ? 1 : 0, Math.round(r.s * 1e6))),
    scores: rows.map(r => r.s),
    weights: rows.map(r => r.w)
  }
}

function keptRecord(data: PredictionData) {
  const r = data.record!
  expect(r).toBeTruthy()
  expect(r.byId).toBe(true)
  // Each row's cell is its group's combination in this table.
  const cells = Array.from(r.cases.cells!, c => data.table.groups[0][data.table.combos[c][0]])
  return {
    record: {
      keys: Array.from(r.cases.keys),
      codes: Array.from(r.cases.codes),
      scores: Array.from(r.scores!),
      weights: Array.from(r.weights!)
    },
    groups: cells
  }
}

const helpers = startHelpers(null, 0)

/**
 * A file read in two parts, or on one thread where the two-part reader declines it (as check does):
 * an id of the second part that repeats one of the first is such a case.
 */
async function twoParts(path: string): Promise<PredictionData & { oneThread: boolean }> {
  const two = await readPredictionsParallel(spec(path), options, helpers)
  return two === null
    ? { ...(await readPredictions(spec(path), options)), oneThread: true }
    : { ...two, oneThread: false }
}

describe('every reading path keeps the same row record', () => {
  const rows = dataset(3000)
  const want = expectedRecord(rows)
  const groups = rows.map(r => r.g)
  let files: { csv: string; jsonl: string; parquet: string }
  const paths: [string, () => Promise<PredictionData>][] = [
    ['the checked CSV path', async () => readCsv(rows, false).data],
    ['the WebAssembly fast path', async () => readCsv(rows, true).data],
    ['CSV from a file', () => readPredictions(spec(files.csv), options)],
    ['JSON Lines', () => readPredictions(spec(files.jsonl), options)],
    ['Parquet, column by column', () => readPredictions(spec(files.parquet), options)],
    ['CSV in two parts', () => twoParts(files.csv)],
    ['Parquet in two parts', () => twoParts(files.parquet)]
  ]

  it('the ids are of every kind, and the fast path reads most rows', async () => {
    files = await writeFiles(rows)
    expect(new Set(rows.map(r => r.id)).size).toBe(rows.length)
    expect(rows.filter(r => Buffer.byteLength(JSON.stringify([r.id])) > 55).length).toBeGreaterThan(20)
    expect(readCsv(rows, true).wasmRows).toBeGreaterThan(0.8 * rows.length)
  })

  it.each(paths)('%s', async (_, read) => {
    const data = await read()
    expect(data.rows).toBe(rows.length)
    if ('oneThread' in data) expect(data.oneThread).toBe(false)
    const got = keptRecord(data)
    expect(got.record).toEqual(want)
    expect(got.groups).toEqual(groups)
  })
})

describe('every reading path gives the record up for the same reason, on the same line', () => {
  const rows = dataset(3000)
  // Row i sits on line i + 2 of the CSV file (after the header) and is row i + 1 of the others. The
  // two-part readers cut the CSV file near row 1550 and the Parquet file after row 2048.
  const cases: [string, (rows: Row[]) => void, string, string, boolean][] = [
    [
      'a repeated id',
      r => (r[2900].id = r[2700].id),
      'case id "r2700" repeats (line 2902)',
      'line 2901',
      false
    ],
    [
      'a repeated id with a comma',
      r => (r[2950].id = r[2139].id),
      'case id "a,2139" repeats (line 2952)',
      'line 2951',
      false
    ],
    ['a missing id', r => (r[2500].id = ''), 'line 2502 has no case id', 'line 2501', false],
    // Neither part kept the id it repeats: the file is read on one thread.
    [
      'a repeated id across the parts',
      r => (r[2900].id = r[10].id),
      'case id "r10" repeats (line 2902)',
      'line 2901',
      true
    ]
  ]

  it.each(cases)('%s', async (_, change, reason, rowReason, oneThread) => {
    const changed = rows.map(r => ({ ...r }))
    change(changed)
    const files = await writeFiles(changed)
    const csvReasons = [
      readCsv(changed, false).data,
      readCsv(changed, true).data,
      await readPredictions(spec(files.csv), options),
      await twoParts(files.csv)
    ].map(d => [d.record, d.recordMissing])
    for (const got of csvReasons) expect(got).toEqual([null, reason])
    // JSON Lines and Parquet count rows from the first data row.
    const rowReasonText = reason.replace(/line \d+/, rowReason)
    const others = [
      await readPredictions(spec(files.jsonl), options),
      await readPredictions(spec(files.parquet), options),
      await twoParts(files.parquet)
    ].map(d => [d.record, d.recordMissing])
    for (const got of others) expect(got).toEqual([null, rowReasonText])
    for (const path of [files.csv, files.parquet]) expect((await twoParts(path)).oneThread).toBe(oneThread)
  })
})

describe('the record in WebAssembly memory', () => {
  it('has the layout the JavaScript side writes', () => {
    const x = wasmInstance() as unknown as Record<string, { value: number }>
    for (const [name, value] of Object.entries(RECORD_CONSTANTS))
      expect([name, x[name].value]).toEqual([name, value])
  })

  it('hashes any id as node:crypto does, one block or several, one lane or four', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.string({ unit: 'binary' }),
            fc.integer(),
            fc.string({ minLength: 40, maxLength: 300 })
          ),
          { minLength: 1, maxLength: 9 }
        ),
        ids => {
          const record = new RowRecord(new WasmHeap(), undefined, 100)
          const unique = [...new Set(ids.map(String))].filter(id => id !== '')
          unique.forEach((id, i) => record.add(id, row(i)))
          const r = record.finish()!
          expect(Array.from(r.cases.keys)).toEqual(unique.flatMap(id => caseKey([], id)))
        }
      ),
      { numRuns: 300, seed: 11 }
    )
  })

  it('gives a record up as CaseRecorder does: missing ids, repeats and the bound, in order', () => {
    const ids = fc.array(
      fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', ''), fc.string({ maxLength: 3 })),
      {
        maxLength: 12
      }
    )
    fc.assert(
      fc.property(ids, fc.integer({ min: 1, max: 8 }), (list, limit) => {
        const byCases = new CaseRecorder(limit)
        const byRows = new RowRecord(new WasmHeap(), undefined, limit)
        list.forEach((id, i) => {
          byCases.add([], id, i, i, i + 2)
          byRows.add(id, row(i))
        })
        const want = byCases.finish()
        const got = byRows.finish()
        expect(byRows.reason).toEqual(want.casesMissing)
        if (want.cases !== null) expect(Array.from(got!.cases.keys)).toEqual(Array.from(want.cases.keys))
      }),
      { numRuns: 500, seed: 12 }
    )
  })

  it('joins a later part of the file as one record would, or says it cannot', () => {
    const ids = fc.array(
      fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', ''), fc.string({ maxLength: 2 })),
      {
        maxLength: 14
      }
    )
    fc.assert(
      fc.property(ids, fc.nat(), fc.integer({ min: 1, max: 10 }), (list, at, limit) => {
        const cut = at % (list.length + 1)
        const whole = new RowRecord(new WasmHeap(), undefined, limit)
        list.forEach((id, i) => whole.add(id, row(i)))
        const first = new RowRecord(new WasmHeap(), undefined, limit)
        const second = new RowRecord(new WasmHeap(), undefined, limit)
        // The second part counts its lines from its start (line 2 is its first row).
        list.forEach((id, i) => (i < cut ? first.add(id, row(i)) : second.add(id, row(i - cut))))
        const identity = Array.from({ length: list.length }, (_, i) => i + cut)
        const joined = first.append(second.part(), identity, cut)
        const want = whole.finish()
        const got = first.finish()
        if (!joined) {
          // Only when an id of the second part repeats one of the first and decides the reason.
          expect(whole.drop).toMatchObject({ kind: 'repeat' })
          return
        }
        expect(first.reason).toEqual(whole.reason)
        if (want !== null) {
          expect(Array.from(got!.cases.keys)).toEqual(Array.from(want.cases.keys))
          expect(Array.from(got!.cases.cells!)).toEqual(Array.from(want.cases.cells!))
        }
      }),
      { numRuns: 500, seed: 13 }
    )
  })
})

/** A row of the record whose fields all tell its position. */
function row(i: number) {
  return { cell: i, code: i, line: i + 2, score: i / 100, weight: 1, championCode: 0, championScore: NaN }
}
