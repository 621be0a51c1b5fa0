/**
 * Parquet's RLE / bit-packed hybrid decoder (assembly/hybrid.ts), against an encoder written here from
 * the format's definition: arbitrary runs of both kinds at every bit width decode to their values, a
 * run cut short decodes what it holds, and the largest index is reported for the dictionary check.
 * And the look-up of up to three index columns in a table, against the same look-up written plainly.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { wasmInstance } from '../../../src/core/wasm.js'

/** A run: `count` copies of one value, or values bit-packed in groups of 8. */
type Run = { kind: 'rle'; value: number; count: number } | { kind: 'packed'; values: number[] }

function varint(n: number): number[] {
  const out = []
  for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n & 0x7f) | 0x80)
  out.push(n)
  return out
}

function encode(runs: Run[], width: number): { bytes: number[]; values: number[] } {
  const bytes: number[] = []
  const values: number[] = []
  for (const run of runs) {
    if (run.kind === 'rle') {
      bytes.push(...varint(run.count * 2))
      for (let b = 0; b < width; b += 8) bytes.push(Math.floor(run.value / 2 ** b) & 0xff)
      for (let i = 0; i < run.count; i++) values.push(run.value)
      continue
    }
    const groups = Math.ceil(run.values.length / 8)
    bytes.push(...varint(groups * 2 + 1))
    // Least significant bit first, each value `width` bits; the last group padded with zeros.
    const bits: number[] = []
    for (let i = 0; i < groups * 8; i++) {
      const v = run.values[i] ?? 0
      for (let b = 0; b < width; b++) bits.push(Math.floor(v / 2 ** b) % 2)
    }
    for (let i = 0; i < bits.length; i += 8) {
      let byte = 0
      for (let b = 0; b < 8; b++) byte |= bits[i + b] << b
      bytes.push(byte)
    }
    values.push(...run.values, ...Array<number>(groups * 8 - run.values.length).fill(0))
  }
  return { bytes, values }
}

const x = wasmInstance()
const base = Math.ceil(x.heapBase() / 8) * 8

function decode(bytes: number[], width: number, count: number): { values: number[]; max: number } {
  const out = base + Math.ceil(bytes.length / 8) * 8 + 8
  const need = out + 4 * count
  if (need > x.memory.buffer.byteLength) x.memory.grow(Math.ceil((need - x.memory.buffer.byteLength) / 65536))
  new Uint8Array(x.memory.buffer, base, bytes.length).set(bytes)
  const got = x.hybridIndices(base, base + bytes.length, width, out, count)
  return {
    values: Array.from(new Uint32Array(x.memory.buffer, out, got)),
    max: (x.hybridMax.value as number) >>> 0
  }
}

const runsOf = (width: number) => {
  const value = fc.integer({ min: 0, max: width === 32 ? 0xffffffff : 2 ** width - 1 })
  return fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('rle' as const), value, count: fc.integer({ min: 1, max: 300 }) }),
      fc.record({
        kind: fc.constant('packed' as const),
        values: fc.array(value, { minLength: 1, maxLength: 80 })
      })
    ),
    { minLength: 1, maxLength: 12 }
  )
}

describe('hybridIndices', () => {
  it('decodes arbitrary runs of both kinds at every bit width, 0 to 32', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 32 }).chain(width => fc.tuple(fc.constant(width), runsOf(width))),
        ([width, runs]) => {
          const { bytes, values } = encode(runs, width)
          const got = decode(bytes, width, values.length)
          expect(got.values).toEqual(values)
          expect(got.max).toBe(Math.max(...values))
        }
      ),
      { numRuns: 400, seed: 7 }
    )
  })

  it('reads indices of no bits as 0 when a page leaves out their runs', () => {
    expect(decode([], 0, 5)).toEqual({ values: [0, 0, 0, 0, 0], max: 0 })
    expect(decode([], 3, 5).values).toEqual([])
  })

  it('stops where the rows stop, inside a run', () => {
    const { bytes, values } = encode([{ kind: 'packed', values: [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3] }], 3)
    expect(decode(bytes, 3, 9).values).toEqual(values.slice(0, 9))
  })

  it('decodes what bytes cut short hold, and says so by the count', () => {
    const { bytes } = encode(
      [
        { kind: 'rle', value: 5, count: 10 },
        { kind: 'packed', values: Array.from({ length: 24 }, (_, i) => i % 8) }
      ],
      3
    )
    // The packed run loses its last group: 10 + 16 values remain.
    expect(decode(bytes.slice(0, -3), 3, 34).values).toHaveLength(26)
    expect(decode(bytes.slice(0, 1), 3, 34).values).toHaveLength(0)
  })
})

describe('dictionaryLookup', () => {
  /** Looks up rows [from, n) as assembly/hybrid.ts does; returns where it stopped and the rows it wrote. */
  function lookup(columns: number[][], steps: number[], table: number[], wide: boolean, from: number) {
    const n = columns[0].length
    const at = (k: number) => base + 4 * n * k
    const tableAt = at(columns.length)
    const outAt = tableAt + 4 * table.length
    const need = outAt + 4 * n
    if (need > x.memory.buffer.byteLength)
      x.memory.grow(Math.ceil((need - x.memory.buffer.byteLength) / 65536))
    columns.forEach((c, k) => new Int32Array(x.memory.buffer, at(k), n).set(c))
    new Int32Array(x.memory.buffer, tableAt, table.length).set(table)
    const [a, b = a, c = a] = columns.map((_, k) => at(k))
    const stop = x.dictionaryLookup(
      a,
      b,
      c,
      steps[1] ?? 0,
      steps[2] ?? 0,
      tableAt,
      table.length,
      outAt,
      wide ? 1 : 0,
      from,
      n
    )
    const out = wide ? new Int32Array(x.memory.buffer, outAt, n) : new Uint8Array(x.memory.buffer, outAt, n)
    return { stop, out: Array.from(out.subarray(from, stop)) }
  }

  it("writes each row's entry until a row whose key is unknown or outside the table", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }).chain(sizes =>
          fc.tuple(
            fc.constant(sizes),
            fc.array(fc.tuple(...sizes.map(s => fc.integer({ min: -1, max: s }))), {
              minLength: 1,
              maxLength: 60
            }),
            fc.array(fc.integer({ min: -1, max: 255 }), { minLength: 1, maxLength: 100 }),
            fc.boolean(),
            fc.nat(10)
          )
        ),
        ([sizes, rows, entries, wide, start]) => {
          const steps = [1]
          for (const s of sizes.slice(0, -1)) steps.push(steps.at(-1)! * (s + 1))
          const columns = sizes.map((_, k) => rows.map(r => r[k]))
          const from = Math.min(start, rows.length)
          // The plain look-up: the first row from `from` whose key has no entry stops it.
          const keys = rows.map(r => r.reduce((sum, v, k) => sum + (v + 1) * steps[k], 0))
          let stop = from
          while (stop < rows.length && keys[stop] < entries.length && entries[keys[stop]] >= 0) stop++
          expect(lookup(columns, steps, entries, wide, from)).toEqual({
            stop,
            out: keys.slice(from, stop).map(k => entries[k])
          })
        }
      ),
      { numRuns: 300, seed: 11 }
    )
  })
})
