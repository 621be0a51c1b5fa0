/**
 * What a pull request changes in the policy that applies to it: the trusted (base) policy decides,
 * and reviewers see every threshold the PR's copy would have changed.
 */
import { differences, keyed, type Tree } from '../diff.js'
import type { Policy } from './types.js'

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

const SHAPE = { collections: new Set(['gates', 'waivers', 'requires.documents']), label }

/**
 * Everything the proposed policy changes against the base one, as lines for the reviewer: every
 * setting, gate, scope list (groups, suites, perturbations, categories), requirement and waiver, so
 * that no loosening goes unseen. The base policy still decides.
 */
export function policyDifferences(base: Policy, proposed: Policy): string[] {
  return differences(normalized(base), normalized(proposed), SHAPE)
}

const ORDER = ['low', 'medium', 'high']

/** True when `proposed` is a lower risk tier than `base` (for the standard tiers), or an unknown change. */
export function lowersTier(base: string, proposed: string): boolean {
  if (base === proposed) return false
  const [b, p] = [ORDER.indexOf(base), ORDER.indexOf(proposed)]
  return b < 0 || p < 0 ? true : p < b
}
