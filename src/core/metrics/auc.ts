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
import type { ScoreDistribution } from '../artifacts/scores.js'

const BLOCKS = 512

export function exactAuc(d: ScoreDistribution): number {
  let below = 0
  let num = 0
  let pos = 0
  for (let i = 0; i < d.score.length; i++) {
    num += d.posW[i] * (below + 0.5 * d.negW[i])
    below += d.negW[i]
    pos += d.posW[i]
  }
  return pos > 0 && below > 0 ? num / (pos * below) : NaN
}

export interface AucBlocks {
  posW: Float64Array
  negW: Float64Array
  posN: Float64Array
  negN: Float64Array
  /** Concordant weight of pairs inside the block (ties ½). */
  within: Float64Array
}

export function aucBlocks(d: ScoreDistribution): AucBlocks {
  const k = d.score.length
  let totalRows = 0
  for (let i = 0; i < k; i++) totalRows += d.posN[i] + d.negN[i]
  const target = totalRows / BLOCKS
  const blocks: number[][] = []
  let cur = [0, 0, 0, 0, 0]
  let rowsIn = 0
  let below = 0
  for (let i = 0; i < k; i++) {
    cur[0] += d.posW[i]
    cur[1] += d.negW[i]
    cur[2] += d.posN[i]
    cur[3] += d.negN[i]
    cur[4] += d.posW[i] * (below + 0.5 * d.negW[i])
    below += d.negW[i]
    rowsIn += d.posN[i] + d.negN[i]
    if (rowsIn >= target || i === k - 1) {
      blocks.push(cur)
      cur = [0, 0, 0, 0, 0]
      rowsIn = 0
      below = 0
    }
  }
  const col = (j: number) => Float64Array.from(blocks, b => b[j])
  return { posW: col(0), negW: col(1), posN: col(2), negN: col(3), within: col(4) }
}

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

/** Exact AUC and its bootstrap blocks, computed once per run (check() stores them on the data). */
export function aucSummary(d: ScoreDistribution): { value: number; blocks: AucBlocks } {
  return { value: exactAuc(d), blocks: aucBlocks(d) }
}
