/** Small file helpers shared by the manifest and policy loaders, and the entry points' outputs. */
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { InputError } from './errors.js'

export function readText(path: string, display: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? `${what} not found`
        : code === 'EISDIR'
          ? `is a directory, expected a ${what} file`
          : `cannot read the ${what} (${code})`
    throw new InputError(why, { file: display })
  }
}

/** The path to show a user: relative to the working directory when inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}

/** True when `path` (symlinks resolved, where it exists) lies inside `root`. */
export function isInside(root: string, path: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p)
    } catch {
      return resolve(p)
    }
  }
  const rel = relative(real(root), real(path))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * Writes a file whole or not at all: to a temporary file beside it, then renamed over it (a rename
 * within a directory is atomic), so that a run stopped midway never leaves a half-written report
 * that a later run or an auditor could read as complete. Makes the directory first.
 */
export function writeFileAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true })
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  try {
    writeFileSync(temp, data)
    renameSync(temp, path)
  } catch (err) {
    rmSync(temp, { force: true })
    throw err
  }
}
