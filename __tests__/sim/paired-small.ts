/**
 * Paired changes in small groups (paired-small.test.ts): two models on the same rows, each change
 * measured per group, where few rows tell the models apart.
 *
 * - Precision: model B predicts otherwise than model A on 5% of the rows (3 in 5 of them where A was
 *   right), in 20 groups of 50 rows and in 5 groups of 200. Precision's rows are each model's
 *   predicted positives, so its change is not a mean of per-row differences.
 * - ECE: one model calibrated (scores uniform, labels drawn at the score), the other 0.05 too high,
 *   in 4 groups of 200 rows, either way round; and two models 0.03 off either way (true change near 0).
 *
 * The truth of each change comes from one sample of TRUTH_ROWS rows of the same generator (every group
 * draws alike). The reference is the paired percentile bootstrap written here (Poisson(1) weights per
 * row, applied to both models), which is what rai-gate computed for these changes before.
 */
import type { Change } from '../../src/core/metrics/evaluate.js'
import { metricKey } from '../../src/core/metrics/evaluate.js'
import { pairPredictions } from '../../src/core/metrics/paired-predictions.js'
import { poissonOne } from '../../src/core/stats/distributions.js'
import { createRng, type Rng } from '../../src/core/stats/rng.js'
import { predictionData, type Row } from '../helpers/tables.js'
import { replications } from './scale.js'

export const REPLICATIONS = replications(300, 16, 0.05)
const RESAMPLES = 500
const TRUTH_ROWS = 2_000_000
const BINS = 10
const { abs, floor, min } = Math

/** One row of both models: label, predictions and scores. */
interface Pair {
  y: number
  a: number
  b: number
  sa: number
  sb: number
}

export interface Regime {
  name: string
  metric: 'precision' | 'ece'
  groups: number
  rows: number
  draw: (rng: Rng) => Pair
}

/** A is right on 85% of rows; B flips A's prediction on 5% of rows, 3 in 5 of them where A was right. */
function flips(rng: Rng): Pair {
  const y = rng.next() < 0.3 ? 1 : 0
  const right = rng.next() < 0.85
  const a = right ? y : 1 - y
  const b = rng.next() < 0.05 * (right ? 0.6 / 0.85 : 0.4 / 0.15) ? 1 - a : a
  return { y, a, b, sa: a, sb: b }
}

/** A label drawn at a uniform score u; each model's score is a shift of u (clipped inside (0, 1)). */
const shifted =
  (da: number, db: number) =>
  (rng: Rng): Pair => {
    const u = rng.next()
    const y = rng.next() < u ? 1 : 0
    const clip = (s: number) => Math.max(0.001, min(0.999, s))
    const sa = clip(u + da)
    const sb = clip(u + db)
    return { y, a: sa >= 0.5 ? 1 : 0, b: sb >= 0.5 ? 1 : 0, sa, sb }
  }

export const REGIMES: Regime[] = [
  { name: 'precision, groups of 50 rows', metric: 'precision', groups: 20, rows: 50, draw: flips },
  { name: 'precision, groups of 200 rows', metric: 'precision', groups: 5, rows: 200, draw: flips },
  {
    name: 'ECE worsens (calibrated before), groups of 200',
    metric: 'ece',
    groups: 4,
    rows: 200,
    draw: shifted(0, 0.05)
  },
  {
    name: 'ECE improves (calibrated now), groups of 200',
    metric: 'ece',
    groups: 4,
    rows: 200,
    draw: shifted(0.05, 0)
  },
  {
    name: 'ECE equal (0.03 off either way), groups of 200',
    metric: 'ece',
    groups: 4,
    rows: 200,
    draw: shifted(-0.03, 0.03)
  }
]

/** Each model's metric on rows weighted by copies (null: 1 each): precision, or the plug-in ECE. */
function value(rows: Pair[], model: 'a' | 'b', metric: Regime['metric'], copies: Uint8Array | null): number {
  if (metric === 'precision') {
    let tp = 0
    let pp = 0
    rows.forEach((r, i) => {
      const k = copies ? copies[i] : 1
      if (r[model] === 1) {
        pp += k
        tp += k * r.y
      }
    })
    return tp / pp
  }
  const n = new Float64Array(BINS)
  const y = new Float64Array(BINS)
  const s = new Float64Array(BINS)
  let total = 0
  rows.forEach((r, i) => {
    const k = copies ? copies[i] : 1
    const score = model === 'a' ? r.sa : r.sb
    const bin = min(BINS - 1, floor(score * BINS))
    n[bin] += k
    y[bin] += k * r.y
    s[bin] += k * score
    total += k
  })
  let ece = 0
  for (let b = 0; b < BINS; b++) if (n[b] > 0) ece += (n[b] / total) * abs(y[b] / n[b] - s[b] / n[b])
  return ece
}

/** The true change B − A of a regime's metric. */
export function truth(regime: Regime): number {
  const rng = createRng(20261207)
  const rows = Array.from({ length: TRUTH_ROWS }, () => regime.draw(rng))
  return value(rows, 'b', regime.metric, null) - value(rows, 'a', regime.metric, null)
}

/** The reference: per group, the paired percentile bootstrap of the change. */
function reference(groups: Pair[][], metric: Regime['metric'], rng: Rng): [number, number][] {
  return groups.map(rows => {
    const copies = new Uint8Array(rows.length)
    const d: number[] = []
    for (let r = 0; r < RESAMPLES; r++) {
      for (let i = 0; i < rows.length; i++) copies[i] = poissonOne(rng)
      const x = value(rows, 'b', metric, copies) - value(rows, 'a', metric, copies)
      if (!Number.isNaN(x)) d.push(x)
    }
    d.sort((x, y) => x - y)
    const change = value(rows, 'b', metric, null) - value(rows, 'a', metric, null)
    const at = (q: number) => d[floor(q * (d.length - 1))]
    return [min(change, at(0.025)), Math.max(change, at(0.975))]
  })
}

export interface Replication {
  /** Per group: rai-gate's change (undefined where a model has no predicted positive). */
  changes: (Change | undefined)[]
  reference: [number, number][]
}

export function replicate(regime: Regime, rep: number): Replication {
  const rng = createRng(7000 + rep)
  const groups = Array.from({ length: regime.groups }, () =>
    Array.from({ length: regime.rows }, () => regime.draw(rng))
  )
  const rows = (model: 'a' | 'b'): Row[] =>
    groups.flatMap((g, k) =>
      g.map((r, i) => ({
        y: r.y,
        p: model === 'a' ? r.a : r.b,
        s: model === 'a' ? r.sa : r.sb,
        groups: [`g${k}`],
        id: `${k}.${i}`
      }))
    )
  const settings = { confidence: 0.95, resamples: RESAMPLES, seed: 31 + rep, minGroupSize: 30 }
  const p = pairPredictions(
    predictionData(['g'], rows('b'), BINS),
    predictionData(['g'], rows('a'), BINS),
    [],
    settings
  )
  if (!p.paired) throw new Error(`not paired: ${p.reason}`)
  const changes = p.changes(0.95)
  return {
    changes: groups.map((_, k) =>
      changes.get(metricKey({ metric: regime.metric, attribute: 'g', group: `g${k}` }))
    ),
    reference: reference(groups, regime.metric, createRng(8000 + rep))
  }
}
