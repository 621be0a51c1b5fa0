import { fileURLToPath } from 'node:url'
import { main } from './cli/main.js'

// A reader that stops early (`rai-gate check | head`) closes the pipe: stop quietly, as other tools
// do, rather than with a stack trace. The report file is written before anything is printed.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', err => {
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw err
  })

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: s => process.stdout.write(s),
  stderr: s => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  workerUrl: new URL('./worker.js', import.meta.url),
  // The package's policies/, beside dist/ (and beside src/ in the repository).
  policies: fileURLToPath(new URL('../policies', import.meta.url))
})
