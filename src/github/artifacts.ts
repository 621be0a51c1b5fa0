/**
 * The report as an artifact: uploaded so that the next pull request finds it, and downloaded as the
 * baseline (`baseline: auto`) from the latest successful run of the same workflow from a push to the
 * base branch of this repository.
 * The download goes through the REST API, which GitHub.com and GitHub Enterprise Server both have
 * (@actions/artifact does not support GHES). Needs `actions: read` to find runs and artifacts of
 * other runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { MAX_BASELINE_BYTES } from '../core/baseline/load.js'
import { status } from './policy-source.js'
import { unzip } from './zip.js'

/** A report artifact holds one file; a few more are tolerated, an archive of many is refused. */
export const MAX_ARTIFACT_ENTRIES = 10

/** The upload half of @actions/artifact. */
export interface ArtifactClient {
  uploadArtifact(name: string, files: string[], rootDirectory: string): Promise<{ id?: number }>
}

export interface ActionsApi {
  getWorkflowRun(p: {
    owner: string
    repo: string
    run_id: number
  }): Promise<{ data: { workflow_id: number } }>
  listWorkflowRuns(p: {
    owner: string
    repo: string
    workflow_id: number
    branch: string
    event: 'push'
    status: 'success'
    per_page: number
  }): Promise<{
    data: {
      workflow_runs: {
        id: number
        head_sha: string
        html_url: string
        run_number: number
        event?: string
        head_repository?: { full_name?: string } | null
      }[]
    }
  }>
  listWorkflowRunArtifacts(p: {
    owner: string
    repo: string
    run_id: number
    name: string
    per_page: number
  }): Promise<{
    data: { artifacts: { id: number; name: string; size_in_bytes: number; expired?: boolean }[] }
  }>
  downloadArtifact(p: {
    owner: string
    repo: string
    artifact_id: number
    archive_format: 'zip'
  }): Promise<{ data: unknown }>
}

export interface BaselineSearch {
  owner: string
  repo: string
  runId: number
  branch: string
  artifact: string
}

/** The downloaded baseline report's path, or the reason there is none. */
export type Found =
  /** name: where the report came from, for the evidence and warnings (its path is a temporary copy). */
  | { path: string; name: string; run: { id: number; sha: string; url: string } }
  | { path: null; reason: string }

/**
 * `baseline: auto`: main's last report, downloaded into a fresh folder under `temp`; undefined, with a
 * warning that says why and what to grant, when there is none or it cannot be fetched (a baseline
 * never fails the run).
 */
export async function autoBaseline(
  actions: ActionsApi,
  search: BaselineSearch,
  temp: string,
  log: { info(message: string): void; warning(message: string): void }
): Promise<{ path: string; name: string } | undefined> {
  try {
    const found = await findBaseline(actions, search, mkdtempSync(join(temp, 'rai-gate-baseline-')))
    if (found.path === null) {
      log.warning(
        `No baseline: ${found.reason}. The report records no baseline, and change thresholds are skipped.`
      )
      return undefined
    }
    log.info(`Baseline: ${search.artifact} of ${found.run.url} (${found.run.sha.slice(0, 7)})`)
    return found
  } catch (err) {
    const fix = status(err) === 403 ? ' Grant `permissions: actions: read` to the job.' : ''
    log.warning(
      `No baseline: the base branch's report could not be fetched (${(err as Error).message}).${fix}`
    )
    return undefined
  }
}

export async function findBaseline(actions: ActionsApi, s: BaselineSearch, dest: string): Promise<Found> {
  const { owner, repo } = s
  const workflow = (await actions.getWorkflowRun({ owner, repo, run_id: s.runId })).data.workflow_id
  const runs = (
    await actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: workflow,
      branch: s.branch,
      event: 'push',
      status: 'success',
      per_page: 5
    })
  ).data.workflow_runs
  // Only a push to the base branch of this repository: a fork's pull_request run from a branch of
  // the same name is listed by branch too, and its report would be the attacker's. Checked here as
  // well as asked of the API.
  const run = runs.find(
    r => r.id !== s.runId && r.event === 'push' && r.head_repository?.full_name === `${owner}/${repo}`
  )
  if (!run) return { path: null, reason: `no successful run of this workflow from a push to '${s.branch}'` }
  const of = `artifact '${s.artifact}' of run ${run.run_number}`
  const artifact = (
    await actions.listWorkflowRunArtifacts({ owner, repo, run_id: run.id, name: s.artifact, per_page: 10 })
  ).data.artifacts.find(a => a.name === s.artifact)
  if (!artifact)
    return { path: null, reason: `run ${run.run_number} on '${s.branch}' has no artifact '${s.artifact}'` }
  if (artifact.expired) return { path: null, reason: `${of} has expired` }
  // The artifact is another run's output: bounded before it is fetched, and while it is unpacked.
  const tooBig = (bytes: number) => ({
    path: null,
    reason: `${of} is ${(bytes / 1e6).toFixed(1)} MB, more than the ${MAX_BASELINE_BYTES / 2 ** 20} MB a report may be`
  })
  if (artifact.size_in_bytes > MAX_BASELINE_BYTES) return tooBig(artifact.size_in_bytes)
  const { data } = await actions.downloadArtifact({
    owner,
    repo,
    artifact_id: artifact.id,
    archive_format: 'zip'
  })
  const archive = Buffer.from(data as ArrayBuffer)
  if (archive.length > MAX_BASELINE_BYTES) return tooBig(archive.length)
  let files: Map<string, Buffer>
  try {
    files = unzip(archive, { entries: MAX_ARTIFACT_ENTRIES, bytes: MAX_BASELINE_BYTES })
  } catch (err) {
    return { path: null, reason: `${of} cannot be unpacked: ${(err as Error).message}` }
  }
  const json = [...files.keys()].find(f => !f.includes('/') && f.endsWith('.json'))
  if (json === undefined) return { path: null, reason: `${of} holds no report` }
  const path = join(dest, basename(json))
  writeFileSync(path, files.get(json)!)
  return { path, name: `${of} (${json})`, run: { id: run.id, sha: run.head_sha, url: run.html_url } }
}

/**
 * Uploads the report; returns a warning when the runner offers no artifact storage that
 * @actions/artifact can use (none outside a runner, and none on GitHub Enterprise Server).
 */
export async function uploadReport(
  client: ArtifactClient,
  name: string,
  path: string,
  env: NodeJS.ProcessEnv
): Promise<string | null> {
  if (isEnterpriseServer(env)) {
    return `upload-report: @actions/artifact does not support GitHub Enterprise Server, so the report was not uploaded. Upload it with actions/upload-artifact@v3 (name: ${name}, path: ${basename(path)}) in a step after this one; baseline: auto then finds it.`
  }
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return `upload-report: this runner offers no artifact storage (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is unset); the report was not uploaded.`
  }
  await client.uploadArtifact(name, [path], dirname(path))
  return null
}

/** GitHub Enterprise Server: a server that is neither github.com nor a GHE.com (data residency) host. */
export function isEnterpriseServer(env: NodeJS.ProcessEnv): boolean {
  const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase()
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')
}
