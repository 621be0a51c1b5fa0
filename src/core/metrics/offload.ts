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

/**
 * A worker thread that draws second halves of predictions bootstraps, one job at a time. It is
 * started ahead of time (its start-up then overlaps the reading) and keeps the process alive only
 * while it has a job, so a run that ends early, or with an error, never waits for it.
 */
export class BootstrapWorker {
  private readonly worker: Worker
  /** Why the worker is gone, once it is (an error before any job surfaces in the next draw). */
  private gone: Error | null = null

  constructor(workerUrl: URL) {
    this.worker = new Worker(workerUrl, { workerData: { tag: TAG } })
    this.worker.unref()
    this.worker.on('error', err => (this.gone ??= err))
    this.worker.on('exit', code => (this.gone ??= new Error(`bootstrap worker exited with code ${code}`)))
  }

  draw = (job: PredictionJob): Promise<Float64Array> =>
    new Promise((resolve, reject) => {
      if (this.gone) return reject(this.gone)
      const w = this.worker
      const done = () => {
        w.off('message', onMessage).off('error', onError).off('exit', onExit)
        w.unref()
      }
      const onMessage = (half: Float64Array) => (done(), resolve(half))
      const onError = (err: Error) => (done(), reject(err))
      const onExit = (code: number) => (
        done(),
        reject(new Error(`bootstrap worker exited with code ${code}`))
      )
      w.on('message', onMessage).on('error', onError).on('exit', onExit)
      w.ref()
      w.postMessage(job)
    })

  close(): void {
    void this.worker.terminate()
  }
}

/** In a worker started by BootstrapWorker: draw each job's second half and post it back. */
export function runBootstrapWorkerIfAsked(): boolean {
  if (isMainThread || (workerData as { tag?: string } | undefined)?.tag !== TAG) return false
  parentPort!.on('message', (job: PredictionJob) => {
    const half = drawSecondHalf(job)
    parentPort!.postMessage(half, [half.buffer as ArrayBuffer])
  })
  return true
}
