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
import { splitRuns, walkRuns, type Runs, type ScoreDistribution, type ScoreSource } from '../tables/scores.js'

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
 * The AUC's sums over a range of distinct scores, walked in ascending order: Σ posW·(negatives below
 * + ½ tied) within the range, its negative and positive weight, and its blocks. A block is numbered
 * by the rank of its first row among all rows (block b holds the scores whose rows below number from
 * b·rows/BLOCKS), so that two ranges walked apart, even on two threads, join into what one walk of
 * both gives (joinAuc).
 */
export interface AucPart {
  num: number
  below: number
  pos: number
  /** Per block, in order: its number, posW, negW, posN, negN, and concordant weight within it (ties ½). */
  blocks: number[][]
}

class AucBuilder {
  private num = 0
  private below = 0
  private pos = 0
  private readonly blocks: number[][] = []
  /** The open block: [number, posW, negW, posN, negN, within]. */
  private cur: number[] | null = null

  /** totalRows: the rows at all scores; rowsBefore: those below the range walked. */
  constructor(
    private readonly totalRows: number,
    private rowsBefore = 0
  ) {}

  add(posW: number, negW: number, posN: number, negN: number): void {
    this.num += posW * (this.below + 0.5 * negW)
    this.below += negW
    this.pos += posW
    const b = Math.min(BLOCKS - 1, Math.floor((this.rowsBefore * BLOCKS) / this.totalRows))
    let cur = this.cur
    if (cur === null || cur[0] !== b) this.blocks.push((cur = this.cur = [b, 0, 0, 0, 0, 0]))
    cur[5] += posW * (cur[2] + 0.5 * negW)
    cur[1] += posW
    cur[2] += negW
    cur[3] += posN
    cur[4] += negN
    this.rowsBefore += posN + negN
  }

  part(): AucPart {
    return { num: this.num, below: this.below, pos: this.pos, blocks: this.blocks }
  }
}

/** The sums of two adjacent ranges (lower first) as one walk of both gives them. */
function joinAuc(lower: AucPart, upper: AucPart): AucPart {
  const blocks = [...lower.blocks.map(b => [...b])]
  const last = blocks[blocks.length - 1]
  for (const [k, b] of upper.blocks.entries()) {
    if (k === 0 && last !== undefined && last[0] === b[0]) {
      // One block across the cut: its upper positives rank above its lower negatives.
      last[5] += b[5] + b[1] * last[2]
      for (let j = 1; j <= 4; j++) last[j] += b[j]
    } else blocks.push([...b])
  }
  return {
    num: lower.num + upper.num + upper.pos * lower.below,
    below: lower.below + upper.below,
    pos: lower.pos + upper.pos,
    blocks
  }
}

function summaryOf(p: AucPart): AucSummary {
  const col = (j: number) => Float64Array.from(p.blocks, b => b[j])
  return {
    value: p.pos > 0 && p.below > 0 ? p.num / (p.pos * p.below) : NaN,
    blocks: { posW: col(1), negW: col(2), posN: col(3), negN: col(4), within: col(5) }
  }
}

/** One half of a walk of sorted runs: the scores in [from, to), with rowsBefore of the rows below from. */
export interface AucHalf {
  runs: Runs
  rows: number
  from: number
  to: number
  rowsBefore: number
}

/**
 * A walk of sorted runs in two halves, cut by tables/scores.ts splitRuns (scoresAucBeside walks the
 * upper one elsewhere meanwhile).
 */
function aucHalves(runs: Runs, rows: number): [AucHalf, AucHalf] {
  const split = splitRuns(runs)
  return [
    { runs, rows, from: -Infinity, to: split.score, rowsBefore: 0 },
    { runs, rows, from: split.score, to: Infinity, rowsBefore: split.rowsBelow }
  ]
}

/** The sums of one half. */
export function aucPart(h: AucHalf): AucPart {
  const auc = new AucBuilder(h.rows, h.rowsBefore)
  walkRuns(h.runs, (_s, posW, negW, posN, negN) => auc.add(posW, negW, posN, negN), h.from, h.to)
  return auc.part()
}

/** Exact AUC and its bootstrap blocks from the two halves' sums. */
export function joinedAuc(lower: AucPart, upper: AucPart): AucSummary {
  return summaryOf(joinAuc(lower, upper))
}

/**
 * As scoresAuc, with the upper half of sorted runs walked by `upper` (on another thread) while this
 * one walks the lower half: the same sums.
 */
export async function scoresAucBeside(
  s: ScoreSource,
  upper: (half: AucHalf) => Promise<AucPart>
): Promise<AucSummary> {
  if (s.runs === null) return scoresAuc(s)
  const [lower, high] = aucHalves(s.runs, s.rows)
  const walked = upper(high)
  return joinedAuc(aucPart(lower), await walked)
}

/** Exact AUC and its bootstrap blocks of a distribution (one walk, in order). */
export function aucSummary(d: ScoreDistribution): AucSummary {
  let rows = 0
  for (let i = 0; i < d.score.length; i++) rows += d.posN[i] + d.negN[i]
  const auc = new AucBuilder(rows)
  for (let i = 0; i < d.score.length; i++) auc.add(d.posW[i], d.negW[i], d.posN[i], d.negN[i])
  return summaryOf(auc.part())
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
  return summaryOf(auc.part())
}

/** From a reader's scores: straight from the grid when there is one (its tight loop), else the runs in two halves. */
export function scoresAuc(s: ScoreSource): AucSummary {
  if (s.grid) return gridAucSummary(s.grid.counts, s.grid.weights)
  const [lower, upper] = aucHalves(s.runs!, s.rows)
  return joinedAuc(aucPart(lower), aucPart(upper))
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
