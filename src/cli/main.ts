/**
 * The command line. Parses flags into options, runs the core, writes files, and is the one place that
 * decides the exit status: 0 done, 1 the decision reached --fail-on, 2 a usage or input error.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { check } from '../core/check.js'
import type { Decision } from '../core/gate/types.js'
import { isInputError, UsageError } from '../core/errors.js'
import { renderText } from '../core/report/text.js'
import { TOOL } from '../core/version.js'

export interface Io {
  cwd: string
  env: Record<string, string | undefined>
  stdout(s: string): void
  stderr(s: string): void
  isTTY: boolean
  /** This script, to start worker threads from; without it everything runs on one thread. */
  workerUrl?: URL
}

/** Below this size a second thread costs more than it saves. */
const PARALLEL_MIN_BYTES = 32 * 1024 * 1024

const USAGE = `usage: rai-gate check [--manifest rai-gate.yml] [--policy policies] [--report rai-gate-report.json]
                      [--format text|json] [--fail-on block|warn|never] [--workspace DIR]
       rai-gate --version`

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv
    if (command === '--version' || command === '-v') {
      io.stdout(`${TOOL.version}\n`)
      return 0
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${USAGE}\n`)
      return command === undefined ? 2 : 0
    }
    if (command === 'check') return await runCheck(rest, io)
    throw new UsageError(`unknown command '${command}'; expected 'check'\n${USAGE}`)
  } catch (err) {
    if (isInputError(err)) {
      io.stderr(`rai-gate: error: ${err.message}\n`)
      return 2
    }
    io.stderr(
      `rai-gate: internal error (please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`
    )
    return 2
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        manifest: { type: 'string', default: 'rai-gate.yml' },
        policy: { type: 'string', default: 'policies' },
        report: { type: 'string', default: 'rai-gate-report.json' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'block' },
        workspace: { type: 'string' }
      }
    }).values
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`)
  }
}

async function runCheck(args: string[], io: Io): Promise<number> {
  const flags = parse(args)
  if (flags.format !== 'text' && flags.format !== 'json') {
    throw new UsageError(`--format '${flags.format}' is not supported; expected text or json`)
  }
  const failOn = flags['fail-on']
  if (failOn !== 'block' && failOn !== 'warn' && failOn !== 'never') {
    throw new UsageError(`--fail-on '${failOn}' is not supported; expected block, warn or never`)
  }
  const workspace = resolve(io.cwd, flags.workspace ?? io.env.GITHUB_WORKSPACE ?? io.cwd)
  const minBytes = Number(io.env.RAI_GATE_PARALLEL_MIN_BYTES ?? PARALLEL_MIN_BYTES)
  const parallel = io.workerUrl && { workerUrl: io.workerUrl, minBytes }
  const report = await check({
    manifest: flags.manifest,
    policy: flags.policy,
    cwd: io.cwd,
    workspace,
    parallel
  })
  const reportPath = resolve(io.cwd, flags.report)
  const json = JSON.stringify(report, null, 1) + '\n'
  mkdirSync(dirname(reportPath), { recursive: true })
  writeFileSync(reportPath, json)
  if (flags.format === 'json') io.stdout(json)
  else {
    const color = io.isTTY && io.env.NO_COLOR === undefined
    io.stdout(renderText(report, { color }))
    io.stdout(`report written to ${flags.report}\n`)
  }
  return reaches(report.decision, failOn) ? 1 : 0
}

/** Whether a decision reaches the --fail-on level: block fails on `fail`, warn on `warn` or `fail`. */
export function reaches(decision: Decision, failOn: 'block' | 'warn' | 'never'): boolean {
  if (failOn === 'never') return false
  return decision === 'fail' || (failOn === 'warn' && decision === 'warn')
}
