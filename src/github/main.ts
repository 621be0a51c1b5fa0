/**
 * The Action entry. For now it runs the same check as the CLI on the Action's inputs, sets the
 * outputs and fails the step on a blocking breach; the sticky comment, baseline download and
 * trusted-ref policies come with the Action work.
 */
import * as core from '@actions/core'
import { check } from '../core/check.js'
import { isInputError } from '../core/errors.js'
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

export async function run(): Promise<void> {
  try {
    const cwd = process.cwd()
    const workspace = process.env.GITHUB_WORKSPACE ?? cwd
    const report = await check({
      manifest: core.getInput('manifest') || 'rai-gate.yml',
      policy: core.getInput('policy') || 'policies',
      cwd,
      workspace
    })
    const reportPath = core.getInput('report-path') || 'rai-gate-report.json'
    writeFileSync(resolve(cwd, reportPath), JSON.stringify(report, null, 1) + '\n')
    core.setOutput('report-path', reportPath)
    core.setOutput('decision', report.decision)
    core.setOutput('failed-checks', String(report.checks.filter(c => c.effect === 'block').length))
    if (report.decision === 'fail')
      core.setFailed(
        `rai-gate: decision fail (${report.checks.filter(c => c.effect === 'block').length} blocking checks)`
      )
  } catch (err) {
    if (isInputError(err)) core.setFailed(err.message)
    else core.setFailed(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  }
}
