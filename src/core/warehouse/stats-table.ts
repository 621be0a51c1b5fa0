/**
 * The stats table (SPEC §6, docs/warehouse.md): the cell table as a warehouse writes it. One row per
 * non-empty (attribute values, label, prediction, calibration bin, score bin), with the row count and
 * the sums that every metric and interval is computed from. `rai-gate sql` prints the query that
 * produces it; artifacts/kinds/stats.ts reads it back. These names are the one statement of its
 * columns.
 */

/** The columns after the attributes, in order. */
export const STATS_KEYS = [
  'label',
  'prediction',
  'calibration_bin',
  'score_bin',
  'score_bins',
  'calibration_bins'
] as const

/**
 * The sums, in the cell table's stored order (tables/cells.ts: rows, Σx per quantity, Σx² per
 * quantity, Σw·x per quantity, for the quantities w, w·s, w·(s−y)², w·logloss), without Σw·w, which
 * is Σw².
 */
export const STATS_SUMS = [
  'row_count',
  'sum_w',
  'sum_ws',
  'sum_wsq',
  'sum_wll',
  'sum_w_2',
  'sum_ws_2',
  'sum_wsq_2',
  'sum_wll_2',
  'sum_w_ws',
  'sum_w_wsq',
  'sum_w_wll'
] as const

/** The number of score bins of a resolution (validated by the manifest: 1/resolution divides 10⁶). */
export const scoreBinsOf = (resolution: number): number => Math.round(1 / resolution)
