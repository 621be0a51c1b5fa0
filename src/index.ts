import { runWorkerIfAsked } from './core/artifacts/parallel.js'
import { run } from './github/main.js'

if (!(await runWorkerIfAsked())) await run()
