/**
 * Changes measured case by case. When the run and the baseline evaluated the same test cases
 * (outcomes with ids), the change of a suite's failure rate is a difference of two proportions on the
 * same cases: only the cases whose result flipped carry information, and an interval for independent
 * samples would be several times too wide. Here b cases passed in the baseline and fail now, c failed
 * and pass now, of n shared: change = (b − c)/n, with the Agresti–Min interval and its z-test.
 */
import { MAX_CASES, type OutcomeCases, type OutcomeData } from '../artifacts/outcomes.js'
import { normalUpperTail, pairedDifference, pairedDifferenceZ, zOf } from '../stats/intervals.js'
import { metricKey, type Change } from './evaluate.js'
import { planOutcomes } from './outcomes.js'

/** Pair only when at least this share of each run's cases is shared. */
export const MIN_SHARED = 0.9

export interface Overlap {
  shared: number
  onlyBaseline: number
  onlyRun: number
}

export type Pairing =
  | { paired: true; overlap: Overlap; changes: (confidence: number) => Map<string, Change> }
  | { paired: false; overlap?: Overlap; reason: string }

/** A baseline's case record as read from its report: checked, since the report is only JSON. */
function usable(cases: OutcomeCases | null | undefined, cells: number): cases is OutcomeCases {
  if (!cases || !Array.isArray(cases.keys) || !Array.isArray(cases.cells) || !Array.isArray(cases.passed))
    return false
  const n = cases.keys.length
  return (
    n <= MAX_CASES &&
    cases.cells.length === n &&
    cases.passed.length === n &&
    cases.keys.every(k => typeof k === 'string') &&
    cases.cells.every(c => Number.isInteger(c) && c >= 0 && c < cells) &&
    cases.passed.every(p => p === 0 || p === 1)
  )
}

export function pairOutcomes(run: OutcomeData, base: OutcomeData): Pairing {
  if (!run.cases) return { paired: false, reason: run.casesMissing ?? 'this run has no case ids' }
  if (!usable(base.cases, base.table.cells.length))
    return { paired: false, reason: 'the baseline report keeps no case record' }
  const before = new Map<string, number>()
  base.cases.keys.forEach((k, i) => before.set(k, base.cases!.passed[i]))
  const cells = run.table.cells.length
  // Per cell of this run: cases shared, passed before and failing now (b), failed before and passing now (c).
  const n = new Float64Array(cells)
  const b = new Float64Array(cells)
  const c = new Float64Array(cells)
  const failedBefore = new Float64Array(cells)
  let shared = 0
  run.cases.keys.forEach((k, i) => {
    const was = before.get(k)
    if (was === undefined) return
    shared++
    const cell = run.cases!.cells[i]
    const now = run.cases!.passed[i]
    n[cell]++
    if (was === 0) failedBefore[cell]++
    if (was === 1 && now === 0) b[cell]++
    if (was === 0 && now === 1) c[cell]++
  })
  const overlap = { shared, onlyBaseline: before.size - shared, onlyRun: run.cases.keys.length - shared }
  if (shared < MIN_SHARED * run.cases.keys.length || shared < MIN_SHARED * before.size) {
    return {
      paired: false,
      overlap,
      reason: `only ${shared} of the cases are in both runs (${overlap.onlyBaseline} only in the baseline, ${overlap.onlyRun} only in this run)`
    }
  }
  const scopes = planOutcomes(run.table).scopes.map(s => {
    const sum = (a: Float64Array) => s.cells.reduce((t, i) => t + a[i], 0)
    return { ref: s.ref, n: sum(n), b: sum(b), c: sum(c), failedBefore: sum(failedBefore) }
  })
  return {
    paired: true,
    overlap,
    changes: confidence => {
      const z = zOf(confidence)
      const out = new Map<string, Change>()
      for (const s of scopes) {
        if (s.n === 0) continue
        const ci = pairedDifference(s.b, s.c, s.n, z)!
        const change = (s.b - s.c) / s.n
        const zWorse = pairedDifferenceZ(s.b, s.c, s.n)
        const before = s.failedBefore / s.n
        const hull = (lo: number, hi: number, v: number): [number, number] => [
          Math.min(lo, v),
          Math.max(hi, v)
        ]
        out.set(metricKey({ metric: 'failure_rate', ...s.ref }), {
          baseline: before,
          change,
          changeCi: hull(ci[0], ci[1], change),
          pWorse: normalUpperTail(zWorse),
          comparison: 'paired'
        })
        out.set(metricKey({ metric: 'pass_rate', ...s.ref }), {
          baseline: 1 - before,
          change: -change,
          changeCi: hull(-ci[1], -ci[0], -change),
          pWorse: normalUpperTail(zWorse),
          comparison: 'paired'
        })
      }
      return out
    }
  }
}
