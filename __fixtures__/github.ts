/** A double for @actions/github: a settable context and an in-memory issues API for comments. */
import { jest } from '@jest/globals'

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
export const actions = {
  getWorkflowRun: jest.fn(async () => ({ data: { workflow_id: 9 } })),
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
