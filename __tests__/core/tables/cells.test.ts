/** The cell table's stored form (report stats, and later a warehouse's stats table): one codec. */
import { describe, expect, it } from '@jest/globals'
import {
  CELL_ROWS,
  CELL_SUM,
  Q_S,
  Q_W,
  cellIndex,
  decodeCells,
  encodeCells
} from '../../../src/core/tables/cells.js'
import { predictionData } from '../../helpers/tables.js'

describe('the cell codec', () => {
  const data = predictionData(
    ['g'],
    [
      { groups: ['a'], y: 1, p: 1, s: 0.9, w: 2 },
      { groups: ['a'], y: 0, p: 1, s: 0.7, w: 1 },
      { groups: ['b'], y: 0, p: 0, s: 0.15, w: 0.5 },
      { groups: ['b'], y: 0, p: 0, s: 0.12, w: 1.5 }
    ],
    10
  )
  const t = data.table

  it('stores each non-empty cell once, by its combination, label, prediction and bin, with its sums', () => {
    const stored = encodeCells(t)
    expect(stored).toHaveLength(3)
    const b = stored.find(c => c[0] === 1)!
    // Group b: two negatives predicted 0 in bin 1, weights 0.5 and 1.5.
    expect(b.slice(0, CELL_ROWS + 1)).toEqual([1, 0, 0, 1, 2])
    expect(b[CELL_SUM + Q_W]).toBe(2)
    expect(b[CELL_SUM + Q_S]).toBeCloseTo(0.5 * 0.15 + 1.5 * 0.12, 12)
  })

  it('decodes to the table it encoded, sum for sum', () => {
    const back = decodeCells(encodeCells(t), t.combos.length, t.bins)
    expect(Array.from(back.n)).toEqual(Array.from(t.n))
    expect(Array.from(back.sum)).toEqual(Array.from(t.sum))
    expect(Array.from(back.sum2)).toEqual(Array.from(t.sum2))
    expect(Array.from(back.cross)).toEqual(Array.from(t.cross))
    expect(back.rows).toBe(4)
    expect(t.n[cellIndex(1, 0, 0, 1, t.bins)]).toBe(2)
  })
})
