/** Small file helpers shared by the manifest and policy loaders, and the entry points' outputs. */
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { InputError } from './errors.js'

/**
 * The largest configuration file read (a manifest, a policy file, a model card, a metrics file): far
 * above any real one, and small enough that a file planted to exhaust memory is refused unread.
 */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024

/**
 * The bytes of a regular file of at most `max` bytes. It is opened without blocking (a FIFO would
 * otherwise wait for a writer) and checked through the open descriptor, so a device (`/dev/zero`), a
 * FIFO or a folder is refused before anything is read, and no swap between check and read can pass one.
 * Throws an Error with a `code` (ENOENT, EISDIR, ENOTREG, EFBIG, or the system's) and a message that
 * completes "… is" / "… cannot be read".
 */
export function readRegular(path: string, max: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    if (!stat.isFile()) throw Object.assign(new Error('is not a regular file'), { code: 'ENOTREG' })
    if (stat.size > max)
      throw Object.assign(
        new Error(`is ${(stat.size / 1e6).toFixed(1)} MB, more than the ${max / 2 ** 20} MB allowed`),
        { code: 'EFBIG' }
      )
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function readText(path: string, display: string, what: string): string {
  try {
    return readRegular(path, MAX_TEXT_BYTES).toString('utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? `${what} not found`
        : code === 'EISDIR'
          ? `is a directory, expected a ${what} file`
          : code === 'ENOTREG' || code === 'EFBIG'
            ? `${(err as Error).message}; expected a ${what} file`
            : `cannot read the ${what} (${code})`
    throw new InputError(why, { file: display })
  }
}

/** The path to show a user: relative to the working directory when inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}

/** `path` with symbolic links resolved: the nearest existing ancestor's real path, then the rest. */
export function realPath(path: string): string {
  const abs = resolve(path)
  try {
    return realpathSync(abs)
  } catch {
    const parent = dirname(abs)
    return parent === abs ? abs : join(realPath(parent), basename(abs))
  }
}

/** True when `path` (symlinks resolved, where it exists) lies inside `root`. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(realPath(root), realPath(path))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * Writes a file whole or not at all: to a temporary file beside it, then renamed over it (a rename
 * within a directory is atomic), so that a run stopped midway never leaves a half-written report
 * that a later run or an auditor could read as complete. Makes the directory first. The temporary
 * name is random and created exclusively (`wx`: a file or link already there is an error, never
 * followed), so a link planted in the checkout cannot redirect the write; the rename replaces a link
 * at `path` itself rather than writing through it.
 */
export function writeFileAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true })
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`)
  let created = false
  try {
    writeFileSync(temp, data, { flag: 'wx' })
    created = true
    renameSync(temp, path)
  } catch (err) {
    if (created) rmSync(temp, { force: true })
    throw err
  }
}
