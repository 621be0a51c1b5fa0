/**
 * `rai-gate init`: from a predictions file to a first gate. It reads the file's header and first rows,
 * guesses its columns (manifest/guess.ts), and writes rai-gate.yml, the shipped policy of the tier
 * (with the files it extends) into policies/, and the GitHub workflow; for GitLab and Azure it prints
 * the pipeline instead. It writes nothing when any file it would write exists: it never overwrites.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { parseFlags } from './args.js'
import { sampleRows, formatOf } from '../core/artifacts/formats/source.js'
import { InputError, UsageError } from '../core/errors.js'
import { loadManifest } from '../core/manifest/load.js'
import { guessColumns } from '../core/manifest/guess.js'
import { loadPolicy, validatePolicies } from '../core/policy/load.js'
import { ACTION, CIS, PIPELINE_FILES, PIPELINES } from './pipelines.js'
import { DEFAULT_PATHS } from '../core/defaults.js'

export const INIT_USAGE = `rai-gate init [--predictions eval/predictions.csv] [--tier low|medium|high]
                     [--ci github|gitlab|azure|jenkins] [--attributes a,b] [--yes]`

/** Rows read to guess the columns: enough to see every label and most groups, quick on any file. */
const SAMPLE_ROWS = 2000
const MANIFEST = DEFAULT_PATHS.manifest
const ROLE_NAMES: Record<string, string> = { sensitiveAttributes: 'sensitive attributes' }
const POLICIES = DEFAULT_PATHS.policy

export interface InitIo {
  cwd: string
  stdout(s: string): void
  /** The shipped policies (the package's policies/ folder). */
  policies: string
}

export async function runInit(args: string[], io: InitIo): Promise<number> {
  const values = parseFlags(
    {
      args,
      options: {
        predictions: { type: 'string' },
        tier: { type: 'string', default: 'medium' },
        ci: { type: 'string', default: 'github' },
        attributes: { type: 'string' },
        yes: { type: 'boolean', default: false }
      }
    },
    `usage: ${INIT_USAGE}`
  ).values
  const ci = CIS.find(c => c === values.ci)
  if (ci === undefined)
    throw new UsageError(`--ci '${values.ci}' is not supported; expected ${CIS.join(', ')}`)
  const shipped = validatePolicies(io.policies, io.policies)
  if (!shipped.some(p => p.tier === values.tier))
    throw new UsageError(
      `--tier '${values.tier}' has no shipped policy; expected ${[...new Set(shipped.map(p => p.tier))].join(', ')}`
    )

  const predictions = values.predictions ?? findPredictions(io.cwd)
  const abs = resolve(io.cwd, predictions)
  const path = relative(io.cwd, abs).split(sep).join('/')
  if (path.startsWith('..'))
    throw new UsageError(`--predictions '${predictions}' is outside this folder; expected a file inside it`)
  const sample = await sampleRows(abs, path, SAMPLE_ROWS)
  const chosen = values.attributes?.split(',').map(a => a.trim())
  for (const a of chosen ?? [])
    if (!sample.columns.includes(a))
      throw new UsageError(
        `--attributes names '${a}', which ${path} does not have; its columns: ${sample.columns.join(', ')}`
      )
  const guess = guessColumns(path, sample.columns, sample.rows, chosen)
  const chose = [
    `Read the header and ${sample.rows.length} rows of ${path}. Chose:`,
    ...guess.reasons.map(r => `  - ${r}`),
    ...(guess.toCheck.length > 0
      ? ['Check these before you rely on a gate:', ...guess.toCheck.map(t => `  - ${t}`)]
      : [])
  ]
  // A guess that no column's name supports is shown, not written, until the user confirms it.
  if (guess.byValues.length > 0 && values.yes !== true) {
    io.stdout(
      [
        ...chose,
        `Wrote nothing: no column's name says which is the ${guess.byValues.map(r => ROLE_NAMES[r] ?? r).join(', the ')}, so these rest on the values alone.`,
        'Run rai-gate init --yes to write the files as guessed above, or rename the columns (label, score,',
        'prediction) or name the attributes with --attributes a,b, and run it again.'
      ].join('\n') + '\n'
    )
    return 2
  }
  // The shipped policy of the task and tier, and the files it extends.
  const policy = shipped.find(p => p.tier === values.tier && p.task === guess.task)
  if (policy === undefined)
    throw new UsageError(`--tier '${values.tier}' has no shipped policy for ${guess.task} models`)
  const files = new Map<string, string>([[MANIFEST, manifestText(io.cwd, path, values.tier, guess)]])
  for (const f of policy.files) {
    const name = basename(f.path)
    files.set(`${POLICIES}/${name}`, readFileSync(resolve(io.policies, f.path), 'utf8'))
  }
  const pipeline = PIPELINES[ci]({ manifest: MANIFEST, policy: POLICIES, predictions: path })
  const home = PIPELINE_FILES[ci]
  if (home.written) files.set(home.path, pipeline)

  // Nothing is written when anything is in the way.
  for (const name of files.keys())
    if (existsSync(join(io.cwd, name)))
      throw new InputError(
        `already exists; rai-gate init never overwrites a file (move it, or edit it by hand)`,
        {
          file: name
        }
      )
  const folder = join(io.cwd, POLICIES)
  if (existsSync(folder) && readdirSync(folder).some(n => /\.ya?ml$/i.test(n)))
    throw new InputError(
      `already holds policy files; rai-gate init adds a policy only to a folder without any (its tiers would clash)`,
      { file: `${POLICIES}/` }
    )
  for (const [name, text] of files) {
    mkdirSync(dirname(join(io.cwd, name)), { recursive: true })
    writeFileSync(join(io.cwd, name), text, { flag: 'wx' })
  }
  // What was written must load as check will load it.
  loadManifest(MANIFEST, { cwd: io.cwd, workspace: io.cwd })
  loadPolicy(POLICIES, values.tier, io.cwd, undefined, undefined, guess.task)

  const out = [
    ...chose,
    'Wrote:',
    ...[...files.keys()].map(f => `  - ${f}`),
    ...(home.written
      ? [`In ${home.path}, replace <owner> in ${ACTION} with the repository you take the Action from.`]
      : [`Add this to your ${home.path}:`, '', pipeline]),
    `Next: npx rai-gate check   (the ${values.tier} tier's gates are in ${POLICIES}/; docs/policies.md explains them)`
  ]
  io.stdout(out.join('\n') + '\n')
  return 0
}

/** The one predictions file in this folder (three levels down at most), when --predictions is not given. */
function findPredictions(cwd: string): string {
  const found: string[] = []
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue
      const path = join(dir, name)
      const stat = statSync(path, { throwIfNoEntry: false })
      if (stat?.isDirectory() && depth < 3) walk(path, depth + 1)
      else if (stat?.isFile() && formatOf(name) !== undefined) found.push(relative(cwd, path))
    }
  }
  walk(cwd, 0)
  const named = found.filter(f => /pred/i.test(basename(f)))
  const choice = named.length === 1 ? named : found.length === 1 ? found : []
  if (choice.length === 1) return choice[0]
  const list = (named.length > 0 ? named : found).slice(0, 10).join(', ')
  throw new UsageError(
    found.length === 0
      ? 'no predictions file (.csv, .jsonl, .parquet) in this folder; pass --predictions FILE'
      : `more than one file could be the predictions (${list}); pass --predictions FILE`
  )
}

/** A YAML scalar: plain when that reads back as the same string, else a JSON (double-quoted) string. */
const scalar = (s: string) =>
  /^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(s) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(s)
    ? s
    : JSON.stringify(s)

function manifestText(
  cwd: string,
  path: string,
  tier: string,
  guess: ReturnType<typeof guessColumns>
): string {
  const name = basename(cwd).replace(/[^A-Za-z0-9._-]+/g, '-') || 'model'
  const columns = Object.entries(guess.columns)
    .map(([k, v]) => `${k}: ${scalar(v)}`)
    .join(', ')
  const positive = typeof guess.positiveLabel === 'string' ? scalar(guess.positiveLabel) : guess.positiveLabel
  const binary =
    guess.scorePrefix !== undefined
      ? `\n    scorePrefix: ${scalar(guess.scorePrefix)} # every column ${guess.scorePrefix}<class> holds that class's probability`
      : guess.task === 'binary-classification'
        ? `\n    positiveLabel: ${positive}${guess.columns.score !== undefined && guess.columns.prediction === undefined ? '\n    threshold: 0.5 # prediction = score >= threshold' : ''}`
        : ''
  return `# The evaluation manifest of this model, written by rai-gate init from ${path}.
# Check the columns and the sensitive attributes below; docs/inputs.md describes every field.
apiVersion: rai-gate/v1
kind: Evaluation
model: { name: ${scalar(name)}, version: 0.1.0 }
riskTier: ${scalar(tier)} # selects the policy in policies/ whose tier is ${tier}
task: ${guess.task}${guess.task === 'binary-classification' ? '' : ` # and whose task is ${guess.task}`}
sensitiveAttributes: [${guess.sensitiveAttributes.map(scalar).join(', ')}]
artifacts:
  - kind: predictions
    path: ${scalar(path)}
    columns: { ${columns} }${binary}
`
}
