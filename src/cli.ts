import { main } from './cli/main.js'

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: s => process.stdout.write(s),
  stderr: s => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  workerUrl: new URL('./worker.js', import.meta.url)
})
