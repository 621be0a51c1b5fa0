/**
 * Finds and loads the policy for a risk tier: a file, or a folder holding one policy per `tier`.
 * `extends` chains are followed inside the folder (cycles are errors); defaults merge key by key and
 * gates merge by id, the child winning in both.
 */
import { createHash } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import schema from '../../../policies/schema/policy.schema.json' with { type: 'json' }
import { InputError } from '../errors.js'
import { displayPath, isInside, readText } from '../files.js'
import { validate } from '../schema.js'
import { loadYaml } from '../yaml.js'
import { checkGates } from './check-gates.js'
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

function parsePolicy(abs: string, cwd: string): Parsed {
  const display = displayPath(abs, cwd)
  const text = readText(abs, display, 'policy')
  const doc = loadYaml(text, display)
  const raw = validate<RawPolicy>(schema, doc, display)
  checkGates(raw, (detail, path) => new InputError(detail, { file: display, line: doc.lineOf(path), path }))
  return { abs, display, raw, sha256: createHash('sha256').update(text).digest('hex'), lineOf: doc.lineOf }
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name)

/** Every policy file in a folder (not its schema/ subfolder). */
function policyFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter(isYaml)
    .sort()
    .map(name => join(dir, name))
}

export function loadPolicy(path: string, tier: string, cwd: string): Policy {
  const abs = resolve(cwd, path)
  let isDir: boolean
  try {
    isDir = statSync(abs).isDirectory()
  } catch {
    throw new InputError('policy file or folder not found', { file: displayPath(abs, cwd) })
  }
  let chosen: Parsed
  let root: string
  if (isDir) {
    root = abs
    const all = policyFiles(abs).map(f => parsePolicy(f, cwd))
    const matches = all.filter(p => p.raw.tier === tier)
    if (matches.length === 0) {
      const tiers = all.map(p => `${p.raw.tier} (${p.display})`).join(', ') || 'no policy files'
      throw new InputError(`no policy for risk tier '${tier}'; this folder has: ${tiers}`, {
        file: displayPath(abs, cwd)
      })
    }
    if (matches.length > 1) {
      throw new InputError(
        `risk tier '${tier}' is ambiguous: ${matches.map(p => p.display).join(' and ')} both declare it; expected one policy per tier`,
        {
          file: displayPath(abs, cwd)
        }
      )
    }
    chosen = matches[0]
  } else {
    root = dirname(abs)
    chosen = parsePolicy(abs, cwd)
    if (chosen.raw.tier !== tier) {
      throw new InputError(
        `policy is for tier '${chosen.raw.tier}', but the manifest's riskTier is '${tier}'`,
        {
          file: chosen.display,
          line: chosen.lineOf('tier'),
          path: 'tier'
        }
      )
    }
  }
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
    cur = parsePolicy(next, cwd)
    chain.push(cur)
  }
  return merge(chain, relative(cwd, abs) || '.')
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
  for (const p of chain) {
    p.raw.waivers?.forEach((w, i) => {
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
    defaults,
    requires,
    gates: [...gates.values()],
    waivers,
    files: chain.map(p => ({ path: p.display, sha256: p.sha256 })),
    source
  }
}
