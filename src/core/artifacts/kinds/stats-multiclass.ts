/**
 * Reads a multiclass model's stats table (warehouse/stats-table.ts, docs/warehouse.md): its confusion
 * cells per combination of groups, its top-label bins, and each class's scores binned at the
 * manifest's resolution. It becomes the confusion table and score histograms a predictions file gives,
 * so every metric and interval follows the row path. The one difference: each one-vs-rest AUC sees the
 * scores at the resolution (a bin's scores tied), and the report states the bound that puts on it.
 *
 * Every row is checked against the manifest and policy (the attributes, the classes, the bins, the
 * resolution) and against itself (sums that rows can give), and the three kinds of row must hold the
 * same rows, so a table another query wrote, or that was cut or edited, is an error and never a result.
 */
import { InputError, quote, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { BIN, CELL, LOSSES, type ConfusionTable } from '../../tables/confusion.js'
import { ComboIndex } from '../../tables/combos.js'
import { binnedSource } from '../../tables/scores.js'
import { binnedAucBound } from '../../metrics/auc.js'
import { MULTICLASS_KEYS, MULTICLASS_SUMS, scoreBinsOf } from '../../warehouse/stats-table.js'
import { GroupIndex } from '../decode/groups.js'
import { groupValue } from '../decode/values.js'
import type { MulticlassData } from './multiclass.js'
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

const [ROWS, W, W2, BRIER, BRIER2, LL, LL2, RIGHT, TOP] = MULTICLASS_SUMS.map((_, k) => k)
/** The largest log loss of a row: −ln of a score clipped at 1e-15 over a sum of at most 1 + K·1e-15. */
const MAX_LOG_LOSS = 34.54

export async function readMulticlassStats(
  spec: ArtifactSpec,
  attributes: string[],
  topBins: number
): Promise<MulticlassData> {
  const classes = classesOf(spec)
  const K = classes.length
  const classIndex = new Map(classes.map((c, k) => [c, k]))
  const scoreBins = scoreBinsOf(spec.resolution!)
  const weighted = spec.columns.weight !== undefined
  const keys = [...attributes, ...MULTICLASS_KEYS, ...MULTICLASS_SUMS]
  const a = attributes.length
  const [LABEL, PREDICTION, TOP_BIN, SCORE_CLASS, POSITIVE, SCORE_BIN, TOP_BINS, SCORE_BINS] =
    MULTICLASS_KEYS.map((_, k) => a + k)
  const SUMS = a + MULTICLASS_KEYS.length
  const indexes = attributes.map(x => new GroupIndex(x, spec.display))
  const size = K * K * CELL
  let cells = new Float64Array(16 * size)
  // Each cell's loss sums, added up per combination once the cells are in canonical order (so that the
  // same table gives the same sums whatever order its rows come in).
  let cellLosses = new Float64Array(16 * K * K * LOSSES)
  const index = new ComboIndex(count => {
    if (count * size > cells.length) {
      const grown = new Float64Array(2 * cells.length)
      grown.set(cells)
      cells = grown
      const more = new Float64Array(2 * cellLosses.length)
      more.set(cellLosses)
      cellLosses = more
    }
  })
  const bins = new Float64Array(topBins * BIN)
  const counts = classes.map(() => new Float64Array(2 * scoreBins))
  const weights = weighted ? classes.map(() => new Float64Array(2 * scoreBins)) : null
  const once = oncePerKey('cell')
  // Rows of each class's label in the cells, and in its score histogram; rows in the top-label bins.
  const labelRows = new Float64Array(K)
  const histogramRows = classes.map(() => [0, 0])
  let cellRows = 0
  let binRows = 0

  const onRow: StatsRow = (row, value, where) => {
    const declared = integer(value(SCORE_BINS), 'score_bins', 1, 1e9, where(SCORE_BINS))
    if (declared !== scoreBins)
      throw new InputError(
        `the table has ${declared} score bins; the manifest's resolution ${spec.resolution} has ${scoreBins}. ${REDO}`,
        where(SCORE_BINS)
      )
    const declaredTop = integer(value(TOP_BINS), 'top_bins', 1, 1e9, where(TOP_BINS))
    if (declaredTop !== topBins)
      throw new InputError(
        `the table has ${declaredTop} top-label bins; the policy has ${topBins} calibration bins. ${REDO}`,
        where(TOP_BINS)
      )
    const s = MULTICLASS_SUMS.map((name, k) => finite(value(SUMS + k), name, where(SUMS + k)))
    const n = integer(value(SUMS), 'row_count', 1, Number.MAX_SAFE_INTEGER, where(SUMS))
    consistent(s, weighted, K, k => where(SUMS + k))
    /** Refuses a key set on a row of another kind. */
    const emptyBut = (kind: string, set: number[]) => {
      const wrong = [
        ...attributes.map((_, i) => i),
        LABEL,
        PREDICTION,
        TOP_BIN,
        SCORE_CLASS,
        POSITIVE,
        SCORE_BIN
      ]
        .filter(k => !set.includes(k))
        .find(k => !isEmpty(value(k)))
      if (wrong !== undefined)
        throw new InputError(
          `${keys[wrong]} ${quote(value(wrong))} is set on a ${kind} row; expected it empty there. ${REDO}`,
          where(wrong)
        )
    }
    const classOf = (k: number) => {
      const v = value(k)
      const name = isEmpty(v) ? '' : groupValue(v, where(k))
      const index = classIndex.get(name)
      if (index === undefined)
        throw new InputError(
          `${keys[k]} ${quote(v)} is not a class of the manifest's columns.scores; expected one of: ${classes.join(', ')}`,
          where(k)
        )
      return index
    }
    if (!isEmpty(value(SCORE_CLASS))) {
      emptyBut('score-histogram', [SCORE_CLASS, POSITIVE, SCORE_BIN])
      const k = classOf(SCORE_CLASS)
      const positive = integer(value(POSITIVE), 'positive', 0, 1, where(POSITIVE))
      const bin = integer(value(SCORE_BIN), 'score_bin', 0, scoreBins - 1, where(SCORE_BIN))
      once(`h${k},${positive},${bin}`, row)
      counts[k][2 * bin + positive] += n
      if (weights) weights[k][2 * bin + positive] += s[W]
      histogramRows[k][positive] += n
      return
    }
    if (!isEmpty(value(TOP_BIN))) {
      emptyBut('top-label bin', [TOP_BIN])
      const bin = integer(value(TOP_BIN), 'top_bin', 0, topBins - 1, where(TOP_BIN))
      once(`t${bin}`, row)
      const o = bin * BIN
      bins[o] += n
      bins[o + 1] += s[W]
      bins[o + 2] += s[W2]
      bins[o + 3] += s[RIGHT]
      bins[o + 4] += s[TOP]
      binRows += n
      return
    }
    if (isEmpty(value(LABEL)))
      throw new InputError(
        `label, top_bin and score_class are all empty; expected a confusion cell (label and prediction), a top-label bin or a class's score bin. ${REDO}`,
        where(LABEL)
      )
    emptyBut('confusion-cell', [...attributes.map((_, i) => i), LABEL, PREDICTION])
    const label = classOf(LABEL)
    const prediction = classOf(PREDICTION)
    const right = label === prediction ? s[W] : 0
    if (Math.abs(s[RIGHT] - right) > SLACK * Math.max(1, s[W]))
      throw new InputError(
        `sum_wright ${quote(value(SUMS + RIGHT))} cannot come from the cell's rows: their prediction is ${label === prediction ? 'right, so it is sum_w' : 'wrong, so it is 0'}`,
        where(SUMS + RIGHT)
      )
    const g = attributes.map((_, i) => indexes[i].idOfText(groupValue(value(i), where(i)), where(i)))
    once(JSON.stringify([g, label, prediction]), row)
    const combo = index.combo(Int32Array.from(g))
    const o = ((combo * K + label) * K + prediction) * CELL
    cells[o] += n
    cells[o + 1] += s[W]
    cells[o + 2] += s[W2]
    const l = ((combo * K + label) * K + prediction) * LOSSES
    cellLosses[l] = s[BRIER]
    cellLosses[l + 1] = s[BRIER2]
    cellLosses[l + 2] = s[LL]
    cellLosses[l + 3] = s[LL2]
    labelRows[label] += n
    cellRows += n
  }
  const sha256 = await streamStatsTable(spec, keys, attributes, onRow)
  const file = { file: spec.display }
  if (binRows !== cellRows)
    throw new InputError(
      `the confusion cells hold ${cellRows} rows, the top-label bins ${binRows}; expected the same rows in both (a table cut short, or two tables joined). ${REDO}`,
      file
    )
  classes.forEach((name, k) => {
    const [others, own] = histogramRows[k]
    if (own !== labelRows[k] || own + others !== cellRows)
      throw new InputError(
        `class ${name}'s score histogram holds ${own} rows of the class and ${others} others, the confusion cells ${labelRows[k]} and ${cellRows - labelRows[k]}; expected the same rows in both (a table cut short, or two tables joined). ${REDO}`,
        file
      )
  })
  const sorted = canonicalCombos(
    indexes.map(i => i.labels),
    index.combos
  )
  const table: ConfusionTable = {
    attributes,
    groups: sorted.groups,
    combos: sorted.combos,
    classes,
    weighted,
    cells: reordered(cells, size, sorted.order),
    losses: comboLosses(reordered(cellLosses, K * K * LOSSES, sorted.order), K * K),
    bins
  }
  return {
    table,
    scores: counts.map((c, k) => binnedSource(c, weights?.[k] ?? null, scoreBins)),
    aucBounds: counts.map((c, k) => binnedAucBound(c, weights?.[k] ?? null)),
    rows: cellRows,
    sha256: sha256
  }
}

/** Each combination's loss sums: its cells' (`cells` per combination), added in cell order. */
function comboLosses(perCell: Float64Array, cells: number): Float64Array {
  const combos = perCell.length / (cells * LOSSES)
  const out = new Float64Array(combos * LOSSES)
  for (let c = 0; c < combos; c++)
    for (let i = 0; i < cells; i++)
      for (let q = 0; q < LOSSES; q++) out[c * LOSSES + q] += perCell[(c * cells + i) * LOSSES + q]
  return out
}

/** The classes, in order: a stats table's query names each class's score column (columns.scores). */
function classesOf(spec: ArtifactSpec): string[] {
  const s = spec.scores
  if (s === undefined || !('columns' in s))
    throw new InputError(
      "a multiclass stats table's classes come from columns.scores ({ <class>: <column> }, in class order); scorePrefix needs the file's header, which a warehouse table's query cannot read",
      { file: spec.display, path: 'scorePrefix' }
    )
  return Object.keys(s.columns)
}

/**
 * Sums that rows can give, to rounding: weights >= 0 (each 1 unweighted), Brier scores in [0, 2] and
 * log losses in [0, 34.54] a row, Σw·[right] in [0, Σw], top scores in [1/K, 1] (the largest of K
 * probabilities that sum to 1), Σw² at least (Σw)²/rows and every Σw·x² at least (Σw·x)²/Σw.
 */
function consistent(s: number[], weighted: boolean, K: number, where: (k: number) => Where): void {
  const n = s[ROWS]
  const w = s[W]
  const near = (x: number, y: number) => Math.abs(x - y) <= SLACK * Math.max(1, Math.abs(x), Math.abs(y))
  const fail = (k: number, why: string) => {
    throw new InputError(
      `${MULTICLASS_SUMS[k]} ${quote(s[k])} cannot come from the row's ${n} rows: ${why}`,
      where(k)
    )
  }
  const within = (k: number, low: number, high: number) => {
    if (s[k] < low * (1 - SLACK) - SLACK || s[k] > high * (1 + SLACK) + SLACK)
      fail(k, `it lies in [${low}, ${high}]`)
  }
  if (w < 0) fail(W, 'weights are >= 0')
  if (!weighted && !(near(w, n) && near(s[W2], n))) fail(W, 'without a weight column every weight is 1')
  within(BRIER, 0, 2 * w)
  within(LL, 0, MAX_LOG_LOSS * w)
  within(RIGHT, 0, w)
  within(TOP, (w / K) * (1 - 1e-6), w)
  if (s[W2] < ((w * w) / n) * (1 - 1e-6))
    fail(W2, `a sum of squares is at least (sum)² / rows = ${(w * w) / n}`)
  // Σw·x² · Σw ≥ (Σw·x)² (Cauchy–Schwarz).
  for (const [k, x] of [
    [BRIER2, s[BRIER]],
    [LL2, s[LL]]
  ] as const)
    if (s[k] < 0 || (w > 0 && s[k] < ((x * x) / w) * (1 - 1e-6)))
      fail(k, `a weighted sum of squares is at least (its sum)² / sum_w = ${(x * x) / w}`)
}
