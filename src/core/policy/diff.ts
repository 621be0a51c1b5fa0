/**
 * What a pull request changes in the policy that applies to it: the trusted (base) policy decides,
 * and reviewers see every threshold the PR's copy would have changed.
 */
import { differences, keyed, type Tree } from '../diff.js'
import { isInputError } from '../errors.js'
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

/**
 * The note for the reviewer about the pull request's own policy files (`load` reads them): what they
 * would change, or that they do not load. Such a file is named, never quoted: its text could be
 * anything a link pointed at.
 */
export function proposedChanges(trusted: Policy, load: () => Policy): string[] {
  try {
    const diffs = policyDifferences(trusted, load())
    return diffs.length > 0
      ? [
          `This pull request changes the policy; the base commit's policy decides. Changes: ${diffs.join('; ')}.`
        ]
      : []
  } catch (err) {
    const at =
      isInputError(err) && err.file !== undefined
        ? `${err.file}${err.line ? `, line ${err.line}` : ''}`
        : 'they'
    return [
      `This pull request's policy files do not load (${at} does not); the base commit's policy decides. Run rai-gate validate on them to see why.`
    ]
  }
}

const ORDER = ['low', 'medium', 'high']

/** True when `proposed` is a lower risk tier than `base` (for the standard tiers), or an unknown change. */
export function lowersTier(base: string, proposed: string): boolean {
  if (base === proposed) return false
  const [b, p] = [ORDER.indexOf(base), ORDER.indexOf(proposed)]
  return b < 0 || p < 0 ? true : p < b
}
