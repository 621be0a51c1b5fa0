/**
 * Reads a stats artifact (warehouse/stats-table.ts, docs/warehouse.md): the cell table a warehouse
 * query wrote, one row per non-empty cell at the score resolution. It becomes the same cell table and
 * score histogram a predictions file gives, so every metric, interval, baseline and rendering follows
 * the row path. The one difference: the AUC sees the scores at the resolution (a bin's scores tied),
 * and the report states the bound that puts on it.
 *
 * Every row is checked against the manifest and policy (the attributes, the bins, the resolution) and
 * against itself (counts, and sums that rows with scores in [0, 1] and weights >= 0 can give), so a
 * table that another query wrote, or that was cut or edited, is an error and never a result.
 */
import { InputError, quote, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { LOG_EPS, QUANTITIES, cellIndex, type CellTable } from '../../tables/cells.js'
import { GRID, binOf, edgeOrderStatistics, mergeParts, type ScoreSource } from '../../tables/scores.js'
import { binnedAucBound } from '../../metrics/auc.js'
import { STATS_KEYS, STATS_SUMS, scoreBinsOf } from '../../warehouse/stats-table.js'
import { GroupIndex } from '../decode/groups.js'
import { groupValue } from '../decode/values.js'
import {
  REDO,
  SLACK,
  canonicalCombos,
  finite,
  integer,
  isEmpty,
  oncePerKey,
  reordered,
  streamStatsTable,
  type StatsRow
} from './stats-rows.js'
import type { PredictionData, PredictionOptions } from './predictions.js'

const NQ = QUANTITIES.length
/** The key columns after the attributes; the sums follow them. */
const NK = STATS_KEYS.length
/** Numbers per cell while reading: STATS_SUMS, in its order. */
const WIDTH = STATS_SUMS.length
/**
 * The largest log loss of one row: −ln of the clipped probability, at either end. At the upper end
 * 1 − (1 − ε) is not ε in doubles but about 0.999ε, so a score of exactly 1 on a negative row loses
 * 34.5396, more than −ln ε = 34.5388 (the query and the row path clip alike).
 */
const MAX_LOG_LOSS = Math.max(-Math.log(LOG_EPS), -Math.log(1 - (1 - LOG_EPS)))
export interface StatsOptions extends PredictionOptions {
  /**
   * Quantile calibration bins: the query writes no calibration bin, and each score bin goes to the
   * bin of its midpoint among `edges` (on a first pass without edges, to uniform bins, discarded).
   */
  quantile: boolean
}

export async function readStats(spec: ArtifactSpec, options: StatsOptions): Promise<PredictionData> {
  const { attributes, bins, edges, quantile } = options
  const scoreBins = scoreBinsOf(spec.resolution!)
  const weighted = spec.columns.weight !== undefined
  const keys = [...attributes, ...STATS_KEYS, ...STATS_SUMS]
  const indexes = attributes.map(a => new GroupIndex(a, spec.display))
  const comboIds = new Map<string, number>()
  const combos: number[][] = []
  // Per cell (combination, label, prediction, calibration bin): its STATS_SUMS, grown by combination.
  let cells = new Float64Array(0)
  const grid = new Uint32Array(2 * (GRID + 1))
  const gridWeights = weighted ? new Float64Array(2 * (GRID + 1)) : null
  const step = GRID / scoreBins
  let rows = 0
  const stride = 4 * bins * WIDTH

  const once = oncePerKey()
  // Rows per label in the cells and in the score histogram: the same rows, so the same counts.
  const cellRows = [0, 0]
  const histogramRows = [0, 0]

  const onRow: StatsRow = (row, value, where) => {
    const a = attributes.length
    const label = integer(value(a), 'label', 0, 1, where(a))
    const declared = integer(value(a + 4), 'score_bins', 1, 1e9, where(a + 4))
    if (declared !== scoreBins)
      throw new InputError(
        `the table has ${declared} score bins; the manifest's resolution ${spec.resolution} has ${scoreBins}. ${REDO}`,
        where(a + 4)
      )
    const calibrationBins = integer(value(a + 5), 'calibration_bins', 1, 1e9, where(a + 5))
    if (calibrationBins !== bins)
      throw new InputError(
        `the table has ${calibrationBins} calibration bins; the policy has ${bins}. ${REDO}`,
        where(a + 5)
      )
    const s = STATS_SUMS.map((name, k) => finite(value(a + NK + k), name, where(a + NK + k)))
    const n = integer(value(a + NK), 'row_count', 1, Number.MAX_SAFE_INTEGER, where(a + NK))
    consistent(s, n, weighted, (k: number) => where(a + NK + k))
    const written = value(a + 2)
    const hasScoreBin = !isEmpty(value(a + 3))
    const scoreBin = hasScoreBin ? integer(value(a + 3), 'score_bin', 0, scoreBins - 1, where(a + 3)) : -1
    // Uniform bins: cell rows (a calibration bin, no score bin) and score-histogram rows (a score bin,
    // nothing else). Quantile bins: every row a cell at its score bin, with no calibration bin.
    const histogramOnly = !quantile && hasScoreBin
    if (quantile && !isEmpty(written))
      throw new InputError(
        `calibration_bin ${quote(written)} is set, so the table was made for uniform bins; the policy's ${bins} quantile bins are set by rai-gate from the score bins, and their query writes none. ${REDO}`,
        where(a + 2)
      )
    if (quantile && !hasScoreBin)
      throw new InputError(`score_bin is empty; with quantile bins every row has one. ${REDO}`, where(a + 3))
    if (!quantile && !hasScoreBin && isEmpty(written))
      throw new InputError(
        `calibration_bin and score_bin are both empty (a quantile table has score bins); expected the calibration bin of a cell of the policy's ${bins} uniform bins. ${REDO}`,
        where(a + 2)
      )
    if (histogramOnly) {
      const set = [...attributes.map((_, i) => i), a + 1, a + 2].find(k => !isEmpty(value(k)))
      if (set !== undefined)
        throw new InputError(
          `${keys[set]} ${quote(value(set))} is set on a score-histogram row (one with a score_bin); expected it empty there. ${REDO}`,
          where(set)
        )
      const key = `h${label},${scoreBin}`
      once(key, row)
      histogram(label, scoreBin, n, s[1])
      return
    }
    const g = attributes.map((_, i) => indexes[i].idOfText(groupValue(value(i), where(i)), where(i)))
    const prediction = integer(value(a + 1), 'prediction', 0, 1, where(a + 1))
    const bin = quantile
      ? binOf((scoreBin + 0.5) / scoreBins, bins, edges)
      : integer(written, 'calibration_bin', 0, bins - 1, where(a + 2))
    once(JSON.stringify([g, label, prediction, quantile ? scoreBin : bin]), row)
    const comboKey = g.join(',')
    let combo = comboIds.get(comboKey)
    if (combo === undefined) {
      combo = combos.length
      comboIds.set(comboKey, combo)
      combos.push(g)
      if ((combo + 1) * stride > cells.length) {
        const grown = new Float64Array(Math.max(16 * stride, 2 * cells.length))
        grown.set(cells)
        cells = grown
      }
    }
    const o = cellIndex(combo, label, prediction, bin, bins) * WIDTH
    for (let k = 0; k < s.length; k++) cells[o + k] += s[k]
    cellRows[label] += n
    rows += n
    if (quantile) histogram(label, scoreBin, n, s[1])
  }
  /** Adds n rows of weight w to the score histogram, at the grid slot of the score bin's lower edge. */
  const histogram = (label: number, scoreBin: number, n: number, w: number) => {
    const slot = scoreBin * step * 2 + label
    grid[slot] += n
    if (gridWeights) gridWeights[slot] += w
    histogramRows[label] += n
  }

  const sha256 = await streamStatsTable(spec, keys, attributes, onRow)
  for (const label of [0, 1]) {
    if (cellRows[label] !== histogramRows[label])
      throw new InputError(
        `the cells hold ${cellRows[label]} rows of label ${label}, the score histogram ${histogramRows[label]}; expected the same rows in both (a table cut short, or two tables joined). ${REDO}`,
        { file: spec.display }
      )
  }
  const table = canonical(
    attributes,
    indexes.map(i => i.labels),
    combos,
    bins,
    weighted,
    cells
  )
  const scores = mergeParts([{ grid, weights: gridWeights, runs: null }])
  return {
    table,
    scores,
    edges,
    rows,
    sha256: sha256,
    bounds: {
      auc: binnedAucBound(grid, gridWeights),
      ...(quantile && edges !== null && { ece: eceBound(scores, grid, gridWeights, bins) })
    }
  }
}

/**
 * How far the ECE on quantile bins from score bins can be from the ECE on the scores' own quantile
 * bins. Each edge interpolates between two order statistics; both lie in the same score bins on
 * either path, and the rows between consecutive order statistics are none, so only the rows of those
 * score bins can fall on the other side of an edge. Moving weight m between two bins moves the ECE
 * (Σ_b |Σ w·(y − s)| / W) by at most 2m / W.
 */
function eceBound(
  scores: ScoreSource,
  grid: Uint32Array,
  weights: Float64Array | null,
  bins: number
): number {
  // The grid slots (score bins) that hold an edge's order statistics.
  const slots = new Set(Array.from(edgeOrderStatistics(scores, bins).value, v => Math.round(v * GRID)))
  let moved = 0
  let total = 0
  for (let i = 0; i < grid.length; i += 2) {
    const w = weights ? weights[i] + weights[i + 1] : grid[i] + grid[i + 1]
    total += w
    if (slots.has(i / 2)) moved += w
  }
  return total > 0 ? (2 * moved) / total : 0
}

/**
 * Sums that rows can give, to rounding: weights >= 0 (and each 1 unweighted), scores and squared
 * errors in [0, w], log losses in [0, w·34.5], and every Σx² at least (Σx)²/rows (Cauchy–Schwarz).
 */
function consistent(s: number[], n: number, weighted: boolean, where: (k: number) => Where): void {
  const [, w, ws, wsq, wll, w2, ws2, wsq2, wll2] = s
  const near = (x: number, y: number) => Math.abs(x - y) <= SLACK * Math.max(1, Math.abs(x), Math.abs(y))
  const fail = (k: number, why: string) => {
    throw new InputError(
      `${STATS_SUMS[k]} ${quote(s[k])} cannot come from the cell's ${n} rows: ${why}`,
      where(k)
    )
  }
  if (w < 0) fail(1, 'weights are >= 0')
  if (!weighted && !(near(w, n) && near(w2, n))) fail(1, 'without a weight column every weight is 1')
  if (ws < 0 || ws > w * (1 + SLACK)) fail(2, `scores are in [0, 1], so it lies in [0, sum_w = ${w}]`)
  if (wsq < 0 || wsq > w * (1 + SLACK))
    fail(3, `squared errors are in [0, 1], so it lies in [0, sum_w = ${w}]`)
  if (wll < 0 || wll > w * MAX_LOG_LOSS * (1 + SLACK))
    fail(4, `log losses are in [0, ${MAX_LOG_LOSS.toFixed(2)}] a row`)
  const squares: [number, number, number][] = [
    [5, w2, w],
    [6, ws2, ws],
    [7, wsq2, wsq],
    [8, wll2, wll]
  ]
  for (const [k, x2, x] of squares)
    if (x2 < 0 || x2 < ((x * x) / n) * (1 - 1e-6))
      fail(k, `a sum of squares is at least (sum)² / rows = ${(x * x) / n}`)
}

/**
 * The cell table with groups and combinations in sorted order, whatever order the warehouse wrote the
 * rows in (Spark writes its partitions in any order): the bootstrap draws cells in table order, so
 * the same table gives the same report.
 */
function canonical(
  attributes: string[],
  labels: string[][],
  combos: number[][],
  bins: number,
  weighted: boolean,
  acc: Float64Array
): CellTable {
  const sorted = canonicalCombos(labels, combos)
  const moved = reordered(acc, 4 * bins * WIDTH, sorted.order)
  return {
    attributes,
    groups: sorted.groups,
    combos: sorted.combos,
    bins,
    hasScore: true,
    weighted,
    ...unpack(moved, combos.length * 4 * bins)
  }
}

/** The read STATS_SUMS per cell as a CellTable's arrays (Σw·w is Σw²). */
function unpack(acc: Float64Array, cells: number): Pick<CellTable, 'n' | 'sum' | 'sum2' | 'cross'> {
  const n = new Float64Array(cells)
  const sum = new Float64Array(cells * NQ)
  const sum2 = new Float64Array(cells * NQ)
  const cross = new Float64Array(cells * NQ)
  for (let cell = 0; cell < cells; cell++) {
    const o = cell * WIDTH
    n[cell] = acc[o]
    for (let q = 0; q < NQ; q++) {
      sum[cell * NQ + q] = acc[o + 1 + q]
      sum2[cell * NQ + q] = acc[o + 1 + NQ + q]
    }
    cross[cell * NQ] = sum2[cell * NQ]
    for (let q = 1; q < NQ; q++) cross[cell * NQ + q] = acc[o + 1 + 2 * NQ + q - 1]
  }
  return { n, sum, sum2, cross }
}
