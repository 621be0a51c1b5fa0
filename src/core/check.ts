/**
 * `rai-gate check`: manifest -> policy for its tier -> artifacts streamed into tables -> metrics with
 * intervals -> gate checks and the decision -> the evidence report.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { readOutcomes, type OutcomeData } from './artifacts/kinds/outcomes.js'
import { readPredictions, type PredictionData } from './artifacts/kinds/predictions.js'
import { readRegression, type RegressionData } from './artifacts/kinds/regression.js'
import { readMulticlass, type MulticlassData } from './artifacts/kinds/multiclass.js'
import { readRobustness, type RobustnessData } from './artifacts/kinds/robustness.js'
import { dataOf, type ArtifactKind, type Task } from './kinds.js'
import { readStats } from './artifacts/kinds/stats.js'
import { readRegressionStats } from './artifacts/kinds/stats-regression.js'
import { readMulticlassStats } from './artifacts/kinds/stats-multiclass.js'
import { manifestMetrics, providedDefs, requireIntervals, trustDirections } from './metrics/provided.js'
import { PARALLEL_MIN_BYTES, readPredictionsParallel } from './artifacts/fast/parallel.js'
import { quantileEdges } from './tables/scores.js'
import type { ReadProgress } from './artifacts/formats/bytes.js'
import { loadManifest } from './manifest/load.js'
import { trustManifest } from './manifest/trust.js'
import type { ArtifactSpec, Manifest } from './manifest/types.js'
import {
  evaluate,
  evaluateOffloaded,
  type BootstrapSettings,
  type Change,
  type Evaluation,
  type EvaluationInput,
  type MetricResult
} from './metrics/evaluate.js'
import { OFFLOAD_MIN_WORK, worthOffloading } from './metrics/offload.js'
import { BASELINE_STREAMS } from './stats/streams.js'
import { startHelpers } from './tasks.js'
import { closeHelpers, type Helpers } from './threads.js'
import { compareWithBaseline } from './baseline/compare.js'
import { readBaseline } from './baseline/load.js'
import type { Baseline, BaselineInfo } from './baseline/types.js'
import type { Inputs } from './inputs.js'
import { evaluateGates } from './gate/evaluate.js'
import { checkRequirements } from './gate/requirements.js'
import { isInside, readText } from './files.js'
import { proposedChanges } from './policy/diff.js'
import { loadPolicy } from './policy/load.js'
import type { Policy } from './policy/types.js'
import { buildReport, type Report } from './report/report.js'

export interface CheckOptions {
  manifest: string
  policy: string
  cwd: string
  /** Artifacts may not resolve outside this folder. */
  workspace: string
  /**
   * The manifest at the pull request's base commit (the Action's trusted ref): its tier, model name and
   * fairness scope bind the PR's manifest (manifest/trust.ts), and what the PR changes becomes notes.
   */
  baseManifest?: Manifest
  /** Every policy file read must lie inside this folder, links resolved (the Action: the checkout's own policy). */
  policyWithin?: string
  /**
   * The checkout's own policy when `policy` is a trusted copy (the Action on a pull request): read
   * only inside `within`, and what it would change is a note for the reviewer (policy/diff.ts).
   */
  proposedPolicy?: { path: string; within: string }
  /** Where the policy really came from (a repository and commit), when `policy` is a downloaded copy. */
  policySource?: string
  /** Notes for reviewers, shown in the report and the renderings (for example policy changes in the PR). */
  notes?: string[]
  /** Where the run happened (GitHub Actions), recorded in the report. */
  context?: Record<string, unknown>
  /** An earlier report to compare with (SPEC §4 baseline). */
  baseline?: string
  /** How the report and its warnings name the baseline (default: its path; the Action's: the artifact). */
  baselineName?: string
  /** The clock for waiver expiry (tests pass a fixed one). */
  now?: Date
  /**
   * A helper thread (core/threads.ts) for reading predictions files of minBytes (default
   * PARALLEL_MIN_BYTES) or more in two parts and drawing half of a large bootstrap; entry points that
   * can start dist/worker.js set this. A null workerUrl runs the same tasks in process (tests).
   */
  parallel?: { workerUrl: URL | null; minBytes?: number }
  /** Follows the reading of the predictions file, for a terminal's progress line (the CLI's). */
  progress?: ReadProgress
}

export async function readInputs(options: CheckOptions, helpers: Helpers | null = null): Promise<Inputs> {
  const own = loadManifest(options.manifest, { cwd: options.cwd, workspace: options.workspace })
  const trusted = options.baseManifest
    ? trustManifest(options.baseManifest, own)
    : { manifest: own, identity: own.model.name, notes: [] }
  const { manifest } = trusted
  const tier = manifest.riskTier
  const baseline =
    options.baseline === undefined
      ? null
      : readBaseline(options.baseline, options.cwd, trusted.identity, options.baselineName)
  // Read first: the metrics a metrics artifact declares are ones the policy's gates may name; their
  // directions are the baseline's where it declares them.
  const trustedMetrics = trustDirections(manifestMetrics(manifest), baseline?.metrics)
  const metrics = trustedMetrics.metrics
  const known = providedDefs(metrics)
  const loaded = loadPolicy(options.policy, tier, options.cwd, known, options.policyWithin, manifest.task)
  const proposed = options.proposedPolicy
  const policyNotes = proposed
    ? proposedChanges(loaded, () =>
        loadPolicy(proposed.path, tier, options.cwd, known, proposed.within, manifest.task)
      )
    : []
  const policy = options.policySource ? { ...loaded, source: options.policySource } : loaded
  requireIntervals(metrics, policy)
  const inputs: Inputs = {
    manifest,
    identity: trusted.identity,
    notes: [...policyNotes, ...trusted.notes, ...trustedMetrics.notes],
    policy,
    baseline,
    ...(metrics && { metrics })
  }
  const context = { manifest, policy, helpers, progress: options.progress }
  for (const spec of manifest.artifacts)
    if (spec.kind !== 'metrics')
      Object.assign(inputs, { [dataOf(spec.kind, manifest.task)]: await READERS[spec.kind](spec, context) })
  return inputs
}

interface ReadContext {
  manifest: Manifest
  policy: Policy
  helpers: Helpers | null
  progress?: ReadProgress
}

/** A reader of an artifact into the data it yields (kinds.ts). */
type Reader = (
  spec: ArtifactSpec,
  c: ReadContext
) => Promise<PredictionData | RegressionData | MulticlassData | RobustnessData | OutcomeData>

/**
 * How each task's predictions are read: from a predictions file, or from a stats table (a warehouse's
 * table of the same sums, kinds/stats*.ts).
 */
const TASK_READERS: Record<Task, Record<'predictions' | 'stats', Reader>> = {
  'binary-classification': {
    predictions: (spec, c) => predictions(spec, c.manifest, c.policy, c.helpers, c.progress),
    stats: (spec, c) => predictions(spec, c.manifest, c.policy, c.helpers, c.progress)
  },
  regression: {
    predictions: (spec, c) => readRegression(spec, c.manifest.sensitiveAttributes, c.progress),
    stats: (spec, c) => readRegressionStats(spec, c.manifest.sensitiveAttributes)
  },
  'multiclass-classification': {
    predictions: (spec, c) =>
      readMulticlass(spec, c.manifest.sensitiveAttributes, c.policy.defaults.calibration.bins, c.progress),
    stats: (spec, c) =>
      readMulticlassStats(spec, c.manifest.sensitiveAttributes, c.policy.defaults.calibration.bins)
  }
}

/**
 * How an artifact of each kind is read into the data it yields (kinds.ts). Metrics are read before the
 * policy, whose gates may name them.
 */
const READERS: Record<Exclude<ArtifactKind, 'metrics'>, Reader> = {
  predictions: (spec, c) => TASK_READERS[c.manifest.task].predictions(spec, c),
  stats: (spec, c) => TASK_READERS[c.manifest.task].stats(spec, c),
  robustness: spec => readRobustness(spec),
  outcomes: spec => readOutcomes(spec)
}

/**
 * The model's predictions, from a predictions file or from a stats table (a warehouse's cell table,
 * which stands in for the file it was reduced from). Quantile calibration bins need the overall score
 * quantiles before rows can be binned, so that strategy reads twice (the first pass fixes the edges);
 * uniform bins need one pass.
 */
async function predictions(
  spec: ArtifactSpec,
  manifest: Manifest,
  policy: Policy,
  helpers: Helpers | null,
  progress?: ReadProgress
): Promise<PredictionData> {
  const { bins, strategy } = policy.defaults.calibration
  const quantile = strategy === 'quantile'
  const read = async (edges: number[] | null) => {
    const options = { attributes: manifest.sensitiveAttributes, bins, edges }
    if (spec.kind === 'stats') return readStats(spec, { ...options, quantile })
    return (
      (helpers && (await readPredictionsParallel(spec, options, helpers, progress))) ||
      readPredictions(spec, options, progress)
    )
  }
  const first = await read(null)
  return quantile && first.scores !== null ? read(quantileEdges(first.scores, bins)) : first
}

export async function check(options: CheckOptions): Promise<Report> {
  const p = options.parallel
  const helpers = p ? startHelpers(p.workerUrl, p.minBytes ?? PARALLEL_MIN_BYTES) : null
  try {
    return await checkWith(options, helpers)
  } finally {
    closeHelpers(helpers)
  }
}

/** With a helper thread, a large predictions bootstrap draws its second half there. */
function evaluateWith(input: EvaluationInput, helpers: Helpers | null): Promise<Evaluation> {
  const p = input.predictions
  return helpers && p && worthOffloading(p.table, input.settings.resamples)
    ? evaluateOffloaded(input, job => helpers.thread.run<Float64Array>({ kind: 'bootstrap', job }))
    : Promise.resolve(evaluate(input))
}

async function checkWith(options: CheckOptions, helpers: Helpers | null): Promise<Report> {
  const inputs = await readInputs(options, helpers)
  const { manifest, policy } = inputs
  const d = policy.defaults
  const settings = {
    confidence: d.confidence,
    resamples: d.bootstrap.resamples,
    seed: d.bootstrap.seed,
    minGroupSize: d.minGroupSize
  }
  const evaluation = await evaluateWith(
    { ...inputs, intersections: manifest.intersections, settings },
    helpers
  )
  const { baseline } = inputs
  let changes: ((confidence: number) => Map<string, Change>) | undefined
  let baselineInfo = baseline?.info ?? null
  const notes = [
    ...(options.notes ?? []),
    ...inputs.notes,
    ...invertedScore(evaluation.metrics),
    ...repeatedExamples(inputs)
  ]
  let trustedBase: { evaluation: Evaluation; baseline: Baseline } | null = null
  if (baseline?.info.usable) {
    const evaluated = await evaluateBaseline(baseline, inputs, settings, helpers)
    if ('warning' in evaluated) baselineInfo = { ...baseline.info, usable: false, warning: evaluated.warning }
    else trustedBase = { evaluation: evaluated, baseline }
  }
  const champion = inputs.predictions?.record?.champion
  if (trustedBase || champion) {
    const comparing = await compareWithBaseline(
      evaluation,
      trustedBase,
      inputs,
      manifest.intersections,
      settings,
      helpers && (inputs.predictions?.record?.cases.count ?? 0) * settings.resamples >= OFFLOAD_MIN_WORK
        ? job => helpers.thread.run<Float64Array[]>({ kind: 'paired', job })
        : undefined
    )
    changes = comparing.changes
    const info: BaselineInfo = trustedBase
      ? trustedBase.baseline.info
      : {
          path: `${manifest.artifacts.find(a => a.kind === 'predictions')!.display} (baseline model columns)`,
          model: null,
          toolVersion: null,
          decision: null,
          usable: true
        }
    if (!trustedBase && baselineInfo?.warning) notes.push(baselineInfo.warning)
    baselineInfo = { ...info, comparisons: comparing.comparisons }
    notes.push(...comparing.notes)
  }
  // An artifact meets a requirement of its own kind and of the data it yields (kinds.ts).
  const present = new Set(manifest.artifacts.flatMap(a => [a.kind, dataOf(a.kind)]))
  const readDocument = (path: string) => {
    const abs = resolve(manifest.dir, path)
    return isInside(options.workspace, abs) && existsSync(abs) ? readText(abs, path, 'document') : null
  }
  const gates = evaluateGates({
    policy,
    evaluation,
    model: inputs.identity,
    now: options.now ?? new Date(),
    requirements: checkRequirements(policy.requires, manifest, present, readDocument),
    changes,
    noBaseline:
      baseline === null ? 'no baseline given' : (baselineInfo?.warning ?? 'the baseline cannot be compared'),
    baselineGiven: baseline !== null,
    known: providedDefs(inputs.metrics),
    baselineChecks: baseline !== null && baselineInfo?.usable ? baseline.checks : undefined
  })
  return buildReport(inputs, gates, baselineInfo, notes, options.context)
}

/**
 * The baseline's stored tables, resampled with this run's settings on streams of their own. A report
 * that passed the schema can still describe tables that cannot be built (sizes that do not fit
 * together): any failure here makes it no usable baseline, with a warning, never an error that would
 * block every pull request.
 */
async function evaluateBaseline(
  baseline: Baseline,
  inputs: Inputs,
  settings: BootstrapSettings,
  helpers: Helpers | null
): Promise<Evaluation | { warning: string }> {
  try {
    const attributes = new Set(
      (baseline.predictions ?? baseline.regression ?? baseline.multiclass)?.table.attributes ?? []
    )
    return await evaluateWith(
      {
        ...baseline,
        intersections: inputs.manifest.intersections.filter(parts => parts.every(a => attributes.has(a))),
        settings,
        streamOffset: BASELINE_STREAMS
      },
      helpers
    )
  } catch (err) {
    return {
      warning: `baseline ${baseline.info.path} cannot be evaluated (${(err as Error).message}): not compared`
    }
  }
}

/**
 * A score that ranks the negatives above the positives (its AUC's whole interval below 0.5) is most
 * likely the other class's probability, or the label's positive value is the other one: every
 * score-based metric is then about the wrong class. Said as a note, not decided for the user.
 */
function invertedScore(metrics: MetricResult[]): string[] {
  const auc = metrics.find(m => m.metric === 'auc' && m.attribute === undefined && m.suite === undefined)
  if (auc?.value == null || auc.ci === null || !(auc.ci[1] < 0.5)) return []
  const f = (v: number) => v.toFixed(3)
  return [
    `the score ranks negatives above positives (AUC ${f(auc.value)} [${f(auc.ci[0])}, ${f(auc.ci[1])}], below 0.5): is it the probability of the other class, or is positiveLabel the other value?`
  ]
}

/**
 * Robustness rows whose example ids repeat within a perturbation (several seeds per example): the
 * intervals take the example as the unit, and the reviewer is told so.
 */
function repeatedExamples(inputs: Inputs): string[] {
  const t = inputs.robustness?.table
  if (!t?.designEffects) return []
  const most = Math.max(...t.designEffects)
  return [
    `robustness: example ids repeat (${t.rowsPerExample!.toFixed(1)} rows per example and perturbation on average), so its intervals treat the example as the unit (design effects up to ${most.toFixed(2)})`
  ]
}
