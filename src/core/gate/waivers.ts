/** Waivers: which one covers a gate for a model, and whether it is still in force on a given day. */
import type { Waiver } from '../policy/types.js'
import type { AppliedWaiver, Check } from './types.js'

/**
 * Glob on model names: `*` any run of characters, `?` one character. Written by hand rather than as a
 * RegExp, because `^.*a.*a.*b$` backtracks: a policy's glob against a long model name would take
 * minutes. Each piece between stars is matched at its leftmost place after the previous one, which is
 * always right for `*`-globs, so nothing is ever retried: time is at most the name's length times the
 * pattern's.
 */
export function globMatch(pattern: string, name: string): boolean {
  const pieces = pattern.split('*')
  const first = pieces[0]
  if (pieces.length === 1) return name.length === first.length && at(first, name, 0)
  const last = pieces[pieces.length - 1]
  if (first.length + last.length > name.length) return false
  if (!at(first, name, 0) || !at(last, name, name.length - last.length)) return false
  let from = first.length
  const end = name.length - last.length
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]
    let hit = -1
    for (let j = from; j + piece.length <= end; j++) {
      if (at(piece, name, j)) {
        hit = j
        break
      }
    }
    if (hit < 0) return false
    from = hit + piece.length
  }
  return true
}

/** Whether `piece` (where `?` is any one character) matches `name` at `offset`. */
function at(piece: string, name: string, offset: number): boolean {
  for (let k = 0; k < piece.length; k++) {
    const c = piece.charCodeAt(k)
    if (c !== 63 /* ? */ && c !== name.charCodeAt(offset + k)) return false
  }
  return true
}

/**
 * The waiver for a check of `model`, if any: one of its gate, for the model, and (when it names them)
 * for the check's attribute and group; a waiver in force wins over an expired one. `expires` is
 * inclusive: a waiver that expires on 2027-01-31 holds through that day in UTC.
 */
export function findWaiver(
  waivers: Waiver[],
  check: Pick<Check, 'gate' | 'attribute' | 'group'>,
  model: string,
  now: Date
): AppliedWaiver | undefined {
  const today = now.toISOString().slice(0, 10)
  const within = (names: string[] | undefined, name: string | undefined) =>
    names === undefined || (name !== undefined && names.includes(name))
  const matching = waivers
    .filter(
      w =>
        w.gate === check.gate &&
        (w.models === undefined || w.models.some(p => globMatch(p, model))) &&
        within(w.attributes, check.attribute) &&
        within(w.groups, check.group)
    )
    .map(w => ({
      reason: w.reason,
      approvedBy: w.approvedBy,
      expires: w.expires,
      expired: w.expires !== undefined && w.expires < today,
      ...(w.attributes && { attributes: w.attributes }),
      ...(w.groups && { groups: w.groups }),
      ...(w.limit !== undefined && { limit: w.limit })
    }))
  return matching.find(w => !w.expired) ?? matching[0]
}

/**
 * Whether a check's value is beyond a waiver's limit on the side its threshold was breached: above it
 * for a maximum, below it for a minimum.
 */
export function beyondLimit(check: Pick<Check, 'value' | 'threshold'>, limit: number | undefined): boolean {
  if (limit === undefined || check.value === null) return false
  const { min, max } = check.threshold
  return (
    (max !== undefined && check.value > max && check.value > limit) ||
    (min !== undefined && check.value < min && check.value < limit)
  )
}
