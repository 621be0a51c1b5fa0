// A child process of the bundled CLI, timed from outside, with its peak resident set size (rss.js,
// loaded with --import, reports it on exit). Throws when the command fails.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

/** `check` of a manifest with a policy, writing its report, never failing on the decision. */
export const checkArgs = (manifest, policy, report, ...extra) => [
  'check',
  '--manifest',
  manifest,
  '--policy',
  policy,
  '--report',
  report,
  '--fail-on',
  'never',
  ...extra
]

export function timedRun(cli, args, options = {}) {
  const t = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['--import', resolve('bench/rss.js'), cli, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...options
  })
  const seconds = Number(process.hrtime.bigint() - t) / 1e9
  if (r.status !== 0) throw new Error(`${args[0]} failed (${r.status}): ${r.stderr}`)
  return { seconds, rssMb: Number(/bench:maxrss_kb=(\d+)/.exec(r.stderr)[1]) / 1024 }
}
