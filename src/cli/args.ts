/** The commands' flags: node's parseArgs (strict), its errors made usage errors that show the usage. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from '../core/errors.js'

export function parseFlags<T extends ParseArgsConfig>(
  config: T,
  usage: string
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${usage}`)
  }
}
