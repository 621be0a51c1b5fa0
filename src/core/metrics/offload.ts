/**
 * Drawing the second half of the predictions bootstrap on a helper thread (core/threads.ts) while
 * the main thread draws the first; see evaluateOffloaded. The halves have random streams of their
 * own, so the numbers are the same as when one thread draws both.
 */
import { cellCount, type CellTable } from '../tables/cells.js'
import { drawSecondHalf, type PredictionJob } from './evaluate.js'

/**
 * Below this much work (cells, or rows of a paired bootstrap, × resamples) the bootstrap takes well
 * under what handing half of it to another thread costs, and runs on one thread.
 */
export const OFFLOAD_MIN_WORK = 1_000_000

export const worthOffloading = (table: CellTable, resamples: number): boolean =>
  cellCount(table) * resamples >= OFFLOAD_MIN_WORK

/** On the helper thread: the second half, and its buffer to transfer. */
export function bootstrapTask(job: PredictionJob): { result: Float64Array; transfer: ArrayBuffer[] } {
  const half = drawSecondHalf(job)
  return { result: half, transfer: [half.buffer as ArrayBuffer] }
}
