// The line scan the check is compared with: stream a file in 1 MiB chunks and count `\n` with
// Buffer.indexOf (memchr), the fastest way Node counts lines. Run as a program
// (`node bench/scan.js FILE`), it is timed like the check: a whole Node process, start-up included.
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

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${await countLines(process.argv[2])}\n`)
}
