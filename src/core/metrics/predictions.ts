/**
 * The metrics of a predictions artifact (SPEC §2: overall, per group, disparities, calibration), as a
 * plan built once from the cell table and then run on the table itself (point estimates) and on each
 * bootstrap resample of it. Running the same code for both keeps estimates and intervals consistent.
 */
import type { CellTable } from '../artifacts/cells.js'
import { intersectionId } from '../manifest/types.js'
import {
  aggregateCombos,
  brier,
  ece,
  f1,
  logLoss,
  mce,
  rate,
  reduceGroups,
  rows,
  strideOf,
  type CellView
} from './aggregate.js'
import { DISPARITIES, RATES, type RateId } from './registry.js'
import type { ScopeRef, Sink } from './sink.js'

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
}

export interface PredictionPlan {
  table: CellTable
  scopes: GroupScope[]
  overall: Int32Array
  minGroupSize: number
  comboAgg: Float64Array
  groupAgg: Float64Array
}

const OVERALL: ScopeRef = {}
const NO_SCORE = 'no score column'
const RATE_IDS = Object.keys(RATES) as RateId[]
const GROUP_VALUES = [...RATE_IDS, 'brier', 'ece']

export function planPredictions(
  table: CellTable,
  intersections: string[][],
  minGroupSize: number
): PredictionPlan {
  const stride = strideOf(table.bins)
  const comboAgg = new Float64Array(table.combos.length * stride)
  aggregateCombos(table, table, comboAgg)
  const comboRows = table.combos.map((_, c) => comboAgg[c * stride])
  const scope = (attribute: string, members: number[]): GroupScope => {
    const labels: string[] = []
    const index = new Map<string, number>()
    const groupOf = new Int32Array(table.combos.length)
    table.combos.forEach((combo, c) => {
      const label = members.map(a => table.groups[a][combo[a]]).join('*')
      let g = index.get(label)
      if (g === undefined) {
        g = labels.length
        index.set(label, g)
        labels.push(label)
      }
      groupOf[c] = g
    })
    const sizes = labels.map(() => 0)
    comboRows.forEach((n, c) => (sizes[groupOf[c]] += n))
    const eligible = sizes.map(n => n >= minGroupSize)
    return {
      attribute,
      labels,
      groupOf,
      sizes,
      eligible,
      eligibleGroups: labels.map((_, g) => g).filter(g => eligible[g]),
      groupRefs: labels.map(group => ({ attribute, group })),
      ref: { attribute },
      values: Object.fromEntries(GROUP_VALUES.map(id => [id, new Float64Array(labels.length)]))
    }
  }
  const position = new Map(table.attributes.map((a, i) => [a, i]))
  const scopes = [
    ...table.attributes.map((a, i) => scope(a, [i])),
    ...intersections.map(parts =>
      scope(
        intersectionId(parts),
        parts.map(p => position.get(p)!)
      )
    )
  ]
  const maxGroups = Math.max(1, ...scopes.map(s => s.labels.length))
  return {
    table,
    scopes,
    overall: new Int32Array(table.combos.length),
    minGroupSize,
    comboAgg,
    groupAgg: new Float64Array(maxGroups * stride)
  }
}

/** Computes every predictions metric from `view` (the table or a resample) into `sink`. */
export function computePredictions(plan: PredictionPlan, view: CellView, auc: number, sink: Sink): void {
  const { table, comboAgg, groupAgg } = plan
  const { bins, hasScore } = table
  const stride = strideOf(bins)
  aggregateCombos(table, view, comboAgg)
  reduceGroups(comboAgg, plan.overall, stride, groupAgg)
  const a = groupAgg
  const n = rows(a, 0)
  const scored = (v: number) => (hasScore ? v : NaN)
  const why = (v: number, reason: string) => (Number.isNaN(v) ? (hasScore ? reason : NO_SCORE) : undefined)
  sink.put('count', OVERALL, n, n)
  sink.put('accuracy', OVERALL, rate('accuracy', a, 0), n, RATES.accuracy.undefinedWhen)
  sink.put('precision', OVERALL, rate('precision', a, 0), n, RATES.precision.undefinedWhen)
  sink.put('recall', OVERALL, rate('tpr', a, 0), n, RATES.tpr.undefinedWhen)
  sink.put('f1', OVERALL, f1(a, 0), n, 'no positive labels or predictions')
  const aucValue = scored(auc)
  sink.put('auc', OVERALL, aucValue, n, why(aucValue, 'labels of only one class'))
  for (const [id, v] of [
    ['brier', brier(a, 0)],
    ['log_loss', logLoss(a, 0)],
    ['ece', ece(a, 0, bins)],
    ['mce', mce(a, 0, bins)]
  ] as const) {
    const value = scored(v)
    sink.put(id, OVERALL, value, n, why(value, 'no rows'))
  }
  sink.put('selection_rate', OVERALL, rate('selection_rate', a, 0), n, RATES.selection_rate.undefinedWhen)
  sink.put('base_rate', OVERALL, rate('base_rate', a, 0), n, RATES.base_rate.undefinedWhen)

  for (const s of plan.scopes) {
    reduceGroups(comboAgg, s.groupOf, stride, groupAgg)
    const G = s.labels.length
    const values = s.values
    for (let g = 0; g < G; g++) {
      const o = g * stride
      const ref = s.groupRefs[g]
      const gn = rows(a, o)
      sink.put('count', ref, gn, gn)
      for (const id of RATE_IDS) {
        const v = rate(id, a, o)
        values[id][g] = v
        sink.put(id, ref, v, gn, RATES[id].undefinedWhen)
      }
      const b = scored(brier(a, o))
      const e = scored(ece(a, o, bins))
      values.brier[g] = b
      values.ece[g] = e
      sink.put('brier', ref, b, gn, why(b, 'no rows'))
      sink.put('ece', ref, e, gn, why(e, 'no rows'))
    }
    putDisparities(s, values, sink, plan.minGroupSize)
  }
}

function putDisparities(
  s: GroupScope,
  values: Record<string, Float64Array>,
  sink: Sink,
  minGroupSize: number
): void {
  const eligible = s.eligibleGroups
  let n = 0
  for (const g of eligible) n += s.sizes[g]
  for (const d of DISPARITIES) {
    if (eligible.length < 2) {
      sink.put(d.id, s.ref, NaN, n, `fewer than two groups have at least ${minGroupSize} rows`)
      continue
    }
    let combined = d.kind === 'difference' ? -Infinity : Infinity
    let reason: string | undefined
    for (const base of d.of) {
      let lo = Infinity
      let hi = -Infinity
      let defined = 0
      for (const g of eligible) {
        const v = values[base][g]
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
    sink.put(d.id, s.ref, combined, n, reason)
  }
}
