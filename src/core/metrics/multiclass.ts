/**
 * The metrics of a multiclass model (SPEC §2b), from its confusion table (tables/confusion.ts) and
 * the one-vs-rest AUC of each class's scores: overall, per class, per group, per class and group, and
 * disparities per class and, over classes, the worst. Every interval is analytic (support.ts): a
 * proportion's Clopper–Pearson, a mean loss's Student t, the F1 averages' delta method, the top-label
 * ECE's bin bounds, a disparity's simultaneous pairs.
 */
import { kish } from '../stats/intervals.js'
import { BIN, CELL, L_BRIER, L_LOG, confusionOf, type ConfusionTable } from '../tables/confusion.js'
import type { MulticlassData } from '../artifacts/kinds/multiclass.js'
import { scopeGroups } from '../tables/scopes.js'
import { aucSupport, predictionAuc, type AucBlocks } from './auc.js'
import { tooFewGroups, type PointValue, type ScopeRef, type Sink } from './sink.js'
import {
  proportion,
  type CalibrationBin,
  type DisparitySupport,
  type MeanSupport,
  type ProportionSupport,
  type Support,
  weightedMean
} from './support.js'

/** A scope's confusion, summed, with what every metric of it reads. */
class Scope {
  readonly K: number
  /** Σw and Σw² of each cell, [label·K + prediction]. */
  readonly w: Float64Array
  readonly w2: Float64Array
  readonly rows: number
  readonly W: number
  readonly W2: number
  constructor(
    readonly conf: Float64Array,
    readonly losses: Float64Array,
    K: number
  ) {
    this.K = K
    this.w = new Float64Array(K * K)
    this.w2 = new Float64Array(K * K)
    let rows = 0
    for (let i = 0; i < K * K; i++) {
      rows += conf[i * CELL]
      this.w[i] = conf[i * CELL + 1]
      this.w2[i] = conf[i * CELL + 2]
    }
    this.rows = rows
    this.W = this.w.reduce((a, b) => a + b, 0)
    this.W2 = this.w2.reduce((a, b) => a + b, 0)
  }

  /** Σw and Σw² over the cells (label, prediction) where `take` holds. */
  sum(take: (label: number, prediction: number) => boolean): [number, number] {
    let w = 0
    let w2 = 0
    for (let i = 0; i < this.K; i++)
      for (let j = 0; j < this.K; j++)
        if (take(i, j)) {
          w += this.w[i * this.K + j]
          w2 += this.w2[i * this.K + j]
        }
    return [w, w2]
  }

  /** A rate num/den over cells, with its Kish-effective proportion support (NaN with no weight). */
  rate(
    num: (i: number, j: number) => boolean,
    den: (i: number, j: number) => boolean
  ): { value: number; support?: ProportionSupport } {
    const [d, d2] = this.sum(den)
    if (!(d > 0)) return { value: NaN }
    const [n] = this.sum((i, j) => den(i, j) && num(i, j))
    const eff = kish(d, d2)
    return { value: n / d, support: proportion((n / d) * eff, eff) }
  }

  /** The mean of a per-row loss (Σw·x, Σw·x² at q, q + 1 of losses), on `scale`. */
  loss(q: number, scale: MeanSupport['scale']): { value: number; support: MeanSupport } {
    const support = weightedMean(this.W, this.W2, this.losses[q], this.losses[q + 1], scale)
    return { value: support.mean, support }
  }
}

/**
 * Each class's F1 over a confusion of shares p[label·K + prediction], and the classes scikit-learn
 * averages over (those with a label or a prediction). F1_k = 2·p_kk / (pred_k + true_k).
 */
function f1s(
  p: Float64Array,
  K: number
): { f1: Float64Array; B: Float64Array; present: number[]; truth: Float64Array } {
  const f1 = new Float64Array(K)
  const B = new Float64Array(K)
  const truth = new Float64Array(K)
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++) {
      B[i] += p[i * K + j]
      B[j] += p[i * K + j]
      truth[i] += p[i * K + j]
    }
  const present: number[] = []
  for (let k = 0; k < K; k++) {
    if (B[k] > 0) present.push(k)
    f1[k] = B[k] > 0 ? (2 * p[k * K + k]) / B[k] : 0
  }
  return { f1, B, present, truth }
}

/**
 * macro_f1 or weighted_f1 with its delta-method support. A row of label i and prediction j moves
 * F1_k by IF_k(i, j) = (2·[i = j = k] − F1_k·([j = k] + [i = k])) / B_k; the macro average by the
 * mean of those over the classes present, the weighted one also through its weights (the classes'
 * label shares): IF = F1_i − F + Σ_k π_k·IF_k. The variance is taken on the confusion with half a row
 * of the mean weight added to every cell, so that a perfect classifier's interval does not collapse
 * to [1, 1] (as Agresti and Min do for paired rates); the estimate is the confusion's own.
 */
function f1Average(s: Scope, weighted: boolean): { value: number; support?: MeanSupport } {
  const K = s.K
  if (!(s.W > 0)) return { value: NaN }
  const share = s.w.map(x => x / s.W)
  const exact = f1s(share, K)
  const avg = (f: { f1: Float64Array; present: number[]; truth: Float64Array }) =>
    weighted
      ? f.present.reduce((t, k) => t + f.truth[k] * f.f1[k], 0)
      : f.present.reduce((t, k) => t + f.f1[k], 0) / f.present.length
  const value = avg(exact)
  const half = (0.5 * s.W) / Math.max(1, s.rows)
  const Wa = s.W + half * K * K
  const p = s.w.map(x => (x + half) / Wa)
  const a = f1s(p, K)
  const F = avg(a)
  let m1 = 0
  let m2 = 0
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++) {
      let inf = 0
      for (const k of a.present) {
        const ifk =
          (2 * (i === k && j === k ? 1 : 0) - a.f1[k] * ((j === k ? 1 : 0) + (i === k ? 1 : 0))) / a.B[k]
        inf += weighted ? a.truth[k] * ifk : ifk / a.present.length
      }
      if (weighted) inf += a.f1[i] - F
      m1 += p[i * K + j] * inf
      m2 += p[i * K + j] * inf * inf
    }
  const n = kish(s.W, s.W2)
  const se = Math.sqrt(Math.max(0, m2 - m1 * m1) / (n - 1))
  return { value, support: { kind: 'mean', scale: 'linear', mean: value, se, df: n - 1 } }
}

/**
 * Balanced accuracy: the mean recall over the classes with labels; the recalls are of disjoint rows,
 * so its variance is Σ_k r̃_k(1 − r̃_k)/n_k / K², with each recall at (x + 1)/(n + 2) there so that
 * recalls of 0 or 1 still vary.
 */
function balancedAccuracy(s: Scope): { value: number; support?: MeanSupport } {
  const K = s.K
  let sum = 0
  let variance = 0
  let classes = 0
  let rows = 0
  for (let k = 0; k < K; k++) {
    const r = s.rate(
      (i, j) => j === k,
      i => i === k
    )
    if (Number.isNaN(r.value)) continue
    const { x, n } = r.support!
    const adjusted = (x + 1) / (n + 2)
    sum += r.value
    variance += (adjusted * (1 - adjusted)) / n
    classes++
    rows += n
  }
  if (classes === 0) return { value: NaN }
  const value = sum / classes
  return {
    value,
    support: {
      kind: 'mean',
      scale: 'linear',
      mean: value,
      se: Math.sqrt(variance) / classes,
      df: Math.max(1, rows - 1)
    }
  }
}

/** The top-label calibration bins as the ECE's bounds take them, and the ECE itself. */
function topLabel(t: ConfusionTable): { value: number; support?: Support } {
  const B = t.bins.length / BIN
  let W = 0
  let gap = 0
  for (let b = 0; b < B; b++) {
    W += t.bins[b * BIN + 1]
    gap += Math.abs(t.bins[b * BIN + 3] - t.bins[b * BIN + 4])
  }
  if (!(W > 0)) return { value: NaN }
  const bins: CalibrationBin[] = []
  for (let b = 0; b < B; b++) {
    const o = b * BIN
    const w = t.bins[o + 1]
    if (!(w > 0)) continue
    const n = kish(w, t.bins[o + 2])
    bins.push({ share: w / W, x: (t.bins[o + 3] / w) * n, n, score: t.bins[o + 4] / w })
  }
  return { value: gap / W, support: { kind: 'calibration', stat: 'ece', groups: [bins] } }
}

const isClass = (k: number) => (i: number) => i === k
const predicted = (k: number) => (_: number, j: number) => j === k
const right = (i: number, j: number) => i === j
const all = () => true

/** The per-class rates of a scope (SPEC §2b: per class, and per class and group). */
type Cells = (label: number, prediction: number) => boolean
type ClassRate = 'selection_rate' | 'recall' | 'tpr' | 'fpr' | 'precision'
const CLASS_RATES: Record<ClassRate, (k: number) => [numerator: Cells, denominator: Cells]> = {
  selection_rate: k => [predicted(k), all],
  recall: k => [predicted(k), isClass(k)],
  tpr: k => [predicted(k), isClass(k)],
  fpr: k => [predicted(k), i => i !== k],
  precision: k => [isClass(k), predicted(k)]
}
const OVERALL_CLASS_RATES: ClassRate[] = ['selection_rate', 'recall', 'precision']
const GROUP_CLASS_RATES: ClassRate[] = ['selection_rate', 'tpr', 'fpr']

/** Disparities of one class over groups (and, without a class, the worst class): id and base rates. */
const CLASS_DISPARITIES = [
  { id: 'demographic_parity_difference', of: ['selection_rate'], type: 'difference' },
  { id: 'demographic_parity_ratio', of: ['selection_rate'], type: 'ratio' },
  { id: 'equalized_odds_difference', of: ['tpr', 'fpr'], type: 'difference' },
  { id: 'equal_opportunity_difference', of: ['tpr'], type: 'difference' }
] as const

/**
 * How far a metric can be from its value on the scores themselves, where the AUCs come from binned
 * scores (a stats table's, or floored to keep memory bounded: MulticlassData.aucBounds): a class's AUC
 * its class's bound, macro_auc their mean; undefined where the value is exact.
 */
export function statedBound(
  d: Pick<MulticlassData, 'aucBounds' | 'table'>,
  v: PointValue
): number | undefined {
  const bounds = d.aucBounds
  if (bounds === undefined) return undefined
  const bound =
    v.metric === 'auc'
      ? bounds[d.table.classes.indexOf(v.scope.class!)]
      : v.metric === 'macro_auc'
        ? bounds.reduce((x, y) => x + y, 0) / bounds.length
        : 0
  return bound > 0 ? bound : undefined
}

/** The one-vs-rest AUC of each class, with its DeLong support (undefined without both kinds of row). */
export function classAucs(
  d: Pick<MulticlassData, 'scores' | 'aucs'>
): { value: number; blocks: AucBlocks | null }[] {
  return d.aucs ?? d.scores.map(s => predictionAuc({ scores: s })!)
}

export function computeMulticlass(
  d: Pick<MulticlassData, 'table' | 'scores' | 'aucs'>,
  intersections: string[][],
  minGroupSize: number,
  sink: Sink
): void {
  const t = d.table
  const K = t.classes.length
  const scopeOf = (combos: Iterable<number>) => {
    const { conf, losses } = confusionOf(t, combos)
    return new Scope(conf, losses, K)
  }
  const put = (
    id: string,
    scope: ScopeRef,
    rows: number,
    m: { value: number; support?: Support },
    why: string
  ) =>
    sink.put(
      id,
      scope,
      m.value,
      rows,
      Number.isNaN(m.value) ? why : undefined,
      sink.detailed ? m.support : undefined
    )
  const countOf = (s: Scope, scope: ScopeRef) =>
    sink.put(
      'count',
      scope,
      s.rows,
      s.rows,
      undefined,
      t.weighted ? { kind: 'count', effective: kish(s.W, s.W2) } : undefined
    )

  // Overall.
  const whole = scopeOf(t.combos.keys())
  countOf(whole, {})
  const accuracy = whole.rate(right, all)
  put('accuracy', {}, whole.rows, accuracy, 'no rows')
  put('balanced_accuracy', {}, whole.rows, balancedAccuracy(whole), 'no rows')
  put('macro_f1', {}, whole.rows, f1Average(whole, false), 'no rows')
  put('micro_f1', {}, whole.rows, accuracy, 'no rows')
  put('weighted_f1', {}, whole.rows, f1Average(whole, true), 'no rows')
  put('log_loss', {}, whole.rows, whole.loss(L_LOG, 'log'), 'no rows')
  put('brier', {}, whole.rows, whole.loss(L_BRIER, 'linear'), 'no rows')
  put('top_label_ece', {}, whole.rows, topLabel(t), 'no rows')
  const aucs = classAucs(d).map(a => ({
    value: a.value,
    support: a.blocks ? aucSupport(a.blocks, a.value) : undefined
  }))
  const defined = aucs.filter(a => !Number.isNaN(a.value))
  put(
    'macro_auc',
    {},
    whole.rows,
    defined.length === K
      ? {
          value: defined.reduce((s, a) => s + a.value, 0) / K,
          ...(defined.every(a => a.support) && {
            support: { kind: 'average', parts: defined.map(a => a.support!) }
          })
        }
      : { value: NaN },
    'a class without rows of its own or of the others'
  )
  // Per class.
  t.classes.forEach((name, k) => {
    const scope = { class: name }
    for (const id of OVERALL_CLASS_RATES) {
      const [num, den] = CLASS_RATES[id](k)
      put(id, scope, whole.rows, whole.rate(num, den), `no rows in its denominator`)
    }
    put('auc', scope, whole.rows, aucs[k], 'labels of only one side')
  })
  // Per group, per class and group, and the disparities.
  for (const { attribute, labels, groupOf } of scopeGroups(t, intersections)) {
    const members = labels.map((): number[] => [])
    groupOf.forEach((g, c) => members[g].push(c))
    const groups = members.map(m => scopeOf(m))
    const eligible = groups.map((g, i) => i).filter(i => groups[i].rows >= minGroupSize)
    const rowsEligible = eligible.reduce((s, i) => s + groups[i].rows, 0)
    // rates[id][k][g]: each class's rate in each group.
    const rates = Object.fromEntries(
      GROUP_CLASS_RATES.map(id => [
        id,
        t.classes.map((_, k) => groups.map(s => s.rate(...CLASS_RATES[id](k))))
      ])
    ) as Record<ClassRate, { value: number; support?: ProportionSupport }[][]>
    const f1 = groups.map(s => f1Average(s, false))
    const acc = groups.map(s => s.rate(right, all))
    labels.forEach((group, g) => {
      const scope = { attribute, group }
      const s = groups[g]
      countOf(s, scope)
      put('accuracy', scope, s.rows, acc[g], 'no rows')
      put('macro_f1', scope, s.rows, f1[g], 'no rows')
      put('brier', scope, s.rows, s.rows > 0 ? s.loss(L_BRIER, 'linear') : { value: NaN }, 'no rows')
      t.classes.forEach((name, k) => {
        for (const id of GROUP_CLASS_RATES)
          put(id, { class: name, attribute, group }, s.rows, rates[id][k][g], 'no rows in its denominator')
      })
    })
    const few = (id: string, scope: ScopeRef) =>
      sink.put(id, scope, NaN, rowsEligible, tooFewGroups(minGroupSize))
    // A disparity of one class, or (classes: every class) the worst, over the eligible groups.
    const disparity = (d: (typeof CLASS_DISPARITIES)[number], classes: number[], scope: ScopeRef) => {
      if (eligible.length < 2) return few(d.id, scope)
      let value = d.type === 'difference' ? -Infinity : Infinity
      const families: DisparitySupport['families'] = []
      for (const k of classes)
        for (const base of d.of) {
          const values = eligible.map(g => rates[base][k][g]).filter(r => !Number.isNaN(r.value))
          if (values.length < 2) continue
          const v = values.map(r => r.value)
          const hi = Math.max(...v)
          const lo = Math.min(...v)
          const x = d.type === 'difference' ? hi - lo : hi === 0 ? 1 : lo / hi
          value = d.type === 'difference' ? Math.max(value, x) : Math.min(value, x)
          families.push({ x: values.map(r => r.support!.x), n: values.map(r => r.support!.n) })
        }
      if (families.length === 0)
        return sink.put(
          d.id,
          scope,
          NaN,
          rowsEligible,
          `${d.of.join(' and ')} is defined in fewer than two eligible groups`
        )
      sink.put(
        d.id,
        scope,
        value,
        rowsEligible,
        undefined,
        sink.detailed ? { kind: 'disparity', type: d.type, families } : undefined
      )
    }
    t.classes.forEach((name, k) => {
      for (const d of CLASS_DISPARITIES) disparity(d, [k], { class: name, attribute })
    })
    const every = t.classes.map((_, k) => k)
    for (const d of CLASS_DISPARITIES) disparity(d, every, { attribute })
    // accuracy_difference and macro_f1_difference over the eligible groups.
    if (eligible.length < 2) {
      few('accuracy_difference', { attribute })
      few('macro_f1_difference', { attribute })
      continue
    }
    const a = eligible.map(g => acc[g]).filter(r => !Number.isNaN(r.value))
    const av = a.map(r => r.value)
    sink.put(
      'accuracy_difference',
      { attribute },
      Math.max(...av) - Math.min(...av),
      rowsEligible,
      undefined,
      sink.detailed
        ? {
            kind: 'disparity',
            type: 'difference',
            families: [{ x: a.map(r => r.support!.x), n: a.map(r => r.support!.n) }]
          }
        : undefined
    )
    const f = eligible.map(g => f1[g]).filter(r => !Number.isNaN(r.value))
    const fv = f.map(r => r.value)
    sink.put(
      'macro_f1_difference',
      { attribute },
      Math.max(...fv) - Math.min(...fv),
      rowsEligible,
      undefined,
      sink.detailed ? { kind: 'spread', type: 'difference', groups: f.map(r => r.support!) } : undefined
    )
  }
}
