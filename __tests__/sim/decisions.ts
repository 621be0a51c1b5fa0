/**
 * Decisions of known truth, simulated with fixed seeds: regression lists in pull requests where
 * nothing changed, the family-wise error of lenient checks under the Bonferroni correction, and each
 * mode's operating characteristics near a threshold. coverage.test.ts asserts the targets and keeps
 * the tables in docs/metrics.md and docs/policies.md equal to what these print.
 */
import type { OutcomeData } from '../../src/core/artifacts/kinds/outcomes.js'
import { evaluateGates } from '../../src/core/gate/evaluate.js'
import { judge } from '../../src/core/gate/judge.js'
import { regressions } from '../../src/core/gate/regressions.js'
import { evaluate, metricKey, type Evaluation } from '../../src/core/metrics/evaluate.js'
import { DEFAULTS, type Gate, type Mode, type Policy } from '../../src/core/policy/types.js'
import { createRng, type Rng } from '../../src/core/stats/rng.js'
import { predictionData, type Row } from '../helpers/tables.js'

const SETTINGS = { confidence: 0.95, resamples: 1000, seed: 0, minGroupSize: 30 }
const bern = (rng: Rng, p: number) => (rng.next() < p ? 1 : 0)

/** One group value from cumulative shares. */
const pick = (rng: Rng, labels: string[], shares: number[]) => {
  let u = rng.next()
  for (let i = 0; i < labels.length; i++) if ((u -= shares[i]) < 0) return labels[i]
  return labels[labels.length - 1]
}

/**
 * A population with 3 attributes and an intersection: calibrated scores whose level depends on the
 * groups, predictions at `threshold`.
 */
function population(rng: Rng, rows: number, threshold = 0.5, weighted = false): Row[] {
  return Array.from({ length: rows }, () => {
    const a = pick(rng, ['a1', 'a2', 'a3'], [0.5, 0.3, 0.2])
    const b = pick(rng, ['b1', 'b2'], [0.6, 0.4])
    const c = pick(rng, ['c1', 'c2', 'c3', 'c4'], [0.25, 0.25, 0.25, 0.25])
    const shift = (a === 'a2' ? 0.4 : a === 'a3' ? -0.3 : 0) + (b === 'b2' ? -0.2 : 0)
    const s = 1 / (1 + Math.exp(-(-1 + shift + 1.3 * rng.normal())))
    const y = bern(rng, s)
    const p = s >= threshold ? 1 : 0
    if (!weighted) return { y, p, s, groups: [a, b, c] }
    return {
      y,
      p,
      s,
      w: y === 0 && p === 1 && rng.next() < FALSE_POSITIVES_WEIGHTED ? 20 : 1,
      groups: [a, b, c]
    }
  })
}

/**
 * Weights tied to the outcome: weight 20 on this share of the false positives (about 5% of all rows),
 * 1 elsewhere, so the weight sits where fpr and precision are measured.
 */
const FALSE_POSITIVES_WEIGHTED = 0.6

const INTERSECTIONS = [['a', 'b']]

function evaluatePopulation(rows: Row[], seed: number, streamOffset = 0): Evaluation {
  return evaluate({
    predictions: predictionData(['a', 'b', 'c'], rows),
    intersections: INTERSECTIONS,
    settings: { ...SETTINGS, seed },
    streamOffset
  })
}

export interface NullPrResult {
  weighted: boolean
  /** The share of rows at weight 20. */
  heavy: number
  runs: number
  rows: number
  metrics: number
  /** Runs that listed any regression, and the most any run listed. */
  listing: number
  most: number
  /** Runs where a real precision drop (threshold 0.5 -> 0.35) was listed, and its mean size. */
  detected: number
  detectionRuns: number
  meanDrop: number
}

/** Baseline and run are independent samples of one population: nothing changed. */
export function nullPullRequests(runs: number, detectionRuns: number, weighted = false): NullPrResult {
  const rng = createRng(20261201, weighted ? 78 : 77)
  let listing = 0
  let most = 0
  let metrics = 0
  let heavy = 0
  for (let r = 0; r < runs; r++) {
    const before = population(rng, 5000, 0.5, weighted)
    heavy += before.filter(x => x.w === 20).length / before.length / runs
    const base = evaluatePopulation(before, r, 1000)
    const run = evaluatePopulation(population(rng, 5000, 0.5, weighted), r)
    const changes = run.changes(base, SETTINGS.confidence)
    metrics = changes.size
    const found = regressions(run.metrics, changes)
    if (found.length > 0) listing++
    most = Math.max(most, found.length)
  }
  let detected = 0
  let drop = 0
  for (let r = 0; r < detectionRuns; r++) {
    const base = evaluatePopulation(population(rng, 5000, 0.5, weighted), r, 1000)
    const run = evaluatePopulation(population(rng, 5000, 0.35, weighted), r)
    const changes = run.changes(base, SETTINGS.confidence)
    const found = regressions(run.metrics, changes)
    if (found.some(x => x.metric === 'precision' && x.attribute === undefined)) detected++
    drop -= [...changes.entries()].find(([key]) => key === metricKey({ metric: 'precision' }))![1].change
  }
  return {
    weighted,
    heavy,
    runs,
    rows: 5000,
    metrics,
    listing,
    most,
    detected,
    detectionRuns,
    meanDrop: drop / detectionRuns
  }
}

function outcomes(rng: Rng, rates: number[], n: number): OutcomeData {
  const failed = rates.map(p => {
    let f = 0
    for (let i = 0; i < n; i++) f += bern(rng, p)
    return f
  })
  return {
    table: {
      cells: rates.map((_, i) => ({ suite: `s${i}`, category: null })),
      passed: failed.map(f => n - f),
      failed
    },
    rows: n * rates.length,
    sha256: ''
  }
}

function policy(mode: Mode, correction: 'none' | 'bonferroni', gates: Gate[]): Policy {
  return {
    name: 'sim',
    version: '1',
    tier: 'sim',
    task: 'binary-classification',
    defaults: { ...DEFAULTS, mode, multipleComparisons: correction },
    requires: {},
    gates,
    waivers: [],
    files: [],
    source: 'simulation'
  }
}

/**
 * The share of simulated runs whose decision is fail, for suites of n cases at the given rates. A
 * failure rate's interval is Clopper–Pearson, computed from the counts: the bootstrap's resamples do
 * not enter these decisions, so few are drawn.
 */
function failShare(runs: number, seed: number, rates: number[], n: number, p: Policy): number {
  const rng = createRng(seed, 5)
  let fails = 0
  for (let r = 0; r < runs; r++) {
    const evaluation = evaluate({
      outcomes: outcomes(rng, rates, n),
      intersections: [],
      settings: { ...SETTINGS, resamples: 20, seed: r }
    })
    const result = evaluateGates({
      policy: p,
      evaluation,
      model: 'm',
      now: new Date(0),
      requirements: [],
      noBaseline: 'none'
    })
    if (result.decision === 'fail') fails++
  }
  return fails / runs
}

const suiteGate = (max: number): Gate => ({ id: 'safety', metric: 'failure_rate', suites: ['*'], max })

export interface FamilyResult {
  checks: number
  correction: 'none' | 'bonferroni'
  /** Runs with any false alarm, every suite's true rate exactly at the threshold. */
  familyError: number
}

/** Lenient checks of k suites whose true failure rate is exactly the maximum: any fail is false. */
export function familyWiseError(runs: number, k: number, correction: 'none' | 'bonferroni'): FamilyResult {
  const p = policy('lenient', correction, [suiteGate(0.05)])
  return { checks: k, correction, familyError: failShare(runs, 31 + k, new Array(k).fill(0.05), 400, p) }
}

export interface OperatingPoint {
  mode: Mode
  /** True failure rate's distance from the threshold, in standard errors (negative: within it). */
  se: number
  /** Share of runs that fail the check. */
  fail: number
}

/** One check of one suite of n = 1000 cases at max 0.05, the truth at ±1 and ±2 SE from it. */
export function operatingCharacteristics(runs: number): OperatingPoint[] {
  const n = 1000
  const max = 0.05
  const se = Math.sqrt((max * (1 - max)) / n)
  const out: OperatingPoint[] = []
  for (const mode of ['point', 'lenient', 'strict'] as const)
    for (const k of [-2, -1, 1, 2])
      out.push({
        mode,
        se: k,
        fail: failShare(runs, 11 + k, [max + k * se], n, policy(mode, 'none', [suiteGate(max)]))
      })
  return out
}

/**
 * Strict checks of k truly safe suites (4 SE inside the threshold): the share of releases passed, with
 * each check's interval at the policy's 95%, or Bonferroni-corrected over the k checks (what rai-gate
 * no longer does for strict checks; judged here by hand to show why).
 */
export function strictPassRate(runs: number, k: number, correction: 'none' | 'bonferroni'): number {
  const n = 1000
  const max = 0.05
  const truth = max - 4 * Math.sqrt((max * (1 - max)) / n)
  const rng = createRng(91 + k, 5)
  const confidence = correction === 'none' ? 0.95 : 1 - 0.05 / k
  let passed = 0
  for (let r = 0; r < runs; r++) {
    const evaluation = evaluate({
      outcomes: outcomes(rng, new Array(k).fill(truth), n),
      intersections: [],
      settings: { ...SETTINGS, resamples: 20, seed: r }
    })
    const rates = evaluation.at(confidence).filter(m => m.metric === 'failure_rate')
    if (rates.every(m => judge(m.value!, m.ci, { max }, 'strict').breach === false)) passed++
  }
  return passed / runs
}

export interface DecidingResult {
  check: string
  /** Runs whose check the data could not decide, of all runs. */
  undecided: number
  runs: number
  /** Of those, the share decided by a new sample of the rows suggested, the truth at the first estimate. */
  atEstimate: number
  /** The same with the truth the first sample was drawn from. */
  atTruth: number
  /** Mean rows suggested over the rows of the first sample. */
  growth: number
  /** Undecided runs left out because the suggestion was above MOST_GROWTH times the rows (estimate near the threshold). */
  beyond: number
}

/** Suggestions above this many times the first sample's rows are counted, not drawn. */
export const MOST_GROWTH = 50

const gateResult = (p: Policy, evaluation: Evaluation) =>
  evaluateGates({ policy: p, evaluation, model: 'm', now: new Date(0), requirements: [], noBaseline: 'none' })

/**
 * A first sample's check: decided, suggesting more than MOST_GROWTH times its rows, or undecided with
 * the growth it suggests and a rerun at the suggested rows, the truth at the first sample's estimate
 * (true) or at the truth the first was drawn from (false), that says whether the check is decided.
 */
type Trial = 'decided' | 'beyond' | { growth: number; decides: (atEstimate: boolean) => boolean }

function decidingShare(check: string, runs: number, trial: (r: number) => Trial): DecidingResult {
  let undecided = 0
  let beyond = 0
  let atEstimate = 0
  let atTruth = 0
  let growth = 0
  for (let r = 0; r < runs; r++) {
    const t = trial(r)
    if (t === 'decided') continue
    if (t === 'beyond') {
      beyond++
      continue
    }
    undecided++
    growth += t.growth
    if (t.decides(true)) atEstimate++
    if (t.decides(false)) atTruth++
  }
  return {
    check,
    undecided,
    runs,
    atEstimate: atEstimate / undecided,
    atTruth: atTruth / undecided,
    growth: growth / undecided,
    beyond
  }
}

/**
 * "About N rows would decide it with 80% probability": a check the first sample cannot decide is run
 * again on a new sample of the suggested size, its truth the first sample's estimate (what the
 * suggestion assumes) or the truth the first was drawn from; the share decided. A strict failure-rate
 * check of 200 cases (truth 0.035, maximum 0.05).
 */
export function decidingFailureRate(runs: number): DecidingResult {
  const rng = createRng(20261207, 1)
  const p = policy('strict', 'none', [suiteGate(0.05)])
  const truth = 0.035
  const n = 200
  const checkOf = (rate: number, cases: number, seed: number) => {
    const evaluation = evaluate({
      outcomes: outcomes(rng, [rate], cases),
      intersections: [],
      settings: { ...SETTINGS, resamples: 20, seed }
    })
    return gateResult(p, evaluation).checks.find(c => c.gate === 'safety')!
  }
  return decidingShare('strict failure_rate ≤ 0.05, 200 cases at 0.035', runs, r => {
    const first = checkOf(truth, n, r)
    if (first.inconclusive === undefined) return 'decided'
    const rows = first.inconclusive.rowsNeeded
    if (!rows || rows > MOST_GROWTH * n) return 'beyond'
    return {
      growth: rows / n,
      decides: atEstimate => !checkOf(atEstimate ? first.value! : truth, rows, r).inconclusive
    }
  })
}

/**
 * The same for a disparity: a lenient demographic_parity_difference ≤ 0.1 over two groups of 150 and
 * 450 rows with selection rates 0.30 and 0.42; the second sample grows each group the message names
 * to its suggested rows, at the first sample's group rates (or the true ones).
 */
export function decidingDisparity(runs: number): DecidingResult {
  const rng = createRng(20261207, 2)
  const gate: Gate = { id: 'dp', metric: 'demographic_parity_difference', attributes: ['g'], max: 0.1 }
  const p = policy('lenient', 'none', [gate])
  const truth: Record<string, number> = { a: 0.3, b: 0.42 }
  const sizes: Record<string, number> = { a: 150, b: 450 }
  const checkOf = (rates: Record<string, number>, rows: Record<string, number>, seed: number) => {
    const data = Object.keys(rates).flatMap(g =>
      Array.from({ length: rows[g] }, () => ({ y: bern(rng, 0.5), p: bern(rng, rates[g]), groups: [g] }))
    )
    const evaluation = evaluate({
      predictions: predictionData(['g'], data),
      intersections: [],
      settings: { ...SETTINGS, minGroupSize: 10, resamples: 200, seed }
    })
    const result = gateResult(p, evaluation)
    return { check: result.checks.find(c => c.gate === 'dp')!, metrics: evaluation.metrics }
  }
  const check = 'lenient demographic_parity_difference ≤ 0.1, groups of 150 and 450 at 0.30 and 0.42'
  return decidingShare(check, runs, r => {
    const first = checkOf(truth, sizes, r)
    const groups = first.check.inconclusive?.groups
    if (groups === undefined) return 'decided'
    if (groups.some(g => g.rows === null || g.rows > MOST_GROWTH * sizes[g.group])) return 'beyond'
    const rows = { ...sizes, ...Object.fromEntries(groups.map(g => [g.group, g.rows!])) }
    const estimate = Object.fromEntries(
      Object.keys(truth).map(g => [
        g,
        first.metrics.find(m => m.metric === 'selection_rate' && m.group === g)!.value!
      ])
    )
    return {
      growth: (rows.a + rows.b) / (sizes.a + sizes.b),
      decides: atEstimate => !checkOf(atEstimate ? estimate : truth, rows, r).check.inconclusive
    }
  })
}

export interface EceGateResult {
  model: string
  rows: number
  /** Share of runs each gate passes. */
  pointPlugIn: number
  medium: number
  high: number
  meanPlugIn: number
}

/** The rows for the ECE gates' table. */
export const ECE_ROWS = [300, 1000, 3000, 10000]

/**
 * The shipped ECE gates on calibrated and miscalibrated models (10 uniform bins, scores uniform): the
 * medium tier's point `ece ≤ 0.05` (judged on the bias-corrected estimate), the high tier's strict
 * `ece ≤ 0.03`, and, for comparison, `ece ≤ 0.05` judged on the plug-in estimate (as before).
 */
export function eceGates(runs: number): EceGateResult[] {
  const models: [string, (s: number) => number][] = [
    ['calibrated', s => s],
    ['off by 0.08 (P(y=1) = s + 0.08)', s => Math.min(1, s + 0.08)]
  ]
  const out: EceGateResult[] = []
  for (const [model, f] of models)
    for (const rows of ECE_ROWS) {
      const rng = createRng(20261207, rows + model.length)
      let point = 0
      let medium = 0
      let high = 0
      let plugIn = 0
      for (let r = 0; r < runs; r++) {
        const data = Array.from({ length: rows }, () => {
          const s = rng.next()
          return { y: bern(rng, f(s)), p: s >= 0.5 ? 1 : 0, s, groups: ['a'] }
        })
        const ece = evaluate({
          predictions: predictionData(['g'], data),
          intersections: [],
          settings: { ...SETTINGS, resamples: 20, seed: r }
        }).metrics.find(m => m.metric === 'ece' && m.attribute === undefined)!
        plugIn += ece.value!
        if (!judge(ece.value!, ece.ci, { max: 0.05 }, 'point').breach) point++
        if (!judge(ece.corrected!, ece.ci, { max: 0.05 }, 'point').breach) medium++
        if (!judge(ece.value!, ece.ci, { max: 0.03 }, 'strict').breach) high++
      }
      out.push({
        model,
        rows,
        pointPlugIn: point / runs,
        medium: medium / runs,
        high: high / runs,
        meanPlugIn: plugIn / runs
      })
    }
  return out
}
