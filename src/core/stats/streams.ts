/**
 * Every random stream of the bootstrap, in one table. A stream is createRng(seed, id): changing any
 * id here changes every report's intervals, so they are fixed, and each artifact has its own so that
 * adding an artifact never changes another one's intervals.
 */
export const STREAMS = {
  /** The predictions cell table's resample (Poisson counts and the normal draws of its sums). */
  predictions: 1,
  /** The AUC blocks' Poisson weights. */
  auc: 101,
  /** The robustness (label, clean, perturbed) cells. */
  robustness: 2,
  /** The outcomes' pass and fail counts. */
  outcomes: 3,
  /** The rows shared with the baseline, resampled for both models at once (paired-predictions.ts). */
  pairedPredictions: 4
} as const

/**
 * The second half of the resamples is drawn from streams this much higher, so that it can be drawn
 * on another thread and the numbers never depend on where each half ran.
 */
export const HALF_STREAMS = 500

/** A baseline report's tables are resampled on streams this much higher than the run's. */
export const BASELINE_STREAMS = 1000
