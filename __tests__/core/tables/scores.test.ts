/**
 * Full-precision scores (as pandas writes a float64): kept in sorted runs of distinct scores, off the
 * 6-decimal grid, and walked in order. Checked against plain references written here: a sort of all
 * rows, the rank-sum AUC, and numpy's quantile rule.
 */
import { describe, expect, it } from '@jest/globals'
import { ScoreHistogram, quantileEdges, sortScores } from '../../../src/core/tables/scores.js'
import { binnedAucBound, scoresAuc } from '../../../src/core/metrics/auc.js'
import { createRng } from '../../../src/core/stats/rng.js'

type Row = [score: number, label: number, weight: number]

/** Rows past two chunks of a label, most scores at full precision, some repeated, some on the grid. */
function rows(n: number, weighted: boolean, seed = 3): Row[] {
  const r = createRng(seed)
  const out: Row[] = []
  for (let i = 0; i < n; i++) {
    const u = r.next()
    const score = i % 10 === 0 ? Math.round(u * 1e4) / 1e4 : i % 7 === 0 ? 0.123456789 : u
    const label = r.next() < 0.3 + 0.4 * score ? 1 : 0
    out.push([score, label, weighted ? 0.5 + r.next() : 1])
  }
  return out
}

/** AUC by its definition on sorted rows: each positive counts the negative weight below it, ties ½. */
function referenceAuc(rs: Row[]): number {
  const sorted = [...rs].sort((a, b) => a[0] - b[0])
  let below = 0
  let num = 0
  let pos = 0
  for (let i = 0; i < sorted.length;) {
    let j = i
    let p = 0
    let q = 0
    while (j < sorted.length && sorted[j][0] === sorted[i][0]) {
      if (sorted[j][1] === 1) p += sorted[j][2]
      else q += sorted[j][2]
      j++
    }
    num += p * (below + q / 2)
    below += q
    pos += p
    i = j
  }
  return num / (pos * below)
}

describe('full-precision scores', () => {
  it.each([false, true])(
    'walk every distinct score once, in order, with its rows and weight (weighted: %s)',
    weighted => {
      const rs = rows(2_300_000, weighted)
      const h = new ScoreHistogram(weighted, 'p.csv')
      for (const [s, y, w] of rs) h.add(s, y, w)
      const source = h.finish()
      expect(source.grid).toBeNull()
      const want = new Map<number, number[]>()
      for (const [s, y, w] of rs) {
        const e = want.get(s) ?? [0, 0, 0, 0]
        e[y === 1 ? 0 : 1] += w
        e[y === 1 ? 2 : 3]++
        want.set(s, e)
      }
      const got: number[][] = []
      source.walk((s, posW, negW, posN, negN) => got.push([s, posW, negW, posN, negN]))
      const expected = [...want].sort((a, b) => a[0] - b[0])
      expect(got.length).toBe(expected.length)
      for (let i = 0; i < got.length; i += 997) {
        const [s, e] = expected[i]
        expect(got[i][0]).toBe(s)
        expect(got[i][3]).toBe(e[2])
        expect(got[i][4]).toBe(e[3])
        expect(got[i][1]).toBeCloseTo(e[0], 9)
        expect(got[i][2]).toBeCloseTo(e[1], 9)
      }
      expect(Math.abs(scoresAuc(source).value - referenceAuc(rs))).toBeLessThan(1e-9)
    }
  )

  it('gives numpy’s quantile edges (linear between order statistics)', () => {
    const rs = rows(50_000, false, 9)
    const h = new ScoreHistogram(false)
    for (const [s, y, w] of rs) h.add(s, y, w)
    const sorted = rs.map(r => r[0]).sort((a, b) => a - b)
    const numpy = (q: number) => {
      const x = (sorted.length - 1) * q
      const lo = Math.floor(x)
      return sorted[lo] + (x - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo])
    }
    const edges = quantileEdges(h.finish(), 10)
    edges.forEach((e, b) => expect(e).toBeCloseTo(numpy((b + 1) / 10), 12))
  })

  it('stops with an error naming the file past its bound of distinct scores, instead of growing', () => {
    const h = new ScoreHistogram(false, 'p.csv', 1000)
    expect(() => {
      for (let i = 0; i < 3_000_000; i++) h.add((i + 0.5) / 3e6, i % 2, 1)
    }).toThrow(/^p\.csv: more than 1,000 distinct scores that are not multiples of 0\.000001/)
  })
})

describe('sortScores', () => {
  it('sorts keys with their payload as a comparison sort of the pairs does', () => {
    const r = createRng(5)
    for (const n of [0, 1, 2, 1000, 70_000]) {
      const keys = new Float64Array(n + 3)
      const payload = new Float64Array(n + 3)
      for (let i = 0; i < n; i++) {
        keys[i] = [0, 1, 5e-324, 0.5][i % 11] ?? (i % 5 === 0 ? Math.round(r.next() * 100) / 100 : r.next())
        payload[i] = i
      }
      const pairs = Array.from({ length: n }, (_, i) => [keys[i], payload[i]]).sort(
        (a, b) => a[0] - b[0] || a[1] - b[1]
      )
      const { distinct, bins } = sortScores(keys, payload, n)
      // Stable (least-significant digit first): equal keys keep their payloads' order.
      expect(Array.from({ length: n }, (_, i) => [keys[i], payload[i]])).toEqual(pairs)
      expect(keys[n]).toBe(0)
      // Its distinct keys and rows per bin of 1/4096, counted the plain way.
      expect(distinct).toBe(new Set(pairs.map(p => p[0])).size)
      const expected = new Array<number>(4097).fill(0)
      for (const [k] of pairs) expected[Math.floor(k * 4096)]++
      expect(Array.from(bins)).toEqual(expected)
    }
  })
})

describe('a histogram bounded in memory', () => {
  it.each([false, true])(
    'floors its scores to millionths past its bound, and its AUC stays within the stated bound (weighted: %s)',
    weighted => {
      // Scores crowded into [0.4, 0.4001], so that many pairs share a millionth and the bound is felt.
      const rs = rows(50_000, weighted, 9).map(([s, y, w]): Row => [0.4 + s / 1e4, y, w])
      const exact = referenceAuc(rs)
      const bounded = new ScoreHistogram(weighted, 'p.csv', undefined, { distinct: 5_000, chunk: 1024 })
      const kept = new ScoreHistogram(weighted, 'p.csv', undefined, { distinct: 1e6, chunk: 1024 })
      for (const [s, y, w] of rs) {
        bounded.add(s, y, w)
        kept.add(s, y, w)
      }
      // Under its bound a histogram is exact, in runs; past it, on the grid.
      const whole = kept.finish()
      expect(kept.coarse).toBe(false)
      expect(scoresAuc(whole).value).toBeCloseTo(exact, 12)
      const floored = bounded.finish()
      expect(bounded.coarse).toBe(true)
      expect(floored.runs).toBeNull()
      expect(floored.rows).toBe(rs.length)
      const bound = binnedAucBound(floored.grid!.counts, floored.grid!.weights)
      const auc = scoresAuc(floored).value
      expect(auc).not.toBe(exact)
      expect(Math.abs(auc - exact)).toBeLessThanOrEqual(bound)
      expect(bound).toBeLessThan(0.05)
      // Every row's weight is on the grid.
      const total = rs.reduce((t, r) => t + r[2], 0)
      const w: ArrayLike<number> = floored.grid!.weights ?? floored.grid!.counts
      expect(Array.from(w).reduce((t, x) => t + x, 0)).toBeCloseTo(total, 6)
    }
  )
})
