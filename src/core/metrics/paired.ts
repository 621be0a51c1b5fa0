/**
 * Changes measured case by case. When the run and the baseline evaluated the same cases (outcomes
 * with case ids, robustness rows with example ids), the change of a rate is a mean of per-case
 * differences on the same cases: only the cases whose result moved carry information, and an interval
 * for independent samples would be several times too wide. Each change is the mean per-case
 * difference e over the n shared cases, with Agresti & Min's adjustment (pairedMean: for e in
 * {−1, 0, 1} it is their interval for a paired difference of proportions) and its z-test.
 */
import { MAX_CASES, type CaseRecord } from '../artifacts/cases.js'
import type { OutcomeData } from '../artifacts/outcomes.js'
import type { RobustnessData } from '../artifacts/robustness.js'
import { containing, normalUpperTail, pairedMean, zOf } from '../stats/intervals.js'
import { metricDef } from './registry.js'
import { metricKey, type Change } from './evaluate.js'
import { planOutcomes } from './outcomes.js'
import type { ScopeRef } from './sink.js'

/** Pair only when at least this share of each run's cases is shared. */
export const MIN_SHARED = 0.9

export interface Overlap {
  shared: number
  onlyBaseline: number
  onlyRun: number
  /** Robustness: shared rows whose label differs between the runs. */
  labelsDiffer?: number
}

export type Pairing =
  | { paired: true; overlap: Overlap; changes: (confidence: number) => Map<string, Change> }
  | { paired: false; overlap?: Overlap; reason: string }

/** A baseline's case record as read from its report: checked, since the report is only JSON. */
function usable(cases: CaseRecord | null | undefined, cells: number, codes: number): cases is CaseRecord {
  if (!cases || !Array.isArray(cases.keys) || !Array.isArray(cases.cells) || !Array.isArray(cases.codes))
    return false
  const n = cases.keys.length
  return (
    n <= MAX_CASES &&
    cases.cells.length === n &&
    cases.codes.length === n &&
    cases.keys.every(k => typeof k === 'string') &&
    cases.cells.every(c => Number.isInteger(c) && c >= 0 && c < cells) &&
    cases.codes.every(c => Number.isInteger(c) && c >= 0 && c < codes)
  )
}

/** The shared cases: this run's cell and both runs' codes, and the overlap. */
function join(
  run: CaseRecord | null | undefined,
  runMissing: string | undefined,
  base: CaseRecord | null | undefined,
  baseCells: number,
  codes: number
): { pairs: { cell: number; now: number; before: number }[]; overlap: Overlap } | { reason: string } {
  if (!run) return { reason: runMissing ?? 'this run has no case ids' }
  if (!usable(base, baseCells, codes)) return { reason: 'the baseline report keeps no case record' }
  const before = new Map<string, number>()
  base.keys.forEach((k, i) => before.set(k, base.codes[i]))
  const pairs: { cell: number; now: number; before: number }[] = []
  run.keys.forEach((k, i) => {
    const was = before.get(k)
    if (was !== undefined) pairs.push({ cell: run.cells[i], now: run.codes[i], before: was })
  })
  const shared = pairs.length
  return { pairs, overlap: { shared, onlyBaseline: before.size - shared, onlyRun: run.keys.length - shared } }
}

/** One paired metric: its key, and each shared case's difference now − before (in the metric's units). */
interface Measure {
  metric: string
  scope: ScopeRef
  cells: ReadonlySet<number>
  value: (code: number) => number
}

function pairing(
  joined: ReturnType<typeof join>,
  measures: Measure[],
  labelsDiffer?: (now: number, before: number) => boolean
): Pairing {
  if ('reason' in joined) return { paired: false, reason: joined.reason }
  const { pairs, overlap: o } = joined
  const overlap = labelsDiffer
    ? { ...o, labelsDiffer: pairs.filter(p => labelsDiffer(p.now, p.before)).length }
    : o
  if (o.shared < MIN_SHARED * (o.shared + o.onlyRun) || o.shared < MIN_SHARED * (o.shared + o.onlyBaseline)) {
    return {
      paired: false,
      overlap,
      reason: `only ${o.shared} of the cases are in both runs (${o.onlyBaseline} only in the baseline, ${o.onlyRun} only in this run)`
    }
  }
  const sums = measures.map(m => {
    let n = 0
    let before = 0
    let sum = 0
    let squares = 0
    for (const p of pairs) {
      if (!m.cells.has(p.cell)) continue
      const e = m.value(p.now) - m.value(p.before)
      n++
      before += m.value(p.before)
      sum += e
      squares += e * e
    }
    return { m, n, before, sum, squares }
  })
  return {
    paired: true,
    overlap,
    changes: confidence => {
      const z = zOf(confidence)
      const out = new Map<string, Change>()
      for (const { m, n, before, sum, squares } of sums) {
        if (n === 0) continue
        const { d, se } = pairedMean(sum, squares, n)
        const change = sum / n
        const worse = metricDef(m.metric)?.direction === 'higher' ? -1 : 1
        out.set(metricKey({ metric: m.metric, ...m.scope }), {
          baseline: before / n,
          change,
          changeCi: containing([d - z * se, d + z * se], change),
          pWorse: se > 0 ? normalUpperTail((worse * d) / se) : 1,
          comparison: 'paired'
        })
      }
      return out
    }
  }
}

/** Outcomes: a case's code is 1 when it passed. */
export function pairOutcomes(run: OutcomeData, base: OutcomeData): Pairing {
  const measures = planOutcomes(run.table).scopes.flatMap(({ ref, cells }) => {
    const set = new Set(cells)
    return [
      { metric: 'failure_rate', scope: ref, cells: set, value: (code: number) => 1 - code },
      { metric: 'pass_rate', scope: ref, cells: set, value: (code: number) => code }
    ]
  })
  // The run's cells and the baseline's are matched through the key, which holds suite and category.
  return pairing(join(run.cases, run.casesMissing, base.cases, base.table.cells.length, 2), measures)
}

/** Robustness: a row's code is label·4 + clean prediction·2 + perturbed prediction. */
export function pairRobustness(run: RobustnessData, base: RobustnessData): Pairing {
  const y = (code: number) => code >> 2
  const clean = (code: number) => (code >> 1) & 1
  const perturbed = (code: number) => code & 1
  const right = (code: number) => (perturbed(code) === y(code) ? 1 : 0)
  const measures = run.table.perturbations.flatMap((perturbation, p) => {
    const cells = new Set([p])
    const scope = { perturbation }
    return [
      { metric: 'perturbed_accuracy', scope, cells, value: right },
      { metric: 'flip_rate', scope, cells, value: (c: number) => (clean(c) !== perturbed(c) ? 1 : 0) },
      { metric: 'accuracy_drop', scope, cells, value: (c: number) => (clean(c) === y(c) ? 1 : 0) - right(c) }
    ]
  })
  return pairing(
    join(run.cases, run.casesMissing, base.cases, base.table.perturbations.length, 8),
    measures,
    (now, before) => y(now) !== y(before)
  )
}
