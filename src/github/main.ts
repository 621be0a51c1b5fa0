/**
 * The Action: inputs -> the same check as the CLI -> report file, outputs, job summary, the sticky PR
 * comment -> the step's result. The one try/catch that reaches core.setFailed is here; everything
 * that talks to GitHub lives in src/github/.
 */
import * as core from '@actions/core'
import * as github from '@actions/github'
import { relative, resolve } from 'node:path'
import { check } from '../core/check.js'
import { writeOutputs } from '../core/outputs.js'
import { blockingChecks, reaches } from '../core/gate/evaluate.js'
import { isInputError, type InputError } from '../core/errors.js'
import { marker, renderError, reportMarker } from '../core/report/markdown.js'
import { loadManifest } from '../core/manifest/load.js'
import type { Report } from '../core/report/report.js'
import { postFresh } from './comment.js'
import { client, type Client } from './client.js'
import { postFromReport, readUploadedReport } from './comment-only.js'
import { DefaultArtifactClient } from '@actions/artifact'
import { tmpdir } from 'node:os'
import { autoBaseline, uploadReport } from './artifacts.js'
import { OUTPUTS, readSettings, type Settings } from './inputs.js'
import { trustedManifest, trustedPolicy } from './trusted.js'
import { targetOf, type EventContext, type Target } from './event.js'

/**
 * What a run has learnt so far, for its error path: the repository, the pull request and commit it
 * checks, and the model's identity (which sticky comment is this model's) once known.
 */
interface RunState {
  settings?: Settings
  repo?: Repo
  target?: Target
  identity?: string
}

/** workerUrl: the worker script for reading large predictions files on two threads (dist/worker.js). */
export async function run(options: { workerUrl?: URL } = {}): Promise<void> {
  const state: RunState = {}
  try {
    const settings = (state.settings = readSettings())
    if (settings.mode === 'comment-only') return await commentOnly(settings)
    const repo = (state.repo = connect(settings))
    const report = await checkStep(settings, repo, state, options.workerUrl)
    await publishStep(report, settings, repo, state.target!)
  } catch (err) {
    await fail(err, state)
  }
}

/** The repository of the run and the API client. */
interface Repo {
  owner: string
  repo: string
  octokit: Client
}

function connect(settings: Settings): Repo {
  return { ...github.context.repo, octokit: client(settings.token, settings.apiTimeout) }
}

/** The trusted commit, policy and manifest, the baseline, and the same check as the CLI's. */
async function checkStep(
  settings: Settings,
  repo: Repo,
  state: RunState,
  workerUrl: URL | undefined
): Promise<Report> {
  const cwd = process.cwd()
  const workspace = process.env.GITHUB_WORKSPACE ?? cwd
  const ctx = github.context
  const api = repo.octokit.rest.repos
  const target = (state.target = await targetOf(
    { ...ctx, owner: repo.owner, repo: repo.repo, payload: ctx.payload as EventContext['payload'] },
    settings.protectedBranches,
    api
  ))
  const input = {
    policy: settings.policy,
    policyRef: settings.policyRef,
    manifest: settings.manifest,
    owner: repo.owner,
    repo: repo.repo,
    baseSha: target.baseSha,
    cwd,
    workspace,
    api
  }
  const manifest = await trustedManifest(input)
  state.identity = manifest.baseManifest?.model.name
  const trusted = await trustedPolicy(input, manifest)
  const notes = [...target.notes, ...trusted.notes]
  const baseline =
    settings.baseline === 'auto'
      ? await autoBaseline(
          repo.octokit.rest.actions,
          {
            owner: repo.owner,
            repo: repo.repo,
            runId: ctx.runId,
            branch: target.baseBranch,
            artifact: settings.baselineArtifact
          },
          process.env.RUNNER_TEMP ?? tmpdir(),
          core
        )
      : settings.baseline === 'none'
        ? undefined
        : { path: settings.baseline, name: undefined }
  const report = await check({
    manifest: settings.manifest,
    policy: trusted.policy,
    policySource: trusted.source,
    policyWithin: trusted.within,
    proposedPolicy: trusted.proposed,
    baseManifest: manifest.baseManifest,
    notes,
    baseline: baseline?.path,
    baselineName: baseline?.name,
    cwd,
    workspace,
    parallel: workerUrl && { workerUrl },
    context: {
      repository: `${repo.owner}/${repo.repo}`,
      sha: ctx.sha,
      ...(target.pull && { headSha: target.pull.headSha }),
      ref: ctx.ref,
      runId: ctx.runId,
      pullRequest: target.pull?.number ?? null
    }
  })
  state.identity = report.model.baseName ?? report.model.name
  return report
}

/** The report file, the outputs, the job summary, the sticky comment, the upload, the step's result. */
async function publishStep(report: Report, settings: Settings, repo: Repo, target: Target): Promise<void> {
  const cwd = process.cwd()
  const out = writeOutputs(report, cwd, { report: settings.reportPath }, settings.failOn, {
    within: process.env.GITHUB_WORKSPACE ?? cwd
  })
  // What the reviewer must know (what the PR changes, which branch judges it) annotates the run too.
  for (const note of report.notes) core.warning(note)
  if (report.baseline?.warning) core.warning(report.baseline.warning)
  const blocking = blockingChecks(report.checks)
  setOutputs({ decision: report.decision, failedChecks: String(blocking), reportPath: settings.reportPath })
  await core.summary.addRaw(out.markdown()).write()
  const url =
    settings.comment === 'update' ? await comment(repo, target, reportMarker(report), out.markdown()) : ''
  setOutputs({ commentUrl: url })
  if (settings.uploadReport) {
    try {
      const warning = await uploadReport(
        new DefaultArtifactClient(),
        settings.baselineArtifact,
        resolve(cwd, settings.reportPath),
        process.env
      )
      if (warning) core.warning(warning)
    } catch (err) {
      core.warning(`upload-report: the report could not be uploaded (${(err as Error).message}).`)
    }
  }
  if (reaches(report.decision, settings.failOn))
    core.setFailed(
      `rai-gate: decision ${report.decision} (${blocking} blocking check${blocking === 1 ? '' : 's'}); see the job summary.`
    )
}

/** The sticky comment, when the run is on a pull request that is still at the commit it checked. */
function comment(repo: Repo, target: Target, mark: string, body: string): Promise<string> {
  if (target.pull === null) return Promise.resolve('')
  const { owner, repo: name, octokit } = repo
  return postFresh(
    { issues: octokit.rest.issues, graphql: octokit.graphql, pulls: octokit.rest.pulls },
    { owner, repo: name, pull: target.pull.number },
    target.pull.headSha,
    mark,
    body,
    core.warning
  )
}

/**
 * An error: annotated at its file and line, the outputs and the job summary still written, and the
 * sticky comment replaced by the error, so that an earlier PASS does not stand for a run that decided
 * nothing.
 */
async function fail(err: unknown, state: RunState): Promise<void> {
  const message = isInputError(err)
    ? err.message
    : `rai-gate internal error (please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`
  if (isInputError(err)) annotate(err, process.env.GITHUB_WORKSPACE ?? process.cwd())
  setOutputs({ decision: 'error', failedChecks: '0', reportPath: '' })
  const { settings, repo, target } = state
  const identity = state.identity ?? (settings && localModelName(settings.manifest))
  const commit = target?.pull?.headSha ?? null
  // The comment is public: an internal error shows its message there, and its stack only in the log.
  const shown = isInputError(err)
    ? message
    : `rai-gate internal error (please report it): ${String((err as Error)?.message ?? err)}`
  let url = ''
  if (settings?.comment === 'update' && repo && target && identity)
    url = await comment(
      repo,
      target,
      marker(identity),
      renderError(shown, { marker: marker(identity), commit })
    )
  setOutputs({ commentUrl: url })
  try {
    await core.summary.addRaw(renderError(message, { commit })).write()
  } catch {
    // Outside a runner there is no summary file; the failure below still says everything.
  }
  core.setFailed(message)
}

/** Sets the Action's outputs (inputs.ts OUTPUTS names them). */
function setOutputs(values: Partial<Record<keyof typeof OUTPUTS, string>>): void {
  for (const [key, value] of Object.entries(values))
    core.setOutput(OUTPUTS[key as keyof typeof OUTPUTS], value)
}

/** The model's name in the checkout's manifest, when it loads; the error comment's identity for a new model. */
function localModelName(manifest: string): string | undefined {
  try {
    const cwd = process.cwd()
    return loadManifest(manifest, { cwd, workspace: process.env.GITHUB_WORKSPACE ?? cwd }).model.name
  } catch {
    return undefined
  }
}

/** The fork-safe mode: post the comment from an uploaded report (see comment-only.ts). */
async function commentOnly(settings: Settings): Promise<void> {
  const ctx = github.context
  const octokit = client(settings.token, settings.apiTimeout)
  const report = readUploadedReport(resolve(process.cwd(), settings.reportPath))
  const headSha = (ctx.payload.workflow_run?.head_sha as string | undefined) ?? null
  setOutputs({
    decision: report.decision,
    failedChecks: String(blockingChecks(report.checks)),
    reportPath: settings.reportPath
  })
  const url = await postFromReport(report, {
    owner: ctx.repo.owner,
    repo: ctx.repo.repo,
    headSha,
    issues: octokit.rest.issues,
    graphql: octokit.graphql,
    pulls: octokit.rest.pulls,
    warn: core.warning
  })
  setOutputs({ commentUrl: url })
}

/** Policy, manifest and artifact errors become annotations at their file (relative to the repository) and line. */
function annotate(err: InputError, workspace: string): void {
  if (err.file === undefined) return
  const file = relative(workspace, resolve(err.file))
  core.error(err.detail + (err.path ? ` (${err.path})` : ''), {
    title: 'rai-gate',
    file,
    startLine: err.line,
    ...(err.column !== undefined && { startColumn: err.column })
  })
}
