/**
 * What a pull request changes in the policy that applies to it: the trusted (base) policy decides,
 * and reviewers see every threshold the PR's copy would have changed.
 */
import type { Policy } from './types.js'

type Tree = { [key: string]: unknown }

const show = (v: unknown) => (v === undefined ? 'unset' : JSON.stringify(v))
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Entries keyed by `key`; a repeated key gets #2, #3 after it so that no entry hides another. */
function keyed<T>(items: T[], key: (item: T) => string): Tree {
  const out: Tree = {}
  for (const item of items) {
    let k = key(item)
    for (let n = 2; k in out; n++) k = `${key(item)} #${n}`
    out[k] = item
  }
  return out
}

/**
 * The whole policy as it decides, with its lists of named things keyed by name: gates by id, waivers
 * by gate and models, required documents by doc. Where it was read from (files, source) is not part of it.
 */
function normalized(p: Policy): Tree {
  return {
    name: p.name,
    version: p.version,
    tier: p.tier,
    defaults: p.defaults,
    requires: {
      artifacts: p.requires.artifacts,
      documents: p.requires.documents && keyed(p.requires.documents, d => d.doc)
    },
    gates: keyed(p.gates, g => g.id),
    waivers: keyed(p.waivers, w => (w.models ? `${w.gate} (models ${w.models.join(', ')})` : w.gate))
  }
}

/** How a path reads in the note: `gate acc groups`, `waiver for acc expires`, `defaults.bootstrap.seed`. */
function label(path: string[]): string {
  const [head, name, ...rest] = path
  const tail = rest.length > 0 ? ` ${rest.join('.')}` : ''
  if (head === 'gates' && name !== undefined) return `gate ${name}${tail}`
  if (head === 'waivers' && name !== undefined) return `waiver for ${name}${tail}`
  return path.join('.')
}

const COLLECTIONS = new Set(['gates', 'waivers', 'requires.documents'])

function walk(a: Tree, b: Tree, path: string[], out: string[]): void {
  const collection = COLLECTIONS.has(path.join('.'))
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const [x, y] = [a[key], b[key]]
    const at = [...path, key]
    if (isTree(x) && isTree(y)) walk(x, y, at, out)
    else if (collection && y === undefined) out.push(`${label(at)} removed`)
    else if (collection && x === undefined) out.push(`${label(at)} added: ${show(y)}`)
    else if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${label(at)}: ${show(x)} → ${show(y)}`)
  }
}

/**
 * Everything the proposed policy changes against the base one, as lines for the reviewer: every
 * setting, gate, scope list (groups, suites, perturbations, categories), requirement and waiver, so
 * that no loosening goes unseen. The base policy still decides.
 */
export function policyDifferences(base: Policy, proposed: Policy): string[] {
  const out: string[] = []
  walk(normalized(base), normalized(proposed), [], out)
  return out
}

const ORDER = ['low', 'medium', 'high']

/** True when `proposed` is a lower risk tier than `base` (for the standard tiers), or an unknown change. */
export function lowersTier(base: string, proposed: string): boolean {
  if (base === proposed) return false
  const [b, p] = [ORDER.indexOf(base), ORDER.indexOf(proposed)]
  return b < 0 || p < 0 ? true : p < b
}
