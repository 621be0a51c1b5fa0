/**
 * Finds and loads the policy for a risk tier: a file, or a folder holding one policy per `tier`.
 * `extends` chains are followed inside the folder (cycles are errors); defaults merge key by key and
 * gates merge by id, the child winning in both.
 */
import { createHash } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { InputError } from '../errors.js'
import { displayPath, isInside, readText } from '../files.js'
import { policyValidator, validate } from '../schema.js'
import { loadYaml } from '../yaml.js'
import { intersectionId, type Manifest } from '../manifest/types.js'
import { checkGates } from './check-gates.js'
import type { MetricDef } from '../metrics/registry.js'
import type { Task } from '../kinds.js'
import { didYouMean } from '../suggest.js'
import {
  DEFAULTS,
  type Gate,
  type Policy,
  type PolicyDefaults,
  type RawPolicy,
  type Requires,
  type Waiver
} from './types.js'

interface Parsed {
  abs: string
  display: string
  raw: RawPolicy
  sha256: string
  lineOf: (path: string) => number | undefined
}

function parsePolicy(abs: string, cwd: string, known: KnownMetrics): Parsed {
  const display = displayPath(abs, cwd)
  const text = readText(abs, display, 'policy')
  const doc = loadYaml(text, display)
  const raw = validate<RawPolicy>(policyValidator, doc, display)
  checkGates(
    raw,
    (detail, path) => new InputError(detail, { file: display, line: doc.lineOf(path), path }),
    known
  )
  return { abs, display, raw, sha256: createHash('sha256').update(text).digest('hex'), lineOf: doc.lineOf }
}

/** Metrics that a metrics artifact declares, by id (metrics/provided.ts): gates may name them. */
export type KnownMetrics = ReadonlyMap<string, MetricDef>
const NONE: KnownMetrics = new Map()

const isYaml = (name: string) => /\.ya?ml$/i.test(name)

/** Every policy file in a folder (not its schema/ subfolder). */
function policyFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter(isYaml)
    .sort()
    .map(name => join(dir, name))
}

/** The policy files at `path` (a file, or every YAML file in a folder) and the folder they live in. */
function openPolicies(
  path: string,
  cwd: string,
  known: KnownMetrics,
  within?: string
): { root: string; files: Parsed[]; isDir: boolean } {
  const abs = resolve(cwd, path)
  const parse = (file: string) => {
    // A link out of the checkout would read (and could quote) a file the pull request does not own.
    if (within !== undefined && !isInside(within, file))
      throw new InputError(
        `resolves outside the workspace (${within}), through a symbolic link; expected a policy file inside it`,
        { file: displayPath(file, cwd) }
      )
    return parsePolicy(file, cwd, known)
  }
  let isDir: boolean
  try {
    isDir = statSync(abs).isDirectory()
  } catch {
    throw new InputError('policy file or folder not found', { file: displayPath(abs, cwd) })
  }
  if (!isDir) return { root: dirname(abs), files: [parse(abs)], isDir }
  return { root: abs, files: policyFiles(abs).map(parse), isDir }
}

/**
 * The policy for `tier` at `path` (SPEC §3): none, or more than one, is an error. With `within`, every
 * file read must lie inside that folder, links resolved (the Action: a pull request's own files).
 */
export function loadPolicy(
  path: string,
  tier: string,
  cwd: string,
  known: KnownMetrics = NONE,
  within?: string,
  task: Task = BINARY
): Policy {
  const { root, files, isDir } = openPolicies(path, cwd, known, within)
  const folder = { file: displayPath(resolve(cwd, path), cwd) }
  const matches = files.filter(p => p.raw.tier === tier && taskOf(p.raw) === task)
  if (!isDir && matches.length === 0) {
    const p = files[0]
    const [what, path] = p.raw.tier === tier ? ['task', 'task'] : ['tier', 'tier']
    const [has, wants] =
      what === 'task' ? [taskOf(p.raw), `task is ${task}`] : [p.raw.tier, `riskTier is '${tier}'`]
    throw new InputError(`policy is for ${what} '${has}', but the manifest's ${wants}`, {
      file: p.display,
      line: p.lineOf(path),
      path
    })
  }
  if (matches.length === 0) {
    const tiers =
      files
        .map(p => `${p.raw.tier}${taskOf(p.raw) === BINARY ? '' : ` (${taskOf(p.raw)})`} (${p.display})`)
        .join(', ') || 'no policy files'
    const of = task === BINARY ? '' : ` and task ${task}`
    throw new InputError(`no policy for risk tier '${tier}'${of}; this folder has: ${tiers}`, folder)
  }
  if (matches.length > 1) {
    throw new InputError(
      `risk tier '${tier}' is ambiguous: ${matches.map(p => p.display).join(' and ')} both declare it; expected one policy per tier`,
      folder
    )
  }
  return withParents(matches[0], root, cwd, relative(cwd, resolve(cwd, path)) || '.', known)
}

/**
 * Every policy at `path`, each with its `extends` chain resolved, for `rai-gate validate`. With a
 * manifest, also checks that its tier has a policy and that gates name attributes it declares.
 */
export function validatePolicies(
  path: string,
  cwd: string,
  manifest?: Manifest,
  known: KnownMetrics = NONE
): Policy[] {
  const { root, files } = openPolicies(path, cwd, known)
  if (files.length === 0)
    throw new InputError('no policy files (*.yml, *.yaml) in this folder', {
      file: displayPath(resolve(cwd, path), cwd)
    })
  const policies = files.map(p => withParents(p, root, cwd, p.display, known))
  const tiers = new Map<string, string>()
  for (const p of files) {
    const key = JSON.stringify([p.raw.tier, taskOf(p.raw)])
    const other = tiers.get(key)
    if (other !== undefined) {
      throw new InputError(
        `tier '${p.raw.tier}' is also declared by ${other} (both for ${taskOf(p.raw)} models); expected one policy per task and tier`,
        { file: p.display, line: p.lineOf('tier'), path: 'tier' }
      )
    }
    tiers.set(key, p.display)
  }
  if (manifest) {
    if (!tiers.has(JSON.stringify([manifest.riskTier, manifest.task])))
      loadPolicy(path, manifest.riskTier, cwd, known, undefined, manifest.task)
    const declared = [...manifest.sensitiveAttributes, ...manifest.intersections.map(intersectionId)]
    for (const p of files) {
      p.raw.gates?.forEach((g, i) =>
        g.attributes?.forEach((a, j) => {
          if (!declared.includes(a)) {
            const at = `gates[${i}].attributes[${j}]`
            throw new InputError(
              `attribute '${a}' is not declared in ${manifest.file}${didYouMean(a, declared)}; expected one of: ${declared.join(', ') || '(none)'}`,
              {
                file: p.display,
                line: p.lineOf(at),
                path: at
              }
            )
          }
        })
      )
    }
  }
  return policies
}

const BINARY: Task = 'binary-classification'
/** The models a policy file gates: its `task`, binary classifiers by default. */
const taskOf = (raw: RawPolicy): Task => raw.task ?? BINARY

/** Follows `extends` from `chosen` inside `root` (cycles are errors) and merges the chain. */
function withParents(chosen: Parsed, root: string, cwd: string, source: string, known: KnownMetrics): Policy {
  const chain = [chosen]
  for (let cur = chosen; cur.raw.extends !== undefined;) {
    const next = resolve(dirname(cur.abs), cur.raw.extends)
    const where = { file: cur.display, line: cur.lineOf('extends'), path: 'extends' }
    if (!isInside(root, next))
      throw new InputError(
        `extends '${cur.raw.extends}' leaves the policy folder; expected a relative path inside it`,
        where
      )
    if (chain.some(p => p.abs === next)) {
      throw new InputError(
        `extends cycle: ${[...chain.map(p => p.display), displayPath(next, cwd)].join(' -> ')}`,
        where
      )
    }
    const parent = parsePolicy(next, cwd, known)
    if (taskOf(parent.raw) !== taskOf(chosen.raw))
      throw new InputError(
        `extends '${cur.raw.extends}', a policy for ${taskOf(parent.raw)} models, from a policy for ${taskOf(chosen.raw)} models; expected a policy of the same task`,
        where
      )
    cur = parent
    chain.push(cur)
  }
  return merge(chain, source)
}

function merge(chain: Parsed[], source: string): Policy {
  const defaults: PolicyDefaults = structuredClone(DEFAULTS)
  const gates = new Map<string, Gate>()
  const requires: Requires = {}
  const waivers: Waiver[] = []
  for (const p of [...chain].reverse()) {
    Object.assign(requires, p.raw.requires)
    waivers.push(...(p.raw.waivers ?? []))
    const d = p.raw.defaults ?? {}
    Object.assign(defaults, {
      ...d,
      bootstrap: { ...defaults.bootstrap, ...d.bootstrap },
      calibration: { ...defaults.calibration, ...d.calibration }
    })
    for (const g of p.raw.gates ?? []) gates.set(g.id, { ...gates.get(g.id), ...g })
  }
  // Any file of the chain can ask that waivers expire, and none can take that back.
  const rulesFrom = chain.find(p => p.raw.waiverRules?.requireExpiry === true)
  for (const p of chain) {
    p.raw.waivers?.forEach((w, i) => {
      if (rulesFrom !== undefined && w.expires === undefined) {
        const path = `waivers[${i}]`
        throw new InputError(
          `waiver for gate '${w.gate}' has no expires; expected a day (YYYY-MM-DD), since ${rulesFrom.display} sets waiverRules.requireExpiry`,
          { file: p.display, line: p.lineOf(path), path }
        )
      }
      // The schema checks the form (YYYY-MM-DD); the calendar decides whether the day exists.
      if (w.expires !== undefined && !isCalendarDate(w.expires)) {
        const path = `waivers[${i}].expires`
        throw new InputError(
          `found '${w.expires}', which is not a day of the calendar; expected a real date, YYYY-MM-DD`,
          { file: p.display, line: p.lineOf(path), path }
        )
      }
      if (!gates.has(w.gate)) {
        const path = `waivers[${i}].gate`
        throw new InputError(`waiver for unknown gate '${w.gate}'${didYouMean(w.gate, [...gates.keys()])}`, {
          file: p.display,
          line: p.lineOf(path),
          path
        })
      }
    })
  }
  const top = chain[0].raw
  return {
    name: top.name,
    version: String(top.version),
    tier: top.tier,
    task: taskOf(top),
    defaults,
    requires,
    gates: [...gates.values()],
    waivers,
    files: chain.map(p => ({ path: p.display, sha256: p.sha256 })),
    source
  }
}

/** Whether YYYY-MM-DD names a day that exists (2027-02-30 does not). */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}
