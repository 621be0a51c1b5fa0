/** What a run reads before it computes anything: the manifest, the policy, the baseline and the artifacts. */
import type { MetricsData } from './artifacts/kinds/metrics.js'
import type { OutcomeData } from './artifacts/kinds/outcomes.js'
import type { PredictionData } from './artifacts/kinds/predictions.js'
import type { RegressionData } from './artifacts/kinds/regression.js'
import type { MulticlassData } from './artifacts/kinds/multiclass.js'
import type { RobustnessData } from './artifacts/kinds/robustness.js'
import type { Baseline } from './baseline/types.js'
import type { Manifest } from './manifest/types.js'
import type { Policy } from './policy/types.js'

export interface Inputs {
  manifest: Manifest
  /** The model's name that waivers and the baseline are matched against (the base commit's, when given). */
  identity: string
  /** What the reviewer is told about the PR's manifest and its metrics' directions. */
  notes: string[]
  policy: Policy
  /** The baseline report, read (null without one). */
  baseline: Baseline | null
  predictions?: PredictionData
  regression?: RegressionData
  multiclass?: MulticlassData
  robustness?: RobustnessData
  outcomes?: OutcomeData
  metrics?: MetricsData
}
