/**
 * What the triggering event says about trust: the commit whose policy, tier and manifest judge the run,
 * the branch whose last report is the baseline, and the pull request whose comment the run writes.
 * - `pull_request`: the PR's base commit and branch, and its head commit.
 * - `merge_group`: the queue's base commit and branch (the queued tree is the PR's, its base is not).
 * - anything else (a push): the run's own branch and files.
 * A pull request chooses its base branch, and a retargeted PR is not re-run by GitHub's default
 * triggers: a base outside `protected-branches` could judge it by an old, looser policy. Such a run is
 * judged by the repository's default branch instead, and the comment says so.
 */
import { InputError } from '../core/errors.js'
import { globMatch } from '../core/gate/waivers.js'
import { confirmRef, type TrustedInput } from './trusted.js'

export interface Target {
  /** The trusted commit; null when the run is on the branch itself (its own files decide). */
  baseSha: string | null
  /** The branch whose last successful run's report is the baseline. */
  baseBranch: string
  /** The pull request, with the head commit this run checks. */
  pull: { number: number; headSha: string } | null
  notes: string[]
}

interface Payload {
  pull_request?: { number: number; head?: { sha?: string }; base?: { sha?: string; ref?: string } }
  merge_group?: { head_sha?: string; base_sha?: string; base_ref?: string }
  repository?: { default_branch?: string }
}

export interface EventContext {
  eventName: string
  payload: Payload
  ref: string
  sha: string
  owner: string
  repo: string
}

const branchOf = (ref: string) => ref.replace(/^refs\/heads\//, '')

/** `protected-branches`: names or globs (`release/*`), split on commas and line breaks. */
export const parseBranches = (value: string): string[] =>
  value
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(s => s !== '')

export async function targetOf(
  ctx: EventContext,
  protectedBranches: string[],
  api: TrustedInput['api']
): Promise<Target> {
  const p = ctx.payload
  const pr = p.pull_request
  const group = ctx.eventName === 'merge_group' ? p.merge_group : undefined
  const base = pr
    ? { sha: pr.base?.sha, branch: pr.base?.ref }
    : group
      ? { sha: group.base_sha, branch: group.base_ref && branchOf(group.base_ref) }
      : null
  const pull = pr ? { number: pr.number, headSha: pr.head?.sha ?? ctx.sha } : null
  if (base === null) return { baseSha: null, baseBranch: branchOf(ctx.ref), pull, notes: [] }
  if (!base.sha || !base.branch)
    throw new InputError(
      `the ${ctx.eventName || 'triggering'} event names no base commit and branch; the trusted policy cannot be located, so nothing is decided`
    )
  const fallback = p.repository?.default_branch
  const allowed = protectedBranches.length > 0 ? protectedBranches : fallback ? [fallback] : []
  if (allowed.some(pattern => globMatch(pattern, base.branch!)))
    return { baseSha: base.sha, baseBranch: base.branch, pull, notes: [] }
  if (!fallback)
    throw new InputError(
      `the base branch '${base.branch}' is not among protected-branches (${allowed.join(', ') || 'none given'}), and the event names no default branch to judge by instead; nothing is decided`
    )
  const sha = await confirmRef(api, ctx.owner, ctx.repo, fallback, `the default branch`)
  return {
    baseSha: sha,
    baseBranch: fallback,
    pull,
    notes: [
      `This ${pr ? 'pull request' : 'merge group'} targets '${base.branch}', which is not a protected branch (protected-branches: ${allowed.join(', ')}): it is judged by the policy, manifest and last report of '${fallback}' (${sha.slice(0, 12)}) instead.`
    ]
  }
}
