/** Small file helpers shared by the manifest and policy loaders. */
import { readFileSync, realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
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
