/**
 * The tasks a helper thread runs (threads.ts moves them): reading the second part of a large
 * predictions file while the main thread reads the first, and walking the upper half of its sorted
 * scores for the AUC while the main thread walks the lower (artifacts/fast/parallel.ts); drawing half
 * of a large bootstrap while the main thread draws the other (metrics/offload.ts, and the paired
 * bootstrap of metrics/paired-predictions.ts). A new kind of task is a row of TASKS.
 */
import { partTask } from './artifacts/fast/parallel.js'
import { aucPart } from './metrics/auc.js'
import { bootstrapTask } from './metrics/offload.js'
import { pairedTask } from './metrics/paired-predictions.js'
import { serveTasks, startThread, type Done, type Helpers, type Task } from './threads.js'

const TASKS: Record<string, (job: never) => Done | Promise<Done>> = {
  part: partTask,
  bootstrap: bootstrapTask,
  paired: pairedTask,
  auc: job => ({ result: aucPart(job), transfer: [] })
}

async function runTask(task: Task): Promise<Done> {
  const run = TASKS[task.kind]
  if (run === undefined) throw new Error(`no task of kind '${task.kind}'`)
  return run(task.job as never)
}

/** The helper thread started from workerUrl (dist/worker.js), or these tasks in process when null. */
export const startHelpers = (workerUrl: URL | null, minBytes: number): Helpers =>
  startThread(workerUrl, minBytes, runTask)

/** In a helper thread: serve these tasks. */
export const serveIfHelper = (): boolean => serveTasks(runTask)
