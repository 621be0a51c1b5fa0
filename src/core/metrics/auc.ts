/**
 * ROC AUC from the score distribution: the probability that a random positive scores above a random
 * negative, ties counting ½ (the Mann–Whitney statistic, equal to scikit-learn's roc_auc_score, with
 * sample weights). Exact, O(distinct scores).
 *
 * For the bootstrap, distinct scores are grouped into at most BLOCKS blocks of similar row count.
 * A resample scales each block's positive and negative weight by its Poisson draw; pairs across blocks
 * are ordered exactly, pairs inside a block keep their share of concordance. With every draw equal to
 * the block's own count this reproduces the exact AUC; it is an approximation of row resampling only
 * inside a block (1/BLOCKS of the pairs, at most).
 */
import type { ScoreDistribution, ScoreSource, Visit } from '../tables/scores.js'

const BLOCKS = 512

export interface AucBlocks {
  posW: Float64Array
  negW: Float64Array
  posN: Float64Array
  negN: Float64Array
  /** Concordant weight of pairs inside the block (ties ½). */
  within: Float64Array
}

export interface AucSummary {
  value: number
  blocks: AucBlocks
}

/**
 * The exact AUC and its bootstrap blocks in one pass over the distinct scores in ascending order,
 * whether they come from a distribution (aucSummary) or straight from a score grid (gridAucSummary).
 */
class AucBuilder {
  // The exact AUC's sums.
  private below = 0
  private num = 0
  private pos = 0
  // The open block (posW, negW, posN, negN, within), its rows, and its own negative weight so far.
  private readonly blocks: number[][] = []
  private cur = [0, 0, 0, 0, 0]
  private rowsIn = 0
  private belowIn = 0
  private open = false
  private readonly target: number

  /** totalRows: the rows at all scores (a block closes once it holds totalRows / BLOCKS). */
  constructor(totalRows: number) {
    this.target = totalRows / BLOCKS
  }

  add(posW: number, negW: number, posN: number, negN: number): void {
    this.num += posW * (this.below + 0.5 * negW)
    this.below += negW
    this.pos += posW
    const cur = this.cur
    cur[0] += posW
    cur[1] += negW
    cur[2] += posN
    cur[3] += negN
    cur[4] += posW * (this.belowIn + 0.5 * negW)
    this.belowIn += negW
    this.rowsIn += posN + negN
    this.open = true
    if (this.rowsIn >= this.target) this.close()
  }

  private close(): void {
    this.blocks.push(this.cur)
    this.cur = [0, 0, 0, 0, 0]
    this.rowsIn = 0
    this.belowIn = 0
    this.open = false
  }

  finish(): AucSummary {
    if (this.open) this.close()
    const col = (j: number) => Float64Array.from(this.blocks, b => b[j])
    return {
      value: this.pos > 0 && this.below > 0 ? this.num / (this.pos * this.below) : NaN,
      blocks: { posW: col(0), negW: col(1), posN: col(2), negN: col(3), within: col(4) }
    }
  }
}

/** Exact AUC and its bootstrap blocks from one walk over the distinct scores of `rows` rows, ascending. */
function walkAucSummary(rows: number, walk: (visit: Visit) => void): AucSummary {
  const auc = new AucBuilder(rows)
  walk((_s, posW, negW, posN, negN) => auc.add(posW, negW, posN, negN))
  return auc.finish()
}

/** Exact AUC and its bootstrap blocks of a distribution. */
export function aucSummary(d: ScoreDistribution): AucSummary {
  let rows = 0
  for (let i = 0; i < d.score.length; i++) rows += d.posN[i] + d.negN[i]
  return walkAucSummary(rows, visit => {
    for (let i = 0; i < d.score.length; i++) visit(d.score[i], d.posW[i], d.negW[i], d.posN[i], d.negN[i])
  })
}

/**
 * As aucSummary of the grid's distribution, without making it or calling back per score:
 * counts[micros·2 + label], and weights likewise (null: the counts are the weights).
 */
export function gridAucSummary(counts: Uint32Array, weights: Float64Array | null): AucSummary {
  const w = weights ?? counts
  let totalRows = 0
  for (let i = 0; i < counts.length; i += 2) totalRows += counts[i + 1] + counts[i]
  const auc = new AucBuilder(totalRows)
  for (let i = 0; i < counts.length; i += 2) {
    if ((counts[i] | counts[i + 1]) !== 0) auc.add(w[i + 1], w[i], counts[i + 1], counts[i])
  }
  return auc.finish()
}

/** From a reader's scores: straight from the grid when there is one (its tight loop), else one walk of the sorted runs. */
export function scoresAuc(s: ScoreSource): AucSummary {
  return s.grid ? gridAucSummary(s.grid.counts, s.grid.weights) : walkAucSummary(s.rows, v => s.walk(v))
}

const computed = new WeakMap<ScoreSource, AucSummary>()

/**
 * The exact AUC and its bootstrap blocks of a predictions artifact: as stored in a report (a
 * baseline keeps no scores), else from its scores, computed once per run and kept with them (the
 * metrics and the report's stats both ask); null without a score column.
 */
export function predictionAuc(p: {
  auc?: { value: number; blocks: AucBlocks | null }
  scores: ScoreSource | null
}): { value: number; blocks: AucBlocks | null } | null {
  if (p.auc) return p.auc
  if (p.scores === null) return null
  let auc = computed.get(p.scores)
  if (auc === undefined) computed.set(p.scores, (auc = scoresAuc(p.scores)))
  return auc
}

export const exactAuc = (d: ScoreDistribution): number => aucSummary(d).value
export const aucBlocks = (d: ScoreDistribution): AucBlocks => aucSummary(d).blocks

/** AUC of a resample given Poisson draws kPos, kNeg per block. */
export function resampledAuc(b: AucBlocks, kPos: Float64Array, kNeg: Float64Array): number {
  let below = 0
  let num = 0
  let pos = 0
  for (let i = 0; i < b.posW.length; i++) {
    const p = b.posN[i] > 0 ? (b.posW[i] * kPos[i]) / b.posN[i] : 0
    const q = b.negN[i] > 0 ? (b.negW[i] * kNeg[i]) / b.negN[i] : 0
    const full = b.posW[i] * b.negW[i]
    num += p * below + (full > 0 ? (b.within[i] * p * q) / full : 0)
    below += q
    pos += p
  }
  return pos > 0 && below > 0 ? num / (pos * below) : NaN
}
