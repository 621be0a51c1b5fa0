/**
 * The confusion table of a multiclass model (SPEC §2b): per combination of sensitive groups, the
 * K × K confusion cells (label × prediction: rows, Σw, Σw²) and the sums of each row's Brier score
 * and log loss; over all rows, the top-label calibration bins. Rows are streamed into it, so memory is
 * combinations × (3·K² + 4) numbers, never per row; the one-vs-rest AUCs keep a score histogram per
 * class beside it (tables/scores.ts).
 */
import { ComboIndex } from './combos.js'

/** Per cell: the row count, Σw and Σw². */
export const CELL = 3
/** Per combination: Σw·brier, Σw·brier², Σw·log loss, Σw·log loss². */
export const LOSSES = 4
export const L_BRIER = 0
export const L_LOG = 2
/** Per top-label bin: rows, Σw, Σw², Σw·[prediction right], Σw·top score. */
export const BIN = 5

export interface ConfusionTable {
  attributes: string[]
  /** groups[a] lists the group labels of attribute a, in order of first appearance. */
  groups: string[][]
  /** combos[c][a] is the group id of attribute a in combination c. */
  combos: number[][]
  /** The classes, in the order of their score columns. */
  classes: string[]
  weighted: boolean
  /** cells[((c·K + label)·K + prediction)·CELL + q]. */
  cells: Float64Array
  /** losses[c·LOSSES + q]. */
  losses: Float64Array
  /** Equal-width bins of the top score over all rows: bins[b·BIN + q]. */
  bins: Float64Array
}

export const LOG_EPS = 1e-15

export class ConfusionAccumulator {
  private readonly K: number
  private cells: Float64Array
  private losses: Float64Array
  readonly bins: Float64Array
  private readonly clipped: Float64Array
  private readonly index = new ComboIndex(count => {
    if (count * this.K * this.K * CELL > this.cells.length) {
      const cells = new Float64Array(this.cells.length * 2)
      cells.set(this.cells)
      this.cells = cells
      const losses = new Float64Array(this.losses.length * 2)
      losses.set(this.losses)
      this.losses = losses
    }
  })

  constructor(
    readonly attributes: string[],
    readonly classes: string[],
    readonly weighted: boolean,
    readonly binCount: number
  ) {
    this.K = classes.length
    this.cells = new Float64Array(16 * this.K * this.K * CELL)
    this.losses = new Float64Array(16 * LOSSES)
    this.bins = new Float64Array(binCount * BIN)
    this.clipped = new Float64Array(this.K)
  }

  /**
   * One row: its groups, label and prediction (class indexes), the class scores and the weight.
   * Log loss is scikit-learn's: every score clipped to [1e-15, 1 − 1e-15], the row renormalised.
   * Returns the row's combination.
   */
  add(g: Int32Array, label: number, prediction: number, scores: Float64Array, w: number): number {
    const K = this.K
    const c = this.index.combo(g)
    const cell = ((c * K + label) * K + prediction) * CELL
    this.cells[cell] += 1
    this.cells[cell + 1] += w
    this.cells[cell + 2] += w * w
    let brier = 0
    let sum = 0
    let top = 0
    for (let k = 0; k < K; k++) {
      const p = scores[k]
      const d = p - (k === label ? 1 : 0)
      brier += d * d
      const q = p < LOG_EPS ? LOG_EPS : p > 1 - LOG_EPS ? 1 - LOG_EPS : p
      this.clipped[k] = q
      sum += q
      if (p > top) top = p
    }
    const log = -Math.log(this.clipped[label] / sum)
    const l = c * LOSSES
    this.losses[l + L_BRIER] += w * brier
    this.losses[l + L_BRIER + 1] += w * brier * brier
    this.losses[l + L_LOG] += w * log
    this.losses[l + L_LOG + 1] += w * log * log
    const bin = Math.min(this.binCount - 1, Math.floor(top * this.binCount)) * BIN
    this.bins[bin] += 1
    this.bins[bin + 1] += w
    this.bins[bin + 2] += w * w
    if (prediction === label) this.bins[bin + 3] += w
    this.bins[bin + 4] += w * top
    return c
  }

  finish(groups: string[][]): ConfusionTable {
    const combos = this.index.combos
    const K = this.K
    return {
      attributes: this.attributes,
      groups,
      combos,
      classes: this.classes,
      weighted: this.weighted,
      cells: this.cells.slice(0, combos.length * K * K * CELL),
      losses: this.losses.slice(0, combos.length * LOSSES),
      bins: this.bins
    }
  }
}

/**
 * A scope's confusion (its combinations' cells added up): conf[(label·K + prediction)·CELL + q], and
 * its losses.
 */
export function confusionOf(
  t: ConfusionTable,
  combos: Iterable<number>
): { conf: Float64Array; losses: Float64Array } {
  const K = t.classes.length
  const size = K * K * CELL
  const conf = new Float64Array(size)
  const losses = new Float64Array(LOSSES)
  for (const c of combos) {
    for (let i = 0; i < size; i++) conf[i] += t.cells[c * size + i]
    for (let q = 0; q < LOSSES; q++) losses[q] += t.losses[c * LOSSES + q]
  }
  return { conf, losses }
}
