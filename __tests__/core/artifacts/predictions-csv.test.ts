/**
 * The predictions CSV fast path against a plain count: whatever the chunk boundaries and however the
 * group values share leading bytes, every row lands in its own group, and no group is made from a
 * value cut by the end of a chunk. And the merge of the score distributions two parts of a file give.
 */
import { describe, expect, it } from '@jest/globals'
import { CsvParser } from '../../../src/core/artifacts/formats/csv.js'
import { decimalState, fastDecimal } from '../../../src/core/artifacts/decode/decimal.js'
import { CsvPredictionRows } from '../../../src/core/artifacts/fast/predictions-csv.js'
import { PredictionSink } from '../../../src/core/artifacts/kinds/prediction-sink.js'
import { ScoreHistogram, mergeParts, type ScoreDistribution } from '../../../src/core/tables/scores.js'
import { createRng } from '../../../src/core/stats/rng.js'
import { csvSpec as spec } from '../../helpers/tables.js'

/** Reads `text` fed in chunks of `size` bytes; returns group labels and rows per group. */
function read(text: string, size: number, attributes = ['g', 'h']) {
  const sink = new PredictionSink(spec, { attributes, bins: 1, edges: null })
  const rows = new CsvPredictionRows(sink)
  const parser = new CsvParser('p.csv', row => rows.checkedRow(row), rows)
  const buf = Buffer.from(text)
  for (let i = 0; i < buf.length; i += size) parser.feed(buf.subarray(i, i + size))
  parser.end()
  const data = sink.finish('')
  const counts = new Map<string, number>()
  data.table.combos.forEach((combo, c) => {
    const key = combo.map((id, a) => data.table.groups[a][id]).join('|')
    for (let k = 0; k < 4; k++) counts.set(key, (counts.get(key) ?? 0) + data.table.n[c * 4 + k])
  })
  const positives = data.table.n.reduce((t, n, cell) => t + ((cell >> 1) % 2 === 1 ? n : 0), 0)
  return { groups: data.table.groups, counts: Object.fromEntries([...counts].sort()), positives }
}

describe('CsvPredictionRows', () => {
  it('adds no rows and no groups while it warms up its compiled reader', () => {
    const sink = new PredictionSink(spec, { attributes: ['g', 'h'], bins: 1, edges: null })
    new CsvPredictionRows(sink).useHeader(['g', 'label', 'score', 'h'], 1)
    expect(sink.rows).toBe(0)
    expect(sink.indexes.map(i => i.labels)).toEqual([[], []])
    expect(read('g,label,score,h\nab,1,0.25,ab\n', 1 << 20).counts).toEqual({ 'ab|ab': 1 })
  })

  // Values sharing their first bytes (Ma, Male, Males, M), one-byte values, an empty value, and a
  // value holding a quote, in both attribute positions and next to line ends.
  const values = ['Male', 'Ma', 'Males', 'M', 'F', '', 'Female', 'x""y']
  const lines: string[] = ['g,label,score,h']
  const expected = new Map<string, number>()
  for (let i = 0; i < 120; i++) {
    const g = values[i % values.length]
    const h = values[(i * 5 + 3) % values.length]
    lines.push(
      `${g.includes('"') ? `"${g}"` : g},${i % 2},0.${(i * 37) % 100},${h.includes('"') ? `"${h}"` : h}`
    )
    const label = (v: string) => (v === '' ? '(missing)' : v.replace('""', '"'))
    const key = `${label(g)}|${label(h)}`
    expected.set(key, (expected.get(key) ?? 0) + 1)
  }
  const text = lines.join('\n') + '\n'
  const want = Object.fromEntries([...expected].sort())

  it('puts every row in its groups, whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 5, 8, 13, 64, 1 << 20]) {
      const got = read(text, size)
      expect(got.counts).toEqual(want)
      // Only whole values become groups (a value cut by a chunk end would add one, such as 'Fe').
      expect([...got.groups[0]].sort()).toEqual([
        '(missing)',
        'F',
        'Female',
        'M',
        'Ma',
        'Male',
        'Males',
        'x"y'
      ])
      expect([...got.groups[1]].sort()).toEqual([...got.groups[0]].sort())
    }
  })

  it('matches values of every length four bytes at a time, and tells near misses apart', () => {
    // Lengths 1 to 10, then values that start like a known one but differ later (in the second word,
    // the last byte, the length), each first met after the known value owns its first two bytes.
    const known = [
      'a',
      'bb',
      'ccc',
      'dddd',
      'eeeee',
      'ffffff',
      'ggggggg',
      'hhhhhhhh',
      'iiiiiiiii',
      'Qwertyuiop'
    ]
    const later = ['QwertyuiXp', 'Qwer', 'Qwertyuiopz', 'Qwertyuioq', 'hhhhhhhX', 'dddX', 'cc']
    const rows: string[] = []
    for (let i = 0; i < 60; i++) rows.push(known[i % known.length])
    for (let i = 0; i < 70; i++) rows.push([...known, ...later][(i * 7) % (known.length + later.length)])
    const csv = ['g,label,score,h', ...rows.map((v, i) => `${v},${i % 2},0.5,${rows[(i * 3) % rows.length]}`)]
    const want = new Map<string, number>()
    rows.forEach((v, i) => {
      const key = `${v}|${rows[(i * 3) % rows.length]}`
      want.set(key, (want.get(key) ?? 0) + 1)
    })
    for (const size of [1, 2, 3, 5, 7, 64, 1 << 20]) {
      expect(read(csv.join('\n') + '\n', size).counts).toEqual(Object.fromEntries([...want].sort()))
    }
  })

  it('reads CRLF line ends the same way', () => {
    expect(read(text.replace(/\n/g, '\r\n'), 7).counts).toEqual(want)
  })

  it('reads a column used in two roles (the label also an attribute) as both', () => {
    const got = read('label,score\n1,0.9\n0,0.2\n0,0.4\n1,0.7\n0,0.1\n', 4, ['label'])
    expect(got.counts).toEqual({ '0': 3, '1': 2 })
    expect(got.positives).toBe(2)
  })
})

describe('mergeParts', () => {
  type Row = [score: number, label: number, weight: number]
  /** The expected distribution, counted plainly: score -> [posW, negW, posN, negN]. */
  const plain = (rows: Row[]) => {
    const m = new Map<number, number[]>()
    for (const [s, y, w] of rows) {
      const e = m.get(s) ?? [0, 0, 0, 0]
      e[y === 1 ? 0 : 1] += w
      e[y === 1 ? 2 : 3] += 1
      m.set(s, e)
    }
    return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([s, e]) => [s, ...e])
  }
  const rows = (d: ScoreDistribution) =>
    Array.from(d.score, (s, i) => [s, d.posW[i], d.negW[i], d.posN[i], d.negN[i]])
  const part = (weighted: boolean, rs: Row[]) => {
    const h = new ScoreHistogram(weighted)
    for (const [s, y, w] of rs) h.add(s, y, w)
    return h.part()
  }
  const a: Row[] = [
    [0.25, 1, 2],
    [0.5, 0, 1.5],
    [1, 1, 1],
    [0, 0, 3]
  ]
  const b: Row[] = [
    [0.5, 1, 4],
    [0.25, 1, 0.5],
    [0.000001, 0, 1]
  ]

  it('adds two grids slot by slot, weights included', () => {
    const parts = [part(true, a), part(true, b)]
    expect(parts.every(p => p.runs === null)).toBe(true)
    expect(rows(mergeParts(parts).distribution())).toEqual(plain([...a, ...b]))
  })

  it('merges a grid with a part that has off-grid runs (a score with more than 6 decimals)', () => {
    const c: Row[] = [
      [0.1234567, 0, 2],
      [0.5, 0, 1]
    ]
    const parts = [part(true, a), part(true, c), part(true, b)]
    expect(parts[1].runs).not.toBeNull()
    expect(rows(mergeParts(parts).distribution())).toEqual(plain([...a, ...c, ...b]))
  })

  it('counts rows without weights', () => {
    const unweighted = (rs: Row[]) => rs.map(([s, y]): Row => [s, y, 1])
    expect(rows(mergeParts([part(false, unweighted(a)), part(false, unweighted(b))]).distribution())).toEqual(
      plain(unweighted([...a, ...b]))
    )
  })
})

describe('fastDecimal', () => {
  it('gives Number()’s value, and micros / 1e6 equals it exactly for up to 6 decimals', () => {
    // Every spelling of scores in [0, 1] with 0–6 decimals on a coarse sweep, plus edge cases.
    const texts = ['0', '1', '1.0', '0.5', '.5', '0.000001', '0.999999', '1.000000', '0.1', '0.3', '0.7']
    for (let m = 0; m <= 1_000_000; m += 997) {
      const six = (m / 1e6).toFixed(6)
      texts.push(six, six.replace(/0+$/, ''), six.slice(0, 5))
    }
    for (const text of texts) {
      const v = fastDecimal(Buffer.from(text), 0, text.length)
      expect(v).toBe(Number(text))
      expect(decimalState.micros / 1e6).toBe(v)
    }
    fastDecimal(Buffer.from('0.1234567'), 0, 9)
    expect(decimalState.micros).toBe(-1)
  })

  it('gives Number()’s value for full-precision floats as Python writes them (repr), or declines', () => {
    // Shortest round-trip spellings of random doubles in [0, 1): 16 or 17 significant digits mostly.
    const r = createRng(11)
    let taken = 0
    for (let i = 0; i < 200_000; i++) {
      const text = String(r.next())
      if (/e/.test(text)) continue
      const v = fastDecimal(Buffer.from(text), 0, text.length)
      if (Number.isNaN(v)) continue // a mantissa above 2^53: the text parser's
      expect(v).toBe(Number(text))
      taken++
    }
    // Most are taken: the mantissa of a 16-digit float is below 2^53 unless it starts with 9.
    expect(taken).toBeGreaterThan(100_000)
    expect(fastDecimal(Buffer.from('0.9999999999999999'), 0, 18)).toBeNaN()
    expect(fastDecimal(Buffer.from('0.00000000000000000000001'), 0, 25)).toBeNaN() // 23 decimals
  })
})
