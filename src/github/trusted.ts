/**
 * Decides what an Action run is judged by, so that a pull request cannot loosen its own gates: on pull
 * requests and merge queues, the policy and the manifest come from the trusted commit (the base); a
 * central policy repository (`owner/repo/path@ref`) is read at the given ref and recorded by commit.
 * What the PR would have changed is returned as notes for the reviewer.
 *
 * Repository paths are those of the checkout that holds the manifest (its git root, links resolved),
 * not of the workspace: a checkout in a subfolder (`actions/checkout` `path:`) or a workspace reached
 * through a link must not make the base commit's policy look absent. A path that cannot be mapped
 * into the checkout is an error, never "no policy yet".
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { InputError, isInputError } from '../core/errors.js'
import { isInside, realPath } from '../core/files.js'
import { parseManifest } from '../core/manifest/load.js'
import type { Manifest } from '../core/manifest/types.js'
import { failureOf, fetchPolicies, parseRemote, status, type ContentsApi } from './policy-source.js'

export interface TrustedPolicy {
  /** Local path of the policy to load. */
  policy: string
  /** The policy's origin, recorded in the report. */
  source?: string
  /** When the policy is the checkout's own: the folder its files must stay in (links resolved). */
  within?: string
  /** The checkout's own policy, when the trusted one came from elsewhere: what the PR would change. */
  proposed?: { path: string; within: string }
  notes: string[]
}

export interface TrustedInput {
  policy: string
  policyRef: string | null
  manifest: string
  owner: string
  repo: string
  /** The trusted commit (a PR's base, a merge group's base), or null when the run is on the branch itself. */
  baseSha: string | null
  cwd: string
  workspace: string
  api: ContentsApi & {
    getCommit(p: { owner: string; repo: string; ref: string }): Promise<{ data: { sha: string } }>
  }
}

/**
 * The commit a ref names, confirmed before anything is read at it: GitHub answers 404 alike for a
 * path that is absent, a ref that does not exist and a ref the token may not read, and only the first
 * may mean "no policy yet". `what` names the ref for the message.
 */
export async function confirmRef(
  api: TrustedInput['api'],
  owner: string,
  repo: string,
  ref: string,
  what: string
): Promise<string> {
  try {
    return (await api.getCommit({ owner, repo, ref })).data.sha
  } catch (err) {
    throw new InputError(
      `${what} '${ref}' cannot be read in ${owner}/${repo} (${failureOf(err)}): it does not exist, or this token may not read it. The trusted policy cannot be confirmed, so nothing is decided.`
    )
  }
}

/**
 * The checkout that holds `path`: the nearest folder at or above it, and inside the workspace, that
 * has a `.git` entry (actions/checkout writes one), with links resolved. Without one, repository
 * paths cannot be known, and nothing is decided.
 */
export function checkoutRoot(path: string, workspace: string): string {
  const top = realPath(workspace)
  for (let dir = dirname(inCheckout(path)); isInside(top, dir); dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir
    if (dir === top) break
  }
  throw new InputError(
    `no git checkout holds the manifest ${path} inside the workspace (${top}): the base commit's policy and manifest cannot be located in the repository, so nothing is decided. Check the repository out with actions/checkout (its \`path:\` may be a subfolder).`
  )
}

/**
 * Where `path` stands in the checkout, its folders' links resolved: a file that is itself a link is
 * the repository's entry at its own path (what a link points at is not the repository's to read).
 */
const inCheckout = (path: string) => join(realPath(dirname(path)), basename(path))

/** `path`'s place in the repository checked out at `root` ('/'-separated), or an error when it lies outside. */
function repositoryPath(root: string, path: string, what: string): string {
  const rel = relative(root, inCheckout(path))
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new InputError(
      `the ${what} ${path} lies outside the checkout at ${root}: its version at the base commit cannot be read, so nothing is decided. Keep it in the repository, or name a central policy as owner/repo/path@ref.`
    )
  return rel.split('\\').join('/') || '.'
}

/** The checkout's git root and the manifest at the trusted commit (none for a model new in the PR). */
export interface TrustedManifest {
  root: string
  baseManifest?: Manifest
}

export async function trustedManifest(input: TrustedInput): Promise<TrustedManifest> {
  const ref = input.policyRef ?? input.baseSha
  const local = resolve(input.cwd, input.manifest)
  const root = ref === null ? realPath(input.workspace) : checkoutRoot(local, input.workspace)
  if (input.baseSha === null) return { root }
  await confirmRef(input.api, input.owner, input.repo, input.baseSha, "this pull request's base commit")
  const baseManifest = await readBaseManifest(input, root, input.baseSha)
  return { root, ...(baseManifest && { baseManifest }) }
}

export async function trustedPolicy(input: TrustedInput, trusted: TrustedManifest): Promise<TrustedPolicy> {
  const dest = mkdtempSync(join(process.env.RUNNER_TEMP ?? tmpdir(), 'rai-gate-policy-'))
  const { root } = trusted
  const ref = input.policyRef ?? input.baseSha
  const notes: string[] = []
  const remote = parseRemote(input.policy)
  if (remote) {
    const commit = await confirmRef(input.api, remote.owner, remote.repo, remote.ref, 'the policy ref')
    const path = await fetchPolicies(input.api, { ...remote, ref: commit }, dest)
    if (path === null)
      throw new InputError(
        `there is no policy at ${remote.path} in ${remote.owner}/${remote.repo}@${commit.slice(0, 12)}; expected a policy file or folder there`
      )
    return { policy: path, source: `${remote.owner}/${remote.repo}/${remote.path}@${commit}`, notes }
  }
  if (ref === null) return { policy: input.policy, within: root, notes }
  if (input.policyRef !== null) await confirmRef(input.api, input.owner, input.repo, ref, 'policy-ref')
  const source = {
    owner: input.owner,
    repo: input.repo,
    path: repositoryPath(root, resolve(input.cwd, input.policy), 'policy'),
    ref
  }
  const path = await fetchPolicies(input.api, source, dest)
  if (path === null) {
    // The ref exists and the path is absent there: the policy is being adopted in this change.
    notes.push(
      `There is no policy at ${source.path} in ${ref.slice(0, 12)}: this pull request's own policy files apply. Review them as part of this change.`
    )
    return { policy: input.policy, within: root, notes }
  }
  return {
    policy: path,
    source: `${input.owner}/${input.repo}/${source.path}@${ref}`,
    proposed: { path: input.policy, within: root },
    notes
  }
}

/**
 * The manifest at the trusted commit, parsed as if it stood where the PR's does; undefined when the
 * model is new in this PR (the manifest is absent at a ref already confirmed). A manifest that cannot
 * be read or does not load is an error: its tier and fairness scope decide.
 */
async function readBaseManifest(
  input: TrustedInput,
  root: string,
  ref: string
): Promise<Manifest | undefined> {
  const local = resolve(input.cwd, input.manifest)
  const path = repositoryPath(root, local, 'manifest')
  const at = `${path} in ${input.owner}/${input.repo} at ${ref.slice(0, 12)}`
  const fails = (why: string) =>
    new InputError(
      `the base commit's manifest ${why}; its risk tier and sensitive attributes decide, so nothing is decided without it`
    )
  let data: unknown
  try {
    data = (await input.api.getContent({ owner: input.owner, repo: input.repo, path, ref })).data
  } catch (err) {
    if (status(err) === 404) return undefined
    throw fails(`cannot be read: ${at} answered ${failureOf(err)}`)
  }
  const entry = data as { content?: string; encoding?: string }
  if (entry.encoding !== 'base64' || entry.content === undefined)
    throw fails(`cannot be read: ${at} came back without its content`)
  try {
    return parseManifest(Buffer.from(entry.content, 'base64').toString('utf8'), join(root, path), {
      cwd: input.cwd,
      workspace: input.workspace
    })
  } catch (err) {
    if (!isInputError(err)) throw err
    throw fails(`${at} does not load (${err.message})`)
  }
}
