/**
 * The WebAssembly CSV fast path against the checked path: on random files of every shape the reader
 * meets, fed in chunks of every size, both give the same groups, combinations, row counts, score
 * distributions and sums, exactly (every row goes to the same sums in file order). Its logarithm is Math.log's and its decimals Number()'s, exactly; its constants are the
 * JavaScript side's.
 */
import fc from 'fast-check'
import { describe, expect, it } from '@jest/globals'
import { CsvParser } from '../../../src/core/artifacts/formats/csv.js'
import { ACC, LOG_EPS } from '../../../src/core/tables/cells.js'
import { CsvPredictionRows, ROLES } from '../../../src/core/artifacts/fast/predictions-csv.js'
import {
  GRID_QUEUE,
  STOP_NEW,
  STOP_ROW,
  STOP_OFF_GRID,
  OFF_GRID_QUEUE
} from '../../../src/core/artifacts/fast/rows-wasm.js'
import { type PredictionData } from '../../../src/core/artifacts/kinds/predictions.js'
import { PredictionSink } from '../../../src/core/artifacts/kinds/prediction-sink.js'
import { wasmInstance } from '../../../src/core/wasm.js'
import { csvSpec as spec } from '../../helpers/tables.js'
import { createRng, type Rng } from '../../../src/core/stats/rng.js'

interface Shape {
  attributes: number
  score?: false
  prediction: boolean
  weight: boolean
  edges: number[] | null
  crlf: boolean
}

const VALUES = [
  'Male',
  'Female',
  'M',
  '',
  'Asian-Pac-Islander',
  'x',
  'Amer-Indian-Eskimo-or-longer',
  '41-60',
  'é'
]

/** A random file: mostly plain rows, with some rows the fast paths decline. */
function file(rng: Rng, shape: Shape, rows: number): { text: string; columns: string[] } {
  const pick = (n: number) => Math.floor(rng.next() * n)
  const attrs = Array.from({ length: shape.attributes }, (_, a) => `a${a}`)
  const columns = ['row', ...attrs, 'label', ...(shape.score === false ? [] : ['score'])]
  if (shape.prediction) columns.push('prediction')
  if (shape.weight) columns.push('weight')
  columns.reverse() // the roles in another order than the usual
  const lines = [columns.join(',')]
  for (let r = 0; r < rows; r++) {
    const odd = rng.next()
    const score =
      odd > 0.9
        ? `0.${String(pick(1e9)).padStart(9, '0')}` // more than 6 decimals
        : odd > 0.85
          ? String(rng.next()) // every digit of a double
          : odd < 0.04
            ? '1'
            : odd < 0.06
              ? '"0.25"'
              : (pick(1e6) / 1e6).toFixed(pick(7))
    const values: Record<string, string> = {
      row: String(r),
      label: String(pick(2)),
      score,
      prediction: String(pick(2)),
      weight: odd > 0.97 ? '2.5e0' : (pick(1000) / 100).toFixed(2)
    }
    // Later rows bring new values, so groups and combinations keep appearing (with many attributes,
    // two values each, so that combinations repeat).
    const choices = (i: number) =>
      attrs.length > 4 ? 2 : Math.min(VALUES.length, 2 + Math.floor(r / 40) + i)
    attrs.forEach((a, i) => (values[a] = VALUES[pick(choices(i))]))
    if (odd > 0.99 && attrs.length > 0) values[attrs[0]] = '"quoted, with a comma"'
    lines.push(columns.map(c => values[c]).join(','))
  }
  return { text: lines.join(shape.crlf ? '\r\n' : '\n') + (shape.crlf ? '\r\n' : '\n'), columns: attrs }
}

/** Rows the WebAssembly reader took in the last read(). */
let wasmRows = 0

/** Reads text in chunks of size bytes: with the WebAssembly fast path, or by the checked path alone. */
function read(
  text: string,
  attributes: string[],
  shape: Shape,
  size: number,
  wasm: boolean,
  columns: Record<string, string> = {}
): PredictionData {
  const sink = new PredictionSink(
    { ...spec, columns },
    {
      attributes,
      bins: shape.edges ? shape.edges.length + 1 : 7,
      edges: shape.edges
    }
  )
  const rows = new CsvPredictionRows(sink)
  const parser = new CsvParser('p.csv', row => rows.checkedRow(row), wasm ? rows : null)
  const buf = Buffer.from(text)
  for (let i = 0; i < buf.length; i += size) parser.feed(buf.subarray(i, i + size))
  parser.end()
  wasmRows = rows.wasmRows
  return sink.finish('')
}

function expectSame(got: PredictionData, want: PredictionData): void {
  expect(got.rows).toBe(want.rows)
  expect(got.table.groups).toEqual(want.table.groups)
  expect(got.table.combos).toEqual(want.table.combos)
  expect(Array.from(got.table.n)).toEqual(Array.from(want.table.n))
  // The largest difference relative to the value (or to 1 when smaller), as one assertion: none.
  const close = (a: Float64Array, b: Float64Array) => {
    expect(a.length).toBe(b.length)
    let worst = 0
    for (let i = 0; i < a.length; i++)
      worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])))
    expect(worst).toBe(0)
  }
  close(got.table.sum, want.table.sum)
  close(got.table.sum2, want.table.sum2)
  if (want.scores === null) {
    expect(got.scores).toBeNull()
    return
  }
  const g = got.scores!.distribution()
  const w = want.scores.distribution()
  expect(Array.from(g.score)).toEqual(Array.from(w.score))
  expect(Array.from(g.posN)).toEqual(Array.from(w.posN))
  expect(Array.from(g.negN)).toEqual(Array.from(w.negN))
  close(g.posW, w.posW)
  close(g.negW, w.negW)
}

describe('WebAssembly CSV fast path', () => {
  const shapes: Shape[] = [
    { attributes: 3, prediction: true, weight: false, edges: null, crlf: false },
    { attributes: 0, prediction: false, weight: false, edges: null, crlf: false },
    { attributes: 1, prediction: false, weight: true, edges: [0.2, 0.5, 0.75], crlf: true },
    { attributes: 4, prediction: true, weight: true, edges: null, crlf: false },
    { attributes: 2, prediction: true, weight: true, edges: null, crlf: false, score: false },
    { attributes: 8, prediction: true, weight: false, edges: null, crlf: true },
    { attributes: 9, prediction: true, weight: false, edges: null, crlf: false } // the checked path's alone
  ]
  it.each(shapes.map((s, k) => [k, s] as const))('reads shape %i as the checked path does', (k, shape) => {
    const rng = createRng(100 + k)
    const { text, columns } = file(rng, shape, 600)
    const want = read(text, columns, shape, 1 << 20, false)
    for (const size of [1, 3, 7, 61, 512, 1 << 20]) {
      expectSame(read(text, columns, shape, size, true), want)
      // Rows that bring no new group or combination (more than 8 attributes: none).
      if (shape.attributes <= 8) expect(wasmRows).toBeGreaterThan(40)
      else expect(wasmRows).toBe(0)
    }
  })

  it('gives the same table for a file of plain rows, with nearly every row read in WebAssembly', () => {
    const shape: Shape = { attributes: 3, prediction: true, weight: false, edges: null, crlf: false }
    const lines = ['a0,a1,a2,label,score,prediction']
    for (let r = 0; r < 5000; r++)
      lines.push(
        `${VALUES[r % 3]},${VALUES[(r >> 2) % 5]},${VALUES[7 + (r % 2)]},${r % 2},${((r * 7919) % 1000001) / 1e6},${(r >> 1) % 2}`
      )
    const text = lines.join('\n') + '\n'
    const columns = ['a0', 'a1', 'a2']
    const want = read(text, columns, shape, 4096, false)
    expect(wasmRows).toBe(0)
    expectSame(read(text, columns, shape, 4096, true), want)
    // Every row but the few that bring a new group or combination.
    expect(wasmRows).toBeGreaterThan(4900)
  })
})

describe('WebAssembly fast path after a dropped row record', () => {
  it('starts where the record is dropped, with the rows read so far in the grid', () => {
    const shape: Shape = { attributes: 2, prediction: false, weight: true, edges: null, crlf: false }
    const { text, columns } = file(createRng(41), shape, 3000)
    // Row 500 repeats the id of row 499: the record is dropped there.
    const lines = text.split('\n')
    const idAt = lines[0].split(',').indexOf('row')
    const fields = lines[501].split(',')
    fields[idAt] = lines[500].split(',')[idAt]
    lines[501] = fields.join(',')
    const repeated = lines.join('\n')
    const want = read(repeated, columns, shape, 1 << 20, false, { id: 'row' })
    expect(want.record).toBeNull()
    for (const size of [97, 1 << 20]) {
      expectSame(read(repeated, columns, shape, size, true, { id: 'row' }), want)
      expect(wasmRows).toBeGreaterThan(2000)
    }
  })
})

describe('WebAssembly fast path and line numbers', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n']
  ])('leaves the right line number to an error after plain rows (%s)', (_, eol) => {
    const lines = ['g,label,score']
    for (let r = 0; r < 300; r++) lines.push(`${r % 3},${r % 2},0.${r % 10}`)
    lines.push('1,1,1.5') // line 302
    const text = lines.join(eol) + eol
    const shape: Shape = { attributes: 1, prediction: false, weight: false, edges: null, crlf: false }
    for (const wasm of [true, false]) {
      for (const size of [7, 1 << 20]) {
        expect(() => read(text, ['g'], shape, size, wasm)).toThrow(
          expect.objectContaining({ line: 302 }) as unknown as Error
        )
      }
    }
  })
})

describe('WebAssembly decimals', () => {
  it('reads scores and weights written every plain way as the checked path does', () => {
    // Leading zeros, a leading or trailing point, no point, 1 to 16 bytes: both the 8-byte (SWAR) and
    // the byte-by-byte parse, and values next to their limits (1, 15 digits).
    const rng = createRng(11)
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rng.next() * 10)).join('')
    const score = (): string => {
      const r = rng.next()
      if (r < 0.05)
        return ['1', '1.', '1.0', '1.000000', '0', '.0', '0.', '00000000', '0000001'][
          Math.floor(rng.next() * 9)
        ]
      const zeros = '0'.repeat(Math.floor(rng.next() * 3))
      const frac = digits(Math.floor(rng.next() * 7))
      return r < 0.5 ? `${zeros}.${frac || '5'}` : `${zeros}0.${frac}`
    }
    const weight = (): string => {
      const whole = digits(Math.floor(rng.next() * 9))
      const frac = digits(Math.floor(rng.next() * 7))
      const w = rng.next() < 0.3 ? whole : `${whole}.${frac}`
      return w === '.' || w === '' ? '0' : w
    }
    const lines = ['g,label,score,weight,prediction']
    for (let r = 0; r < 4000; r++) lines.push(`${r % 3},${r % 2},${score()},${weight()},${(r >> 1) % 2}`)
    const text = lines.join('\n') + '\n'
    const shape: Shape = { attributes: 1, prediction: true, weight: true, edges: null, crlf: false }
    const want = read(text, ['g'], shape, 1 << 20, false)
    for (const size of [5, 4096]) {
      expectSame(read(text, ['g'], shape, size, true), want)
      expect(wasmRows).toBeGreaterThan(3900)
    }
  })
})

describe('WebAssembly log', () => {
  const ln = wasmInstance().ln
  it('equals Math.log on every clipped score of the grid, and on 1 minus it', () => {
    let differ = 0
    for (let m = 0; m <= 1_000_000; m++) {
      const s = m / 1e6
      const p = s < 1e-15 ? 1e-15 : s > 1 - 1e-15 ? 1 - 1e-15 : s
      if (ln(p) !== Math.log(p)) differ++
      if (ln(1 - p) !== Math.log(1 - p)) differ++
    }
    expect(differ).toBe(0)
  })

  it('equals Math.log on random doubles of every size, subnormals and special values', () => {
    const rng = createRng(7)
    const values = [
      0,
      -0,
      -1,
      1,
      2,
      2 * Math.PI, // the constant of the Poisson draws' Stirling series
      0.5,
      Infinity,
      -Infinity,
      NaN,
      5e-324,
      2.2250738585072014e-308,
      Number.MAX_VALUE
    ]
    for (let i = 0; i < 200_000; i++) values.push(rng.next() * 2 ** (Math.floor(rng.next() * 2100) - 1075))
    expect(values.filter(v => !Object.is(ln(v), Math.log(v)))).toEqual([])
  })
})

it("the WebAssembly reader's constants are the JavaScript side's", () => {
  const x = wasmInstance() as unknown as Record<string, { value: number } | undefined>
  const value = (name: string) => x[name]?.value
  for (const [name, role] of Object.entries(ROLES)) expect([name, value(name)]).toEqual([name, role])
  expect([value('STOP_ROW'), value('STOP_NEW'), value('STOP_OFF_GRID')]).toEqual([
    STOP_ROW,
    STOP_NEW,
    STOP_OFF_GRID
  ])
  expect(value('ACC')).toBe(ACC)
  expect(value('LOG_EPS')).toBe(LOG_EPS)
  expect(value('QUEUE')).toBe(GRID_QUEUE)
  expect(value('OFF_GRID_QUEUE')).toBe(OFF_GRID_QUEUE)
})

/** A digit string with its last digit moved by d (the point kept in place). */
function bump(text: string, d: number): string {
  const point = text.indexOf('.')
  const digits = BigInt(text.replace('.', '')) + BigInt(d)
  if (point < 0) return String(digits)
  const places = text.length - point - 1
  const out = String(digits).padStart(places + 1, '0')
  return `${out.slice(0, -places)}.${out.slice(-places)}`
}

describe('the WebAssembly decimal parser', () => {
  const x = wasmInstance()
  const heap = x.heapBase()
  const parse = (text: string): number => {
    const bytes = Buffer.from(text, 'latin1')
    if (heap + bytes.length + 64 > x.memory.buffer.byteLength) x.memory.grow(1)
    new Uint8Array(x.memory.buffer, heap, bytes.length).set(bytes)
    return x.decimal(heap, heap + bytes.length)
  }

  it('reads every digit string it takes exactly as Number() does', () => {
    const rng = createRng(29)
    const digit = () => String(Math.floor(rng.next() * 10))
    const wrong: [string, number][] = []
    let long = 0
    for (let n = 0; n < 1_000_000; n++) {
      // 1 to 19 digits with the point anywhere (at most 22 decimals), most of them 17-19 digits long.
      const count = n % 3 === 0 ? 1 + Math.floor(rng.next() * 19) : 17 + Math.floor(rng.next() * 3)
      const digits = Array.from({ length: count }, digit).join('')
      const point = Math.floor(rng.next() * (count + 1))
      const text = point === count ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`
      if (BigInt(digits) > 9007199254740992n) long++
      const v = parse(text)
      if (v !== Number(text)) wrong.push([text, v])
    }
    expect(wrong).toEqual([])
    expect(long).toBeGreaterThan(500_000)
  })

  it('rounds the exact midpoints between doubles to even, and reads the values beside them', () => {
    // (2M + 1)·2^(E - 1) lies halfway between M·2^E and (M + 1)·2^E; written out exactly, with the
    // last digit moved by one either side.
    const rng = createRng(37)
    const wrong: [string, number][] = []
    let midpoints = 0
    for (let n = 0; n < 200_000; n++) {
      const M = 2n ** 52n + BigInt(Math.floor(rng.next() * 2 ** 52))
      const E = Math.floor(rng.next() * 8) - 3
      const twice = 2n * M + 1n
      let text: string
      if (E >= 1) text = String(twice * 2n ** BigInt(E - 1))
      else {
        const places = 1 - E
        const digits = String(twice * 5n ** BigInt(places)).padStart(places + 1, '0')
        text = `${digits.slice(0, -places)}.${digits.slice(-places)}`
      }
      if (text.replace('.', '').replace(/^0+/, '').length > 19) continue
      midpoints++
      for (const t of [text, bump(text, -1), bump(text, 1)]) {
        const v = parse(t)
        if (v !== Number(t)) wrong.push([t, v])
      }
    }
    expect(wrong).toEqual([])
    expect(midpoints).toBeGreaterThan(50_000)
  })

  it('reads the shortest form of random doubles back, and the cases at the edges', () => {
    const rng = createRng(31)
    for (let n = 0; n < 100_000; n++) {
      const v = rng.next() + rng.next() / 2 ** 32
      const text = String(v)
      if (/e/.test(text)) continue
      expect([text, parse(text)]).toEqual([text, v])
    }
    for (const text of [
      '0.30000000000000004',
      '0.29999999999999998',
      '9007199254740993',
      '9007199254740995',
      '18446744073709551',
      '1844674407370955161',
      '0.9999999999999999999',
      '1.000000000000000111',
      '1.000000000000000222',
      '0.0000000000000000000001',
      '0.1000000000000000055',
      '2.2250738585072014',
      '0.0000000000000000000000'
    ]) {
      expect([text, parse(text)]).toEqual([text, Number(text)])
    }
  })

  it('reads or declines any string of digits, points and other bytes as the rules say, at every length', () => {
    // Eight bytes are read at once where eight are left: strings of 0 to 30 bytes put a point or a
    // stray byte at every offset of those words.
    const rule = (text: string): number => {
      if (!/^[0-9]*\.?[0-9]*$/.test(text) || !/[0-9]/.test(text)) return NaN
      const [whole, part = ''] = text.split('.')
      const significant = (whole + part).replace(/^0+/, '').length
      return significant > 19 || part.length > 22 ? NaN : Number(text)
    }
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9.x/:]{0,30}$/), text => {
        expect([text, parse(text)]).toEqual([text, rule(text)])
      }),
      { numRuns: 20_000, seed: 41 }
    )
  })

  it('declines what it does not take', () => {
    for (const text of [
      '',
      '.',
      '1.2.3',
      '-1',
      '1e5',
      '12345678901234567890',
      '0.12345678901234567890123',
      ' 1',
      '0x10'
    ])
      expect([text, parse(text)]).toEqual([text, NaN])
  })
})
