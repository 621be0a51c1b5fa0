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
import type { RegressionData } from '../artifacts/kinds/regression.js'
import { scopeGroups } from '../tables/scopes.js'
import {
  containing,
  normalUpperTail,
  pairedMean,
  studentQuantile,
  studentUpperTail,
  zOf
} from '../stats/intervals.js'
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

/**
 * A change measured as the mean of n per-row differences of a continuous quantity (in the metric's
 * units; their sum and sum of squares): Student's t interval on them, widened to hold the change, and
 * the one-sided t-test of a worsening (sign: +1 when higher is worse). No adjustment as for
 * proportions: a unit has no meaning here.
 */
export function tChange(
  sum: number,
  squares: number,
  n: number,
  baseline: number,
  confidence: number,
  sign: number
): Change {
  const d = sum / n
  const se = n > 1 ? Math.sqrt(Math.max(0, (squares - n * d * d) / (n - 1)) / n) : NaN
  const t = studentQuantile(1 - (1 - confidence) / 2, Math.max(1, n - 1))
  return {
    baseline,
    change: d,
    changeCi: se === se ? [d - t * se, d + t * se] : null,
    pWorse: se > 0 ? studentUpperTail((sign * d) / se, n - 1) : 1,
    comparison: 'paired'
  }
}

/**
 * A regression's rows: each keeps its residual r (prediction − label), its prediction and whether
 * its prediction interval held the label (code 2; 1 outside, 0 without an interval). Paired, overall
 * and per group: the means over rows (mae of |r|, mean_residual of r, mean_prediction,
 * interval_coverage as a proportion with Agresti & Min's interval) as the mean of the rows'
 * differences, and rmse by the delta method on the rows' squared residuals. r2 (whose denominator is
 * the labels' spread) and the disparities are compared as independent samples; weighted rows are not
 * paired.
 */
export function pairRegression(
  run: RegressionData,
  base: RegressionData,
  intersections: string[][]
): Pairing {
  const t = run.table
  if (t.weighted)
    return {
      paired: false,
      reason: 'weighted regression rows are compared as independent samples',
      note: false
    }
  const joined = joinCases(run.cases, run.casesMissing, base.cases)
  if ('reason' in joined) return { paired: false, ...joined }
  const overlap = joined.overlap
  const reason = tooLittleShared(overlap, 'rows')
  if (reason !== null) return { paired: false, overlap, reason, note: true }
  const cells = run.cases!.cells!
  const [now, before] = [run.cases!, base.cases!]
  // Each row's scopes: overall, and its group of each attribute.
  const scopes: ScopeRef[] = [{}]
  const groupScopes = scopeGroups(t, intersections).map(({ attribute, labels, groupOf }) => {
    const first = scopes.length
    labels.forEach(group => scopes.push({ attribute, group }))
    return (cell: number) => first + groupOf[cell]
  })
  // One pass over the shared rows: per scope, per quantity the sum of the differences, of their
  // squares, and of the baseline's values; the squared residuals' sums and cross products (rmse); the
  // coverage differences of the rows with an interval in both runs.
  const MEANS = [
    { metric: 'mae', of: (r: number) => Math.abs(r) },
    { metric: 'mean_residual', of: (r: number) => r },
    { metric: 'mean_prediction', of: (_: number, p: number) => p }
  ] as const
  const sums = scopes.map(() => ({
    means: MEANS.map(() => ({ sum: 0, squares: 0, before: 0 })),
    n: 0,
    moved: 0,
    u: 0,
    v: 0,
    uu: 0,
    vv: 0,
    uv: 0,
    covered: { n: 0, sum: 0, squares: 0, before: 0 }
  }))
  const at = [0, ...groupScopes.map(() => 0)]
  for (let k = 0; k < joined.run.length; k++) {
    const i = joined.run[k]
    const j = joined.base[k]
    const [r1, p1, r0, p0] = [
      now.values![2 * i],
      now.values![2 * i + 1],
      before.values![2 * j],
      before.values![2 * j + 1]
    ]
    const [c1, c0] = [now.codes[i], before.codes[j]]
    groupScopes.forEach((of, a) => (at[a + 1] = of(cells[i])))
    for (const x of at) {
      const s = sums[x]
      MEANS.forEach((m, q) => {
        const [x1, x0] = [m.of(r1, p1), m.of(r0, p0)]
        const e = s.means[q]
        e.sum += x1 - x0
        e.squares += (x1 - x0) * (x1 - x0)
        e.before += x0
      })
      s.n++
      if (r1 * r1 !== r0 * r0) s.moved++
      s.u += r1 * r1
      s.v += r0 * r0
      s.uu += r1 * r1 * r1 * r1
      s.vv += r0 * r0 * r0 * r0
      s.uv += r1 * r1 * r0 * r0
      if (c1 > 0 && c0 > 0) {
        const e = (c1 === 2 ? 1 : 0) - (c0 === 2 ? 1 : 0)
        s.covered.n++
        s.covered.sum += e
        s.covered.squares += e * e
        if (c0 === 2) s.covered.before++
      }
    }
  }
  return {
    paired: true,
    overlap,
    changes: confidence => {
      const z = zOf(confidence)
      const out = new Map<string, Change>()
      sums.forEach((s, x) => {
        if (s.n === 0) return
        const key = (metric: string) => metricKey({ metric, ...scopes[x] })
        // Where no row moved, the rows say nothing about the spread of a change: such a change is
        // left to the comparison of independent samples, whose interval keeps its width.
        MEANS.forEach((m, q) => {
          const e = s.means[q]
          if (e.squares > 0)
            out.set(
              key(m.metric),
              tChange(e.sum, e.squares, s.n, e.before / s.n, confidence, worseningSign(m))
            )
        })
        if (s.moved > 0)
          out.set(key('rmse'), rmseChange(s.n, s.moved, s.u, s.v, s.uu, s.vv, s.uv, confidence))
        const c = s.covered
        if (c.n > 0)
          out.set(
            key('interval_coverage'),
            pairedChange(
              c.sum,
              c.squares,
              c.n,
              c.before / c.n,
              c.sum / c.n,
              z,
              worseningSign({ metric: 'interval_coverage' })
            )
          )
      })
      return out
    }
  }
}

/**
 * The change of RMSE = √(mean r²) on n shared rows, from the sums of the squared residuals now (u) and
 * before (v), of their squares and cross product: the delta method on the two means, whose
 * per-row influence is (r₁² − a)/(2√a) − (r₀² − b)/(2√b), with Student's t on n − 1 degrees of freedom.
 */
function rmseChange(
  n: number,
  moved: number,
  u: number,
  v: number,
  uu: number,
  vv: number,
  uv: number,
  confidence: number
): Change {
  const a = u / n
  const b = v / n
  const change = Math.sqrt(a) - Math.sqrt(b)
  const [ga, gb] = [a > 0 ? 1 / (2 * Math.sqrt(a)) : 0, b > 0 ? 1 / (2 * Math.sqrt(b)) : 0]
  // The influences' variance from the sums: Var(ga·x − gb·y) with x = r₁², y = r₀².
  const varX = (uu - n * a * a) / (n - 1)
  const varY = (vv - n * b * b) / (n - 1)
  const cov = (uv - n * a * b) / (n - 1)
  const se = n > 1 ? Math.sqrt(Math.max(0, ga * ga * varX + gb * gb * varY - 2 * ga * gb * cov) / n) : NaN
  // The influences are 0 on the rows whose squared residual did not move: their spread is estimated
  // from the moved rows only, so those set the degrees of freedom (a tenth of 30 rows moved: t₂ rather
  // than t₂₉; simulated, the delta method's interval covered 90.7% there on n − 1).
  const df = Math.max(1, Math.min(n, moved) - 1)
  const t = studentQuantile(1 - (1 - confidence) / 2, df)
  return {
    baseline: Math.sqrt(b),
    change,
    changeCi: se === se ? [change - t * se, change + t * se] : null,
    pWorse: se > 0 ? studentUpperTail(change / se, df) : 1,
    comparison: 'paired'
  }
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
