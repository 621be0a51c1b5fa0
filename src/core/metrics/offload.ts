/**
 * Draws the second half of the predictions bootstrap on a worker thread (dist/worker.js) while the
 * main thread draws the first; see evaluateOffloaded. The halves have random streams of their own,
 * so the numbers are the same as when one thread draws both.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { cellCount, type CellTable } from '../artifacts/cells.js'
import { drawSecondHalf, type PredictionJob } from './evaluate.js'

const TAG = 'rai-gate-bootstrap-half'

/**
 * Below this much work (cells × resamples) the bootstrap takes well under the 40 ms or so a worker
 * needs to start, and runs on one thread.
 */
export const OFFLOAD_MIN_WORK = 1_000_000

export const worthOffloading = (table: CellTable, resamples: number): boolean =>
  cellCount(table) * resamples >= OFFLOAD_MIN_WORK

export function offloadTo(workerUrl: URL): (job: PredictionJob) => Promise<Float64Array> {
  return job =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: { tag: TAG, job } })
      worker.once('message', (half: Float64Array) => resolve(half))
      worker.once('error', reject)
      worker.once('exit', code => {
        if (code !== 0) reject(new Error(`bootstrap worker exited with code ${code}`))
      })
    })
}

/** In a worker started by offloadTo: draw the half and post it back. */
export function runBootstrapWorkerIfAsked(): boolean {
  if (isMainThread || (workerData as { tag?: string } | undefined)?.tag !== TAG) return false
  const half = drawSecondHalf((workerData as { job: PredictionJob }).job)
  parentPort!.postMessage(half, [half.buffer as ArrayBuffer])
  return true
}
