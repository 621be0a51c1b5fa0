/**
 * The helper thread (dist/worker.js) for the costly steps of a run, whatever they are: this module
 * moves tasks and results, and tasks.ts says which tasks there are. It is started with the run, so
 * that its start-up overlaps loading the manifest and the policy. It keeps the process alive only
 * while it has a task: a run that ends early, or with an error, never waits for it.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'

const TAG = 'rai-gate-helper'

/** A task: its kind (a row of the task table, tasks.ts) and its job, which a message can carry. */
export interface Task {
  kind: string
  job: unknown
}

/** A task's result, and the buffers to move with it rather than copy. */
export type Done = { result: unknown; transfer: ArrayBuffer[] }

/** Runs one task of any kind on this thread (tasks.ts: the table of task kinds). */
export type RunTask = (task: Task) => Promise<Done>

/** Runs tasks away from the caller: on the helper thread, or in process (tests). */
export interface TaskRunner {
  run<T>(task: Task): Promise<T>
  close(): void
}

/**
 * The same tasks on the calling thread, their results passed through structured cloning as a
 * message would be: so that tests exercise the two-part reader and the offloaded bootstraps, merge
 * and line shift included, without a bundle to start a thread from.
 */
export class InProcess implements TaskRunner {
  constructor(private readonly runTask: RunTask) {}

  async run<T>(task: Task): Promise<T> {
    const { result, transfer } = await this.runTask(structuredClone(task))
    return structuredClone(result, { transfer }) as T
  }

  close(): void {}
}

export class Helper implements TaskRunner {
  private readonly worker: Worker
  /** Why the thread is gone, once it is (an error between tasks surfaces in the next run). */
  private gone: Error | null = null

  constructor(workerUrl: URL) {
    this.worker = new Worker(workerUrl, { workerData: { tag: TAG } })
    this.worker.unref()
    this.worker.on('error', err => (this.gone ??= err))
    this.worker.on('exit', code => (this.gone ??= new Error(`helper thread exited with code ${code}`)))
  }

  /** Runs one task on the thread; tasks are run one at a time. */
  run<T>(task: Task): Promise<T> {
    return new Promise((resolve, reject) => {
      if (this.gone) return reject(this.gone)
      const w = this.worker
      const done = () => {
        w.off('message', onMessage).off('error', onError).off('exit', onExit)
        w.unref()
      }
      const onMessage = (result: T) => (done(), resolve(result))
      const onError = (err: Error) => (done(), reject(err))
      const onExit = (code: number) => (done(), reject(new Error(`helper thread exited with code ${code}`)))
      w.on('message', onMessage).on('error', onError).on('exit', onExit)
      w.ref()
      w.postMessage(task)
    })
  }

  close(): void {
    void this.worker.terminate()
  }
}

/** The helper thread, and which predictions files are read in two parts. */
export interface Helpers {
  thread: TaskRunner
  /** Predictions files smaller than this are read on the main thread alone. */
  minBytes: number
}

/**
 * The helper thread started from workerUrl (dist/worker.js), or the tasks run in process by runTask
 * when null.
 */
export function startThread(workerUrl: URL | null, minBytes: number, runTask: RunTask): Helpers {
  return { thread: workerUrl === null ? new InProcess(runTask) : new Helper(workerUrl), minBytes }
}

export function closeHelpers(helpers: Helpers | null): void {
  helpers?.thread.close()
}

/** In a thread started by Helper: run each task posted to it and post the result back. */
export function serveTasks(runTask: RunTask): boolean {
  if (isMainThread || (workerData as { tag?: string } | undefined)?.tag !== TAG) return false
  parentPort!.on('message', (task: Task) => {
    void runTask(task).then(({ result, transfer }) => parentPort!.postMessage(result, transfer))
  })
  return true
}
