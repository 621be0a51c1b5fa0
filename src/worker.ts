// The worker threads' entry (dist/worker.js): reads one part of a large predictions file. A bundle of
// its own, so that a worker starts without loading the CLI or the Action.
import { runWorkerIfAsked } from './core/artifacts/parallel.js'

await runWorkerIfAsked()
