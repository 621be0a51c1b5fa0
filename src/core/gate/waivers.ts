/** Waivers: which one covers a gate for a model, and whether it is still in force on a given day. */
import type { Waiver } from '../policy/types.js'
import type { AppliedWaiver } from './types.js'

/** Glob on model names: `*` any run of characters, `?` one character. */
export function globMatch(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${re}$`).test(name)
}

/**
 * The waiver for `gate` and `model`, if any: a waiver in force wins over an expired one. `expires`
 * is inclusive: a waiver that expires on 2027-01-31 holds through that day in UTC.
 */
export function findWaiver(
  waivers: Waiver[],
  gate: string,
  model: string,
  now: Date
): AppliedWaiver | undefined {
  const today = now.toISOString().slice(0, 10)
  const matching = waivers
    .filter(w => w.gate === gate && (w.models === undefined || w.models.some(p => globMatch(p, model))))
    .map(w => ({
      reason: w.reason,
      approvedBy: w.approvedBy,
      expires: w.expires,
      expired: w.expires !== undefined && w.expires < today
    }))
  return matching.find(w => !w.expired) ?? matching[0]
}
