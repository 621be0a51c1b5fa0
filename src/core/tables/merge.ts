/**
 * Merges tables built from consecutive parts of one file into the table a single pass would build:
 * group labels and combinations keep their order of first appearance, counts add exactly (sums of
 * scores add in a different order, so they may differ from one pass in the last bits).
 */
import { QUANTITIES, type CellTable } from './cells.js'

const NQ = QUANTITIES.length

export function mergeCellTables(parts: CellTable[]): CellTable {
  return mergeCellTablesMapped(parts).table
}

/** As mergeCellTables, with each part's combinations' ids in the merged table (remaps[part][combo]). */
export function mergeCellTablesMapped(parts: CellTable[]): { table: CellTable; remaps: number[][] } {
  const first = parts[0]
  const groupIds = first.attributes.map(() => new Map<string, number>())
  const groups: string[][] = first.attributes.map(() => [])
  const comboIds = new Map<string, number>()
  const combos: number[][] = []
  const remaps = parts.map(t => {
    const local = t.groups.map((labels, a) =>
      labels.map(label => {
        let id = groupIds[a].get(label)
        if (id === undefined) {
          id = groups[a].length
          groupIds[a].set(label, id)
          groups[a].push(label)
        }
        return id
      })
    )
    return t.combos.map(combo => {
      const global = combo.map((g, a) => local[a][g])
      const key = global.join(',')
      let id = comboIds.get(key)
      if (id === undefined) {
        id = combos.length
        comboIds.set(key, id)
        combos.push(global)
      }
      return id
    })
  })
  const perCombo = 4 * first.bins
  const n = new Float64Array(combos.length * perCombo)
  const sum = new Float64Array(n.length * NQ)
  const sum2 = new Float64Array(n.length * NQ)
  const cross = new Float64Array(n.length * NQ)
  parts.forEach((t, k) => {
    for (let cell = 0; cell < t.n.length; cell++) {
      if (t.n[cell] === 0) continue
      const within = cell % perCombo
      const target = remaps[k][(cell - within) / perCombo] * perCombo + within
      n[target] += t.n[cell]
      for (let q = 0; q < NQ; q++) {
        sum[target * NQ + q] += t.sum[cell * NQ + q]
        sum2[target * NQ + q] += t.sum2[cell * NQ + q]
        cross[target * NQ + q] += t.cross[cell * NQ + q]
      }
    }
  })
  return { table: { ...first, groups, combos, n, sum, sum2, cross }, remaps }
}
