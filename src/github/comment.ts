/**
 * The sticky PR comment: one per model per PR, found by its hidden marker (the first line of the
 * Markdown rendering) among the comments written by the account the token acts as. Anyone can post a
 * comment that starts with the marker, and its author can edit it after rai-gate has: such a comment
 * is never taken for the sticky one. The first run creates it, later runs update it.
 */
import { ApiTimeout } from './client.js'
import { failureOf, status } from './policy-source.js'

export interface CommentApi {
  listComments(p: {
    owner: string
    repo: string
    issue_number: number
    per_page: number
    page: number
  }): Promise<{
    data: { id: number; body?: string | null; html_url: string; user?: { id: number } | null }[]
  }>
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

/** The account a token acts as. */
export interface Identity {
  id: number
  login: string
}

/** GraphQL's `viewer`: the one lookup that works for the Actions token and app tokens (REST /user does not). */
export type Graphql = (query: string) => Promise<unknown>

/** Who the token acts as, or a warning that says why that is unknown. */
async function tokenIdentity(graphql: Graphql): Promise<Identity | { warning: string }> {
  try {
    const { viewer } = (await graphql('query { viewer { login databaseId } }')) as {
      viewer: { login: string; databaseId: number }
    }
    if (typeof viewer?.databaseId !== 'number') throw new Error('the answer names no account')
    return { id: viewer.databaseId, login: viewer.login }
  } catch (err) {
    return {
      warning: `rai-gate could not tell which account its token acts as (${failureOf(err)}), so it cannot tell its own comment from one that someone else wrote: it posts a new comment instead of editing one.`
    }
  }
}

/**
 * Creates or updates the comment that `author` wrote whose body starts with `marker`; returns its
 * URL. With no author known, only creates.
 */
async function upsertComment(
  api: CommentApi,
  target: Target,
  marker: string,
  body: string,
  author: Identity | null
): Promise<string> {
  const { owner, repo, pull } = target
  for (let page = 1; author !== null; page++) {
    const { data } = await api.listComments({ owner, repo, issue_number: pull, per_page: 100, page })
    const mine = data.find(c => c.user?.id === author.id && c.body?.startsWith(marker))
    if (mine) {
      try {
        return (await api.updateComment({ owner, repo, comment_id: mine.id, body })).data.html_url
      } catch (err) {
        // Deleted since it was listed: the sticky comment is made again.
        if (status(err) !== 404) throw err
        break
      }
    }
    if (data.length < 100) break
  }
  return (await api.createComment({ owner, repo, issue_number: pull, body })).data.html_url
}

/** Finds who the token acts as (warning when it cannot), then creates or updates the sticky comment. */
export async function postSticky(
  api: { issues: CommentApi; graphql: Graphql },
  target: Target,
  marker: string,
  body: string,
  warn: (message: string) => void
): Promise<string> {
  const me = await tokenIdentity(api.graphql)
  if ('warning' in me) warn(me.warning)
  return upsertComment(api.issues, target, marker, body, 'warning' in me ? null : me)
}

export interface PullsApi {
  get(p: { owner: string; repo: string; pull_number: number }): Promise<{ data: { head: { sha: string } } }>
}

/**
 * Writes the sticky comment when the pull request is still at `headSha`, the commit the run checked:
 * a slow run of an older commit must not overwrite the verdict on a newer one. Returns its URL, or ''
 * with a warning when it was not written (moved on, or any API failure): a comment never decides.
 */
export async function postFresh(
  api: { issues: CommentApi; graphql: Graphql; pulls: PullsApi },
  target: Target,
  headSha: string,
  marker: string,
  body: string,
  warn: (message: string) => void
): Promise<string> {
  const { owner, repo, pull } = target
  try {
    const head = (await api.pulls.get({ owner, repo, pull_number: pull })).data.head.sha
    if (head !== headSha) {
      warn(
        `Not commenting: pull request #${pull} is now at ${head.slice(0, 12)}, and this run checked ${headSha.slice(0, 12)}; the run for the newer commit writes the comment.`
      )
      return ''
    }
    return await postSticky(api, target, marker, body, warn)
  } catch (err) {
    warn(commentFailure(err))
    return ''
  }
}

/** The warning for a comment that could not be posted, with the fix. */
export function commentFailure(err: unknown): string {
  const code = status(err)
  if (err instanceof ApiTimeout)
    return `rai-gate could not post the PR comment: ${err.message}. The gate decision does not depend on the comment.`
  if (/secondary rate limit/i.test((err as Error).message ?? ''))
    return `rai-gate could not post the PR comment: GitHub's secondary rate limit (HTTP ${code}), which asks to wait minutes, longer than a step should. The next run posts it. The gate decision does not depend on the comment.`
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
