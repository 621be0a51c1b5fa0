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
function population(rng: Rng, rows: number, threshold = 0.5): Row[] {
  return Array.from({ length: rows }, () => {
    const a = pick(rng, ['a1', 'a2', 'a3'], [0.5, 0.3, 0.2])
    const b = pick(rng, ['b1', 'b2'], [0.6, 0.4])
    const c = pick(rng, ['c1', 'c2', 'c3', 'c4'], [0.25, 0.25, 0.25, 0.25])
    const shift = (a === 'a2' ? 0.4 : a === 'a3' ? -0.3 : 0) + (b === 'b2' ? -0.2 : 0)
    const s = 1 / (1 + Math.exp(-(-1 + shift + 1.3 * rng.normal())))
    return { y: bern(rng, s), p: s >= threshold ? 1 : 0, s, groups: [a, b, c] }
  })
}

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
export function nullPullRequests(runs: number, detectionRuns: number): NullPrResult {
  const rng = createRng(20261201, 77)
  let listing = 0
  let most = 0
  let metrics = 0
  for (let r = 0; r < runs; r++) {
    const base = evaluatePopulation(population(rng, 5000), r, 1000)
    const run = evaluatePopulation(population(rng, 5000), r)
    const changes = run.changes(base, SETTINGS.confidence)
    metrics = changes.size
    const found = regressions(run.metrics, changes)
    if (found.length > 0) listing++
    most = Math.max(most, found.length)
  }
  let detected = 0
  let drop = 0
  for (let r = 0; r < detectionRuns; r++) {
    const base = evaluatePopulation(population(rng, 5000), r, 1000)
    const run = evaluatePopulation(population(rng, 5000, 0.35), r)
    const changes = run.changes(base, SETTINGS.confidence)
    const found = regressions(run.metrics, changes)
    if (found.some(x => x.metric === 'precision' && x.attribute === undefined)) detected++
    drop -= [...changes.entries()].find(([key]) => key === metricKey({ metric: 'precision' }))![1].change
  }
  return { runs, rows: 5000, metrics, listing, most, detected, detectionRuns, meanDrop: drop / detectionRuns }
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
