// The line scan the check is compared with: stream a file in 1 MiB chunks and count `\n` with
// Buffer.indexOf (memchr), the fastest way Node counts lines. Run as a program
// (`node bench/scan.js FILE`), it is timed like the check: a whole Node process, start-up included.
import { spawnSync } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { pathToFileURL } from 'node:url'

export async function countLines(path) {
  let lines = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let i = -1
    while ((i = chunk.indexOf(10, i + 1)) !== -1) lines++
  }
  return lines
}

/** The same line scan as a Node process of its own, timed the way the check is (start-up included). */
export function processScan(path) {
  const t = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['bench/scan.js', path], { encoding: 'utf8' })
  const seconds = Number(process.hrtime.bigint() - t) / 1e9
  if (r.status !== 0) throw new Error(`scan failed (${r.status}): ${r.stderr}`)
  return { seconds, lines: Number(r.stdout) }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${await countLines(process.argv[2])}\n`)
}
