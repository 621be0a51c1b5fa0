/**
 * ROC AUC from the score distribution: the probability that a random positive scores above a random
 * negative, ties counting ½ (the Mann–Whitney statistic, equal to scikit-learn's roc_auc_score, with
 * sample weights). Exact, O(distinct scores).
 *
 * For the bootstrap, distinct scores are grouped into at most 512 blocks (AUC_BLOCKS in
 * assembly/merge.ts, which computes the sums) of similar row count.
 * A resample scales each block's positive and negative weight by its Poisson draw; pairs across blocks
 * are ordered exactly, pairs inside a block keep their share of concordance. With every draw equal to
 * the block's own count this reproduces the exact AUC; it is an approximation of row resampling only
 * inside a block (1/512 of the pairs, at most).
 */
import {
  gridAuc,
  runsAuc,
  splitRuns,
  type Runs,
  type ScoreDistribution,
  type ScoreSource,
  type SortedRuns
} from '../tables/scores.js'
import { scratchMemory } from '../wasm.js'
import type { AucSupport } from './support.js'

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
 * b·rows/512), so that two ranges walked apart, even on two threads, join into what one walk of
 * both gives (joinAuc).
 */
export interface AucPart {
  num: number
  below: number
  pos: number
  /** Per block, in order: its number, posW, negW, posN, negN, and concordant weight within it (ties ½). */
  blocks: number[][]
}

/**
 * The AUC's sums from `add`, which adds distinct scores in ascending order to the sums it is given
 * (laid out by assembly/merge.ts, which computes them): totalRows of the rows at all scores,
 * rowsBefore of them below the scores added.
 */
function sumsOf(totalRows: number, rowsBefore: number, add: (sums: Float64Array) => void): AucPart {
  const x = scratchMemory(0).x
  const sums = new Float64Array((x.AUC_STATE_BYTES.value as number) / 8)
  sums[3] = rowsBefore
  sums[4] = totalRows
  add(sums)
  const blocks: number[][] = []
  for (let b = 0; b < (x.AUC_BLOCKS.value as number); b++) {
    const at = 5 + 6 * b
    if (sums[at] === 1) blocks.push([b, ...sums.subarray(at + 1, at + 6)])
  }
  return { num: sums[0], below: sums[1], pos: sums[2], blocks }
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
  return sumsOf(h.rows, h.rowsBefore, sums => runsAuc(h.runs, sums, h.from, h.to))
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
  // Each label's scores as a run (its rows and weight at each), merged again by the walk.
  const runOf = (n: Float64Array, w: Float64Array) => {
    const at = [...n.keys()].filter(i => n[i] > 0)
    return {
      score: Float64Array.from(at, i => d.score[i]),
      count: Uint32Array.from(at, i => n[i]),
      weight: Float64Array.from(at, i => w[i])
    }
  }
  const runs: SortedRuns = [[runOf(d.negN, d.negW)], [runOf(d.posN, d.posW)]]
  return summaryOf(sumsOf(rows, 0, sums => runsAuc(runs, sums)))
}

/**
 * As aucSummary of the grid's distribution, without making it: counts[micros·2 + label], and weights
 * likewise (null: the counts are the weights).
 */
export function gridAucSummary(counts: Uint32Array, weights: Float64Array | null): AucSummary {
  let rows = 0
  for (let i = 0; i < counts.length; i++) rows += counts[i]
  return summaryOf(sumsOf(rows, 0, sums => gridAuc(counts, weights, sums)))
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

/**
 * DeLong's variance of the AUC (DeLong, DeLong & Clarke-Pearson 1988) from its blocks: each
 * positive's placement is the share of negative weight below it (ties ½), each negative's the share of
 * positive weight above it, and V = var(positives' placements)/m + var(negatives')/n. A block's rows
 * share one placement (its pairs inside the block spread evenly); with fewer rows than blocks every
 * distinct score is a block of its own and this is DeLong's exactly.
 */
export function aucSupport(b: AucBlocks, value: number): AucSupport | undefined {
  let posW = 0
  let negW = 0
  let m = 0
  let n = 0
  for (let i = 0; i < b.posW.length; i++) {
    posW += b.posW[i]
    negW += b.negW[i]
    m += b.posN[i]
    n += b.negN[i]
  }
  if (!(posW > 0 && negW > 0)) return undefined
  let below = 0
  let above = posW
  let s10 = 0
  let s01 = 0
  for (let i = 0; i < b.posW.length; i++) {
    const p = b.posW[i]
    const q = b.negW[i]
    above -= p
    if (p > 0) s10 += p * ((below + b.within[i] / p) / negW - value) ** 2
    if (q > 0) s01 += q * ((above + b.within[i] / q) / posW - value) ** 2
    below += q
  }
  // Weighted variances of the placements, with the n − 1 of an unweighted sample.
  const variance =
    ((s10 / posW) * (m / Math.max(1, m - 1))) / m + ((s01 / negW) * (n / Math.max(1, n - 1))) / n
  return { kind: 'auc', value, positives: m, negatives: n, variance }
}

/**
 * How far the AUC from score bins can be from the AUC of the scores themselves: within a bin, a
 * (positive, negative) pair counts ½ where the scores would give 0 or 1, so the error is at most
 * half the weight share of the pairs that fall in the same bin. counts[2·bin + label], weights
 * likewise (null when unweighted): a stats table's score bins, or a histogram's grid where scores
 * were floored onto it (tables/scores.ts, Bounded). Pairs of scores that are truly tied count ½ both
 * ways, so the bound is conservative where bins hold them.
 */
export function binnedAucBound(counts: ArrayLike<number>, weights: ArrayLike<number> | null): number {
  let pos = 0
  let neg = 0
  let same = 0
  for (let i = 0; i < counts.length; i += 2) {
    const n = weights ? weights[i] : counts[i]
    const p = weights ? weights[i + 1] : counts[i + 1]
    neg += n
    pos += p
    same += n * p
  }
  return pos > 0 && neg > 0 ? same / (2 * pos * neg) : 0
}
