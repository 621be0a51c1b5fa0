/**
 * What reading predictions gives (predictions.ts reads them, prediction-sink.ts accumulates them): the
 * cell table, the scores, and the row record with each row's prediction code.
 */
import type { AucBlocks } from '../../metrics/auc.js'
import type { CaseRecord } from '../../tables/cases.js'
import type { CellTable } from '../../tables/cells.js'
import type { ScoreSource } from '../../tables/scores.js'

export interface PredictionOptions {
  attributes: string[]
  bins: number
  /** Interior quantile edges, or null for uniform bins. */
  edges: number[] | null
}

export interface PredictionData {
  table: CellTable
  /** Null when there is no score column. */
  scores: ScoreSource | null
  /**
   * Exact AUC and its bootstrap blocks as stored in an earlier report, which keeps no scores, or as the
   * two-part reader computed it on two threads; else predictionAuc (metrics/auc.ts) computes it from
   * the scores once.
   */
  auc?: { value: number; blocks: AucBlocks | null }
  /** Quantile calibration edges the rows were binned with; null for uniform bins. */
  edges: number[] | null
  /**
   * From a stats table: how far overall metrics computed from score bins can be from the scores' own
   * (the AUC, with scores tied within a bin; the ECE on quantile bins), by metric id.
   */
  bounds?: Record<string, number>
  rows: number
  sha256: string
  /** Each row as a paired comparison needs it, when the file has ids or champion columns. */
  record?: PredictionRecord | null
  /** Why no row record was kept. */
  recordMissing?: string
}

/**
 * The rows of a predictions file one by one (metrics/paired-predictions.ts): cases.cells[i] is row
 * i's combination of groups and cases.codes[i] its predictionCode. Keys are hashed ids (byId) or, with
 * only champion/challenger columns, row positions (never kept in a report).
 */
export interface PredictionRecord {
  cases: CaseRecord
  byId: boolean
  /** The exact scores (the codes hold them in millionths); null without scores or from a report. */
  scores: Float64Array | null
  /** Row weights; null when unweighted. */
  weights: Float64Array | null
  /** The baseline model on the same rows, from the file's baselinePrediction/baselineScore columns. */
  champion: { codes: Uint32Array; scores: Float64Array | null } | null
}

/** A row's label, prediction and score in millionths (0 without a score), in one word. */
export const predictionCode = (y: number, p: number, micros: number): number =>
  y * 2_097_152 + p * 1_048_576 + micros
export const codeLabel = (code: number): number => code >>> 21
export const codePrediction = (code: number): number => (code >>> 20) & 1
export const codeMicros = (code: number): number => code & 0xfffff
/** The largest valid code. */
export const MAX_PREDICTION_CODE = predictionCode(1, 1, 1_000_000)
