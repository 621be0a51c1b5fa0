/**
 * The files a run writes, the same from the CLI and the Action: the report (one record per line,
 * report.ts), and on request its Markdown and JUnit renderings. Each is written whole or not at all
 * (writeFileAtomic), so a reader never sees half a report.
 */
import { resolve } from 'node:path'
import { InputError } from './errors.js'
import { isInside, writeFileAtomic } from './files.js'
import type { FailOn } from './gate/evaluate.js'
import { renderJunit } from './report/junit.js'
import { renderMarkdown } from './report/markdown.js'
import { serializeReport, type Report } from './report/report.js'

export interface OutputPaths {
  /** The evidence report (JSON). */
  report: string
  /** The Markdown summary (the PR comment's text). */
  markdown?: string
  /** The checks as JUnit XML. */
  junit?: string
}

export interface Outputs {
  json: string
  /** The Markdown rendering, made once when first asked for. */
  markdown(): string
}

/**
 * Writes the report and the renderings asked for, paths relative to cwd. With `within` (the Action's
 * workspace), a path that resolves outside that folder, through a link the checkout holds, is an error.
 */
export function writeOutputs(
  report: Report,
  cwd: string,
  paths: OutputPaths,
  failOn: FailOn,
  options: { within?: string } = {}
): Outputs {
  const write = (path: string, data: string) => {
    const abs = resolve(cwd, path)
    if (options.within !== undefined && !isInside(options.within, abs))
      throw new InputError(
        `resolves outside the workspace (${options.within}), through a symbolic link; expected a path inside it`,
        { file: path }
      )
    writeFileAtomic(abs, data)
  }
  const json = serializeReport(report)
  write(paths.report, json)
  let markdown: string | undefined
  const outputs = { json, markdown: () => (markdown ??= renderMarkdown(report)) }
  if (paths.markdown !== undefined) write(paths.markdown, outputs.markdown())
  if (paths.junit !== undefined) write(paths.junit, renderJunit(report, failOn))
  return outputs
}
