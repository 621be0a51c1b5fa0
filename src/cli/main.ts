/**
 * The command line. Parses flags into options, runs the core, writes files, and is the one place that
 * decides the exit status: 0 done, 1 the decision reached --fail-on, 2 a usage or input error.
 */
import { existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parseFlags } from './args.js'
import { DIALECTS, statsQuery } from '../core/warehouse/sql.js'
import { manifestMetrics, providedDefs } from '../core/metrics/provided.js'
import { check } from '../core/check.js'
import { loadManifest } from '../core/manifest/load.js'
import { loadPolicy } from '../core/policy/load.js'
import { validatePolicies } from '../core/policy/load.js'
import { FAIL_ON, reaches } from '../core/gate/evaluate.js'
import { writeOutputs } from '../core/outputs.js'
import { progressLine } from './progress.js'
import { INIT_USAGE, runInit } from './init.js'
import { DEFAULT_PATHS } from '../core/defaults.js'
import { isInputError, UsageError } from '../core/errors.js'
import { renderText } from '../core/report/text.js'
import { TOOL } from '../core/version.js'

export interface Io {
  cwd: string
  env: Record<string, string | undefined>
  stdout(s: string): void
  stderr(s: string): void
  /** stdout is a terminal (colour). */
  isTTY: boolean
  /** The terminal's width, when stdout is one (else COLUMNS, else 100). */
  columns?: number
  /** stderr is a terminal (the progress line). */
  stderrIsTTY?: boolean
  /** The progress line's clock (tests pass one). */
  now?: () => number
  /** The shipped policies folder, that `init` copies from. */
  policies?: string
  /** This script, to start worker threads from; without it everything runs on one thread. */
  workerUrl?: URL
}

const CHECK_USAGE = `rai-gate check [--manifest rai-gate.yml] [--policy policies] [--baseline report.json]
                      [--report rai-gate-report.json]
                      [--markdown out.md] [--junit report.xml] [--format text|json|markdown]
                      [--fail-on block|warn|never] [--workspace DIR] [--verbose]`
const VALIDATE_USAGE = `rai-gate validate <policy file or folder> [--manifest rai-gate.yml]`
const SQL_USAGE = `rai-gate sql --dialect duckdb|bigquery|spark [--manifest rai-gate.yml] [--policy policies]
                    [--table predictions]`
const USAGE = `usage: ${CHECK_USAGE}
       ${VALIDATE_USAGE}
       ${SQL_USAGE}
       ${INIT_USAGE}
       rai-gate --version`

/** What each command does, for `rai-gate COMMAND --help` (the README says more). */
const HELP: Record<string, string> = {
  check: `${CHECK_USAGE}

Reads the manifest's artifacts, computes every metric with its interval, checks the policy of the
manifest's risk tier, compares with --baseline, writes the report, and exits 1 when the decision
reaches --fail-on (0 otherwise; 2 on a usage or input error). Without --manifest it uses the nearest
rai-gate.yml from here up to the repository's root. The terminal shows the checks that did not pass;
--verbose adds every metric's table.`,
  validate: `${VALIDATE_USAGE}

Checks policy files: the schema, metric ids, extends chains and one policy per tier; with --manifest,
that its risk tier has a policy and that gates name declared attributes.`,
  sql: `${SQL_USAGE}

Prints the query that reduces a predictions table in the warehouse to the stats table that check reads
(docs/warehouse.md).`,
  init: `${INIT_USAGE}

From a predictions file, writes rai-gate.yml, the tier's policy and the CI workflow; shows a guess that
rests on values alone and writes it only with --yes. Never overwrites a file.`
}

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
    if (HELP[command] !== undefined && rest.some(a => a === '--help' || a === '-h')) {
      io.stdout(`usage: ${HELP[command]}\n`)
      return 0
    }
    if (command === 'check') return await runCheck(rest, io)
    if (command === 'validate') return runValidate(rest, io)
    if (command === 'sql') return runSql(rest, io)
    if (command === 'init') {
      if (io.policies === undefined) throw new Error('the shipped policies folder is not known')
      return await runInit(rest, { cwd: io.cwd, stdout: io.stdout, policies: io.policies })
    }
    throw new UsageError(
      `unknown command '${command}'; expected 'check', 'validate', 'sql' or 'init'\n${USAGE}`
    )
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
  return parseFlags(
    {
      args,
      options: {
        manifest: { type: 'string' },
        policy: { type: 'string' },
        report: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'block' },
        markdown: { type: 'string' },
        junit: { type: 'string' },
        baseline: { type: 'string' },
        workspace: { type: 'string' },
        verbose: { type: 'boolean', default: false }
      }
    },
    USAGE
  ).values
}

function runValidate(args: string[], io: Io): number {
  const { values, positionals } = parseFlags(
    {
      args,
      allowPositionals: true,
      options: { manifest: { type: 'string' }, workspace: { type: 'string' } }
    },
    USAGE
  )
  if (positionals.length !== 1)
    throw new UsageError(`validate takes one policy file or folder, found ${positionals.length}\n${USAGE}`)
  const workspace = resolve(io.cwd, values.workspace ?? io.env.GITHUB_WORKSPACE ?? io.cwd)
  const manifest =
    values.manifest === undefined ? undefined : loadManifest(values.manifest, { cwd: io.cwd, workspace })
  // With a manifest, gates may name the metrics its metrics artifact declares.
  const known = providedDefs(manifest && manifestMetrics(manifest))
  for (const p of validatePolicies(positionals[0], io.cwd, manifest, known)) {
    io.stdout(
      `${p.files[0].path}: ok (${p.name}@${p.version}, tier ${p.tier}${p.task === 'binary-classification' ? '' : ` (${p.task})`}, ${p.gates.length} gates${
        p.files.length > 1
          ? `, extends ${p.files
              .slice(1)
              .map(f => f.path)
              .join(' -> ')}`
          : ''
      })\n`
    )
  }
  if (manifest)
    io.stdout(
      `${manifest.file}: risk tier '${manifest.riskTier}' has a policy, and every gate attribute is declared\n`
    )
  return 0
}

/** Prints the query that reduces a predictions table to the stats table (docs/warehouse.md). */
function runSql(args: string[], io: Io): number {
  const values = parseFlags(
    {
      args,
      options: {
        dialect: { type: 'string' },
        manifest: { type: 'string', default: DEFAULT_PATHS.manifest },
        policy: { type: 'string', default: DEFAULT_PATHS.policy },
        table: { type: 'string', default: 'predictions' },
        workspace: { type: 'string' }
      }
    },
    USAGE
  ).values
  const dialect = DIALECTS.find(d => d === values.dialect)
  if (dialect === undefined)
    throw new UsageError(
      `--dialect ${values.dialect === undefined ? 'is required' : `'${values.dialect}' is not supported`}; expected ${DIALECTS.join(', ')}`
    )
  const workspace = resolve(io.cwd, values.workspace ?? io.env.GITHUB_WORKSPACE ?? io.cwd)
  const manifest = loadManifest(values.manifest, { cwd: io.cwd, workspace })
  const policy = loadPolicy(values.policy, manifest.riskTier, io.cwd, undefined, undefined, manifest.task)
  io.stdout(statsQuery(manifest, policy, { dialect, table: values.table }))
  return 0
}

async function runCheck(args: string[], io: Io): Promise<number> {
  const flags = parse(args)
  if (flags.format !== 'text' && flags.format !== 'json' && flags.format !== 'markdown') {
    throw new UsageError(`--format '${flags.format}' is not supported; expected text, json or markdown`)
  }
  const failOn = FAIL_ON.find(f => f === flags['fail-on'])
  if (failOn === undefined) {
    throw new UsageError(`--fail-on '${flags['fail-on']}' is not supported; expected block, warn or never`)
  }
  // Without --manifest, the model's folder is the nearest one up from the current folder that holds rai-gate.yml
  // (as git finds its repository): its defaults (the manifest, policies/, the report) are read and
  // written there, and the paths given on the command line are taken from the current folder.
  const home = flags.manifest === undefined ? modelFolder(io.cwd) : io.cwd
  if (home !== io.cwd) io.stderr(`rai-gate: using ${relative(io.cwd, join(home, DEFAULT_PATHS.manifest))}\n`)
  const given = (path: string | undefined, fallback: string) =>
    path === undefined ? resolve(home, fallback) : resolve(io.cwd, path)
  const manifestPath = given(flags.manifest, DEFAULT_PATHS.manifest)
  const policyPath = given(flags.policy, DEFAULT_PATHS.policy)
  const reportPath = given(flags.report, DEFAULT_PATHS.report)
  const workspace = resolve(io.cwd, flags.workspace ?? io.env.GITHUB_WORKSPACE ?? home)
  // Below RAI_GATE_PARALLEL_MIN_BYTES (default: check's) a second thread costs more than it saves.
  const minBytes = io.env.RAI_GATE_PARALLEL_MIN_BYTES
  const parallel = io.workerUrl && {
    workerUrl: io.workerUrl,
    minBytes: minBytes === undefined ? undefined : Number(minBytes)
  }
  const line = progressLine(io.stderr, io.stderrIsTTY === true, io.env, io.now)
  let report
  try {
    report = await check({
      manifest: relative(home, manifestPath) || '.',
      policy: relative(home, policyPath) || '.',
      baseline: flags.baseline && relative(home, resolve(io.cwd, flags.baseline)),
      cwd: home,
      workspace,
      parallel,
      progress: line?.progress
    })
  } finally {
    line?.end()
  }
  if (report.baseline?.warning) io.stderr(`rai-gate: warning: ${report.baseline.warning}\n`)
  const paths = {
    report: reportPath,
    markdown: flags.markdown && resolve(io.cwd, flags.markdown),
    junit: flags.junit && resolve(io.cwd, flags.junit)
  }
  const out = writeOutputs(report, io.cwd, paths, failOn)
  if (flags.format === 'json') io.stdout(out.json)
  else if (flags.format === 'markdown') io.stdout(out.markdown())
  else {
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    const color = io.isTTY && !io.env.NO_COLOR
    const width = io.columns ?? (Number(io.env.COLUMNS) || undefined)
    io.stdout(renderText(report, { color, width, verbose: flags.verbose }))
    io.stdout(`report written to ${flags.report ?? relative(io.cwd, reportPath)}\n`)
  }
  return reaches(report.decision, failOn) ? 1 : 0
}

/**
 * The folder of the model whose check runs from `cwd`: the nearest one, from cwd up, that holds
 * rai-gate.yml, stopping at the repository's root (a folder with .git); cwd when none does (the
 * manifest's error then names it there).
 */
function modelFolder(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, DEFAULT_PATHS.manifest))) return dir
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return cwd
  }
}
