/**
 * One table of rows through every reading path: the checked CSV parser, the WebAssembly fast path,
 * JSON Lines and Parquet (written by DuckDB; read column by column). Each must give what the row
 * rules (docs/inputs.md) say, computed here independently: the label, the prediction (the score at
 * the threshold when the file has none: positive at or above it), the weight, the group and the score
 * bin of each row. The rows sit on the rules' edges (scores equal to the threshold, 0 and 1, bin
 * edges), so that changing a rule in one path (`>=` to `>`, say) fails here.
 */
import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CsvParser } from '../../../src/core/artifacts/formats/csv.js'
import { CsvPredictionRows } from '../../../src/core/artifacts/fast/predictions-csv.js'
import { readPredictions, type PredictionData } from '../../../src/core/artifacts/kinds/predictions.js'
import { PredictionSink } from '../../../src/core/artifacts/kinds/prediction-sink.js'
import { groupName } from '../../../src/core/artifacts/decode/groups.js'
import { Q_W } from '../../../src/core/tables/cells.js'
import type { ArtifactSpec } from '../../../src/core/manifest/types.js'
import { createRng } from '../../../src/core/stats/rng.js'
import { workspace } from '../../helpers/check.js'
import { writeParquet, sqlString } from '../../helpers/duckdb.js'

const THRESHOLD = 0.3
const BINS = 10
const GROUPS = ['a', 'bb', 'ccc']

interface TestRow {
  g: string
  y: number
  s: number
  /** The score's text in the files (so that all formats hold the same value). */
  text: string
  w: number
}

/** Scores on the rules' edges: with at most 6 decimals (the score grid), and with all the digits. */
const GRID_EDGES = [0, 1, THRESHOLD, 0.1, 0.2, 0.9, 0.299999, 0.300001]
const FULL_EDGES = [...GRID_EDGES, 0.29999999999999993, 0.30000000000000004, 0.3000000001, 0.2999999999]

/**
 * Every third row on an edge, the others plain; the group values are met in the first rows, so the
 * fast paths read the rest.
 */
function rows(edges: number[]): TestRow[] {
  const rng = createRng(13)
  const out: TestRow[] = []
  for (let i = 0; i < 3000; i++) {
    const s = i % 3 === 0 ? edges[(i / 3) % edges.length] : Math.round(rng.next() * 1e6) / 1e6
    out.push({ g: GROUPS[i % 3], y: rng.next() < 0.4 ? 1 : 0, s, text: String(s), w: 1 + (i % 4) / 2 })
  }
  return out
}

/** What the rules give: rows and weight per (group, label, prediction, bin), independent of the readers. */
function expected(data: TestRow[]): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {}
  for (const r of data) {
    const p = r.s >= THRESHOLD ? 1 : 0
    const bin = Math.min(BINS - 1, Math.floor(r.s * BINS))
    const key = `${r.g}|${r.y}|${p}|${bin}`
    const cell = (out[key] ??= [0, 0])
    cell[0] += 1
    cell[1] += r.w
  }
  return out
}

/** The same per-cell rows and weights from what a reader gave. */
function observed(data: PredictionData): Record<string, [number, number]> {
  const t = data.table
  const out: Record<string, [number, number]> = {}
  t.combos.forEach((combo, c) => {
    for (let yp = 0; yp < 4; yp++) {
      for (let bin = 0; bin < t.bins; bin++) {
        const cell = (c * 4 + yp) * t.bins + bin
        if (t.n[cell] === 0) continue
        out[`${t.groups[0][combo[0]]}|${yp >> 1}|${yp & 1}|${bin}`] = [t.n[cell], t.sum[cell * 4 + Q_W]]
      }
    }
  })
  return out
}

const spec = (path: string): ArtifactSpec => ({
  kind: 'predictions',
  path,
  absPath: path,
  display: path,
  columns: { weight: 'w' },
  positiveLabel: 1,
  threshold: THRESHOLD
})
const options = { attributes: ['g'], bins: BINS, edges: null }
const csvText = (data: TestRow[]) =>
  ['g,label,score,w', ...data.map(r => `${r.g},${r.y},${r.text},${r.w}`)].join('\n') + '\n'

/** A CSV read in process, in chunks, by the checked path alone or with a fast path. */
function readCsv(
  data: TestRow[],
  fast: 'none' | 'wasm'
): { data: PredictionData; fastRows: number; wasmRows: number } {
  const sink = new PredictionSink(spec('p.csv'), options)
  const rows = new CsvPredictionRows(sink)
  let fastRows = 0
  const counting = {
    chunk: () => rows.chunk(),
    rows: (buf: Buffer, pos: number, len: number, line: number) => {
      const end = rows.rows(buf, pos, len, line)
      fastRows += rows.taken
      return end
    },
    get taken() {
      return rows.taken
    }
  }
  const parser = new CsvParser('p.csv', row => rows.checkedRow(row), fast === 'none' ? null : counting)
  const buf = Buffer.from(csvText(data))
  for (let i = 0; i < buf.length; i += 4096) parser.feed(buf.subarray(i, i + 4096))
  parser.end()
  return { data: sink.finish(''), fastRows, wasmRows: rows.wasmRows }
}

/** numericGroups: the group values held as numbers (JSON numbers, a DOUBLE column), not as text. */
async function readFile(
  data: TestRow[],
  format: 'jsonl' | 'parquet',
  numericGroups = false
): Promise<PredictionData> {
  const dir = workspace({})
  const path = join(dir, `p.${format}`)
  if (format === 'jsonl') {
    const g = (r: TestRow) => (numericGroups ? Number(r.g) : r.g)
    writeFileSync(path, data.map(r => JSON.stringify({ g: g(r), label: r.y, score: r.s, w: r.w })).join('\n'))
  } else {
    const csv = join(dir, 'p.csv')
    writeFileSync(csv, csvText(data))
    await writeParquet(
      `SELECT g${numericGroups ? '::DOUBLE AS g' : ''}, label::INTEGER AS label, score::DOUBLE AS score, w::DOUBLE AS w FROM read_csv(${sqlString(csv)}, all_varchar = true)`,
      path,
      { rowGroup: 2048 }
    )
  }
  return readPredictions(spec(path), options)
}

describe.each([
  ['scores on the grid', GRID_EDGES],
  ['full-precision scores', FULL_EDGES]
])('every reading path applies the same row rules: %s', (_, edges) => {
  const data = rows(edges)
  const want = expected(data)

  it('the checked CSV path', () => {
    const { data: got, fastRows } = readCsv(data, 'none')
    expect(fastRows).toBe(0)
    expect(observed(got)).toEqual(want)
  })

  it('the WebAssembly fast path', () => {
    const { data: got, fastRows, wasmRows } = readCsv(data, 'wasm')
    expect(wasmRows).toBeGreaterThan(data.length * 0.9)
    expect(fastRows).toBe(wasmRows)
    expect(observed(got)).toEqual(want)
  })

  it.each(['jsonl', 'parquet'] as const)('%s', async format => {
    expect(observed(await readFile(data, format))).toEqual(want)
  })

  it('the rows sit on the edges', () => {
    expect(data.filter(r => r.s === THRESHOLD).length).toBeGreaterThan(50)
    expect(data.filter(r => r.s === 1).length).toBeGreaterThan(50)
  })
})

describe('a group is named the same whichever format holds its value', () => {
  // As pandas writes a float attribute to CSV (`2.0`), beside other spellings of the same numbers; JSON
  // Lines and Parquet hold them as numbers. Each group is named as JavaScript prints its number.
  const SPELLINGS = ['2.0', '1.0', '0.5', '2', '1.50', '-0.0', '0']
  const data = rows(GRID_EDGES).map((r, i) => ({ ...r, g: SPELLINGS[i % SPELLINGS.length] }))
  const want = expected(
    data.map(r => ({ ...r, g: { '2.0': '2', '1.0': '1', '1.50': '1.5', '-0.0': '0' }[r.g] ?? r.g }))
  )

  it.each(['none', 'wasm'] as const)('CSV (fast path: %s)', fast => {
    const got = readCsv(data, fast)
    expect(observed(got.data)).toEqual(want)
    expect(got.data.table.groups[0]).toEqual(['2', '1', '0.5', '1.5', '0'])
    if (fast === 'wasm') expect(got.wasmRows).toBeGreaterThan(data.length * 0.9)
  })

  it.each(['jsonl', 'parquet'] as const)('%s, as numbers and as text', async format => {
    expect(observed(await readFile(data, format, true))).toEqual(want)
    expect(observed(await readFile(data, format))).toEqual(want)
  })

  it('names a number by its shortest text, a boolean in lower case, and leaves any other text as written', () => {
    const names = [
      '2.0',
      '2.50',
      '1e3',
      '1.5E-3',
      '-0',
      '-0.0',
      '007',
      '2',
      '12345678901234567890',
      'True',
      'FALSE'
    ]
    expect(names.map(groupName)).toEqual([
      '2',
      '2.5',
      '1000',
      '0.0015',
      '0',
      '0',
      '007',
      '2',
      '12345678901234567890',
      'true',
      'false'
    ])
    for (const text of [
      '',
      'a',
      '1.',
      '.5',
      '+1.0',
      '1.0.0',
      'Infinity',
      'NaN',
      '1e999',
      ' 1.0',
      '(missing)'
    ])
      expect(groupName(text)).toBe(text)
  })
})
