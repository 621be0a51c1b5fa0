/**
 * Changes measured case by case. When the run and the baseline evaluated the same cases (outcomes
 * with case ids, robustness rows with example ids), the change of a rate is a mean of per-case
 * differences on the same cases: only the cases whose result moved carry information, and an interval
 * for independent samples would be several times too wide. Each change is the mean per-case
 * difference e over the n shared cases, with Agresti & Min's adjustment (pairedMean: for e in
 * {−1, 0, 1} it is their interval for a paired difference of proportions) and its z-test.
 */
import { KeyIndex, type CaseRecord } from '../tables/cases.js'
import type { OutcomeData } from '../artifacts/kinds/outcomes.js'
import type { RobustnessData } from '../artifacts/kinds/robustness.js'
import type { MulticlassData } from '../artifacts/kinds/multiclass.js'
import { scopeGroups } from '../tables/scopes.js'
import { containing, normalUpperTail, pairedMean, zOf } from '../stats/intervals.js'
import { worseningSign } from './registry.js'
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
  | {
      paired: false
      overlap?: Overlap
      reason: string
      /** The run has ids, so the fallback is news to a reviewer (a note says why). */
      note: boolean
    }

/** The cases of a run found in the baseline's record: index pairs, and the overlap. */
export interface Joined {
  run: Uint32Array
  base: Uint32Array
  overlap: Overlap
}

/**
 * Matches the run's cases with the baseline's by key. A baseline record that is not well formed
 * (codes beyond maxCode: loadCases checks) never gets here: the baseline then has none.
 */
export function joinCases(
  run: CaseRecord | null | undefined,
  runMissing: string | undefined,
  base: CaseRecord | null | undefined
): Joined | { reason: string; note: boolean } {
  if (!run || !run.cells)
    return { reason: runMissing ?? 'this run has no case ids', note: runMissing !== undefined }
  if (!base) return { reason: 'the baseline report keeps no case record', note: true }
  const index = KeyIndex.of(base.keys, base.count)
  const runAt = new Uint32Array(run.count)
  const baseAt = new Uint32Array(run.count)
  let shared = 0
  for (let i = 0; i < run.count; i++) {
    const j = index.get(run.keys[2 * i], run.keys[2 * i + 1])
    if (j < 0) continue
    runAt[shared] = i
    baseAt[shared++] = j
  }
  return {
    run: runAt.subarray(0, shared),
    base: baseAt.subarray(0, shared),
    overlap: { shared, onlyBaseline: base.count - shared, onlyRun: run.count - shared }
  }
}

/** Why the overlap is too small to pair on, or null when it is large enough (MIN_SHARED). */
export function tooLittleShared(o: Overlap, what: string): string | null {
  return o.shared < MIN_SHARED * (o.shared + o.onlyRun) || o.shared < MIN_SHARED * (o.shared + o.onlyBaseline)
    ? `only ${o.shared} of the ${what} are in both runs (${o.onlyBaseline} only in the baseline, ${o.onlyRun} only in this run)`
    : null
}

/** One paired metric: its key, and each shared case's difference now − before (in the metric's units). */
interface Measure {
  metric: string
  scope: ScopeRef
  cells: ReadonlySet<number>
  value: (code: number) => number
  /** The shared cases the metric is a mean over (all of its cells' when absent): a rate's denominator. */
  rows?: (now: number, before: number) => boolean
}

function pairing(
  run: CaseRecord | null | undefined,
  runMissing: string | undefined,
  base: CaseRecord | null | undefined,
  measures: Measure[],
  labelsDiffer?: (now: number, before: number) => boolean
): Pairing {
  const joined = joinCases(run, runMissing, base)
  if ('reason' in joined) return { paired: false, ...joined }
  const cells = run!.cells!
  const pairs = Array.from(joined.run, (i, k) => ({
    cell: cells[i],
    now: run!.codes[i],
    before: base!.codes[joined.base[k]]
  }))
  const o = joined.overlap
  const overlap = labelsDiffer
    ? { ...o, labelsDiffer: pairs.filter(p => labelsDiffer(p.now, p.before)).length }
    : o
  const reason = tooLittleShared(o, 'cases')
  if (reason !== null) return { paired: false, overlap, reason, note: true }
  const sums = measures.map(m => {
    let n = 0
    let before = 0
    let sum = 0
    let squares = 0
    for (const p of pairs) {
      if (!m.cells.has(p.cell) || (m.rows && !m.rows(p.now, p.before))) continue
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
        const worse = worseningSign(m)
        out.set(
          metricKey({ metric: m.metric, ...m.scope }),
          pairedChange(sum, squares, n, before / n, sum / n, z, worse)
        )
      }
      return out
    }
  }
}

/**
 * A change measured as the mean of n per-row differences (their sum and sum of squares; n may be an
 * effective count): the adjusted paired mean's interval at z (within ±limit), widened to hold the
 * change, and the one-sided z-test of a worsening (sign: +1 when higher is worse).
 */
export function pairedChange(
  sum: number,
  squares: number,
  n: number,
  baseline: number,
  change: number,
  z: number,
  sign: number,
  limit = Infinity
): Change {
  const { d, se } = pairedMean(sum, squares, n)
  return normalChange(d, se, baseline, change, z, sign, limit)
}

/**
 * A paired change from an adjusted estimate d of it and its standard error: the Wald interval at z
 * (within ±limit), widened to hold the change, and the one-sided z-test of a worsening (sign: +1 when
 * higher is worse).
 */
export function normalChange(
  d: number,
  se: number,
  baseline: number,
  change: number,
  z: number,
  sign: number,
  limit = Infinity
): Change {
  return {
    baseline,
    change,
    changeCi: containing([Math.max(-limit, d - z * se), Math.min(limit, d + z * se)], change),
    pWorse: se > 0 ? normalUpperTail((sign * d) / se) : 1,
    comparison: 'paired'
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
  return pairing(run.cases, run.casesMissing, base.cases, measures)
}

/**
 * A multiclass model's rows: a row's code is label·K + prediction. Paired: the proportions that are
 * means over rows (accuracy, each class's selection rate, recall, and per group its true- and
 * false-positive rate, over the rows of that label in both runs); the other metrics (F1, losses, AUC,
 * ECE, disparities) are compared as independent samples. Weighted rows are not paired (each row's
 * difference would need its weight in both runs).
 */
export function pairMulticlass(
  run: MulticlassData,
  base: MulticlassData,
  intersections: string[][]
): Pairing {
  const t = run.table
  const K = t.classes.length
  if (t.weighted)
    return {
      paired: false,
      reason: 'weighted multiclass rows are compared as independent samples',
      note: false
    }
  if (base.table.classes.join('\n') !== t.classes.join('\n'))
    return {
      paired: false,
      reason: `the classes (${t.classes.join(', ')}) are not the baseline's (${base.table.classes.join(', ')})`,
      note: true
    }
  const label = (code: number) => Math.floor(code / K)
  const predicted = (code: number) => code % K
  const all = new Set(t.combos.keys())
  const right = (c: number) => (label(c) === predicted(c) ? 1 : 0)
  const of = (k: number) => (c: number) => (predicted(c) === k ? 1 : 0)
  const labelled = (k: number) => (now: number, before: number) => label(now) === k && label(before) === k
  const other = (k: number) => (now: number, before: number) => label(now) !== k && label(before) !== k
  const measures: Measure[] = [
    { metric: 'accuracy', scope: {}, cells: all, value: right },
    { metric: 'micro_f1', scope: {}, cells: all, value: right },
    ...t.classes.flatMap((name, k) => [
      { metric: 'selection_rate', scope: { class: name }, cells: all, value: of(k) },
      { metric: 'recall', scope: { class: name }, cells: all, value: of(k), rows: labelled(k) }
    ])
  ]
  for (const { attribute, labels, groupOf } of scopeGroups(t, intersections))
    labels.forEach((group, g) => {
      const cells = new Set([...groupOf.keys()].filter(c => groupOf[c] === g))
      measures.push({ metric: 'accuracy', scope: { attribute, group }, cells, value: right })
      t.classes.forEach((name, k) => {
        const scope = { class: name, attribute, group }
        measures.push(
          { metric: 'selection_rate', scope, cells, value: of(k) },
          { metric: 'tpr', scope, cells, value: of(k), rows: labelled(k) },
          { metric: 'fpr', scope, cells, value: of(k), rows: other(k) }
        )
      })
    })
  return pairing(
    run.cases,
    run.casesMissing,
    base.cases,
    measures,
    (now, before) => label(now) !== label(before)
  )
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
  return pairing(run.cases, run.casesMissing, base.cases, measures, (now, before) => y(now) !== y(before))
}
