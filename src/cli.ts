import { runWorkerIfAsked } from './core/artifacts/parallel.js'
import { main } from './cli/main.js'

if (!(await runWorkerIfAsked())) {
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: s => process.stdout.write(s),
    stderr: s => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    workerUrl: new URL(import.meta.url)
  })
}
