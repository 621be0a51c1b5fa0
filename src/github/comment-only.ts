/**
 * The fork-safe half of the two-workflow setup: a `workflow_run` workflow, which has a write token,
 * posts the sticky comment from the report that the untrusted `pull_request` run uploaded. It runs no
 * code from the pull request. The report is untrusted data: it must validate against the published
 * schema, and the pull request it names must have the head commit that the triggering run checked.
 */
import { Ajv } from 'ajv'
import { readFileSync } from 'node:fs'
import schema from '../../schemas/report.schema.json' with { type: 'json' }
import { InputError } from '../core/errors.js'
import { marker, renderMarkdown } from '../core/report/markdown.js'
import type { Report } from '../core/report/report.js'
import { upsertComment, type CommentApi } from './comment.js'

export interface PullsApi {
  get(p: { owner: string; repo: string; pull_number: number }): Promise<{ data: { head: { sha: string } } }>
}

// The schema is checked against its meta-schema by a test, not on every run (see core/schema.ts).
const validate = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  validateSchema: false
}).compile(schema)

/** Reads and checks an uploaded report; throws an InputError naming the problem. */
export function readUploadedReport(path: string): Report {
  let report: unknown
  try {
    report = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new InputError(`cannot read the uploaded report (${(err as Error).message})`, { file: path })
  }
  if (!validate(report)) {
    const e = validate.errors![0]
    throw new InputError(
      `the uploaded report does not match schemas/report.schema.json at ${e.instancePath || '/'}: ${e.message}`,
      { file: path }
    )
  }
  return report as unknown as Report
}

export interface CommentOnly {
  owner: string
  repo: string
  /** The head commit the triggering run checked (workflow_run.head_sha). */
  headSha: string | null
  issues: CommentApi
  pulls: PullsApi
}

export async function postFromReport(report: Report, c: CommentOnly): Promise<string> {
  const pull = report.context?.pullRequest
  if (typeof pull !== 'number')
    throw new InputError(
      'the uploaded report names no pull request (context.pullRequest); nothing to comment on'
    )
  const head = (await c.pulls.get({ owner: c.owner, repo: c.repo, pull_number: pull })).data.head.sha
  if (c.headSha === null || head !== c.headSha) {
    throw new InputError(
      `pull request #${pull} is at ${head.slice(0, 12)}, but the run that made the report checked ${String(c.headSha).slice(0, 12)}: not commenting`
    )
  }
  return upsertComment(
    c.issues,
    { owner: c.owner, repo: c.repo, pull },
    marker(report.model.name),
    renderMarkdown(report)
  )
}
