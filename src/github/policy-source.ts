/**
 * Policies from a trusted ref: on pull requests, the policy folder is read from the PR's base commit
 * through the repository contents API (actions/checkout's shallow clone does not hold that commit), so a
 * PR cannot loosen its own gates. The same reader serves central policies (`owner/repo/path@ref`).
 * Files are written to a local folder that the core then loads like any other.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'
import { UsageError } from '../core/errors.js'

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

/**
 * Downloads the policy file or folder (YAML files, one level of subfolders) into `dest`; returns the
 * local path to pass as the policy. Throws the API's error (a 404 means the path is not at that ref).
 */
export async function fetchPolicies(api: ContentsApi, source: RemotePolicy, dest: string): Promise<string> {
  const { owner, repo, ref } = source
  const get = async (path: string) =>
    (await api.getContent({ owner, repo, path, ref })).data as Entry | Entry[]
  const root = await get(source.path)
  const write = (entry: Entry, base: string) => {
    if (entry.encoding !== 'base64' || entry.content === undefined) return
    const rel = posix.relative(base, entry.path)
    const target = join(dest, rel)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, Buffer.from(entry.content, 'base64'))
  }
  if (!Array.isArray(root)) {
    write(root, posix.dirname(source.path))
    return join(dest, posix.basename(source.path))
  }
  const yaml = (e: Entry) => e.type === 'file' && /\.ya?ml$/i.test(e.name)
  const files = root.filter(yaml)
  for (const dir of root.filter(e => e.type === 'dir' && e.name !== 'schema')) {
    const inner = await get(dir.path)
    if (Array.isArray(inner)) files.push(...inner.filter(yaml))
  }
  for (const f of files) write((await get(f.path)) as Entry, source.path)
  return dest
}
