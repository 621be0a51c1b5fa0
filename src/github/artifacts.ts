/**
 * The report as an artifact: uploaded so that the next pull request finds it, and downloaded as the
 * baseline (`baseline: auto`) from the latest successful run of the same workflow from a push to the
 * base branch of this repository.
 * Needs `actions: read` to find runs and artifacts of other runs.
 */
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { MAX_BASELINE_BYTES } from '../core/baseline/load.js'

/** A report artifact holds one file; a few more are tolerated, an archive of many is refused. */
export const MAX_ARTIFACT_ENTRIES = 10

export interface ArtifactClient {
  uploadArtifact(name: string, files: string[], rootDirectory: string): Promise<{ id?: number }>
  getArtifact(
    name: string,
    options: { findBy: FindBy }
  ): Promise<{ artifact: { id: number; name: string; size?: number } }>
  downloadArtifact(id: number, options: { path: string; findBy: FindBy }): Promise<{ downloadPath?: string }>
}

export interface FindBy {
  token: string
  workflowRunId: number
  repositoryOwner: string
  repositoryName: string
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
}

export interface BaselineSearch {
  owner: string
  repo: string
  runId: number
  branch: string
  artifact: string
  token: string
}

/** The downloaded baseline report's path, or the reason there is none. */
export type Found =
  { path: string; run: { id: number; sha: string; url: string } } | { path: null; reason: string }

export async function findBaseline(
  actions: ActionsApi,
  client: ArtifactClient,
  s: BaselineSearch,
  dest: string
): Promise<Found> {
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
  const findBy = { token: s.token, workflowRunId: run.id, repositoryOwner: owner, repositoryName: repo }
  let artifact: { id: number; size?: number }
  try {
    artifact = (await client.getArtifact(s.artifact, { findBy })).artifact
  } catch {
    return { path: null, reason: `run ${run.run_number} on '${s.branch}' has no artifact '${s.artifact}'` }
  }
  // The artifact is another run's output: bounded before it is fetched, and after it is unpacked.
  if ((artifact.size ?? 0) > MAX_BASELINE_BYTES)
    return {
      path: null,
      reason: `artifact '${s.artifact}' of run ${run.run_number} is ${((artifact.size ?? 0) / 1e6).toFixed(1)} MB, more than the ${MAX_BASELINE_BYTES / 2 ** 20} MB a report may be`
    }
  const where = (await client.downloadArtifact(artifact.id, { path: dest, findBy })).downloadPath ?? dest
  const entries = readdirSync(where, { recursive: true })
  if (entries.length > MAX_ARTIFACT_ENTRIES)
    return {
      path: null,
      reason: `artifact '${s.artifact}' of run ${run.run_number} holds ${entries.length} files, more than the ${MAX_ARTIFACT_ENTRIES} a report artifact may`
    }
  const json = readdirSync(where).find(f => f.endsWith('.json'))
  if (!json)
    return { path: null, reason: `artifact '${s.artifact}' of run ${run.run_number} holds no report` }
  return { path: join(where, json), run: { id: run.id, sha: run.head_sha, url: run.html_url } }
}

/** Uploads the report; returns a warning when the runner offers no artifact storage. */
export async function uploadReport(
  client: ArtifactClient,
  name: string,
  path: string,
  env: NodeJS.ProcessEnv
): Promise<string | null> {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return `upload-report: this runner offers no artifact storage (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is unset); the report was not uploaded.`
  }
  await client.uploadArtifact(name, [path], dirname(path))
  return null
}
