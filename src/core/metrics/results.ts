/**
 * What an evaluation gives for each metric: its result with an interval, its resamples (Computed),
 * and its change against a baseline. The types every consumer of metrics shares (evaluate.ts makes
 * them; provided.ts, the gate and the report read them).
 */
import type { DataKind } from '../kinds.js'
import type { IntervalMethod } from './registry.js'
import type { PointValue, ScopeRef } from './sink.js'

export interface BootstrapSettings {
  confidence: number
  resamples: number
  seed: number
  minGroupSize: number
}

export interface MetricResult extends ScopeRef {
  metric: string
  value: number | null
  ci: [number, number] | null
  n: number
  /** Why value (or ci) is null. */
  reason?: string
  /** A caution about the interval, when the bootstrap cannot be read at face value. */
  ciNote?: string
  /**
   * The estimate with the plug-in formula's bias removed, where the interval method says the formula
   * is biased (ECE: Σ_b w_b·√max(0, ĝ_b² − v̂_b), support.ts correctedEstimate). Checks judge it; the
   * report's `value` stays what the SPEC's formula gives (equal to scikit-learn's).
   */
  corrected?: number
  /**
   * Set on a group smaller than minGroupSize (reported, but left out of disparities), and on a
   * disparity without two groups of minGroupSize rows (undefined for want of data).
   */
  status?: 'insufficient'
  /** The interval method (registry.ts INTERVAL_METHODS). */
  method?: IntervalMethod
  /** A weighted group's Kish effective sample size (on its count). */
  nEffective?: number
  /** The direction of a metric rai-gate does not compute, as its metrics artifact declares it. */
  higherIsBetter?: boolean
  /**
   * From a stats table: the value is within this of the value at full score precision (the AUC, and
   * the ECE on quantile bins; docs/warehouse.md).
   */
  bound?: number
}

export interface Computed {
  /** The artifact the metric is computed from. */
  artifact: DataKind
  point: PointValue
  extra: Partial<MetricResult>
  /**
   * The value in each resample, in resample order (NaN where undefined); empty for a metric whose
   * resamples are not used (see resampled()). Gathered from the resamples' rows when asked: a copy
   * per metric, kept, would double the bootstrap's memory (320 MB more for 20,000 groups).
   */
  replicates: () => Float64Array
  /** Whether replicates() has the values (resampled()). */
  kept: boolean
  /** Why a metric whose interval needs resamples has none (a group below minGroupSize). */
  unsampled?: string
  resamples: number
  /** A metric from a metrics artifact: its given interval, at the policy's confidence (provided.ts). */
  provided?: { ci: [number, number] | null; confidence: number }
}

/** A metric's identity across runs: id and scope. */
export const metricKey = (m: { metric: string } & ScopeRef): string =>
  JSON.stringify([m.metric, m.attribute, m.group, m.perturbation, m.suite, m.category, m.class])

export type Comparison = 'identical' | 'paired' | 'independent'

/** The change of a metric against a baseline run, with its interval. */
export interface Change {
  baseline: number
  change: number
  /**
   * The change of the corrected estimates, where the metric's formula is biased (boundedChange):
   * what a check judges.
   */
  corrected?: number
  changeCi: [number, number] | null
  /** One-sided p-value of a worsening (the change in the metric's bad direction; 1 without one). */
  pWorse: number
  /**
   * identical: the baseline evaluated the very same input file and gave the same numbers, so the
   * change is exactly 0; paired: measured on the cases both runs evaluated (paired.ts);
   * independent: the two runs are compared as independent samples.
   */
  comparison: Comparison
}
