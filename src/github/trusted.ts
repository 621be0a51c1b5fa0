/**
 * Decides which policy and risk tier apply to an Action run, so that a pull request cannot loosen its
 * own gates: on pull requests (or with `policy-ref`), policies come from the base commit; a central
 * policy repository (`owner/repo/path@ref`) is read at the given ref and recorded by commit. What the PR
 * would have changed is returned as notes for the reviewer.
 */
import { manifestMetrics, providedDefs } from '../core/metrics/provided.js'
import yaml from 'js-yaml'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { InputError } from '../core/errors.js'
import { loadManifest } from '../core/manifest/load.js'
import { lowersTier, policyDifferences } from '../core/policy/diff.js'
import { loadPolicy } from '../core/policy/load.js'
import { failureOf, fetchPolicies, parseRemote, status, type ContentsApi } from './policy-source.js'

export interface TrustedPolicy {
  /** Local path of the policy to load. */
  policy: string
  /** The policy's origin, recorded in the report. */
  source?: string
  /** The risk tier to apply when it is not the PR's own. */
  tier?: string
  /** The model's name at the base commit, when the PR renames it: waivers and the baseline are matched against it. */
  baseModel?: string
  notes: string[]
}

export interface TrustedInput {
  policy: string
  policyRef: string | null
  manifest: string
  owner: string
  repo: string
  /** The PR's base commit, on pull_request events. */
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
async function confirmRef(
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

export async function trustedPolicy(input: TrustedInput): Promise<TrustedPolicy> {
  const dest = mkdtempSync(join(process.env.RUNNER_TEMP ?? tmpdir(), 'rai-gate-policy-'))
  const remote = parseRemote(input.policy)
  if (remote) {
    const commit = await confirmRef(input.api, remote.owner, remote.repo, remote.ref, 'the policy ref')
    const path = await fetchPolicies(input.api, { ...remote, ref: commit }, dest)
    if (path === null)
      throw new InputError(
        `there is no policy at ${remote.path} in ${remote.owner}/${remote.repo}@${commit.slice(0, 12)}; expected a policy file or folder there`
      )
    return { policy: path, source: `${remote.owner}/${remote.repo}/${remote.path}@${commit}`, notes: [] }
  }
  const ref = input.policyRef ?? input.baseSha
  if (ref === null) return { policy: input.policy, notes: [] }
  await confirmRef(
    input.api,
    input.owner,
    input.repo,
    ref,
    input.policyRef !== null ? 'policy-ref' : "this pull request's base commit"
  )
  const repoPath = (p: string) => relative(input.workspace, resolve(input.cwd, p)).split('\\').join('/')
  const source = { owner: input.owner, repo: input.repo, path: repoPath(input.policy), ref }
  const path = await fetchPolicies(input.api, source, dest)
  if (path === null) {
    // The ref exists and the path is absent there: the policy is being adopted in this change.
    return {
      policy: input.policy,
      notes: [
        `There is no policy at ${source.path} in ${ref.slice(0, 12)}: this pull request's own policy files apply. Review them as part of this change.`
      ]
    }
  }
  const notes: string[] = []
  const manifest = loadManifest(input.manifest, { cwd: input.cwd, workspace: input.workspace })
  let tier: string | undefined
  const base = await readBaseManifest(input, repoPath(input.manifest), ref)
  const baseTier = base?.tier ?? null
  let baseModel: string | undefined
  if (base?.model !== undefined && base.model !== manifest.model.name) {
    baseModel = base.model
    notes.push(
      `This pull request renames the model from '${base.model}' to '${manifest.model.name}'; waivers and the baseline are matched against '${base.model}', its name at the base commit.`
    )
  }
  if (baseTier !== null && lowersTier(baseTier, manifest.riskTier)) {
    tier = baseTier
    notes.push(
      `This pull request changes riskTier from '${baseTier}' to '${manifest.riskTier}'; the base commit's tier '${baseTier}' applies.`
    )
  }
  const applied = tier ?? manifest.riskTier
  try {
    // Gates may name the metrics a metrics artifact declares (metrics/provided.ts).
    const known = providedDefs(manifestMetrics(manifest))
    const diffs = policyDifferences(
      loadPolicy(path, applied, input.cwd, known),
      loadPolicy(input.policy, applied, input.cwd, known)
    )
    if (diffs.length > 0)
      notes.push(
        `This pull request changes the policy; the base commit's policy decides. Changes: ${diffs.join('; ')}.`
      )
  } catch (err) {
    notes.push(
      `This pull request's policy files do not load (${(err as Error).message}); the base commit's policy decides.`
    )
  }
  return {
    policy: path,
    source: `${input.owner}/${input.repo}/${source.path}@${ref}`,
    tier,
    ...(baseModel !== undefined && { baseModel }),
    notes
  }
}

/**
 * The riskTier and model name of the manifest at the base commit; null when the model is new in this
 * PR (the manifest is absent at a ref already confirmed). A manifest that cannot be read is an error.
 */
async function readBaseManifest(
  input: TrustedInput,
  path: string,
  ref: string
): Promise<{ tier: string | null; model: string | undefined } | null> {
  let data: unknown
  try {
    data = (await input.api.getContent({ owner: input.owner, repo: input.repo, path, ref })).data
  } catch (err) {
    if (status(err) === 404) return null
    throw new InputError(
      `the base commit's manifest cannot be read: ${path} in ${input.owner}/${input.repo} at ${ref.slice(0, 12)} answered ${failureOf(err)}; its risk tier decides, so nothing is decided without it`
    )
  }
  const entry = data as { content?: string; encoding?: string }
  if (entry.encoding !== 'base64' || entry.content === undefined)
    throw new InputError(
      `the base commit's manifest cannot be read: ${path} in ${input.owner}/${input.repo} at ${ref.slice(0, 12)} came back without its content; its risk tier decides, so nothing is decided without it`
    )
  let doc: { riskTier?: unknown; model?: { name?: unknown } } | null
  try {
    doc = yaml.load(Buffer.from(entry.content, 'base64').toString('utf8'), {
      schema: yaml.CORE_SCHEMA
    }) as typeof doc
  } catch (err) {
    throw new InputError(
      `the base commit's manifest ${path} at ${ref.slice(0, 12)} is not valid YAML (${(err as Error).message.split('\n')[0]}); its risk tier decides, so nothing is decided without it`
    )
  }
  return {
    tier: typeof doc?.riskTier === 'string' ? doc.riskTier : null,
    model: typeof doc?.model?.name === 'string' ? doc.model.name : undefined
  }
}
