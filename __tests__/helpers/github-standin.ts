/**
 * A small GitHub stand-in on 127.0.0.1 for end-to-end tests of the bundled Action: issue comments (by
 * the token's account, GraphQL's viewer), repository contents by ref, workflow runs, and artifacts
 * with the 302 redirect to a zip download.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { zip } from './zip.js'

/** The account the Actions token acts as. */
export { zip }

export const BOT = { id: 41898282, login: 'github-actions[bot]' }

export interface StandIn {
  url: string
  comments: { id: number; body: string; user: { id: number; login: string } }[]
  /** files[ref][path] = text; a ref that holds files is a commit of its own. */
  files: Record<string, Record<string, string>>
  /** `ref:path` of files that are listed but answer 404, and of files that come back without content. */
  unreadable: Set<string>
  contentless: Set<string>
  /** Successful runs per branch of workflow 9 (a push to acme/model unless said otherwise). */
  runs: Record<
    string,
    { id: number; head_sha: string; event?: string; head_repository?: { full_name: string } }[]
  >
  /** artifacts[runId] = { name, zip } */
  artifacts: Record<number, { id: number; name: string; zip: Buffer }>
  /** Head commits of pull requests, by number. */
  heads: Record<number, string>
  /** When set, comment writes answer with this status. */
  commentStatus: number | null
  /** Faults of comment writes: the next this many answer 502; GitHub's secondary rate limit; a
   * comment deleted by someone between the list and the update. */
  serverErrors: number
  secondaryLimit: boolean
  vanishOnUpdate: boolean
  /** Milliseconds a comment write waits before it answers. */
  commentDelay: number
  /** The longest comment body accepted (GitHub's: 65,536 characters); a longer one answers 422. */
  bodyLimit: number
  requests: string[]
  close(): Promise<void>
}

export async function startStandIn(): Promise<StandIn> {
  const state: Omit<StandIn, 'url' | 'close'> = {
    comments: [],
    files: {},
    unreadable: new Set(),
    contentless: new Set(),
    runs: {},
    artifacts: {},
    heads: {},
    commentStatus: null,
    serverErrors: 0,
    secondaryLimit: false,
    vanishOnUpdate: false,
    commentDelay: 0,
    bodyLimit: 65536,
    requests: []
  }
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {}
    const url = new URL(req.url!, 'http://x')
    const path = decodeURIComponent(url.pathname)
    state.requests.push(`${req.method} ${path}`)
    let m: RegExpExecArray | null
    const commentWrite = /^\/repos\/acme\/model\/issues\/(\d+\/|)comments/.test(path) && req.method !== 'GET'
    if (commentWrite && state.commentDelay > 0) await new Promise(r => setTimeout(r, state.commentDelay))
    if (commentWrite && state.serverErrors > 0) {
      state.serverErrors--
      return json(res, 502, { message: 'Server Error' })
    }
    if (commentWrite && state.secondaryLimit) {
      res.writeHead(403, { 'content-type': 'application/json', 'retry-after': '1' })
      return res.end(
        JSON.stringify({
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
        })
      )
    }
    // GitHub's limit on a comment's body.
    if (commentWrite && typeof body.body === 'string' && body.body.length > state.bodyLimit)
      return json(res, 422, {
        message: 'Validation Failed',
        errors: [{ message: 'Body is too long (maximum is 65536 characters)' }]
      })
    if ((m = /^\/repos\/acme\/model\/issues\/(\d+)\/comments$/.exec(path))) {
      if (req.method === 'GET')
        return json(
          res,
          200,
          url.searchParams.get('page') === '1' || !url.searchParams.get('page')
            ? state.comments.map(c => ({ ...c, html_url: `http://gh/c/${c.id}` }))
            : []
        )
      if (state.commentStatus)
        return json(res, state.commentStatus, { message: 'Resource not accessible by integration' })
      const c = { id: state.comments.length + 1, body: body.body, user: BOT }
      state.comments.push(c)
      return json(res, 201, { ...c, html_url: `http://gh/c/${c.id}` })
    }
    if ((m = /^\/repos\/acme\/model\/issues\/comments\/(\d+)$/.exec(path)) && req.method === 'PATCH') {
      if (state.commentStatus)
        return json(res, state.commentStatus, { message: 'Resource not accessible by integration' })
      if (state.vanishOnUpdate) {
        state.comments = state.comments.filter(x => x.id !== Number(m![1]))
        return json(res, 404, { message: 'Not Found' })
      }
      const c = state.comments.find(x => x.id === Number(m![1]))!
      c.body = body.body
      return json(res, 200, { ...c, html_url: `http://gh/c/${c.id}` })
    }
    if ((m = /^\/repos\/acme\/model\/pulls\/(\d+)$/.exec(path))) {
      const head = state.heads[Number(m[1])]
      if (head === undefined) return json(res, 404, { message: 'Not Found' })
      return json(res, 200, { number: Number(m[1]), head: { sha: head } })
    }
    if (path === '/graphql' && req.method === 'POST') {
      if (!/viewer/.test(body.query)) return json(res, 400, { message: `unexpected query ${body.query}` })
      return json(res, 200, { data: { viewer: { login: BOT.login, databaseId: BOT.id } } })
    }
    if ((m = /^\/repos\/acme\/model\/commits\/([^/]+)$/.exec(path))) {
      if (m[1] in state.files) return json(res, 200, { sha: m[1] })
      return json(res, 404, { message: 'Not Found' })
    }
    if ((m = /^\/repos\/acme\/model\/contents\/(.+)$/.exec(path))) {
      const ref = url.searchParams.get('ref') ?? ''
      const tree = state.files[ref] ?? {}
      const p = m[1]
      if (state.unreadable.has(`${ref}:${p}`)) return json(res, 404, { message: 'Not Found' })
      if (state.contentless.has(`${ref}:${p}`))
        return json(res, 200, { type: 'file', name: p.split('/').pop(), path: p })
      if (p in tree)
        return json(res, 200, {
          type: 'file',
          name: p.split('/').pop(),
          path: p,
          encoding: 'base64',
          content: Buffer.from(tree[p]).toString('base64')
        })
      const below = Object.keys(tree).filter(f => f.startsWith(`${p}/`))
      if (below.length === 0) return json(res, 404, { message: 'Not Found' })
      const names = [...new Set(below.map(f => f.slice(p.length + 1).split('/')[0]))]
      return json(
        res,
        200,
        names.map(name => ({
          type: below.includes(`${p}/${name}`) ? 'file' : 'dir',
          name,
          path: `${p}/${name}`
        }))
      )
    }
    if ((m = /^\/repos\/acme\/model\/actions\/runs\/(\d+)$/.exec(path)))
      return json(res, 200, { id: Number(m[1]), workflow_id: 9 })
    if (/^\/repos\/acme\/model\/actions\/workflows\/9\/runs$/.test(path)) {
      const event = url.searchParams.get('event')
      const runs = (state.runs[url.searchParams.get('branch') ?? ''] ?? [])
        .map(r => ({ event: 'push', head_repository: { full_name: 'acme/model' }, ...r }))
        .filter(r => event === null || r.event === event)
      return json(res, 200, {
        total_count: runs.length,
        workflow_runs: runs.map(r => ({ ...r, html_url: `http://gh/runs/${r.id}`, run_number: r.id }))
      })
    }
    if ((m = /^\/repos\/acme\/model\/actions\/runs\/(\d+)\/artifacts$/.exec(path))) {
      const a = state.artifacts[Number(m[1])]
      const list =
        a && a.name === url.searchParams.get('name')
          ? [{ id: a.id, name: a.name, size_in_bytes: a.zip.length }]
          : []
      return json(res, 200, { total_count: list.length, artifacts: list })
    }
    if ((m = /^\/repos\/acme\/model\/actions\/artifacts\/(\d+)\/zip$/.exec(path))) {
      res.writeHead(302, { location: `${stand.url}/blob/${m[1]}.zip` })
      return res.end()
    }
    if ((m = /^\/blob\/(\d+)\.zip$/.exec(path))) {
      const a = Object.values(state.artifacts).find(x => x.id === Number(m![1]))!
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': a.zip.length })
      return res.end(a.zip)
    }
    json(res, 404, { message: `no route for ${req.method} ${path}` })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const stand: StandIn = Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  })
  return stand
}
