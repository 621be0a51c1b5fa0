/**
 * The metrics of a predictions artifact (SPEC §2: overall, per group, disparities, calibration), as a
 * plan built once from the cell table and then run on the table itself (point estimates) and on each
 * bootstrap resample of it. Running the same code for both keeps estimates and intervals consistent.
 */
import { Q_W, type CellTable } from '../tables/cells.js'
import { kish } from '../stats/intervals.js'
import { scopeGroups } from '../tables/scopes.js'
import {
  aggregateCombos,
  binSums,
  brier,
  cellWeight,
  ece,
  f1,
  logLoss,
  mce,
  rate,
  RATE_CELLS,
  reduceGroups,
  rows,
  strideOf,
  type CellView
} from './aggregate.js'
import { aucSupport, type AucBlocks } from './auc.js'
import { DISPARITIES, RATES, taskMetrics, type RateId } from './registry.js'
import { tooFewGroups, type ScopeRef, type Sink } from './sink.js'
import {
  proportion,
  type CalibrationBin,
  type CountSupport,
  type DisparitySupport,
  type ProportionSupport,
  type Support
} from './support.js'

export interface GroupScope {
  attribute: string
  labels: string[]
  groupOf: Int32Array
  /** Rows per group (unweighted). */
  sizes: number[]
  eligible: boolean[]
  /** Ids of the eligible groups (at least minGroupSize rows). */
  eligibleGroups: number[]
  groupRefs: ScopeRef[]
  ref: ScopeRef
  /** Scratch: the latest value of each group metric that disparities use, per group. */
  values: Record<string, Float64Array>
  /** Σw² per group: 4 confusion cells, then each bin (Kish's effective n for the intervals). */
  squares: Float64Array
}

export interface PredictionPlan {
  table: CellTable
  scopes: GroupScope[]
  overall: Int32Array
  /** Σw² over all rows, laid out as a group's in GroupScope.squares. */
  squares: Float64Array
  minGroupSize: number
  comboAgg: Float64Array
  groupAgg: Float64Array
}

const OVERALL: ScopeRef = {}
const NO_SCORE = 'no score column'
const RATE_IDS = Object.keys(RATES) as RateId[]
const GROUP_VALUES = [...RATE_IDS, 'brier', 'ece']

interface OverallContext {
  a: Float64Array
  bins: number
  auc: number
  aucSupport: Support | undefined
  squares: Float64Array
  weighted: boolean
  detailed: boolean
  overallBins: CalibrationBin[][] | null
}
type OverallValue = (c: OverallContext) => { value: number; reason?: string; support?: Support }

const rateValue =
  (id: RateId): OverallValue =>
  c => ({
    value: rate(id, c.a, 0),
    reason: RATES[id].undefinedWhen,
    support: c.detailed ? rateSupport(id, c.a, 0, c.squares, 0, c.weighted) : undefined
  })
const calibrationValue =
  (stat: 'ece' | 'mce'): OverallValue =>
  c => ({
    value: (stat === 'ece' ? ece : mce)(c.a, 0, c.bins),
    reason: 'no rows',
    support: c.overallBins ? { kind: 'calibration', stat, groups: c.overallBins } : undefined
  })

/** How each overall metric is computed from the overall sums. The registry says which metrics are overall. */
const OVERALL_VALUES: Record<string, OverallValue> = {
  count: c => ({ value: rows(c.a, 0) }),
  ...Object.fromEntries(RATE_IDS.map(id => [id, rateValue(id)])),
  recall: rateValue('tpr'),
  f1: c => ({ value: f1(c.a, 0), reason: 'no positive labels or predictions' }),
  auc: c => ({ value: c.auc, reason: 'labels of only one class', support: c.aucSupport }),
  brier: c => ({ value: brier(c.a, 0), reason: 'no rows' }),
  log_loss: c => ({ value: logLoss(c.a, 0), reason: 'no rows' }),
  ece: calibrationValue('ece'),
  mce: calibrationValue('mce')
}
/** Overall metrics that need a score column. */
const SCORED = new Set(['auc', 'brier', 'log_loss', 'ece', 'mce'])
const OVERALL_IDS = taskMetrics('binary-classification', 'overall').map(m => m.id)

/** The overall metrics that have a formula here (a test checks it is every one in the registry). */
export const overallFormulas = (): string[] => Object.keys(OVERALL_VALUES)

/**
 * eligibleLabels (per scope): the groups that count as eligible, instead of those of minGroupSize
 * rows (a resampling plan keeps the eligibility of the plan it pools).
 */
export function planPredictions(
  table: CellTable,
  intersections: string[][],
  minGroupSize: number,
  eligibleLabels?: ReadonlySet<string>[]
): PredictionPlan {
  const stride = strideOf(table.bins)
  const comboAgg = new Float64Array(table.combos.length * stride)
  aggregateCombos(table, table, comboAgg)
  const comboRows = table.combos.map((_, c) => comboAgg[c * stride])
  const sq = squaresOf(table)
  const reduceSquares = (groupOf: Int32Array, groups: number) => {
    const k = 4 + table.bins
    const out = new Float64Array(groups * k)
    for (let c = 0; c < groupOf.length; c++)
      for (let i = 0; i < k; i++) out[groupOf[c] * k + i] += sq[c * k + i]
    return out
  }
  const scopes = scopeGroups(table, intersections).map(({ attribute, labels, groupOf }, scopeIndex) => {
    const sizes = labels.map(() => 0)
    comboRows.forEach((n, c) => (sizes[groupOf[c]] += n))
    const eligible = sizes.map((n, g) =>
      eligibleLabels ? eligibleLabels[scopeIndex].has(labels[g]) : n >= minGroupSize
    )
    return {
      attribute,
      labels,
      groupOf,
      sizes,
      eligible,
      eligibleGroups: labels.map((_, g) => g).filter(g => eligible[g]),
      groupRefs: labels.map(group => ({ attribute, group })),
      ref: { attribute },
      values: Object.fromEntries(GROUP_VALUES.map(id => [id, new Float64Array(labels.length)])),
      squares: reduceSquares(groupOf, labels.length)
    }
  })
  const maxGroups = Math.max(1, ...scopes.map(s => s.labels.length))
  return {
    table,
    scopes,
    overall: new Int32Array(table.combos.length),
    squares: reduceSquares(new Int32Array(table.combos.length), 1),
    minGroupSize,
    comboAgg,
    groupAgg: new Float64Array(maxGroups * stride)
  }
}

/** The group a resampling table gives an attribute's groups below minGroupSize, pooled. */
const POOLED = '\u0000below minGroupSize'

/**
 * The plan a bootstrap resamples: a group below minGroupSize gets no bootstrap (its rates' intervals
 * are exact, and no disparity counts it), so its rows are pooled with every other row that no eligible
 * group tells apart. Combinations with the same eligible group in every scope become one, whose cells
 * hold their rows' counts and sums: the overall and eligible groups' sums are unchanged, and a cell
 * resampled at the pooled count with the pooled moments has the same mean and variance as its parts
 * resampled apart. 20,000 groups of 2 rows resample one combination instead of 20,000. Returns the
 * pooled plan and each combination's pooled one; null when no two combinations pool.
 */
export function resamplingPlan(
  plan: PredictionPlan,
  intersections: string[][]
): { plan: PredictionPlan; into: Int32Array } | null {
  const { table, scopes } = plan
  const C = table.combos.length
  const A = table.attributes.length
  const index = new Map<string, number>()
  const into = new Int32Array(C)
  const combos: number[][] = []
  for (let c = 0; c < C; c++) {
    const signature = scopes.map(s => (s.eligible[s.groupOf[c]] ? s.groupOf[c] : -1)).join(',')
    let k = index.get(signature)
    if (k === undefined) {
      k = combos.length
      index.set(signature, k)
      combos.push(
        Array.from({ length: A }, (_, a) =>
          scopes[a].eligible[scopes[a].groupOf[c]] ? table.combos[c][a] : table.groups[a].length
        )
      )
    }
    into[c] = k
  }
  if (combos.length === C) return null
  const per = 4 * table.bins
  const NQ = table.sum.length / table.n.length
  const pooled = (from: Float64Array, width: number) => {
    const out = new Float64Array(combos.length * per * width)
    for (let c = 0; c < C; c++) {
      const src = c * per * width
      const dst = into[c] * per * width
      for (let i = 0; i < per * width; i++) out[dst + i] += from[src + i]
    }
    return out
  }
  const pooledTable: CellTable = {
    ...table,
    groups: table.groups.map(g => [...g, POOLED]),
    combos,
    n: pooled(table.n, 1),
    sum: pooled(table.sum, NQ),
    sum2: pooled(table.sum2, NQ),
    cross: pooled(table.cross, NQ)
  }
  const eligible = scopes.map(s => new Set(s.eligibleGroups.map(g => s.labels[g])))
  return { plan: planPredictions(pooledTable, intersections, plan.minGroupSize, eligible), into }
}

/** Whether a value is of a group below minGroupSize (in `plan`), which gets no bootstrap. */
export function smallGroupOf(plan: PredictionPlan): (scope: ScopeRef) => boolean {
  const small = new Set<string>()
  for (const s of plan.scopes)
    s.labels.forEach((g, i) => !s.eligible[i] && small.add(`${s.attribute}\u0000${g}`))
  return scope => scope.group !== undefined && small.has(`${scope.attribute}\u0000${scope.group}`)
}

/**
 * Computes every predictions metric from `view` (the table or a resample) into `sink`; the point run
 * passes the AUC's blocks too, for its interval.
 */
export function computePredictions(
  plan: PredictionPlan,
  view: CellView,
  auc: number,
  sink: Sink,
  blocks: AucBlocks | null = null
): void {
  const { table, comboAgg, groupAgg } = plan
  const { bins, hasScore } = table
  const stride = strideOf(bins)
  aggregateCombos(table, view, comboAgg)
  reduceGroups(comboAgg, plan.overall, stride, groupAgg)
  const a = groupAgg
  const n = rows(a, 0)
  const scored = (v: number) => (hasScore ? v : NaN)
  const why = (v: number, reason: string) => (Number.isNaN(v) ? (hasScore ? reason : NO_SCORE) : undefined)
  const detailed = sink.detailed
  const overallBins = detailed && hasScore ? [calibrationBins(a, 0, bins, plan.squares, 0)] : null
  const context: OverallContext = {
    a,
    bins,
    auc,
    aucSupport: detailed && blocks && !Number.isNaN(auc) ? aucSupport(blocks, auc) : undefined,
    squares: plan.squares,
    weighted: table.weighted,
    detailed,
    overallBins
  }
  for (const id of OVERALL_IDS) {
    const { value, reason, support } = OVERALL_VALUES[id](context)
    const v = SCORED.has(id) ? scored(value) : value
    sink.put(id, OVERALL, v, n, SCORED.has(id) ? why(v, reason!) : reason, support)
  }

  for (const s of plan.scopes) {
    reduceGroups(comboAgg, s.groupOf, stride, groupAgg)
    const G = s.labels.length
    const values = s.values
    const supports: Record<string, ProportionSupport[]> | null = detailed ? {} : null
    const groupBins: CalibrationBin[][] | null = detailed && hasScore ? [] : null
    for (let g = 0; g < G; g++) {
      const o = g * stride
      const ref = s.groupRefs[g]
      const gn = rows(a, o)
      const so = g * (4 + bins)
      sink.put(
        'count',
        ref,
        gn,
        gn,
        undefined,
        supports && table.weighted ? effectiveRows(a, o, s.squares, so) : undefined
      )
      for (const id of RATE_IDS) {
        const v = rate(id, a, o)
        values[id][g] = v
        const support = supports ? rateSupport(id, a, o, s.squares, so, table.weighted) : undefined
        if (supports && support) (supports[id] ??= [])[g] = support
        sink.put(id, ref, v, gn, RATES[id].undefinedWhen, support)
      }
      const b = scored(brier(a, o))
      const e = scored(ece(a, o, bins))
      values.brier[g] = b
      values.ece[g] = e
      const cal = groupBins ? calibrationBins(a, o, bins, s.squares, so) : null
      if (groupBins && cal) groupBins[g] = cal
      sink.put('brier', ref, b, gn, why(b, 'no rows'))
      sink.put(
        'ece',
        ref,
        e,
        gn,
        why(e, 'no rows'),
        cal ? { kind: 'calibration', stat: 'ece', groups: [cal] } : undefined
      )
    }
    putDisparities(s, values, sink, plan.minGroupSize, supports, groupBins)
  }
}

/** Σw² of every combination's 4 confusion cells and bins, from the table's Σx² of the weight. */
function squaresOf(table: CellTable): Float64Array {
  const { bins } = table
  const k = 4 + bins
  const out = new Float64Array(table.combos.length * k)
  for (let c = 0; c < table.combos.length; c++)
    for (let yp = 0; yp < 4; yp++)
      for (let b = 0; b < bins; b++) {
        const w2 = table.sum2[((c * 4 + yp) * bins + b) * 4 + Q_W]
        out[c * k + yp] += w2
        out[c * k + 4 + b] += w2
      }
  return out
}

/** Kish's effective sample size of a group's rows. */
function effectiveRows(a: Float64Array, o: number, squares: Float64Array, so: number): CountSupport {
  return { kind: 'count', effective: effectiveN(a, o, squares, so, ALL_CELLS).n }
}

const ALL_CELLS = [0, 1, 2, 3] as const

/** The weight of some confusion cells and Kish's effective n of their rows. */
function effectiveN(
  a: Float64Array,
  o: number,
  squares: Float64Array,
  so: number,
  cells: readonly number[]
): { w: number; n: number } {
  let w = 0
  let w2 = 0
  for (const yp of cells) {
    w += cellWeight(a, o, yp)
    w2 += squares[so + yp]
  }
  return { w, n: kish(w, w2) }
}

/**
 * A rate's effective counts: an effective n of its denominator rows, and the rate times that n.
 * Unweighted, n is the row count. Weighted, n is the smallest of:
 * - Kish's n, (Σw)²/Σw², which sees how much weight there is;
 * - the n of the linearised variance of the ratio estimator, p̂(1 − p̂)(Σw)² / ((1 − p̂)²·Σ_num w² +
 *   p̂²·Σ_rest w²), which sees where it sits;
 * - the effective count of the numerator's rows over p̂, and of the other rows over 1 − p̂: a rate is
 *   known no better than its rarer side allows, as x events bound an unweighted rate's precision. When
 *   a few heavy rows carry the false positives, this is what widens the interval; the linearised
 *   variance alone, taken at p̂, is too small in small groups.
 * With equal weights each is the row count. At p̂ = 0 or 1 only Kish's n is defined. Simulated in
 * docs/metrics.md ("Weighted data").
 */
function rateSupport(
  id: RateId,
  a: Float64Array,
  o: number,
  squares: Float64Array,
  so: number,
  weighted: boolean
): ProportionSupport | undefined {
  const { num, den } = RATE_CELLS[id]
  const { w, n } = effectiveN(a, o, squares, so, den)
  if (!(w > 0)) return undefined
  let top = 0
  let topSquares = 0
  for (const yp of num) {
    top += cellWeight(a, o, yp)
    topSquares += squares[so + yp]
  }
  const p = top / w
  if (!weighted || !(p > 0 && p < 1)) return proportion(p * n, n)
  let restSquares = 0
  for (const yp of den) if (!num.includes(yp)) restSquares += squares[so + yp]
  const rest = w - top
  const linearised = (p * (1 - p) * w * w) / ((1 - p) ** 2 * topSquares + p * p * restSquares)
  const m = Math.min(n, linearised, kish(top, topSquares) / p, kish(rest, restSquares) / (1 - p))
  return proportion(p * m, m)
}

/** The non-empty calibration bins of an aggregate, with effective label counts. */
function calibrationBins(
  a: Float64Array,
  o: number,
  bins: number,
  squares: Float64Array,
  so: number
): CalibrationBin[] {
  let total = 0
  for (let b = 0; b < bins; b++) total += binSums(a, o, b)[0]
  const out: CalibrationBin[] = []
  for (let b = 0; b < bins; b++) {
    const [w, y, s] = binSums(a, o, b)
    if (!(w > 0)) continue
    const n = kish(w, squares[so + 4 + b])
    out.push({ share: w / total, x: (y / w) * n, n, score: s / w })
  }
  return out
}

function putDisparities(
  s: GroupScope,
  values: Record<string, Float64Array>,
  sink: Sink,
  minGroupSize: number,
  supports: Record<string, ProportionSupport[]> | null,
  groupBins: CalibrationBin[][] | null
): void {
  const eligible = s.eligibleGroups
  let n = 0
  for (const g of eligible) n += s.sizes[g]
  for (const d of DISPARITIES) {
    if (eligible.length < 2) {
      sink.put(d.id, s.ref, NaN, n, tooFewGroups(minGroupSize))
      continue
    }
    let combined = d.kind === 'difference' ? -Infinity : Infinity
    let reason: string | undefined
    for (const base of d.of) {
      let lo = Infinity
      let hi = -Infinity
      let defined = 0
      const of = values[base]
      for (const g of eligible) {
        const v = of[g]
        if (Number.isNaN(v)) continue
        defined++
        if (v < lo) lo = v
        if (v > hi) hi = v
      }
      if (defined < 2) {
        reason = `${base} is defined in fewer than two eligible groups`
        combined = NaN
        break
      }
      const v = d.kind === 'difference' ? hi - lo : hi === 0 ? 1 : lo / hi
      combined = d.kind === 'difference' ? Math.max(combined, v) : Math.min(combined, v)
    }
    sink.put(
      d.id,
      s.ref,
      combined,
      n,
      reason,
      supports ? disparitySupport(d, s, supports, groupBins) : undefined
    )
  }
}

/** The eligible groups' effective counts behind a disparity (or their bins, for ece_difference). */
function disparitySupport(
  d: (typeof DISPARITIES)[number],
  s: GroupScope,
  supports: Record<string, ProportionSupport[]>,
  groupBins: CalibrationBin[][] | null
): Support | undefined {
  if (d.id === 'ece_difference') {
    if (!groupBins) return undefined
    const groups = s.eligibleGroups.flatMap(g => (groupBins[g] ? [groupBins[g]] : []))
    return { kind: 'calibration', stat: 'ece_difference', groups }
  }
  const support: DisparitySupport = { kind: 'disparity', type: d.kind, families: [] }
  for (const base of d.of) {
    const x: number[] = []
    const n: number[] = []
    for (const g of s.eligibleGroups) {
      const p = supports[base]?.[g]
      if (p === undefined) continue
      x.push(p.x)
      n.push(p.n)
    }
    support.families.push({ x, n })
  }
  return support
}
