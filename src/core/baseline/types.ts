/** The baseline as a run sees it: what was read (load.ts), and how each artifact was compared (compare.ts). */
import type { MetricsData } from '../artifacts/kinds/metrics.js'
import type { OutcomeData } from '../artifacts/kinds/outcomes.js'
import type { PredictionData } from '../artifacts/kinds/predictions.js'
import type { RegressionData } from '../artifacts/kinds/regression.js'
import type { MulticlassData } from '../artifacts/kinds/multiclass.js'
import type { RobustnessData } from '../artifacts/kinds/robustness.js'
import type { PairSource } from '../metrics/paired-predictions.js'
import type { DataKind } from '../kinds.js'
import type { Comparison } from '../metrics/results.js'
import type { Check } from '../gate/types.js'
import type { ScopeRef } from '../metrics/sink.js'

export interface BaselineComparison {
  kind: DataKind
  comparison: Comparison
  shared?: number
  onlyBaseline?: number
  onlyRun?: number
  labelsDiffer?: number
  /** Paired predictions: the baseline report's row record, or the champion's columns in this file. */
  source?: PairSource
  /** Why the artifact is not paired or identical, when it could have been. */
  reason?: string
}

export interface BaselineInfo {
  path: string
  model: { name: string; version: string } | null
  toolVersion: string | null
  decision: string | null
  /** False when the report cannot be compared with this run; `warning` then says why. */
  usable: boolean
  warning?: string
  /** How each artifact was compared (baseline/compare.ts). */
  comparisons?: BaselineComparison[]
}

export interface Baseline {
  info: BaselineInfo
  /** The baseline report's checks: each gate and scope with its status there. */
  checks?: readonly (Pick<Check, 'gate' | 'status'> & ScopeRef)[]
  predictions?: PredictionData
  regression?: RegressionData
  multiclass?: MulticlassData
  robustness?: RobustnessData
  outcomes?: OutcomeData
  metrics?: MetricsData
}
