/**
 * Policies from a trusted ref: on pull requests, the policy folder is read from the PR's base commit
 * through the repository contents API (actions/checkout's shallow clone does not hold that commit), so a
 * PR cannot loosen its own gates. The same reader serves central policies (`owner/repo/path@ref`).
 * Files are written to a local folder that the core then loads like any other.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'
import { InputError, UsageError } from '../core/errors.js'

export interface ContentsApi {
  getContent(p: { owner: string; repo: string; path: string; ref: string }): Promise<{ data: unknown }>
}

export interface RemotePolicy {
  owner: string
  repo: string
  path: string
  ref: string
}

type Entry = { type: string; name: string; path: string; content?: string; encoding?: string }

/** `owner/repo/path@ref` (a central policy repository), or null for a path in this repository. */
export function parseRemote(policy: string): RemotePolicy | null {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/(.+)@([^@\s]+)$/.exec(policy)
  if (!m) {
    if (policy.includes('@')) {
      throw new UsageError(
        `Invalid input 'policy': '${policy}'. Expected a path, or {owner}/{repo}/{path}@{ref} for a central policy repository.`
      )
    }
    return null
  }
  return { owner: m[1], repo: m[2], path: m[3].replace(/\/+$/, ''), ref: m[4] }
}

/** An API error's HTTP status, when it has one. */
export const status = (err: unknown): number | undefined => (err as { status?: number }).status

/** An API failure in words: its HTTP status, else its message (a network error). */
export const failureOf = (err: unknown): string =>
  status(err) === undefined ? (err as Error).message : `HTTP ${status(err)}`

/**
 * Downloads the policy file or folder (YAML files, one level of subfolders) into `dest`; returns the
 * local path to pass as the policy, or null when the path does not exist at that ref (and only then:
 * the ref itself must have been confirmed first, since GitHub also answers 404 for a ref that does not
 * exist or that the token may not read). Any other failure is an error: a listed file that answers
 * 404 or comes back without content, or any other status. A trusted policy that cannot be read in
 * full never falls back to anything.
 */
export async function fetchPolicies(
  api: ContentsApi,
  source: RemotePolicy,
  dest: string
): Promise<string | null> {
  const { owner, repo, ref } = source
  const where = `${owner}/${repo} at ${ref.slice(0, 12)}`
  const get = async (path: string, root = false): Promise<Entry | Entry[] | null> => {
    try {
      return (await api.getContent({ owner, repo, path, ref })).data as Entry | Entry[]
    } catch (err) {
      if (root && status(err) === 404) return null
      throw new InputError(
        `the trusted policy cannot be read: ${path} in ${where} answered ${failureOf(err)}${root ? '' : ', though it is listed'}; nothing is decided without it`
      )
    }
  }
  const root = await get(source.path, true)
  if (root === null) return null
  const write = (entry: Entry | Entry[] | null, path: string, base: string) => {
    if (entry === null || Array.isArray(entry) || entry.encoding !== 'base64' || entry.content === undefined)
      throw new InputError(
        `the trusted policy cannot be read: ${path} in ${where} came back without its content (a file over 1 MB, a symbolic link or a submodule); nothing is decided without it`
      )
    const target = join(dest, posix.relative(base, entry.path))
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, Buffer.from(entry.content, 'base64'))
  }
  if (!Array.isArray(root)) {
    write(root, source.path, posix.dirname(source.path))
    return join(dest, posix.basename(source.path))
  }
  const yaml = (e: Entry) => e.type === 'file' && /\.ya?ml$/i.test(e.name)
  const files = root.filter(yaml)
  for (const dir of root.filter(e => e.type === 'dir' && e.name !== 'schema')) {
    const inner = await get(dir.path)
    if (Array.isArray(inner)) files.push(...inner.filter(yaml))
  }
  for (const f of files) write(await get(f.path), f.path, source.path)
  return dest
}
