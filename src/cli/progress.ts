/**
 * The progress line of `check` while it reads a large predictions file: on stderr, and only when
 * stderr is a terminal outside CI (CI logs and pipes get none; nothing goes to stdout or the report).
 * It appears once a file has taken half a second, is redrawn at most ten times a second, and is
 * erased when the file is read or the run ends.
 */
import type { ReadProgress } from '../core/artifacts/formats/bytes.js'

const DELAY_MS = 500
const EVERY_MS = 100
const ERASE = '\r\x1b[K'

export interface ProgressLine {
  progress: ReadProgress
  /** Erases the line, if one is shown. */
  end(): void
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)

export function progressLine(
  write: (s: string) => void,
  tty: boolean,
  env: Record<string, string | undefined>,
  now: () => number = Date.now
): ProgressLine | undefined {
  // Runners set CI=true; some give a pseudo-terminal, and a redrawn line only fills their logs.
  if (!tty || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false')) return undefined
  let file = ''
  let started = 0
  let drawn = 0
  let shown = false
  const end = () => {
    if (shown) write(ERASE)
    shown = false
  }
  const progress: ReadProgress = (name, done, total) => {
    const t = now()
    if (name !== file) {
      end()
      file = name
      started = t
      drawn = 0
    }
    if (done >= total) return end()
    if (t - started < DELAY_MS || t - drawn < EVERY_MS) return
    drawn = t
    shown = true
    const percent = total > 0 ? Math.floor((done / total) * 100) : 0
    // The path is the manifest's: no control character in it reaches the terminal.
    // eslint-disable-next-line no-control-regex -- the controls are what it finds
    const shownName = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
    write(`${ERASE}reading ${shownName}: ${percent}% (${mb(done)} of ${mb(total)} MB)`)
  }
  return { progress, end }
}
