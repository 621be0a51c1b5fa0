/**
 * The fork-safe half of the two-workflow setup: a `workflow_run` workflow, which has a write token,
 * posts the sticky comment from the report that the untrusted `pull_request` run uploaded. It runs no
 * code from the pull request. The report is untrusted data, written by whatever the pull request ran:
 * - it must validate against the published schema (types, and patterns and lengths on ids);
 * - the pull request it names must have the head commit that the triggering run checked;
 * - its decision is recomputed from its checks, and a report that claims another is named for it;
 * - every string of it is escaped when rendered (core/report/escape.ts).
 * Its numbers are still the pull request's to choose: the comment and the outputs inform, and the
 * decision that protects a branch is the required check of the trusted run (SECURITY.md).
 */
import { decide } from '../core/gate/evaluate.js'
import { InputError } from '../core/errors.js'
import { renderMarkdown, reportMarker } from '../core/report/markdown.js'
import type { Report } from '../core/report/report.js'
import { reportProblem } from '../core/schema.js'
import { readReportFile } from '../core/baseline/load.js'
import { postSticky, type CommentApi, type Graphql, type PullsApi } from './comment.js'

/**
 * Reads and checks an uploaded report; throws an InputError naming the problem. The decision it
 * returns is the one its checks give; a report that claimed another carries a note that says so.
 */
export function readUploadedReport(path: string): Report {
  let report: unknown
  try {
    report = readReportFile(path)
  } catch (err) {
    throw new InputError(`cannot read the uploaded report: it ${(err as Error).message}`, { file: path })
  }
  const problem = reportProblem(report)
  if (problem !== null)
    throw new InputError(`the uploaded report does not match schemas/report.schema.json at ${problem}`, {
      file: path
    })
  const r = report as Report
  const decision = decide(r.checks)
  if (decision === r.decision) return r
  return {
    ...r,
    decision,
    notes: [
      `The uploaded report says its decision is ${r.decision.toUpperCase()}, but its own checks give ${decision.toUpperCase()}: this comment shows ${decision.toUpperCase()}. A report that rai-gate wrote never disagrees with itself; look at the run that uploaded it.`,
      ...r.notes
    ]
  }
}

export interface CommentOnly {
  owner: string
  repo: string
  /** The head commit the triggering run checked (workflow_run.head_sha). */
  headSha: string | null
  issues: CommentApi
  graphql: Graphql
  pulls: PullsApi
  warn: (message: string) => void
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
  return postSticky(
    c,
    { owner: c.owner, repo: c.repo, pull },
    reportMarker(report),
    renderMarkdown(report),
    c.warn
  )
}
