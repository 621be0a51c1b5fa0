/**
 * The stats tables (SPEC §6, docs/warehouse.md): each task's table of sums as a warehouse writes it.
 * A binary classifier's is the cell table: one row per non-empty (attribute values, label, prediction,
 * calibration bin, score bin), with the row count and the sums that every metric and interval is
 * computed from. A regression's is the moment table (one row per combination of groups); a multiclass
 * model's the confusion table with its top-label bins and a score histogram per class. `rai-gate sql`
 * prints the query that produces each; artifacts/kinds/stats*.ts read them back. These names are the
 * one statement of their columns.
 */
import type { Moment } from '../tables/moments.js'

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

/** A regression's stats table: after the attributes, the label shift, then a column per moment. */
export const REGRESSION_KEYS = ['label_shift'] as const

/**
 * The column of each moment of tables/moments.ts (y' and p' are the label and prediction less
 * label_shift, r = prediction − label).
 */
export const REGRESSION_SUMS: Record<Moment, string> = {
  rows: 'row_count',
  w: 'sum_w',
  w2: 'sum_w_2',
  y: 'sum_wy',
  yy: 'sum_wy_2',
  y3: 'sum_wy_3',
  y4: 'sum_wy_4',
  p: 'sum_wp',
  pp: 'sum_wp_2',
  r: 'sum_wr',
  rr: 'sum_wr_2',
  a: 'sum_wabsr',
  r4: 'sum_wr_4',
  rry: 'sum_wr_2_y',
  rryy: 'sum_wr_2_y_2',
  covered: 'sum_wcovered',
  intervals: 'interval_count'
}

/**
 * A multiclass model's stats table, after the attributes. Three kinds of row: a confusion cell (label
 * and prediction set), a top-label bin (top_bin set) and a bin of one class's score (score_class,
 * positive: whether the row's label is that class, and score_bin set); every other key empty.
 */
export const MULTICLASS_KEYS = [
  'label',
  'prediction',
  'top_bin',
  'score_class',
  'positive',
  'score_bin',
  'top_bins',
  'score_bins'
] as const

/**
 * The sums of every row of a multiclass stats table, over the rows it holds: their count, Σw, Σw², the
 * Brier score and log loss (Σw·x and Σw·x²), Σw·[prediction right] and Σw·top score.
 */
export const MULTICLASS_SUMS = [
  'row_count',
  'sum_w',
  'sum_w_2',
  'sum_wbrier',
  'sum_wbrier_2',
  'sum_wll',
  'sum_wll_2',
  'sum_wright',
  'sum_wtop'
] as const
