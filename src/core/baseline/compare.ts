/**
 * How each artifact is compared with the baseline, and the changes that follow:
 * - identical: the same input file (sha256) gave the same numbers, so every change is exactly 0;
 * - paired: the rows or cases both runs evaluated, matched by id (metrics/paired.ts and
 *   paired-predictions.ts), or the champion's columns beside this run's predictions;
 * - independent: the two runs as independent samples (metrics/evaluate.ts).
 * Each decision is recorded for the report, and a changed evaluation set is a note for reviewers.
 */
import type { Inputs } from '../inputs.js'
import { DATA_KINDS, type DataKind } from '../kinds.js'
import { agrees, type BootstrapSettings, type Change, type Evaluation } from '../metrics/evaluate.js'
import {
  pairMulticlass,
  pairOutcomes,
  pairRegression,
  pairRobustness,
  type Pairing
} from '../metrics/paired.js'
import {
  pairPredictions,
  pairPredictionsOffloaded,
  type PairedJob,
  type PairSource
} from '../metrics/paired-predictions.js'
import type { Baseline, BaselineComparison } from './types.js'

export interface Comparing {
  changes: (confidence: number) => Map<string, Change>
  comparisons: BaselineComparison[]
  notes: string[]
}

/**
 * The baseline (base: its evaluation, null without a usable baseline report, when only the champion's
 * columns in the predictions file give the baseline model).
 */
export async function compareWithBaseline(
  run: Evaluation,
  base: { evaluation: Evaluation; baseline: Baseline } | null,
  inputs: Pick<Inputs, DataKind>,
  intersections: string[][],
  settings: BootstrapSettings,
  /** Draws the second half of a paired predictions bootstrap on another thread, when given. */
  offload?: (job: PairedJob) => Promise<Float64Array[]>
): Promise<Comparing> {
  const comparisons: BaselineComparison[] = []
  const notes: string[] = []
  const identical = new Set<DataKind>()
  const baseline = base?.baseline
  // A baseline report decides: a file's own baseline columns (the run's pipeline writes them) never
  // judge against it, and the file's rows are compared with the report's as any other run's are.
  const record = inputs.predictions?.record
  if (baseline && record?.champion) {
    inputs = { ...inputs, predictions: { ...inputs.predictions!, record: { ...record, champion: null } } }
    notes.push(
      `The predictions file's baseline model columns (baselinePrediction, baselineScore) are not used: the baseline report ${baseline.info.path} decides the changes.`
    )
  }
  for (const kind of DATA_KINDS) {
    if (!baseline || inputs[kind] === undefined || baseline[kind] === undefined) continue
    const sha = baseline[kind]?.sha256
    if (sha && sha === inputs[kind]!.sha256) {
      if (agrees(run, base.evaluation, kind)) {
        identical.add(kind)
        comparisons.push({ kind, comparison: 'identical' })
        continue
      }
      comparisons.push({
        kind,
        comparison: 'independent',
        reason: 'the same input file gave other numbers: the manifest or policy settings changed'
      })
    }
  }
  const paired: ((confidence: number) => Map<string, Change>)[] = []
  for (const kind of DATA_KINDS) {
    if (comparisons.some(c => c.kind === kind)) continue
    const p = await pairingOf(kind, inputs, baseline, intersections, settings, offload)
    if (p === null) continue
    const what = {
      predictions: 'rows',
      regression: 'rows',
      multiclass: 'rows',
      robustness: 'robustness rows',
      outcomes: 'test cases',
      metrics: 'metrics'
    }[kind]
    if (p.paired) {
      paired.push(p.changes)
      const source = 'source' in p && p.source ? { source: p.source } : {}
      comparisons.push({ kind, comparison: 'paired', ...p.overlap, ...source })
      const { shared, onlyBaseline, onlyRun, labelsDiffer } = p.overlap
      if (onlyBaseline > 0 || onlyRun > 0)
        notes.push(
          `The ${what} changed since the baseline: ${kind} is compared row by row on the ${shared} ${what} both runs evaluated (${onlyBaseline} only in the baseline, ${onlyRun} only in this run).`
        )
      if (labelsDiffer)
        notes.push(`${labelsDiffer} of the ${what} shared with the baseline have another label now.`)
    } else {
      comparisons.push({ kind, comparison: 'independent', ...p.overlap, reason: p.reason })
      if (p.note) notes.push(`${kind} is compared with the baseline as independent samples: ${p.reason}.`)
    }
  }
  return {
    changes: confidence => {
      const out = base ? run.changes(base.evaluation, confidence, identical) : new Map<string, Change>()
      for (const changes of paired)
        for (const [key, change] of changes(confidence)) if (out.has(key) || !base) out.set(key, change)
      return out
    },
    comparisons,
    notes
  }
}

async function pairingOf(
  kind: DataKind,
  inputs: Pick<Inputs, DataKind>,
  baseline: Baseline | undefined,
  intersections: string[][],
  settings: BootstrapSettings,
  offload?: (job: PairedJob) => Promise<Float64Array[]>
): Promise<(Pairing & { source?: PairSource }) | null> {
  // Metrics from other tools have no rows to pair: changes are between the two runs' values.
  if (kind === 'metrics') return null
  if (kind === 'predictions') {
    const run = inputs.predictions
    if (!run || (!run.record?.champion && !baseline?.predictions)) return null
    return offload
      ? pairPredictionsOffloaded(run, baseline?.predictions, intersections, settings, offload)
      : pairPredictions(run, baseline?.predictions, intersections, settings)
  }
  if (!baseline) return null
  if (kind === 'multiclass')
    return inputs.multiclass && baseline.multiclass
      ? pairMulticlass(inputs.multiclass, baseline.multiclass, intersections)
      : null
  if (kind === 'regression')
    return inputs.regression && baseline.regression
      ? pairRegression(inputs.regression, baseline.regression, intersections)
      : null
  if (kind === 'outcomes') {
    const run = inputs.outcomes
    const base = baseline.outcomes
    return run && base ? pairOutcomes(run, base) : null
  }
  const run = inputs.robustness
  const base = baseline.robustness
  return run && base ? pairRobustness(run, base) : null
}
