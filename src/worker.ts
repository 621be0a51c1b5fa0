// The helper threads' entry (dist/worker.js): see core/threads.ts and core/tasks.ts. A bundle of its own, so that a
// helper starts without loading the CLI or the Action.
import { serveIfHelper } from './core/tasks.js'

serveIfHelper()
