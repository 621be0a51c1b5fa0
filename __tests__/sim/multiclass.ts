/**
 * Multiclass intervals by simulation (multiclass.test.ts): a calibrated model (its scores are the
 * classes' true probabilities, and each label is drawn from them), evaluated through the engine (the
 * confusion table, evaluate()), in the regimes SPEC §2b's intervals must hold in:
 *
 * - a rare class: four classes, the last 1.5% of rows, 2,000 rows;
 * - small groups: six groups of 50 rows (groups do not change the model);
 * - equal groups: two groups of 500 rows (every disparity 0, every ratio 1);
 * - a calibrated model: top-label ECE 0, 2,000 rows.
 *
 * Each row's class probabilities are softmax(b + x·A) for a standard normal x (two dimensions); A and
 * b set how separable and how frequent the classes are. The true value of each metric is that of one
 * sample of TRUTH_ROWS rows from the same generator (top-label ECE: 0, as the model is calibrated).
 * The reference construction written here, for widths, is the percentile bootstrap of the rows
 * (REFERENCE_RESAMPLES resamples) for the overall accuracy, balanced accuracy and macro F1.
 */
import { evaluate, type MetricResult } from '../../src/core/metrics/evaluate.js'
import { createRng, type Rng } from '../../src/core/stats/rng.js'
import { ConfusionAccumulator } from '../../src/core/tables/confusion.js'
import { ScoreHistogram } from '../../src/core/tables/scores.js'
import { FULL, replications } from './scale.js'

export const REPLICATIONS = replications(300)
// The quick run's truths are a quarter as precise (±0.002 on a rate), far inside every interval.
const TRUTH_ROWS = FULL ? 400_000 : 100_000
const REFERENCE_RESAMPLES = 200
/** The overall metrics the reference bootstrap is written for. */
export const REFERENCED = ['accuracy', 'balanced_accuracy', 'macro_f1'] as const
const CLASSES = ['a', 'b', 'c', 'd']

export interface Regime {
  name: string
  rows: number
  groups: number
  /** The log-odds offset of each class: the rare class's is low. */
  offsets: number[]
}

export const REGIMES: Regime[] = [
  { name: 'rare class (1.5% of rows), 2,000 rows', rows: 2000, groups: 1, offsets: [0, 0, 0, -3.6] },
  { name: 'small groups, 6 × 50 rows', rows: 300, groups: 6, offsets: [0, 0, 0, 0] },
  { name: 'equal groups, 2 × 500 rows', rows: 1000, groups: 2, offsets: [0, 0.3, -0.3, 0] },
  { name: 'calibrated, 2,000 rows', rows: 2000, groups: 1, offsets: [0.5, 0, 0, -0.5] }
]

/** Each class's weight on the two latent dimensions. */
const A = [
  [1.2, 0],
  [0, 1.2],
  [-1.2, 0],
  [0, -1.2]
]

/** The metrics measured, overall (scope ''), per class (`class:c`) or per group (`group:g`). */
export const MEASURED = [
  'accuracy',
  'balanced_accuracy',
  'macro_f1',
  'weighted_f1',
  'log_loss',
  'brier',
  'top_label_ece',
  'macro_auc',
  'recall',
  'precision',
  'auc',
  'demographic_parity_difference',
  'demographic_parity_ratio',
  'equalized_odds_difference',
  'accuracy_difference',
  'macro_f1_difference'
] as const

function draw(regime: Regime, rng: Rng, p: Float64Array): number {
  const x0 = rng.normal()
  const x1 = rng.normal()
  let sum = 0
  for (let k = 0; k < 4; k++) {
    p[k] = Math.exp(regime.offsets[k] + A[k][0] * x0 + A[k][1] * x1)
    sum += p[k]
  }
  for (let k = 0; k < 4; k++) p[k] /= sum
  const u = rng.next()
  let c = 0
  for (let k = 0; k < 4; k++) {
    c += p[k]
    if (u < c) return k
  }
  return 3
}

/** Accuracy, balanced accuracy and macro F1 (scikit-learn's averages) of labels and predictions. */
function classification(
  y: Int32Array,
  yhat: Int32Array,
  take: Int32Array
): Record<(typeof REFERENCED)[number], number> {
  const conf = new Float64Array(16)
  for (let i = 0; i < take.length; i++) conf[y[take[i]] * 4 + yhat[take[i]]]++
  let right = 0
  let recall = 0
  let classes = 0
  let f1 = 0
  let present = 0
  for (let k = 0; k < 4; k++) {
    right += conf[k * 4 + k]
    let truth = 0
    let pred = 0
    for (let j = 0; j < 4; j++) {
      truth += conf[k * 4 + j]
      pred += conf[j * 4 + k]
    }
    if (truth > 0) {
      recall += conf[k * 4 + k] / truth
      classes++
    }
    if (truth + pred > 0) {
      f1 += (2 * conf[k * 4 + k]) / (truth + pred)
      present++
    }
  }
  return { accuracy: right / take.length, balanced_accuracy: recall / classes, macro_f1: f1 / present }
}

/** The percentile bootstrap of the rows for the referenced metrics: [2.5%, 97.5%] of each. */
function referenceOf(y: Int32Array, yhat: Int32Array, rng: Rng): Map<string, [number, number]> {
  const n = y.length
  const take = new Int32Array(n)
  const values: Record<string, number[]> = Object.fromEntries(REFERENCED.map(id => [id, []]))
  for (let r = 0; r < REFERENCE_RESAMPLES; r++) {
    for (let i = 0; i < n; i++) take[i] = Math.floor(rng.next() * n)
    const m = classification(y, yhat, take)
    for (const id of REFERENCED) values[id].push(m[id])
  }
  const at = (xs: number[], q: number) => xs.sort((a, b) => a - b)[Math.round(q * (xs.length - 1))]
  return new Map(REFERENCED.map(id => [`${id}||`, [at(values[id], 0.025), at(values[id], 0.975)]]))
}

/** The engine's metrics of `rows` rows of the regime, each row in group (row mod groups). */
function metricsOf(
  regime: Regime,
  rows: number,
  groups: number,
  rng: Rng,
  kept?: { y: Int32Array; yhat: Int32Array }
): MetricResult[] {
  const acc = new ConfusionAccumulator(['g'], CLASSES, false, 10)
  const hists = CLASSES.map(() => new ScoreHistogram(false))
  const g = new Int32Array(1)
  const p = new Float64Array(4)
  for (let i = 0; i < rows; i++) {
    const y = draw(regime, rng, p)
    let best = 0
    for (let k = 1; k < 4; k++) if (p[k] > p[best]) best = k
    g[0] = i % groups
    if (kept) {
      kept.y[i] = y
      kept.yhat[i] = best
    }
    acc.add(g, y, best, p, 1)
    for (let k = 0; k < 4; k++) hists[k].add(p[k], k === y ? 1 : 0, 1)
  }
  const table = acc.finish([Array.from({ length: groups }, (_, k) => `g${k}`)])
  return evaluate({
    multiclass: { table, scores: hists.map(h => h.finish()), rows, sha256: '' },
    intersections: [],
    settings: { confidence: 0.95, resamples: 0, seed: 0, minGroupSize: 30 }
  }).metrics
}

const keyOf = (m: MetricResult) => `${m.metric}|${m.class ?? ''}|${m.group ?? ''}`
const measured = (m: MetricResult) =>
  (MEASURED as readonly string[]).includes(m.metric) &&
  // Overall, per class overall, per group, and disparities over every class (the worst).
  (m.attribute === undefined ||
    (m.group !== undefined && m.class === undefined) ||
    (m.group === undefined && m.class === undefined))

const truths = new Map<Regime, Map<string, number>>()

/** The true values of a regime's metrics (one large sample, made once). */
export function truth(regime: Regime): Map<string, number> {
  let t = truths.get(regime)
  if (t === undefined) {
    const rng = createRng(777, REGIMES.indexOf(regime))
    const all = metricsOf(regime, TRUTH_ROWS, regime.groups, rng)
    t = new Map(all.filter(measured).map(m => [keyOf(m), m.value ?? NaN]))
    // Per group, the groups are alike: their truth is the overall value.
    for (const m of all.filter(m => measured(m) && m.group !== undefined))
      t.set(keyOf(m), t.get(`${m.metric}||`) ?? NaN)
    // A calibrated model's ECE is 0; disparities between equal groups are 0 (ratios 1).
    t.set('top_label_ece||', 0)
    for (const id of [
      'demographic_parity_difference',
      'equalized_odds_difference',
      'accuracy_difference',
      'macro_f1_difference'
    ])
      t.set(`${id}||`, 0)
    t.set('demographic_parity_ratio||', 1)
    truths.set(regime, t)
  }
  return t
}

/** One replication: each measured metric's result, by metric|class|group, and the reference intervals. */
export function replicate(
  regime: Regime,
  rep: number
): { results: Map<string, MetricResult>; reference: Map<string, [number, number]> } {
  const rng = createRng(20261207, rep * REGIMES.length + REGIMES.indexOf(regime))
  const kept = { y: new Int32Array(regime.rows), yhat: new Int32Array(regime.rows) }
  const all = metricsOf(regime, regime.rows, regime.groups, rng, kept)
  return {
    results: new Map(all.filter(measured).map(m => [keyOf(m), m])),
    reference: referenceOf(kept.y, kept.yhat, rng)
  }
}
