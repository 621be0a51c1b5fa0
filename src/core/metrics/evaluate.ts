/**
 * Computes every metric of the run with its bootstrap interval. Each artifact has its own random
 * stream (seed, stream id), so adding an artifact never changes another one's intervals, and the same
 * inputs and seed always give the same numbers.
 */
import type { OutcomeData } from '../artifacts/kinds/outcomes.js'
import type { PredictionData } from '../artifacts/kinds/predictions.js'
import type { RegressionData } from '../artifacts/kinds/regression.js'
import type { MulticlassData } from '../artifacts/kinds/multiclass.js'
import type { RobustnessData } from '../artifacts/kinds/robustness.js'
import type { MetricsData } from '../artifacts/kinds/metrics.js'
import { conflict, providedChange, providedComputed, providedResult } from './provided.js'
import { cellMoments, resampleCounts } from '../stats/bootstrap.js'
import { WasmDraws } from '../stats/draws-wasm.js'
import { percentileIntervalSorted } from '../stats/quantile.js'
import { sampleStandardDeviation } from 'simple-statistics'
import { agrestiCaffo, agrestiCaffoZ, containing, normalUpperTail, zOf } from '../stats/intervals.js'
import { createRng, type Rng } from '../stats/rng.js'
import { HALF_STREAMS, STREAMS } from '../stats/streams.js'
import { predictionAuc, resampledAuc, type AucBlocks } from './auc.js'
import { computeOutcomes, planOutcomes } from './outcomes.js'
import { computeRegression } from './regression.js'
import { computeMulticlass, statedBound } from './multiclass.js'
import { computePredictions, planPredictions, resamplingPlan, smallGroupOf } from './predictions.js'
import { INTERVAL_METHODS, metricDef, methodOf, worseningSign } from './registry.js'
import { computeRobustness, perturbationRefs } from './robustness.js'
import { correctedEstimate, intervalOf, type Support } from './support.js'
import { taskOfData, type DataKind, type Task } from '../kinds.js'
import { RecordingSink, RowSink, type PointValue, type Sink } from './sink.js'
import {
  metricKey,
  type BootstrapSettings,
  type Change,
  type Comparison,
  type Computed,
  type MetricResult
} from './results.js'

export { metricKey }
export type { BootstrapSettings, Change, Comparison, Computed, MetricResult } from './results.js'

export interface EvaluationInput {
  predictions?: PredictionData
  regression?: RegressionData
  multiclass?: MulticlassData
  robustness?: RobustnessData
  outcomes?: OutcomeData
  /** Metrics from a metrics artifact, taken as given (provided.ts). */
  metrics?: MetricsData
  intersections: string[][]
  settings: BootstrapSettings
  /** Shifts every random stream: a baseline evaluated next to a run draws independently of it. */
  streamOffset?: number
}

/** A bootstrap needs most resamples to define a metric before its interval means anything. */
const MIN_DEFINED_SHARE = 0.5

/** Every metric with its interval, and the bootstrap samples to give intervals at another level. */
export interface Evaluation {
  metrics: MetricResult[]
  /** The same metrics with intervals at `confidence` (for example after a Bonferroni correction). */
  at(confidence: number): MetricResult[]
  /**
   * Changes against a baseline evaluated with the same number of resamples: change = this − baseline,
   * its interval the percentiles of (this − baseline) over paired independent resamples of both runs.
   */
  changes(baseline: Evaluation, confidence: number, identical?: ReadonlySet<DataKind>): Map<string, Change>
  readonly computed: readonly Computed[]
}

export function evaluate(input: EvaluationInput): Evaluation {
  return evaluation(input, compute(input))
}

function evaluation(input: EvaluationInput, own: Computed[]): Evaluation {
  const computed = input.metrics ? withProvided(own, input.metrics, input.settings.confidence) : own
  const at = (confidence: number) => computed.map(c => toResult(c, confidence))
  let metrics: MetricResult[] | undefined
  return {
    // Made when first read: a baseline's evaluation is only compared with, never reported.
    get metrics() {
      return (metrics ??= at(input.settings.confidence))
    },
    at,
    changes: (base, confidence, identical) => changes(computed, base.computed, confidence, identical),
    computed
  }
}

/** The computed metrics and the provided ones, which may not name a metric another artifact computes. */
function withProvided(own: Computed[], data: MetricsData, confidence: number): Computed[] {
  const keys = new Set(own.map(c => metricKey({ metric: c.point.metric, ...c.point.scope })))
  const provided = providedComputed(data, confidence)
  provided.forEach((c, i) => {
    if (keys.has(metricKey({ metric: c.point.metric, ...c.point.scope }))) throw conflict(data, i)
  })
  return [...own, ...provided]
}

/** Each metric of `current` with its key and the same metric of `baseline`, if it has one. */
function matched(
  current: readonly Computed[],
  baseline: readonly Computed[]
): { key: string; c: Computed; b: Computed | undefined }[] {
  const keyOf = (c: Computed) => metricKey({ metric: c.point.metric, ...c.point.scope })
  const base = new Map(baseline.map(c => [keyOf(c), c]))
  return current.map(c => {
    const key = keyOf(c)
    return { key, c, b: base.get(key) }
  })
}

/** Two runs of the same rows agree to this relative tolerance (summation order across threads). */
const SAME_VALUE = 1e-9

/**
 * Whether every metric of an artifact came out the same in two evaluations (to SAME_VALUE): of the
 * same input file, that means the same settings too, and the changes are exactly 0. If any differs,
 * the manifest's mapping or the policy changed how the file is read.
 */
export function agrees(current: Evaluation, baseline: Evaluation, artifact: DataKind): boolean {
  let any = false
  for (const { c, b } of matched(current.computed, baseline.computed)) {
    if (c.artifact !== artifact) continue
    if (b === undefined) return false
    any = true
    const x = c.point.value
    const y = b.point.value
    if (Number.isNaN(x) !== Number.isNaN(y)) return false
    if (!Number.isNaN(x) && Math.abs(x - y) > SAME_VALUE * Math.max(1, Math.abs(y))) return false
  }
  return any
}

function changes(
  current: readonly Computed[],
  baseline: readonly Computed[],
  confidence: number,
  identical: ReadonlySet<DataKind> = new Set()
): Map<string, Change> {
  const out = new Map<string, Change>()
  for (const { key, c, b } of matched(current, baseline)) {
    if (b === undefined || Number.isNaN(c.point.value) || Number.isNaN(b.point.value)) continue
    if (identical.has(c.artifact)) {
      out.set(key, {
        baseline: b.point.value,
        change: 0,
        changeCi: [0, 0],
        pWorse: 1,
        comparison: 'identical'
      })
      continue
    }
    const change = c.point.value - b.point.value
    const sign = worseningSign({ metric: c.point.metric, ...c.extra })
    const cs = c.point.support
    const bs = b.point.support
    if (cs?.kind === 'proportion' && bs?.kind === 'proportion') {
      // Two independent proportions: Agresti–Caffo, honest when either run has no events.
      const ci = agrestiCaffo(cs.x, cs.n, bs.x, bs.n, zOf(confidence))
      const z = agrestiCaffoZ(cs.x, cs.n, bs.x, bs.n)
      out.set(key, {
        baseline: b.point.value,
        change,
        changeCi: containing(ci, change),
        pWorse: normalUpperTail(sign * z),
        comparison: 'independent'
      })
      continue
    }
    const bounded = boundedChange(
      { metric: c.point.metric, baseline: b.point.value, change },
      [cs, bs],
      confidence,
      sign,
      'independent'
    )
    if (bounded !== null) {
      out.set(key, bounded)
      continue
    }
    // A metric whose interval is analytic and that keeps no resamples: from the two intervals.
    const mover =
      !c.kept && !b.kept && cs && bs && !c.provided && !b.provided
        ? moverChange(
            { metric: c.point.metric, baseline: b.point.value, change },
            [cs, bs],
            confidence,
            sign,
            taskOfData(c.artifact)
          )
        : null
    if (mover !== null) {
      out.set(key, mover)
      continue
    }
    // A metric from another tool has no resamples: its change comes from the two intervals.
    if (c.provided || b.provided) {
      out.set(key, providedChange(c, b, confidence, sign))
      continue
    }
    out.set(
      key,
      replicateChange(
        c.replicates(),
        b.replicates(),
        // Not kept for a count; nor for a proportion compared with a baseline whose value is not one
        // (a weight column added or removed), which then has no interval.
        c.kept && b.kept,
        b.point.value,
        change,
        confidence,
        sign,
        'independent'
      )
    )
  }
  return out
}

/**
 * A change from the two runs' values in the same resamples (independent resamples of each, or one
 * resample of shared rows): the percentile interval of the differences, and the one-sided p-value of
 * a worsening (sign: +1 when higher is worse) from their normal approximation. `ok` false (a count,
 * or an estimate without resamples): no interval.
 */
export function replicateChange(
  now: Float64Array,
  before: Float64Array,
  ok: boolean,
  baseline: number,
  change: number,
  confidence: number,
  sign: number,
  comparison: Comparison
): Change {
  const diffs: number[] = []
  const R = Math.min(now.length, before.length)
  for (let r = 0; r < R; r++) {
    const d = now[r] - before[r]
    if (!Number.isNaN(d)) diffs.push(d)
  }
  const usable = ok && diffs.length >= MIN_DEFINED_SHARE * R && diffs.length > 0
  const sorted = Float64Array.from(diffs).sort()
  const sd = usable ? sdOf(sorted) : 0
  // The normal approximation to the change's bootstrap distribution resolves p-values far below
  // 1/resamples; a degenerate distribution is no evidence of a change. Where enough resamples show no
  // worsening to measure that share (a statistic with mass at 0, like a max − min over small
  // groups), the share bounds the p-value from below, so that a regression never rests on a normal
  // tail the resamples contradict.
  let notWorse = 0
  for (const d of diffs) if (sign * d <= 0) notWorse++
  const normal = sd > 0 ? normalUpperTail((sign * change) / sd) : 1
  return {
    baseline,
    change,
    changeCi: usable ? bootstrapInterval(sorted, change, confidence) : null,
    pWorse: notWorse >= MIN_TAIL_RESAMPLES ? Math.max(normal, notWorse / diffs.length) : normal,
    comparison
  }
}

/**
 * The change of a metric whose estimate is biased (the registry's `biasedEstimate`: ECE), from its
 * two intervals, each at half the error: [lower now − upper before, upper now − lower before]. Each
 * end misses only when one side's interval misses on that side, at most α/4 + α/4. The bootstrap of
 * a biased estimate carries the bias into the change: a calibrated baseline's plug-in ECE is inflated
 * most, so a worsening since it was understated (a paired percentile interval covered 60% in groups
 * of 200 rows, every miss below the truth), and `maxWorsening` gates passed falsely. The p-value of a
 * worsening is the smallest one-sided level at which the interval lies wholly on the worse side (1
 * when it never does at 0%). The change is judged on the corrected estimates' difference, which the
 * interval holds. Null for any other metric (or when a side has no support).
 */
export function boundedChange(
  m: { metric: string; baseline: number; change: number },
  [now, before]: readonly [Support | undefined, Support | undefined],
  confidence: number,
  sign: number,
  comparison: Comparison
): Change | null {
  const method = metricDef(m.metric)?.interval
  if (method === undefined || !('biasedEstimate' in INTERVAL_METHODS[method]) || !now || !before) return null
  const ends = (level: number): [number, number] | null => {
    const side = 1 - (1 - level) / 2
    const a = intervalOf(method, now, side)
    const b = intervalOf(method, before, side)
    return a && b ? [a[0] - b[1], a[1] - b[0]] : null
  }
  const ci = ends(confidence)
  const corrected = (correctedEstimate(now) ?? NaN) - (correctedEstimate(before) ?? NaN)
  return {
    baseline: m.baseline,
    change: m.change,
    ...(!Number.isNaN(corrected) && { corrected }),
    changeCi: ci && containing(containing(ci, m.change), Number.isNaN(corrected) ? m.change : corrected),
    pWorse: pWorseOf(ends, sign),
    comparison
  }
}

/**
 * The one-sided p-value of a worsening from a change's interval at any level: the smallest one-sided
 * level at which the interval lies wholly on the worse side (the ends widen with the level), found by
 * bisection; 1 when it does not even at 0%.
 */
function pWorseOf(ends: (level: number) => [number, number] | null, sign: number): number {
  const worse = (level: number) => {
    const e = ends(level)
    return e !== null && (sign > 0 ? e[0] > 0 : e[1] < 0)
  }
  if (!worse(0)) return 1
  let lo = 0
  let hi = 1
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2
    if (worse(mid)) lo = mid
    else hi = mid
  }
  return (1 - lo) / 2
}

/**
 * The change of a metric whose interval is analytic at both ends and that keeps no resamples (a
 * regression's), between independent runs: the MOVER interval (Zou & Donner 2008) from the two runs'
 * intervals at the same level, d ∓ √((θ₁ − l₁)² + (u₀ − θ₀)²) on the side each end needs. Null when
 * either run has no interval.
 */
export function moverChange(
  m: { metric: string; baseline: number; change: number },
  [now, before]: readonly [Support, Support],
  confidence: number,
  sign: number,
  task: Task
): Change | null {
  const method = methodOf(m.metric, task)
  if (method === undefined) return null
  const nowValue = m.baseline + m.change
  const ends = (level: number): [number, number] | null => {
    const a = intervalOf(method, now, level)
    const b = intervalOf(method, before, level)
    if (a === null || b === null) return null
    return [
      m.change - Math.hypot(nowValue - a[0], b[1] - m.baseline),
      m.change + Math.hypot(a[1] - nowValue, m.baseline - b[0])
    ]
  }
  const ci = ends(confidence)
  if (ci === null) return null
  return {
    baseline: m.baseline,
    change: m.change,
    changeCi: containing(ci, m.change),
    pWorse: pWorseOf(ends, sign),
    comparison: 'independent'
  }
}

/** One artifact's bootstrap: its point estimates, and a drawer of resamples for each half. */
interface Bootstrap {
  artifact: DataKind
  point(sink: Sink): void
  /** Each call of the returned function draws the half's next resample into sink. */
  drawer(half: 0 | 1): (sink: Sink) => void
  extra?: (v: PointValue) => Partial<MetricResult>
  /** Why a point gets no resamples (undefined: it gets them where its interval or change needs). */
  unsampled?: (v: PointValue) => string | undefined
  /** The keys of the values a resample puts, in order, when they are not the points'. */
  resampledKeys?: () => string[]
}

/** Everything the predictions bootstrap needs, small enough to send to a worker thread. */
export interface PredictionJob {
  table: PredictionData['table']
  auc: { value: number; blocks: AucBlocks | null }
  intersections: string[][]
  settings: BootstrapSettings
  streamOffset: number
  /** PredictionData.bounds. */
  bounds?: Record<string, number>
}

function predictionBootstrap(job: PredictionJob): Bootstrap {
  const { table, settings } = job
  const plan = planPredictions(table, job.intersections, settings.minGroupSize)
  const pooled = resamplingPlan(plan, job.intersections)?.plan
  const resampling = pooled ?? plan
  const moments = cellMoments(resampling.table)
  const { value: auc, blocks } = job.auc
  const smallGroup = smallGroupOf(plan)
  const small = (v: PointValue) => smallGroup(v.scope)
  return {
    artifact: 'predictions',
    point: sink => computePredictions(plan, table, auc, sink, blocks),
    drawer: half => {
      // The draws run in WebAssembly (stats/draws-wasm.ts), equal to those of resampleCells and
      // PoissonDraws on the streams createRng(seed, id) would give.
      const stream = (id: number): [number, number] => [
        settings.seed,
        id + job.streamOffset + half * HALF_STREAMS
      ]
      const draws = new WasmDraws(
        resampling.table,
        moments,
        blocks ?? null,
        stream(STREAMS.predictions),
        stream(STREAMS.auc)
      )
      return sink => {
        draws.resample()
        let a = NaN
        if (blocks) {
          draws.drawBlocks()
          a = resampledAuc(blocks, draws.kPos, draws.kNeg)
        }
        computePredictions(resampling, draws.view, a, sink)
      }
    },
    unsampled: v =>
      small(v) ? `no bootstrap for a group below minGroupSize (${settings.minGroupSize} rows)` : undefined,
    ...(pooled && {
      resampledKeys: () => {
        const rec = new RecordingSink()
        computePredictions(pooled, pooled.table, auc, rec)
        return rec.values.map(v => metricKey({ metric: v.metric, ...v.scope }))
      }
    }),
    extra: v =>
      small(v)
        ? { status: 'insufficient' }
        : v.scope.attribute === undefined && job.bounds?.[v.metric] !== undefined
          ? { bound: job.bounds[v.metric] }
          : {}
  }
}

/** Bootstraps over resampled counts (robustness, outcomes), each on its artifact's stream. */
function countBootstrap(
  input: EvaluationInput,
  artifact: 'robustness' | 'outcomes',
  point: (sink: Sink) => void,
  draw: (sink: Sink, rng: Rng) => void
): Bootstrap {
  const id = STREAMS[artifact]
  return {
    artifact,
    point,
    drawer: half => {
      const rng = createRng(input.settings.seed, id + (input.streamOffset ?? 0) + half * HALF_STREAMS)
      return sink => draw(sink, rng)
    }
  }
}

function bootstraps(input: EvaluationInput): { predictions: Bootstrap | null; others: Bootstrap[] } {
  const p = input.predictions
  const predictions = p ? predictionBootstrap(predictionJob(input, p)) : null
  const others: Bootstrap[] = []
  const rb = input.robustness
  if (rb) {
    const refs = perturbationRefs(rb.table)
    const counts = new Float64Array(rb.table.n.length)
    others.push(
      countBootstrap(
        input,
        'robustness',
        sink => computeRobustness(rb.table, refs, rb.table.n, sink),
        (sink, rng) => {
          resampleCounts(rb.table.n, rng, counts)
          computeRobustness(rb.table, refs, counts, sink)
        }
      )
    )
  }
  const oc = input.outcomes
  if (oc) {
    const plan = planOutcomes(oc.table)
    const passed = new Float64Array(oc.table.passed.length)
    const failed = new Float64Array(oc.table.failed.length)
    others.push(
      countBootstrap(
        input,
        'outcomes',
        sink => computeOutcomes(plan, oc.table.passed, oc.table.failed, sink),
        (sink, rng) => {
          resampleCounts(oc.table.passed, rng, passed)
          resampleCounts(oc.table.failed, rng, failed)
          computeOutcomes(plan, passed, failed, sink)
        }
      )
    )
  }
  return { predictions, others }
}

function predictionJob(input: EvaluationInput, p: PredictionData): PredictionJob {
  return {
    table: p.table,
    auc: predictionAuc(p) ?? { value: NaN, blocks: null },
    ...(p.bounds && { bounds: p.bounds }),
    intersections: input.intersections,
    settings: input.settings,
    streamOffset: input.streamOffset ?? 0
  }
}

/**
 * Whether a metric keeps its value in each resample: for a percentile interval, or for a change
 * against a baseline. Not a count (a fact about the data), an undefined estimate, nor a proportion or
 * an ECE, whose intervals and changes (Agresti–Caffo, boundedChange) are analytic. With many groups the
 * proportions are most of the metrics: keeping their resamples took memory in proportion to groups ×
 * resamples (6 GB for 20,000 groups), for nothing.
 */
function resampled(v: PointValue): boolean {
  if (Number.isNaN(v.value) || v.metric === 'count') return false
  const method = metricDef(v.metric)?.interval ?? 'bootstrap'
  const m = INTERVAL_METHODS[method]
  // A biased estimate's change comes from its intervals too (boundedChange).
  return !(m.analytic === 'both' && (v.support?.kind === 'proportion' || 'biasedEstimate' in m))
}

/** Fewer rows of a class than this, and an AUC's report says so. */
const FEW_OF_A_CLASS = 30
/**
 * A kurtosis of the residuals (E r⁴ / (E r²)², 3 for normal errors) above this, and the report of
 * RMSE and r2 (whose intervals rest on E r⁴) says their intervals may be too narrow. Normal errors in
 * groups of 30 rows reach it less than 1% of the time; Student-t errors with 3 degrees of freedom, in
 * groups of 500 rows, more than 90% (the regression simulation measures both).
 */
const HEAVY_TAILS = 6

/** What a reviewer should know about an analytic interval that still holds its coverage target. */
function supportNote(s: Support | undefined): { ciNote?: string } {
  // An AUC from few positives or negatives: its interval holds its coverage in the simulation
  // (docs/metrics.md), but rests on the placements of those few rows.
  if (s?.kind === 'auc') {
    const few = Math.min(s.positives, s.negatives)
    if (few >= FEW_OF_A_CLASS) return {}
    const which = s.positives <= s.negatives ? 'positives' : 'negatives'
    return { ciNote: `only ${few} ${which}: the interval rests on few rows of that class` }
  }
  // An RMSE of heavy-tailed residuals: the squared residuals' variance is unstable or infinite, and no
  // interval from moments holds (docs/metrics.md, Regression).
  if (s?.kind === 'mean' && s.kurtosis !== undefined && s.kurtosis > HEAVY_TAILS)
    return {
      ciNote: `the residuals are heavy-tailed (kurtosis ${s.kurtosis.toFixed(1)}): this interval rests on E r⁴ and may be too narrow; MAE's holds`
    }
  return {}
}

/**
 * Where each point's value goes in a resample's row (-1: not kept, see resampled()), the row's width,
 * and where each value a resample puts goes (the points' slots, unless the resamples put other values).
 */
interface RowLayout {
  slots: Int32Array
  width: number
  puts: Int32Array
}

function rowLayout(b: Bootstrap, points: PointValue[]): RowLayout {
  const slots = new Int32Array(points.length)
  let width = 0
  points.forEach((v, j) => (slots[j] = resampled(v) && b.unsampled?.(v) === undefined ? width++ : -1))
  if (!b.resampledKeys) return { slots, width, puts: slots }
  const slotOf = new Map(points.map((v, j) => [metricKey({ metric: v.metric, ...v.scope }), slots[j]]))
  return { slots, width, puts: Int32Array.from(b.resampledKeys(), key => slotOf.get(key) ?? -1) }
}

/** The kept values of one half of the resamples, row by row (`width` values per resample). */
function drawHalf(b: Bootstrap, { puts, width }: RowLayout, R: number, half: 0 | 1): Float64Array {
  const split = Math.ceil(R / 2)
  const count = half === 0 ? split : R - split
  const out = new Float64Array(count * width)
  const draw = b.drawer(half)
  const row = new RowSink(out, puts)
  for (let r = 0; r < count; r++) {
    row.reset(r * width)
    draw(row)
  }
  return out
}

const pointsOf = (b: Bootstrap): PointValue[] => {
  const rec = new RecordingSink()
  b.point(rec)
  return rec.values
}

/** The second half of the predictions bootstrap, for a worker thread (see evaluateOffloaded). */
export function drawSecondHalf(job: PredictionJob): Float64Array {
  const b = predictionBootstrap(job)
  return drawHalf(b, rowLayout(b, pointsOf(b)), job.settings.resamples, 1)
}

const NOT_KEPT = new Float64Array(0)

/** Point estimates and both halves of resamples -> the computed metrics. */
function assemble(
  b: Bootstrap,
  points: PointValue[],
  { slots, width }: RowLayout,
  halves: Float64Array[],
  R: number
): Computed[] {
  return points.map((point, j) => {
    // Metric j's value in every resample, the halves' rows in order (no joined matrix needed).
    const slot = slots[j]
    const replicates = () => {
      if (slot < 0) return NOT_KEPT
      const out = new Float64Array(R)
      let r = 0
      for (const half of halves) for (let o = slot; o < half.length; o += width) out[r++] = half[o]
      return out
    }
    return {
      artifact: b.artifact,
      point,
      extra: b.extra?.(point) ?? {},
      replicates,
      kept: slot >= 0,
      resamples: R,
      ...(slot < 0 && b.unsampled?.(point) !== undefined && { unsampled: b.unsampled(point) })
    }
  })
}

/** Both halves drawn here. */
function drawBoth(b: Bootstrap, R: number): Computed[] {
  const points = pointsOf(b)
  const layout = rowLayout(b, points)
  return assemble(b, points, layout, [drawHalf(b, layout, R, 0), drawHalf(b, layout, R, 1)], R)
}

function compute(input: EvaluationInput): Computed[] {
  const { predictions, others } = bootstraps(input)
  return [
    ...(predictions ? drawBoth(predictions, input.settings.resamples) : []),
    ...analyticMetrics(input),
    ...others.flatMap(b => drawBoth(b, input.settings.resamples))
  ]
}

const withBound = (bound: number | undefined): Partial<MetricResult> => (bound === undefined ? {} : { bound })

/**
 * The metrics whose intervals are all analytic and need no resamples (a regression's, from its moment
 * table): their point estimates with their supports.
 */
function analyticMetrics(input: EvaluationInput): Computed[] {
  const { regression: r, multiclass: m } = input
  const { minGroupSize } = input.settings
  const of = (
    artifact: DataKind,
    put: (sink: Sink) => void,
    bound: (v: PointValue) => number | undefined = () => undefined
  ): Computed[] => {
    const sink = new RecordingSink()
    put(sink)
    // A group below minGroupSize is reported, and left out of disparities, as the binary engine's are.
    const key = (s: { attribute?: string; group?: string }) => JSON.stringify([s.attribute, s.group])
    const small = new Set(
      sink.values
        .filter(v => v.metric === 'count' && v.scope.group !== undefined && v.value < minGroupSize)
        .map(v => key(v.scope))
    )
    return sink.values.map(point => ({
      artifact,
      point,
      extra:
        point.scope.group !== undefined && small.has(key(point.scope))
          ? { status: 'insufficient' as const }
          : withBound(bound(point)),
      replicates: () => NOT_KEPT,
      kept: false,
      resamples: input.settings.resamples
    }))
  }
  return [
    ...(r
      ? of('regression', sink => computeRegression(r.table, input.intersections, minGroupSize, sink))
      : []),
    ...(m
      ? of(
          'multiclass',
          sink => computeMulticlass(m, input.intersections, minGroupSize, sink),
          v => statedBound(m, v)
        )
      : [])
  ]
}

/**
 * As evaluate, with the second half of the predictions bootstrap (the costly one) drawn by `offload`,
 * another thread, while this one draws the first. The numbers are the same as evaluate's.
 */
export async function evaluateOffloaded(
  input: EvaluationInput,
  offload: (job: PredictionJob) => Promise<Float64Array>
): Promise<Evaluation> {
  const R = input.settings.resamples
  const p = input.predictions
  if (!p) return evaluate(input)
  const job = predictionJob(input, p)
  const second = offload(job)
  const b = predictionBootstrap(job)
  const points = pointsOf(b)
  const layout = rowLayout(b, points)
  const first = drawHalf(b, layout, R, 0)
  const computed = assemble(b, points, layout, [first, await second], R)
  const { others } = bootstraps({ ...input, predictions: undefined })
  return evaluation(input, [...computed, ...analyticMetrics(input), ...others.flatMap(o => drawBoth(o, R))])
}

/** The defined values among the replicates (a fresh array), ascending. */
function sampleOf(replicates: Float64Array): Float64Array {
  let defined = 0
  for (const x of replicates) if (x === x) defined++
  if (defined === replicates.length) return replicates.sort()
  const sample = new Float64Array(defined)
  let k = 0
  for (const x of replicates) if (x === x) sample[k++] = x
  return sample.sort()
}

function toResult(c: Computed, confidence: number): MetricResult {
  const { point: v, extra, replicates, resamples: R } = c
  // A provided metric's interval is as given, unless rai-gate derives it as a proportion (provided.ts).
  const given = c.provided !== undefined && v.support === undefined
  const method = given ? 'provided' : (methodOf(v.metric, taskOfData(c.artifact)) ?? 'bootstrap')
  const base = {
    metric: v.metric,
    ...v.scope,
    n: v.n,
    ...extra,
    method,
    ...(v.support?.kind === 'count' && { nEffective: v.support.effective })
  }
  if (given) return providedResult(c, base, confidence)
  if (Number.isNaN(v.value))
    return {
      ...base,
      value: null,
      ci: null,
      reason: v.reason ?? 'undefined',
      // Too few groups large enough: the data are insufficient, as a small group's are.
      ...(v.code === 'too-few-groups' && { status: 'insufficient' as const })
    }
  // A count is a fact about the data, not an estimate: its interval is the value itself.
  if (v.metric === 'count') return { ...base, value: v.value, ci: [v.value, v.value] }
  const { analytic } = INTERVAL_METHODS[method]
  const exact = analytic !== 'none' && v.support ? intervalOf(method, v.support, confidence) : null
  // The estimate always lies in an interval with an analytic end (adjusted centres can sit off it).
  if (exact !== null && analytic === 'both') {
    const corrected = 'biasedEstimate' in INTERVAL_METHODS[method] ? correctedEstimate(v.support!) : undefined
    if (corrected !== undefined)
      return {
        ...base,
        value: v.value,
        corrected,
        ci: containing(exact, corrected),
        ...(!(exact[0] <= v.value && v.value <= exact[1]) && {
          ciNote:
            'the plug-in estimate is biased upward and lies above the interval, which is for the true value'
        })
      }
    return { ...base, value: v.value, ci: containing(exact, v.value), ...supportNote(v.support) }
  }
  if (c.unsampled !== undefined) return { ...base, value: v.value, ci: null, reason: c.unsampled }
  const sample = sampleOf(replicates())
  if (sample.length < MIN_DEFINED_SHARE * R || sample.length === 0) {
    return {
      ...base,
      value: v.value,
      ci: null,
      reason: `undefined in ${R - sample.length} of ${R} resamples`
    }
  }
  const ci = bootstrapInterval(sample, v.value, confidence)
  if (exact !== null) {
    // Boundary-corrected: the analytic end on the side of the boundary, the bootstrap's on the other.
    const lo = analytic === 'lower' ? exact[0] : ci[0]
    const hi = analytic === 'upper' ? exact[1] : ci[1]
    return { ...base, value: v.value, ci: containing([lo, hi], v.value) }
  }
  if (v.value < ci[0] || v.value > ci[1]) {
    // The bootstrap distribution is shifted (a statistic of few rows): the interval should not be
    // read as a confidence interval for the estimate.
    return {
      ...base,
      value: v.value,
      ci,
      ciNote: 'the estimate lies outside its bootstrap interval (biased bootstrap, typical of few rows)'
    }
  }
  return { ...base, value: v.value, ci }
}

/**
 * Fewer resamples beyond a limit than this cannot place it (1000 resamples cannot resolve a
 * Bonferroni tail of 0.0005): the limit then comes from the normal approximation to the bootstrap
 * distribution, estimate ± z·sd.
 */
const MIN_TAIL_RESAMPLES = 10

function bootstrapInterval(sample: Float64Array, value: number, confidence: number): [number, number] {
  if (((1 - confidence) / 2) * sample.length >= MIN_TAIL_RESAMPLES)
    return percentileIntervalSorted(sample, confidence)
  const z = zOf(confidence) * sdOf(sample)
  return [value - z, value + z]
}

const sdOf = (sample: Float64Array): number =>
  sample.length > 1 ? sampleStandardDeviation(Array.from(sample)) : 0
