/**
 * Interval regimes of known truth, simulated with fixed seeds: where release decisions are hardest
 * (rare events, small groups, equal groups, calibrated models, heavy weights). Each regime draws data
 * sets, runs the engine's evaluate() with 1000 resamples at 95%, and measures how often the interval
 * holds the true value and how wide it is. coverage.test.ts asserts the targets and keeps the table
 * in docs/metrics.md equal to what this prints.
 */
import type { OutcomeData } from '../../src/core/artifacts/kinds/outcomes.js'
import { ExampleClusters, type RobustnessData } from '../../src/core/artifacts/kinds/robustness.js'
import { evaluate, type EvaluationInput, type MetricResult } from '../../src/core/metrics/evaluate.js'
import { clopperPearson, kish, probit } from '../../src/core/stats/intervals.js'
import { createRng, type Rng } from '../../src/core/stats/rng.js'
import { predictionData, type Row } from '../helpers/tables.js'
import { replications } from './scale.js'

export const REPLICATIONS = replications(200)
const SETTINGS = { confidence: 0.95, resamples: 1000, seed: 0, minGroupSize: 10 }

export interface Target {
  metric: string
  scope?: { attribute?: string; group?: string; suite?: string; perturbation?: string }
  /** The true value; NaN when it depends on the data set's own scores (DataSet.truths). */
  truth: number
}

export interface RegimeResult {
  regime: string
  metric: string
  truth: string
  coverage: number
  meanWidth: number
  /** Mean width over the mean Clopper–Pearson width on the unweighted counts (single proportions). */
  widthVsCp: number | null
  /** Mean Kish effective n of the target's rows, for weighted regimes. */
  kish: number | null
  /** Heavy weights: coverage is reported, not required (even a row bootstrap undercovers). */
  required: boolean
  replications: number
}

interface DataSet {
  input: Omit<EvaluationInput, 'settings'>
  /** Per target: the truth for this data set, and the unweighted (x, n) for the CP comparison. */
  truths?: number[]
  counts?: ([number, number] | null)[]
  kish?: (number | null)[]
}

interface Regime {
  name: string
  targets: Target[]
  draw(rng: Rng, rep: number): DataSet
  required?: boolean
  /** Replications, when a regime is cheap enough for more than REPLICATIONS (a finer coverage). */
  replications?: number
}

const bern = (rng: Rng, p: number) => (rng.next() < p ? 1 : 0)

function find(ms: MetricResult[], t: Target): MetricResult {
  const s = t.scope ?? {}
  const m = ms.find(
    x =>
      x.metric === t.metric &&
      x.attribute === s.attribute &&
      x.group === s.group &&
      x.suite === s.suite &&
      x.perturbation === s.perturbation
  )
  if (!m) throw new Error(`no ${t.metric} in the simulated evaluation`)
  return m
}

export function runRegime(r: Regime): RegimeResult[] {
  const rng = createRng(20261201, r.name.length)
  const hits = r.targets.map(() => 0)
  const widths = r.targets.map(() => 0)
  const cpWidths = r.targets.map(() => 0)
  const kishes = r.targets.map(() => 0)
  let hasCp = false
  let hasKish = false
  const reps = r.replications ?? REPLICATIONS
  for (let rep = 0; rep < reps; rep++) {
    const data = r.draw(rng, rep)
    const ms = evaluate({ ...data.input, settings: { ...SETTINGS, seed: rep } }).metrics
    r.targets.forEach((t, i) => {
      const m = find(ms, t)
      const truth = data.truths?.[i] ?? t.truth
      if (m.ci && m.ci[0] <= truth + 1e-12 && truth <= m.ci[1] + 1e-12) hits[i]++
      if (m.ci) widths[i] += m.ci[1] - m.ci[0]
      const c = data.counts?.[i]
      if (c) {
        hasCp = true
        const cp = clopperPearson(c[0], c[1], SETTINGS.confidence)
        if (cp) cpWidths[i] += cp[1] - cp[0]
      }
      const k = data.kish?.[i]
      if (k != null) {
        hasKish = true
        kishes[i] += k
      }
    })
  }
  return r.targets.map((t, i) => ({
    regime: r.name,
    metric: t.metric + (t.scope?.group ? ` (${t.scope.group})` : ''),
    truth: Number.isNaN(t.truth) ? 'given the scores' : Number(t.truth.toFixed(4)).toString(),
    coverage: hits[i] / reps,
    meanWidth: widths[i] / reps,
    widthVsCp: hasCp && cpWidths[i] > 0 ? widths[i] / cpWidths[i] : null,
    kish: hasKish && kishes[i] > 0 ? kishes[i] / reps : null,
    replications: reps,
    required: r.required ?? true
  }))
}

function outcomes(rng: Rng, n: number, p: number): OutcomeData {
  let failed = 0
  for (let i = 0; i < n; i++) failed += bern(rng, p)
  return {
    table: { cells: [{ suite: 's', category: null }], passed: [n - failed], failed: [failed] },
    rows: n,
    sha256: ''
  }
}

/** Rows of one group with a positive share, tpr and fpr; scores only when asked. */
function groupRows(
  rng: Rng,
  group: string,
  n: number,
  rates: { base: number; tpr: number; fpr: number },
  weight?: () => number
): Row[] {
  return Array.from({ length: n }, () => {
    const y = bern(rng, rates.base)
    const p = bern(rng, y === 1 ? rates.tpr : rates.fpr)
    return { y, p, groups: [group], ...(weight && { w: weight() }) }
  })
}

/** Counts of a rate's rows (unweighted) and Kish's n, from rows: for the CP width and Kish columns. */
function rateCounts(rows: Row[], group: string, rate: 'fpr' | 'tpr') {
  const den = rows.filter(r => r.groups[0] === group && r.y === (rate === 'fpr' ? 0 : 1))
  const x = den.filter(r => r.p === 1).length
  const w = den.reduce((t, r) => t + (r.w ?? 1), 0)
  const w2 = den.reduce((t, r) => t + (r.w ?? 1) ** 2, 0)
  return { counts: [x, den.length] as [number, number], kish: kish(w, w2) }
}

const rare = (n: number, p: number): Regime => ({
  name: `rare events: ${n} cases, failure rate ${p}`,
  targets: [{ metric: 'failure_rate', scope: { suite: 's' }, truth: p }],
  draw(rng) {
    const o = outcomes(rng, n, p)
    return { input: { outcomes: o, intersections: [] }, counts: [[o.table.failed[0], n]] }
  }
})

const RATES = { base: 0.5, tpr: 0.8, fpr: 0.05 }

const small = (n: number, weights?: { name: string; draw: (rng: Rng) => number }): Regime => ({
  name: weights ? `${weights.name} weights, groups of ${n}` : `small groups of ${n} rows`,
  required: weights?.name !== 'heavy (lognormal σ=1.5)',
  targets: [
    { metric: 'fpr', scope: { attribute: 'g', group: 'a' }, truth: RATES.fpr },
    { metric: 'tpr', scope: { attribute: 'g', group: 'a' }, truth: RATES.tpr }
  ],
  draw(rng) {
    const w = weights ? () => weights.draw(rng) : undefined
    const rows = [...groupRows(rng, 'a', n, RATES, w), ...groupRows(rng, 'b', n, RATES, w)]
    const f = rateCounts(rows, 'a', 'fpr')
    const t = rateCounts(rows, 'a', 'tpr')
    return {
      input: { predictions: predictionData(['g'], rows), intersections: [] },
      counts: [f.counts, t.counts],
      kish: weights ? [f.kish, t.kish] : undefined
    }
  }
})

/**
 * Weights tied to the outcome: a false positive is weighted 20 half of the time, any other row 3% of
 * the time, so about 5% of the rows weigh 20 and they carry most of the false positives' weight. The
 * true weighted fpr is E[w·ŷ | y = 0] / E[w | y = 0]; two groups drawn alike, so the fpr difference is 0.
 */
const TIED = { fpr: 0.1, heavyFp: 0.5, heavyOther: 0.03, weight: 20 }
const tiedTruth = (() => {
  const fp = TIED.fpr * (TIED.heavyFp * TIED.weight + 1 - TIED.heavyFp)
  const rest = (1 - TIED.fpr) * (TIED.heavyOther * TIED.weight + 1 - TIED.heavyOther)
  return fp / (fp + rest)
})()

const tied = (n: number): Regime => ({
  required: n >= 200,
  name: `weights tied to the outcome (5% of rows at 20, carrying the false positives), groups of ${n}`,
  targets: [
    { metric: 'fpr', scope: { attribute: 'g', group: 'a' }, truth: tiedTruth },
    { metric: 'fpr_difference', scope: { attribute: 'g' }, truth: 0 }
  ],
  draw(rng) {
    const rows: Row[] = ['a', 'b'].flatMap(group =>
      Array.from({ length: n }, () => {
        const y = bern(rng, 0.5)
        const p = bern(rng, y === 1 ? 0.8 : TIED.fpr)
        const heavy = bern(rng, y === 0 && p === 1 ? TIED.heavyFp : TIED.heavyOther)
        return { y, p, groups: [group], w: heavy ? TIED.weight : 1 }
      })
    )
    // No width against Clopper–Pearson on the unweighted counts: the weighted rate is another estimate.
    return {
      input: { predictions: predictionData(['g'], rows), intersections: [] },
      kish: [rateCounts(rows, 'a', 'fpr').kish, null]
    }
  }
})

const DISPARITY_TARGETS = (kind: 'equal' | 'gap', truths: Record<string, number>): Target[] =>
  Object.entries(truths).map(([metric, truth]) => ({ metric, scope: { attribute: 'g' }, truth }))

const equal = (groups: number, n: number): Regime => ({
  name: `${groups} equal groups of ${n} rows`,
  targets: DISPARITY_TARGETS('equal', {
    demographic_parity_difference: 0,
    demographic_parity_ratio: 1,
    equalized_odds_difference: 0,
    equalized_odds_ratio: 1,
    accuracy_difference: 0,
    ece_difference: 0
  }),
  draw(rng) {
    const rows: Row[] = []
    for (let g = 0; g < groups; g++)
      for (let i = 0; i < n; i++) {
        // Calibrated scores, so every group's ece is 0 too.
        const s = rng.next()
        const y = bern(rng, s)
        rows.push({ y, p: s >= 0.5 ? 1 : 0, s, groups: [`g${g}`] })
      }
    return { input: { predictions: predictionData(['g'], rows), intersections: [] } }
  }
})

/**
 * Groups equal in truth at high rates (tpr 0.9, fpr 0.1), of the sizes given: a small group often
 * catches every positive, where a ratio interval must still reach 1.
 */
const equalRates = (name: string, sizes: number[]): Regime => ({
  name,
  targets: DISPARITY_TARGETS('equal', { equal_opportunity_ratio: 1, equalized_odds_ratio: 1 }),
  draw(rng) {
    const rates = { base: 0.5, tpr: 0.9, fpr: 0.1 }
    const rows = sizes.flatMap((n, g) => groupRows(rng, `g${g}`, n, rates))
    return { input: { predictions: predictionData(['g'], rows), intersections: [] } }
  }
})

const gap: Regime = {
  name: '3 groups of 50 rows, selection rates 0.3/0.4/0.5',
  targets: DISPARITY_TARGETS('gap', { demographic_parity_difference: 0.2, demographic_parity_ratio: 0.6 }),
  draw(rng) {
    const rows = [0.3, 0.4, 0.5].flatMap((rate, g) =>
      Array.from({ length: 50 }, () => ({ y: bern(rng, 0.5), p: bern(rng, rate), groups: [`g${g}`] }))
    )
    return { input: { predictions: predictionData(['g'], rows), intersections: [] } }
  }
}

/**
 * Calibration truth is conditional on the scores drawn: with labels y ~ Bernoulli(f(s)), each bin's
 * true gap is mean(f(s)) − mean(s) over its rows.
 */
const calibration = (n: number, name: string, f: (s: number) => number, truth: number): Regime => ({
  name: `${name} model, ${n} rows`,
  targets: [
    { metric: 'ece', truth },
    { metric: 'mce', truth }
  ],
  draw(rng) {
    const rows: Row[] = []
    const bins = Array.from({ length: 10 }, () => ({ n: 0, f: 0, s: 0 }))
    for (let i = 0; i < n; i++) {
      const s = rng.next()
      const y = bern(rng, f(s))
      rows.push({ y, p: s >= 0.5 ? 1 : 0, s, groups: ['a'] })
      const b = bins[Math.min(9, Math.floor(s * 10))]
      b.n++
      b.f += f(s)
      b.s += s
    }
    const gaps = bins.filter(b => b.n > 0).map(b => ({ share: b.n / n, gap: Math.abs(b.f - b.s) / b.n }))
    return {
      input: { predictions: predictionData(['g'], rows), intersections: [] },
      truths: [gaps.reduce((t, b) => t + b.share * b.gap, 0), Math.max(...gaps.map(b => b.gap))]
    }
  }
})

/**
 * Few positives: negatives' scores N(0, 1), positives' N(δ, 1) through the logistic (which keeps the
 * order), so the true AUC is Φ(δ/√2).
 */
const fewPositives = (positives: number, negatives: number, auc: number): Regime => ({
  name: `AUC ${auc}, ${positives} positives beside ${negatives} negatives`,
  targets: [{ metric: 'auc', truth: auc }],
  draw(rng) {
    const delta = Math.SQRT2 * probit(auc)
    const row = (y: 0 | 1): Row => {
      const s = 1 / (1 + Math.exp(-(rng.normal() + y * delta)))
      return { y, p: s >= 0.5 ? 1 : 0, s, groups: ['a'] }
    }
    const rows = [
      ...Array.from({ length: positives }, () => row(1)),
      ...Array.from({ length: negatives }, () => row(0))
    ]
    return { input: { predictions: predictionData(['g'], rows), intersections: [] } }
  }
})

function robustnessData(rng: Rng, n: number, flips: number[]): RobustnessData {
  const counts = new Array(flips.length * 8).fill(0)
  flips.forEach((flip, p) => {
    for (let i = 0; i < n; i++) {
      const y = bern(rng, 0.5)
      const clean = bern(rng, 0.85) ? y : 1 - y
      const perturbed = bern(rng, flip) ? 1 - clean : clean
      counts[p * 8 + (y * 2 + clean) * 2 + perturbed]++
    }
  })
  return {
    table: { perturbations: flips.map((_, p) => `p${p}`), n: counts },
    rows: n * flips.length,
    sha256: ''
  }
}

const robustness: Regime = {
  name: '3 perturbations of 200 rows, flip rates 0.01/0.02/0.02',
  targets: [
    { metric: 'flip_rate', scope: { perturbation: 'p0' }, truth: 0.01 },
    // Flips are symmetric in whether the clean prediction was right: accuracy_drop's truth is
    // flip·(0.85 − 0.15).
    { metric: 'accuracy_drop', scope: { perturbation: 'p0' }, truth: 0.01 * 0.7 },
    { metric: 'worst_flip_rate', truth: 0.02 },
    { metric: 'worst_accuracy_drop', truth: 0.02 * 0.7 }
  ],
  draw(rng) {
    return { input: { robustness: robustnessData(rng, 200, [0.01, 0.02, 0.02]), intersections: [] } }
  }
}

/**
 * The same example perturbed with several seeds: 27% of the examples are fragile (each draw flips
 * with probability 0.37), the rest never flip, so the flip rate is 0.1 with an intra-example
 * correlation of 0.3; the clean prediction is the example's own (right 85% of the time). The table and
 * the design effects come from the reader's ExampleClusters.
 */
const repeatedExamples = (examples: number, seeds: number): Regime => ({
  name: `${seeds} seeds per example, ${examples} examples, intra-example correlation 0.3`,
  replications: replications(1000),
  targets: [
    { metric: 'flip_rate', scope: { perturbation: 'p0' }, truth: 0.1 },
    { metric: 'perturbed_accuracy', scope: { perturbation: 'p0' }, truth: 0.85 * 0.9 + 0.15 * 0.1 },
    { metric: 'accuracy_drop', scope: { perturbation: 'p0' }, truth: 0.1 * 0.7 }
  ],
  draw(rng) {
    const n = new Array(8).fill(0)
    const clusters = new ExampleClusters()
    for (let e = 0; e < examples; e++) {
      const y = bern(rng, 0.5)
      const clean = bern(rng, 0.85) ? y : 1 - y
      const flip = bern(rng, 0.27) ? 0.37 : 0
      for (let k = 0; k < seeds; k++) {
        const perturbed = bern(rng, flip) ? 1 - clean : clean
        n[(y * 2 + clean) * 2 + perturbed]++
        clusters.add(0, String(e), y, clean, perturbed)
      }
    }
    const table = { perturbations: ['p0'], n, ...clusters.designEffects(1) }
    return { input: { robustness: { table, rows: examples * seeds, sha256: '' }, intersections: [] } }
  }
})

const uniformWeights = { name: 'moderate (uniform 0.5–1.5)', draw: (rng: Rng) => 0.5 + rng.next() }
const heavyWeights = { name: 'heavy (lognormal σ=1.5)', draw: (rng: Rng) => Math.exp(1.5 * rng.normal()) }

export const REGIMES: Regime[] = [
  rare(100, 0.01),
  rare(300, 0.01),
  rare(50, 0.02),
  rare(200, 0.005),
  small(20),
  small(30),
  small(50),
  small(50, uniformWeights),
  small(50, heavyWeights),
  tied(50),
  tied(100),
  tied(200),
  equal(2, 200),
  equal(5, 100),
  equalRates('2 groups at tpr 0.9, 20 rows beside 150', [20, 150]),
  equalRates('2 groups at tpr 0.9, 30 rows beside 300', [30, 300]),
  equalRates(
    '30 groups at tpr 0.9 of 40 rows',
    Array.from({ length: 30 }, () => 40)
  ),
  gap,
  fewPositives(10, 190, 0.8),
  fewPositives(20, 380, 0.9),
  fewPositives(15, 135, 0.75),
  calibration(500, 'calibrated', s => s, 0),
  calibration(500, 'miscalibrated (P(y=1) = s²)', s => s * s, NaN),
  robustness,
  repeatedExamples(100, 5),
  repeatedExamples(40, 5),
  repeatedExamples(1000, 5)
]
