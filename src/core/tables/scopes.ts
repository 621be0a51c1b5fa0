/**
 * The scopes a table's groups are reported in: each sensitive attribute, then each intersection, with
 * the group every combination of the table belongs to. Every task's metrics group their combinations
 * through this one rule.
 */
import { intersectionId } from '../manifest/types.js'

export interface ScopeGroups {
  /** The attribute's id (an intersection's is `race*sex`). */
  attribute: string
  /** The group labels, in order of first appearance among the combinations. */
  labels: string[]
  /** groupOf[c]: the group of combination c. */
  groupOf: Int32Array
}

export function scopeGroups(
  table: { attributes: string[]; groups: string[][]; combos: number[][] },
  intersections: string[][]
): ScopeGroups[] {
  const scope = (attribute: string, members: number[]): ScopeGroups => {
    const labels: string[] = []
    const index = new Map<string, number>()
    const groupOf = new Int32Array(table.combos.length)
    table.combos.forEach((combo, c) => {
      const label = members.map(a => table.groups[a][combo[a]]).join('*')
      let g = index.get(label)
      if (g === undefined) {
        g = labels.length
        index.set(label, g)
        labels.push(label)
      }
      groupOf[c] = g
    })
    return { attribute, labels, groupOf }
  }
  const position = new Map(table.attributes.map((a, i) => [a, i]))
  return [
    ...table.attributes.map((a, i) => scope(a, [i])),
    ...intersections.map(parts =>
      scope(
        intersectionId(parts),
        parts.map(p => position.get(p)!)
      )
    )
  ]
}
