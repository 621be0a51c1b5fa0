// The worker threads' entry (dist/worker.js): reads one part of a large predictions file, or draws
// half of the predictions bootstrap. A bundle of its own, so that a worker starts without loading the
// CLI or the Action.
import { runWorkerIfAsked } from './core/artifacts/parallel.js'
import { runBootstrapWorkerIfAsked } from './core/metrics/offload.js'

if (!(await runWorkerIfAsked())) runBootstrapWorkerIfAsked()
