/**
 * Two models on the same rows (paired.test.ts): model A, the baseline, and model B, which predicts
 * otherwise on about 5% of the rows and loses 1 point of accuracy. Each replication draws 9,000
 * rows; the product's paired change intervals are compared with the true change (from one sample of
 * TRUTH_ROWS), with a reference paired row bootstrap written here, and with the comparison of
 * independent samples that applies when the rows are not shared.
 */
import type { PredictionData } from '../../src/core/artifacts/kinds/predictions.js'
import { evaluate, metricKey, type Change } from '../../src/core/metrics/evaluate.js'
import { pairPredictions } from '../../src/core/metrics/paired-predictions.js'
import { createRng, type Rng } from '../../src/core/stats/rng.js'
import { predictionData, type Row } from '../helpers/tables.js'
import { replications } from './scale.js'

export const ROWS = 9000
/**
 * Replications of the paired comparison: a coverage near 95% measured on 200 is uncertain by ±3
 * points, and runs of seeds differ by that much (seeds 0–599 gave 92.4% for the parity difference,
 * 5000–5499 gave 95.4%), so the estimate takes 1000.
 */
export const REPLICATIONS = replications(1000)
/** Replications of the comparisons that are cheap to tell apart: independent samples, declined pairing. */
export const OTHER_REPLICATIONS = replications(200)
/** Replications whose reference bootstrap is drawn (it costs as much as the product's). */
export const REFERENCE_REPLICATIONS = replications(50, 10)
export const RESAMPLES = 500
const TRUTH_ROWS = 3_000_000
// Globals read once: under the test runner's vm context each read of one costs about 100 ns.
const { abs, floor, min, max, sqrt } = Math
const SETTINGS = { confidence: 0.95, resamples: RESAMPLES, seed: 11, minGroupSize: 30 }

/** P(A right) is 0.85 in group a (65% of rows) and 0.80 in b: 0.8325 overall. */
const RIGHT = { a: 0.85, b: 0.8 }
const P_RIGHT = 0.65 * RIGHT.a + 0.35 * RIGHT.b
/** B is wrong on 3% of all rows where A is right, and right on 2% where A is wrong. */
const HURT = 0.03 / P_RIGHT
const FIX = 0.02 / (1 - P_RIGHT)

interface Pair {
  g: number
  y: number
  pA: number
  sA: number
  pB: number
  sB: number
}

function draw(rng: Rng): Pair {
  const g = rng.next() < 0.65 ? 0 : 1
  const y = rng.next() < (g === 0 ? 0.3 : 0.4) ? 1 : 0
  const right = rng.next() < (g === 0 ? RIGHT.a : RIGHT.b)
  const pA = right ? y : 1 - y
  // Right predictions are confident, wrong ones less so: an AUC near 0.9.
  const u = right ? sqrt(rng.next()) : rng.next()
  const sA = pA === 1 ? 0.5 + 0.49 * u : 0.49 * (1 - u)
  const flip = rng.next() < (right ? HURT : FIX)
  const r = rng.next()
  if (flip) {
    const pB = 1 - pA
    return { g, y, pA, sA, pB, sB: pB === 1 ? 0.5 + 0.49 * r : 0.49 * r }
  }
  // The same prediction, the score nudged within its side of the threshold.
  const lo = pA === 1 ? 0.5 : 0
  const sB = min(lo + 0.49, max(lo, sA + 0.02 * (r - 0.5)))
  return { g, y, pA, sA, pB: pA, sB }
}

export const METRICS = [
  { metric: 'accuracy' },
  { metric: 'tpr', attribute: 'g', group: 'a' },
  { metric: 'demographic_parity_difference', attribute: 'g' },
  { metric: 'auc' },
  { metric: 'brier' }
] as const
type Target = (typeof METRICS)[number]

/** The five metrics of one model on rows weighted by copies (null: 1 each), by plain formulas. */
function metrics(rows: Pair[], model: 'A' | 'B', copies: Float64Array | null, order: Uint32Array): number[] {
  let right = 0
  let total = 0
  let tp = 0
  let pos = 0
  let brier = 0
  const sel = [0, 0]
  const size = [0, 0]
  rows.forEach((r, i) => {
    const k = copies ? copies[i] : 1
    if (k === 0) return
    const p = model === 'A' ? r.pA : r.pB
    const s = model === 'A' ? r.sA : r.sB
    total += k
    if (p === r.y) right += k
    if (r.g === 0 && r.y === 1) {
      pos += k
      if (p === 1) tp += k
    }
    sel[r.g] += k * p
    size[r.g] += k
    brier += k * (s - r.y) ** 2
  })
  // AUC: rows in ascending score order, ties counted ½.
  let below = 0
  let num = 0
  let positives = 0
  const score = (i: number) => (model === 'A' ? rows[i].sA : rows[i].sB)
  for (let j = 0; j < order.length;) {
    let e = j
    let pw = 0
    let nw = 0
    while (e < order.length && score(order[e]) === score(order[j])) {
      const i = order[e++]
      const k = copies ? copies[i] : 1
      if (rows[i].y === 1) pw += k
      else nw += k
    }
    num += pw * (below + 0.5 * nw)
    below += nw
    positives += pw
    j = e
  }
  return [
    right / total,
    tp / pos,
    abs(sel[0] / size[0] - sel[1] / size[1]),
    num / (positives * below),
    brier / total
  ]
}

const orderOf = (rows: Pair[], model: 'A' | 'B') =>
  Uint32Array.from(rows.keys()).sort((a, b) =>
    model === 'A' ? rows[a].sA - rows[b].sA : rows[a].sB - rows[b].sB
  )

/**
 * The true change of each metric, B − A: accuracy, tpr and the selection rates from the generator's
 * probabilities; AUC and Brier from one sample of TRUTH_ROWS (its error is about 1/20 of the
 * intervals' half-width).
 */
export function truth(): number[] {
  const rng = createRng(20261201)
  const rows = Array.from({ length: TRUTH_ROWS }, () => draw(rng))
  const a = metrics(rows, 'A', null, orderOf(rows, 'A'))
  const b = metrics(rows, 'B', null, orderOf(rows, 'B'))
  const selection = (y: number, right: number, model: 'A' | 'B') => {
    const a = y * right + (1 - y) * (1 - right)
    if (model === 'A') return a
    const lost = y * right * HURT + (1 - y) * (1 - right) * FIX
    const gained = (1 - y) * right * HURT + y * (1 - right) * FIX
    return a - lost + gained
  }
  const dpd = (m: 'A' | 'B') => abs(selection(0.3, RIGHT.a, m) - selection(0.4, RIGHT.b, m))
  return [-0.03 + 0.02, -RIGHT.a * HURT + (1 - RIGHT.a) * FIX, dpd('B') - dpd('A'), b[3] - a[3], b[4] - a[4]]
}

/** The reference: a paired row bootstrap (n rows drawn with replacement), percentile 95% intervals. */
function referenceIntervals(rows: Pair[], rng: Rng): [number, number][] {
  const orders = [orderOf(rows, 'A'), orderOf(rows, 'B')]
  const copies = new Float64Array(rows.length)
  const diffs: number[][] = METRICS.map(() => [])
  for (let b = 0; b < RESAMPLES; b++) {
    copies.fill(0)
    for (let i = 0; i < rows.length; i++) copies[floor(rng.next() * rows.length)]++
    const a = metrics(rows, 'A', copies, orders[0])
    const m = metrics(rows, 'B', copies, orders[1])
    m.forEach((x, i) => diffs[i].push(x - a[i]))
  }
  return diffs.map(d => {
    d.sort((x, y) => x - y)
    return [d[floor(0.025 * (d.length - 1))], d[d.length - 1 - floor(0.025 * (d.length - 1))]]
  })
}

const asRows = (rows: Pair[], model: 'A' | 'B', ids: string): Row[] =>
  rows.map((r, i) => ({
    y: r.y,
    p: model === 'A' ? r.pA : r.pB,
    s: model === 'A' ? r.sA : r.sB,
    groups: [r.g === 0 ? 'a' : 'b'],
    id: `${ids}${i}`
  }))

export interface Replication {
  paired: Change[]
  /** The first OTHER_REPLICATIONS only, as declined. */
  independent: Change[] | null
  reference: [number, number][] | null
  /** Whether pairing declined rows under other ids (the independent comparison then applies). */
  declined: boolean | null
}

const changeOf = (changes: Map<string, Change>, t: Target) => changes.get(metricKey(t))!

export function replicate(rep: number, withReference = rep < REFERENCE_REPLICATIONS): Replication {
  const rng = createRng(1000 + rep)
  const rows = Array.from({ length: ROWS }, () => draw(rng))
  // The run is model B; the baseline model A, in its report's row record, or in the file's columns.
  const run = predictionData(['g'], asRows(rows, 'B', 'r'))
  const base = predictionData(['g'], asRows(rows, 'A', 'r'))
  const settings = { ...SETTINGS, seed: SETTINGS.seed + rep }
  const p = pairPredictions(run, base, [], settings)
  if (!p.paired) throw new Error(`not paired: ${p.reason}`)
  const paired = p.changes(0.95)
  // The same two models compared as independent samples (their tables resampled apart).
  const independent =
    rep < OTHER_REPLICATIONS
      ? evaluate({ predictions: run, intersections: [], settings }).changes(
          evaluate({ predictions: base, intersections: [], settings, streamOffset: 1000 }),
          0.95
        )
      : null
  const others = rep < OTHER_REPLICATIONS
  const elsewhere: PredictionData | null = others ? predictionData(['g'], asRows(rows, 'A', 'other')) : null
  return {
    paired: METRICS.map(t => changeOf(paired, t)),
    independent: independent ? METRICS.map(t => changeOf(independent, t)) : null,
    reference: withReference ? referenceIntervals(rows, createRng(5000 + rep)) : null,
    declined: elsewhere ? !pairPredictions(run, elsewhere, [], settings).paired : null
  }
}

/** Independent samples of the population, as when the evaluation set changed: the run's rows are not the baseline's. */
export function independentReplicate(rep: number): Change[] {
  const rng = createRng(9000 + rep)
  const now = Array.from({ length: ROWS }, () => draw(rng))
  const before = Array.from({ length: ROWS }, () => draw(rng))
  const settings = { ...SETTINGS, seed: SETTINGS.seed + rep }
  const run = predictionData(['g'], asRows(now, 'B', 'now'))
  const base = predictionData(['g'], asRows(before, 'A', 'before'))
  const p = pairPredictions(run, base, [], settings)
  if (p.paired) throw new Error('paired on rows that differ')
  const changes = evaluate({ predictions: run, intersections: [], settings }).changes(
    evaluate({ predictions: base, intersections: [], settings, streamOffset: 1000 }),
    0.95
  )
  return METRICS.map(t => changeOf(changes, t))
}
