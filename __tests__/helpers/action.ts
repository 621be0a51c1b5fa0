/**
 * Runs the bundled Action (dist/index.js) exactly as the runner runs it: a child process with INPUT_*
 * variables, an event file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing
 * at a GitHub stand-in on 127.0.0.1 (github-standin.ts).
 */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { StandIn } from './github-standin.js'

export const ACTION = join(import.meta.dirname, '../../dist/index.js')

export interface ActionRun {
  code: number
  pid: number
  stdout: string
  outputs: Record<string, string>
  summary: string
}

/**
 * The Action in `dir` (the workspace; its `event.json` is the event unless GITHUB_EVENT_PATH is given),
 * on pull request 7 of acme/model unless `env` says otherwise.
 */
export async function runAction(
  gh: StandIn,
  dir: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  /** A run still going after this many milliseconds is killed (code -1): a hang is a failure, not a wait. */
  timeout = 120_000
): Promise<ActionRun> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`)
  writeFileSync(out, '')
  writeFileSync(`${out}.summary`, '')
  const all: Record<string, string> = {
    PATH: process.env.PATH!,
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'acme/model',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_OUTPUT: out,
    GITHUB_STEP_SUMMARY: `${out}.summary`,
    GITHUB_WORKSPACE: dir,
    GITHUB_RUN_ID: '100',
    GITHUB_SHA: 'head0001',
    GITHUB_REF: 'refs/pull/7/merge',
    RUNNER_TEMP: dir,
    'INPUT_GITHUB-TOKEN': 'ghs_faketoken',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...env
  }
  const child = spawn(process.execPath, [ACTION], { cwd: dir, env: all })
  let stdout = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stdout += d))
  const killer = setTimeout(() => child.kill('SIGKILL'), timeout)
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? -1)))
  clearTimeout(killer)
  const outputs = Object.fromEntries(
    [...readFileSync(out, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map(m => [m[1], m[3]])
  )
  return { code, pid: child.pid ?? 0, stdout, outputs, summary: readFileSync(`${out}.summary`, 'utf8') }
}

/** A pull_request event: PR 7 at `head`, into `branch` at `base`, in a repository whose default branch is main. */
export const pullRequestEvent = (head: string, base: string, branch = 'main') =>
  JSON.stringify({
    pull_request: { number: 7, head: { sha: head }, base: { sha: base, ref: branch } },
    repository: { default_branch: 'main' }
  })
