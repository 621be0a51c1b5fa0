/**
 * What a pull request changes in the policy that applies to it: the trusted (base) policy decides,
 * and reviewers see every threshold the PR's copy would have changed.
 */
import type { Gate, Policy } from './types.js'

const GATE_KEYS = [
  'min',
  'max',
  'maxWorsening',
  'maxWorseningRelative',
  'mode',
  'severity',
  'insufficientData',
  'metric'
] as const
const DEFAULT_KEYS = [
  'confidence',
  'mode',
  'minGroupSize',
  'insufficientData',
  'multipleComparisons'
] as const

const show = (v: unknown) => (v === undefined ? 'unset' : JSON.stringify(v))

export function policyDifferences(base: Policy, proposed: Policy): string[] {
  const out: string[] = []
  for (const key of DEFAULT_KEYS) {
    if (base.defaults[key] !== proposed.defaults[key])
      out.push(`defaults.${key}: ${show(base.defaults[key])} → ${show(proposed.defaults[key])}`)
  }
  const byId = (gates: Gate[]) => new Map(gates.map(g => [g.id, g]))
  const before = byId(base.gates)
  const after = byId(proposed.gates)
  for (const [id, g] of before) {
    const h = after.get(id)
    if (!h) {
      out.push(`gate ${id} removed`)
      continue
    }
    for (const key of GATE_KEYS)
      if (g[key] !== h[key]) out.push(`gate ${id} ${key}: ${show(g[key])} → ${show(h[key])}`)
    if (JSON.stringify(g.attributes) !== JSON.stringify(h.attributes))
      out.push(`gate ${id} attributes: ${show(g.attributes)} → ${show(h.attributes)}`)
  }
  for (const id of after.keys()) if (!before.has(id)) out.push(`gate ${id} added`)
  const waivers = (p: Policy) =>
    p.waivers
      .map(w => JSON.stringify(w))
      .sort()
      .join('\n')
  if (waivers(base) !== waivers(proposed)) out.push('waivers changed')
  return out
}

const ORDER = ['low', 'medium', 'high']

/** True when `proposed` is a lower risk tier than `base` (for the standard tiers), or an unknown change. */
export function lowersTier(base: string, proposed: string): boolean {
  if (base === proposed) return false
  const [b, p] = [ORDER.indexOf(base), ORDER.indexOf(proposed)]
  return b < 0 || p < 0 ? true : p < b
}
