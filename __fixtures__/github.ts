/**
 * A double for @actions/github: a settable context, an in-memory issues API for comments, contents by
 * ref, and workflow runs with their artifacts (the REST endpoints that `baseline: auto` reads).
 */
import { jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { zip } from '../__tests__/helpers/zip.js'

export const context = {
  repo: { owner: 'acme', repo: 'model' },
  sha: 'abc123',
  ref: 'refs/pull/7/merge',
  runId: 42,
  payload: {} as { pull_request?: { number: number } }
}

export interface FakeComment {
  id: number
  body: string
  html_url: string
  user?: { id: number; login: string }
}

/** The account the token acts as (GraphQL viewer); null makes the lookup fail. */
export const BOT = { id: 41898282, login: 'github-actions[bot]' }
export const viewer: { account: { id: number; login: string } | null } = { account: BOT }
export const graphql = jest.fn(async (query: string) => {
  if (!query.includes('viewer')) throw new Error(`unexpected query ${query}`)
  if (viewer.account === null) throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 })
  return { viewer: { login: viewer.account.login, databaseId: viewer.account.id } }
})

export const comments: FakeComment[] = []
/** When set, every comment call fails with this HTTP status. */
export const failure: { status: number | null } = { status: null }

const fail = () => {
  if (failure.status !== null) throw Object.assign(new Error(`HTTP ${failure.status}`), { status: failure.status })
}

export const issues = {
  listComments: jest.fn(async ({ per_page, page }: { per_page: number; page: number }) => {
    fail()
    return { data: comments.slice((page - 1) * per_page, page * per_page) }
  }),
  createComment: jest.fn(async ({ body }: { body: string }) => {
    fail()
    const c = {
      id: comments.length + 1,
      body,
      html_url: `https://github.test/acme/model/pull/7#issuecomment-${comments.length + 1}`,
      user: viewer.account ?? BOT
    }
    comments.push(c)
    return { data: c }
  }),
  updateComment: jest.fn(async ({ comment_id, body }: { comment_id: number; body: string }) => {
    fail()
    const c = comments.find(x => x.id === comment_id)!
    c.body = body
    return { data: c }
  })
}

/** Repository contents by ref: files[ref][path] = text. A path with files below it is a folder. */
export const files: Record<string, Record<string, string>> = {}
/** Refs by name (a ref that holds files is a commit of its own). */
export const commits: Record<string, string> = {}
/** `ref:path` of files that are listed but answer 404, and of files that come back without content. */
export const unreadable = new Set<string>()
export const contentless = new Set<string>()

const notFound = () => Object.assign(new Error('Not Found'), { status: 404 })

export const repos = {
  getContent: jest.fn(async ({ path, ref }: { path: string; ref: string }) => {
    const tree = files[ref] ?? {}
    if (unreadable.has(`${ref}:${path}`)) throw notFound()
    if (contentless.has(`${ref}:${path}`)) return { data: { type: 'file', name: path.split('/').pop(), path } }
    if (path in tree) return { data: { type: 'file', name: path.split('/').pop(), path, encoding: 'base64', content: Buffer.from(tree[path]).toString('base64') } }
    const below = Object.keys(tree).filter(f => f.startsWith(`${path}/`))
    if (below.length === 0) throw notFound()
    const names = new Map<string, string>()
    for (const f of below) {
      const rest = f.slice(path.length + 1)
      const name = rest.split('/')[0]
      names.set(name, rest.includes('/') ? 'dir' : 'file')
    }
    return { data: [...names].map(([name, type]) => ({ type, name, path: `${path}/${name}` })) }
  }),
  getCommit: jest.fn(async ({ ref }: { ref: string }) => {
    if (ref in commits) return { data: { sha: commits[ref] } }
    if (ref in files) return { data: { sha: ref } }
    throw notFound()
  })
}

/** Workflow runs: the current run belongs to workflow 9; runs lists successful runs by branch. */
export const runs: Record<
  string,
  { id: number; head_sha: string; html_url: string; run_number: number; event?: string; head_repository?: { full_name: string } }[]
> = {}
/** Artifacts by run id and name: the zip the download serves, and the size the listing gives. */
export const artifacts = new Map<string, { id: number; zip: Buffer; size: number }>()
const artifactKey = (run: number, name: string) => `${run}/${name}`

/** Stores a file as artifact `name` of run `run`, with more files beside it, or a size as listed. */
export function putArtifact(
  run: number,
  name: string,
  file: string,
  more: { files?: Record<string, string>; size?: number } = {}
): void {
  const archive = zip({ [basename(file)]: readFileSync(file, 'utf8'), ...more.files }, 'deflate')
  artifacts.set(artifactKey(run, name), { id: artifacts.size + 100, zip: archive, size: more.size ?? archive.length })
}

export const actions = {
  getWorkflowRun: jest.fn(async () => ({ data: { workflow_id: 9 } })),
  listWorkflowRunArtifacts: jest.fn(async ({ run_id, name }: { run_id: number; name: string }) => {
    const a = artifacts.get(artifactKey(run_id, name))
    return { data: { artifacts: a ? [{ id: a.id, name, size_in_bytes: a.size }] : [] } }
  }),
  downloadArtifact: jest.fn(async ({ artifact_id }: { artifact_id: number }) => {
    const a = [...artifacts.values()].find(x => x.id === artifact_id)
    if (!a) throw notFound()
    // Octokit gives the followed redirect's body as an ArrayBuffer.
    return { data: a.zip.buffer.slice(a.zip.byteOffset, a.zip.byteOffset + a.zip.length) }
  }),
  // Ignores the event filter, as if the API let a fork's run through: the Action must check it itself.
  listWorkflowRuns: jest.fn(async ({ branch }: { branch: string }) => ({
    data: { workflow_runs: (runs[branch] ?? []).map(r => ({ event: 'push', head_repository: { full_name: 'acme/model' }, ...r })) }
  }))
}

/** Head commits of pull requests, by number. */
export const heads: Record<number, string> = {}
export const pulls = {
  get: jest.fn(async ({ pull_number }: { pull_number: number }) => {
    if (!(pull_number in heads)) throw Object.assign(new Error('Not Found'), { status: 404 })
    return { data: { head: { sha: heads[pull_number] } } }
  })
}

export const getOctokit = jest.fn(() => ({ rest: { issues, repos, actions, pulls }, graphql }))
