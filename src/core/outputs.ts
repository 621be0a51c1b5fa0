/**
 * The files a run writes, the same from the CLI and the Action: the report (one record per line,
 * report.ts), and on request its Markdown and JUnit renderings. Each is written whole or not at all
 * (writeFileAtomic), so a reader never sees half a report.
 */
import { resolve } from 'node:path'
import { writeFileAtomic } from './files.js'
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

/** Writes the report and the renderings asked for, paths relative to cwd. */
export function writeOutputs(report: Report, cwd: string, paths: OutputPaths, failOn: FailOn): Outputs {
  const json = serializeReport(report)
  writeFileAtomic(resolve(cwd, paths.report), json)
  let markdown: string | undefined
  const outputs = { json, markdown: () => (markdown ??= renderMarkdown(report)) }
  if (paths.markdown !== undefined) writeFileAtomic(resolve(cwd, paths.markdown), outputs.markdown())
  if (paths.junit !== undefined) writeFileAtomic(resolve(cwd, paths.junit), renderJunit(report, failOn))
  return outputs
}
