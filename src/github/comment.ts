/**
 * The sticky PR comment: one per model per PR, found by its hidden marker (the first line of the
 * Markdown rendering). The first run creates it, later runs update it. REST only, which keeps GitHub
 * Enterprise and test doubles simple.
 */
import { status } from './policy-source.js'

export interface CommentApi {
  listComments(p: {
    owner: string
    repo: string
    issue_number: number
    per_page: number
    page: number
  }): Promise<{ data: { id: number; body?: string | null; html_url: string }[] }>
  createComment(p: {
    owner: string
    repo: string
    issue_number: number
    body: string
  }): Promise<{ data: { html_url: string } }>
  updateComment(p: {
    owner: string
    repo: string
    comment_id: number
    body: string
  }): Promise<{ data: { html_url: string } }>
}

export interface Target {
  owner: string
  repo: string
  pull: number
}

/** Creates or updates the comment whose body starts with `marker`; returns its URL. */
export async function upsertComment(
  api: CommentApi,
  target: Target,
  marker: string,
  body: string
): Promise<string> {
  const { owner, repo, pull } = target
  for (let page = 1; ; page++) {
    const { data } = await api.listComments({ owner, repo, issue_number: pull, per_page: 100, page })
    const mine = data.find(c => c.body?.startsWith(marker))
    if (mine) return (await api.updateComment({ owner, repo, comment_id: mine.id, body })).data.html_url
    if (data.length < 100) break
  }
  return (await api.createComment({ owner, repo, issue_number: pull, body })).data.html_url
}

/** The warning for a comment that could not be posted, with the fix. */
export function commentFailure(err: unknown): string {
  const code = status(err)
  if (code === 403 || code === 404) {
    return (
      `rai-gate could not post the PR comment (HTTP ${code}): the token may not write to pull requests. ` +
      'Grant `permissions: pull-requests: write` to the job. For pull requests from forks the token is read-only: ' +
      'use the two-workflow setup (a `workflow_run` workflow that posts the comment from the uploaded report; see the README). ' +
      'The gate decision does not depend on the comment.'
    )
  }
  return `rai-gate could not post the PR comment (${(err as Error).message ?? String(err)}). The gate decision does not depend on the comment.`
}
