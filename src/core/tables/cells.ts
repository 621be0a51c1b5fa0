/**
 * The cell table (SPEC §6): almost every metric is a function of per-cell sums, where a cell is one
 * combination of (sensitive-group values, label, prediction, score bin). Rows are streamed into it, so
 * memory depends on the number of cells, never on the number of rows. Each additive per-row quantity
 * x keeps Σx, Σx² and Σw·x so that a bootstrap can resample a cell's sums without its rows, jointly
 * with the weight sum (see bootstrap.ts).
 */
import { ComboIndex } from './combos.js'

/** Per-row additive quantities kept for every cell, in this order. */
export const QUANTITIES = ['w', 's', 'sq', 'll'] as const
export type Quantity = (typeof QUANTITIES)[number]
/** w: weight; s: weight·score; sq: weight·(score−label)²; ll: weight·log loss. */
export const Q_W = 0
export const Q_S = 1
export const Q_SQ = 2
export const Q_LL = 3
const NQ = QUANTITIES.length
/**
 * Numbers per cell while accumulating: the row count, Σx and Σx² of each quantity, then Σw·x of the
 * weighted score, squared error and log loss (Σw·w is Σw²). The WebAssembly reader keeps the same
 * layout (assembly/rows.ts; a test checks the two agree).
 */
export const ACC = 1 + 2 * NQ + (NQ - 1)

export interface CellTable {
  /** Sensitive attributes, in manifest order. */
  attributes: string[]
  /** groups[a] lists the group labels of attribute a, in order of first appearance. */
  groups: string[][]
  /** combos[c][a] is the group id of attribute a in combination c. */
  combos: number[][]
  /** Score bins for calibration (1 when there is no score). */
  bins: number
  hasScore: boolean
  weighted: boolean
  /** Row count per cell; cell index ((combo·2 + label)·2 + prediction)·bins + bin. */
  n: Float64Array
  /** sum[cell·4 + q] = Σx for quantity q; sum2 likewise Σx²; cross likewise Σw·x (Σw² for q = w). */
  sum: Float64Array
  sum2: Float64Array
  cross: Float64Array
}

export const cellIndex = (
  combo: number,
  label: number,
  prediction: number,
  bin: number,
  bins: number
): number => ((combo * 2 + label) * 2 + prediction) * bins + bin

export const cellCount = (table: CellTable): number => table.combos.length * 4 * table.bins

/**
 * The cell table as a report stores it (`stats.predictions.cells`, and a warehouse's stats table
 * alike): one row per non-empty cell, [combo, label, prediction, bin, rows, Σx per quantity...,
 * Σx² per quantity..., Σw·x per quantity...]. The one encoder and decoder of that layout.
 */
export const CELL_ROWS = 4
/** Where a stored cell's Σx of quantity q is: CELL_SUM + q (Σx² at + NQ, Σw·x at + 2·NQ). */
export const CELL_SUM = 5

export function encodeCells(t: CellTable): number[][] {
  const out: number[][] = []
  for (let cell = 0; cell < t.n.length; cell++) {
    if (t.n[cell] === 0) continue
    const bin = cell % t.bins
    const rest = (cell - bin) / t.bins
    const prediction = rest % 2
    const label = ((rest - prediction) / 2) % 2
    const combo = (rest - prediction - 2 * label) / 4
    const at = cell * NQ
    out.push([
      combo,
      label,
      prediction,
      bin,
      t.n[cell],
      ...t.sum.subarray(at, at + NQ),
      ...t.sum2.subarray(at, at + NQ),
      ...t.cross.subarray(at, at + NQ)
    ])
  }
  return out
}

/**
 * The most cells a stored table may describe (2^24: 128 MB per array once built, as a run's own table
 * of that size would take): a report that claims more is not decoded.
 */
export const MAX_STORED_CELLS = 2 ** 24

/** The sums of stored cells for a table of `combos` combinations and `bins` bins, and their rows. */
export function decodeCells(
  stored: number[][],
  combos: number,
  bins: number
): Pick<CellTable, 'n' | 'sum' | 'sum2' | 'cross'> & { rows: number } {
  const cells = combos * 4 * bins
  // A stored table is another run's output: its sizes are checked before anything is allocated.
  if (cells > MAX_STORED_CELLS)
    throw new Error(
      `its cell table would hold ${combos} combinations × 4 × ${bins} bins, more than the ${MAX_STORED_CELLS} cells allowed`
    )
  for (const c of stored) {
    const [combo, label, prediction, bin, count] = c
    const whole = (v: number, below: number) => Number.isInteger(v) && v >= 0 && v < below
    if (
      c.length < CELL_SUM + 2 * NQ ||
      !whole(combo, combos) ||
      !whole(label, 2) ||
      !whole(prediction, 2) ||
      !whole(bin, bins) ||
      !(count >= 0)
    )
      throw new Error(`a stored cell [${c.slice(0, 5).join(', ')}, …] does not fit its table`)
  }
  const n = new Float64Array(cells)
  const sum = new Float64Array(cells * NQ)
  const sum2 = new Float64Array(cells * NQ)
  const cross = new Float64Array(cells * NQ)
  let rows = 0
  for (const c of stored) {
    const [combo, label, prediction, bin, count] = c
    const cell = cellIndex(combo, label, prediction, bin, bins)
    n[cell] = count
    rows += count
    for (let q = 0; q < NQ; q++) {
      sum[cell * NQ + q] = c[CELL_SUM + q]
      sum2[cell * NQ + q] = c[CELL_SUM + NQ + q]
      // A report written before Σw·x was kept: as if weight and quantity were uncorrelated.
      cross[cell * NQ + q] =
        c.length >= CELL_SUM + 3 * NQ
          ? c[CELL_SUM + 2 * NQ + q]
          : q === Q_W
            ? c[CELL_SUM + NQ]
            : (c[CELL_SUM] * c[CELL_SUM + q]) / count
    }
  }
  return { n, sum, sum2, cross, rows }
}

export const LOG_EPS = 1e-15

/** −log of the clipped probability given to the true label (scikit-learn's log_loss per row). */
export function logLoss(score: number, label: number): number {
  const p = score < LOG_EPS ? LOG_EPS : score > 1 - LOG_EPS ? 1 - LOG_EPS : score
  return label === 1 ? -Math.log(p) : -Math.log(1 - p)
}

/** Accumulates rows into a growing cell table. */
export class CellAccumulator {
  /**
   * Per cell, side by side: the row count, then Σx and Σx² of each quantity (ACC numbers), so that a
   * row updates one or two cache lines rather than one in each of three arrays. finish() lays them
   * out as a CellTable. Unweighted, Σw and Σw² are the row count and are filled in by finish().
   */
  private acc: Float64Array
  private readonly index = new ComboIndex(count => {
    if (count * this.stride * ACC > this.acc.length) this.grow()
  })
  /** combos[c][a] is the group id of attribute a in combination c. */
  readonly combos = this.index.combos
  private readonly stride: number

  constructor(
    readonly attributes: string[],
    readonly bins: number,
    readonly hasScore: boolean,
    readonly weighted: boolean
  ) {
    this.stride = 4 * bins
    this.acc = new Float64Array(this.stride * 16 * ACC)
  }

  /** The combination id of group ids `g` (one per attribute); `g` is copied when new. */
  combo(g: Int32Array): number {
    return this.index.combo(g)
  }

  /** combo() of each row of group-id columns (one per attribute), into out. */
  comboColumn(ids: Int32Array[], out: Int32Array): void {
    this.index.comboColumn(ids, out)
  }

  /**
   * Adds the cell sums, kept in this layout in WebAssembly memory (fast/rows-wasm.ts: every row of a
   * file goes there), for the first numbers.length / (ACC · 4 · bins) combinations.
   */
  addNumbers(numbers: Float64Array): void {
    const a = this.acc
    for (let i = 0; i < numbers.length; i++) a[i] += numbers[i]
  }

  private grow(): void {
    const acc = new Float64Array(this.acc.length * 2)
    acc.set(this.acc)
    this.acc = acc
  }

  finish(groups: string[][]): CellTable {
    const cells = this.combos.length * this.stride
    const n = new Float64Array(cells)
    const sum = new Float64Array(cells * NQ)
    const sum2 = new Float64Array(cells * NQ)
    const cross = new Float64Array(cells * NQ)
    const a = this.acc
    for (let cell = 0; cell < cells; cell++) {
      const o = cell * ACC
      const i = cell * NQ
      n[cell] = a[o]
      for (let q = 0; q < NQ; q++) {
        sum[i + q] = a[o + 1 + 2 * q]
        sum2[i + q] = a[o + 2 + 2 * q]
      }
      if (!this.weighted) sum[i + Q_W] = sum2[i + Q_W] = a[o]
      // Unweighted, w = 1: Σw·x is Σx.
      cross[i + Q_W] = sum2[i + Q_W]
      for (let q = 1; q < NQ; q++) cross[i + q] = this.weighted ? a[o + 2 * NQ + q] : sum[i + q]
    }
    return {
      attributes: this.attributes,
      groups,
      combos: this.combos,
      bins: this.bins,
      hasScore: this.hasScore,
      weighted: this.weighted,
      n,
      sum,
      sum2,
      cross
    }
  }
}
