/**
 * The CSV reader round-trips arbitrary tables (fast-check): fields with commas, quotes, line ends and
 * any Unicode, quoted or not, LF or CRLF, written as RFC 4180 says, read back as they were
 * - by the checked parser, with the input cut in two at every byte;
 * - as predictions, by the checked path alone and with the fast path, cut at sampled bytes and fed a
 *   byte at a time, into the same groups and the same sums;
 * - as a predictions file read in two parts (when its cut falls between rows), into one reader's
 *   tables.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CsvParser, fieldText } from '../../../src/core/artifacts/formats/csv.js'
import { CsvPredictionRows } from '../../../src/core/artifacts/fast/predictions-csv.js'
import { readPredictionsParallel } from '../../../src/core/artifacts/fast/parallel.js'
import { PredictionSink } from '../../../src/core/artifacts/kinds/prediction-sink.js'
import { readPredictions, type PredictionData } from '../../../src/core/artifacts/kinds/predictions.js'
import type { ArtifactSpec } from '../../../src/core/manifest/types.js'
import { startHelpers } from '../../../src/core/tasks.js'
import { workspace } from '../../helpers/check.js'
import { csvSpec } from '../../helpers/tables.js'

/** Text made of the characters CSV treats specially and of any other Unicode. */
const field = fc
  .array(
    fc.oneof(fc.constantFrom(',', '"', '\n', '\r\n', '\r', ' ', '""'), fc.string({ unit: 'grapheme' })),
    {
      maxLength: 4
    }
  )
  .map(parts => parts.join(''))
  // A byte-order mark starts a file only as a mark, and NUL marks a file as binary.
  .filter(text => !/[\uFEFF\0]/.test(text))

/** A field as RFC 4180 writes it: quoted when it must be (and sometimes when it need not). */
const encodeField = (text: string, quote: boolean) =>
  quote || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text

function encode(rows: string[][], quotes: boolean[], eol: string): string {
  let k = 0
  return rows.map(r => r.map(f => encodeField(f, quotes[k++ % quotes.length])).join(',')).join(eol) + eol
}

const csvOptions = fc.record({
  quotes: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
  crlf: fc.boolean()
})

/** Every way to feed `bytes` in two chunks, and one byte at a time. */
function* cuts(bytes: Buffer): Generator<Buffer[]> {
  for (let k = 0; k <= bytes.length; k++) yield [bytes.subarray(0, k), bytes.subarray(k)]
  yield Array.from(bytes, (_, i) => bytes.subarray(i, i + 1))
}

describe('the checked parser', () => {
  it('reads back every table it is given, however the input is cut', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain(columns =>
          fc.array(fc.array(field, { minLength: columns, maxLength: columns }), {
            minLength: 1,
            maxLength: 5
          })
        ),
        csvOptions,
        (rows, { quotes, crlf }) => {
          const bytes = Buffer.from(encode(rows, quotes, crlf ? '\r\n' : '\n'))
          for (const chunks of cuts(bytes)) {
            const got: string[][] = []
            const parser = new CsvParser('t.csv', r =>
              got.push(Array.from({ length: r.count }, (_, i) => fieldText(r, i)))
            )
            for (const c of chunks) parser.feed(c)
            parser.end()
            expect(got).toEqual(rows)
          }
        }
      ),
      { numRuns: 150, seed: 21 }
    )
  })
})

/** A predictions table: two attributes of arbitrary text, a label and a score. */
const predictionRows = fc.array(
  fc.record({
    g: field.filter(v => v !== '(missing)'),
    h: fc.constantFrom('a', 'bb', '', 'x,y', 'q"q', 'line\nend'),
    label: fc.constantFrom('0', '1'),
    score: fc.oneof(
      fc.integer({ min: 0, max: 1e6 }).map(m => (m / 1e6).toFixed(6)),
      fc.double({ min: 0, max: 1, noNaN: true }).map(String)
    )
  }),
  { minLength: 1, maxLength: 8 }
)

const table = (rows: { g: string; h: string; label: string; score: string }[]) => [
  ['g', 'label', 'score', 'h'],
  ...rows.map(r => [r.g, r.label, r.score, r.h])
]

/** Rows per (g, h, label) from what a reader gave, by group text. */
function counts(data: PredictionData): Record<string, number> {
  const out: Record<string, number> = {}
  const { table: t } = data
  t.combos.forEach((combo, c) => {
    const key = combo.map((id, a) => t.groups[a][id]).join('|')
    for (let cell = c * 4 * t.bins; cell < (c + 1) * 4 * t.bins; cell++) {
      const label = Math.floor(cell / (2 * t.bins)) % 2
      if (t.n[cell] > 0) out[`${key}|${label}`] = (out[`${key}|${label}`] ?? 0) + t.n[cell]
    }
  })
  return out
}

function expectedCounts(rows: { g: string; h: string; label: string }[]): Record<string, number> {
  const out: Record<string, number> = {}
  const group = (v: string) => (v === '' ? '(missing)' : v)
  for (const r of rows) {
    const key = `${group(r.g)}|${group(r.h)}|${r.label}`
    out[key] = (out[key] ?? 0) + 1
  }
  return out
}

const options = { attributes: ['g', 'h'], bins: 10, edges: null }

function readChunks(chunks: Buffer[], fast: boolean): PredictionData {
  const sink = new PredictionSink(csvSpec, options)
  const rows = new CsvPredictionRows(sink)
  const parser = new CsvParser('p.csv', row => rows.checkedRow(row), fast ? rows : null)
  for (const c of chunks) parser.feed(c)
  parser.end()
  return sink.finish('')
}

describe('predictions', () => {
  // A reader costs a WebAssembly instance, so the input is cut at a sample of bytes (and at every byte
  // at once, fed one byte at a time) rather than at each byte in turn as for the parser above.
  it('the checked path and the fast path read the same groups and sums, however the input is cut', () => {
    fc.assert(
      fc.property(
        predictionRows,
        csvOptions,
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (rows, { quotes, crlf }, at) => {
          const bytes = Buffer.from(encode(table(rows), quotes, crlf ? '\r\n' : '\n'))
          const reference = readChunks([bytes], false)
          expect(counts(reference)).toEqual(expectedCounts(rows))
          const feeds = [
            ...at.map(k => [bytes.subarray(0, k % bytes.length), bytes.subarray(k % bytes.length)]),
            Array.from(bytes, (_, i) => bytes.subarray(i, i + 1))
          ]
          for (const chunks of feeds) {
            for (const fast of [false, true]) {
              const got = readChunks(chunks, fast)
              expect(got.table.groups).toEqual(reference.table.groups)
              expect(Array.from(got.table.n)).toEqual(Array.from(reference.table.n))
              expect(Array.from(got.table.sum)).toEqual(Array.from(reference.table.sum))
            }
          }
        }
      ),
      { numRuns: 25, seed: 22 }
    )
  })

  const helpers = startHelpers(null, 0)

  it('a file read in two parts gives one reader’s tables, or is read in one part', async () => {
    let twoParts = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(predictionRows, { minLength: 3, maxLength: 6 }).map(parts => parts.flat()),
        csvOptions,
        async (rows, { quotes, crlf }) => {
          const path = join(workspace({}), 'p.csv')
          writeFileSync(path, encode(table(rows), quotes, crlf ? '\r\n' : '\n'))
          const spec: ArtifactSpec = { ...csvSpec, path, absPath: path }
          const one = (await readPredictions(spec, options)) as PredictionData
          expect(counts(one)).toEqual(expectedCounts(rows))
          const two = await readPredictionsParallel(spec, options, helpers)
          // null: the cut fell inside a quoted field, so the caller reads the file in one part.
          if (two === null) return
          twoParts++
          expect(two.rows).toBe(rows.length)
          expect(two.table.groups).toEqual(one.table.groups)
          expect(counts(two)).toEqual(counts(one))
        }
      ),
      { numRuns: 40, seed: 23 }
    )
    // Most cuts fall between rows: the two-part path was the one tested.
    expect(twoParts).toBeGreaterThan(20)
  })
})
