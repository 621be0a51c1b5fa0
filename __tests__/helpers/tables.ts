/** Builds PredictionData straight from rows, without files: for hand-computed and simulated cases. */
import { caseKey } from '../../src/core/tables/cases.js'
import { CellAccumulator } from '../../src/core/tables/cells.js'
import { WasmCells } from '../../src/core/artifacts/fast/rows-wasm.js'
import { predictionCode, type PredictionData } from '../../src/core/artifacts/kinds/predictions.js'
import { ScoreHistogram } from '../../src/core/tables/scores.js'
import type { ArtifactSpec } from '../../src/core/manifest/types.js'

export interface Row {
  y: number
  p: number
  s?: number
  w?: number
  groups: string[]
  /** The row's id: the data then keep a row record by id. */
  id?: string
  /** The baseline model on this row (champion/challenger columns): the data then keep a row record. */
  champion?: { p: number; s?: number }
}

export function predictionData(attributes: string[], rows: Row[], bins = 10): PredictionData {
  const hasScore = rows.some(r => r.s !== undefined)
  const weighted = rows.some(r => r.w !== undefined)
  const acc = new CellAccumulator(attributes, hasScore ? bins : 1, hasScore, weighted)
  const hist = hasScore ? new ScoreHistogram(weighted) : null
  // The rows go to the accumulator every reader adds to.
  const sums = new WasmCells(acc, hist, null, 0.5)
  const labels: Map<string, number>[] = attributes.map(() => new Map())
  const g = new Int32Array(attributes.length)
  const cells: number[] = []
  for (const r of rows) {
    r.groups.forEach((v, a) => {
      if (!labels[a].has(v)) labels[a].set(v, labels[a].size)
      g[a] = labels[a].get(v)!
    })
    const s = r.s ?? 0
    const combo = acc.combo(g)
    cells.push(combo)
    sums.addRow(combo, r.y, r.p, s, -1, r.w ?? 1)
  }
  acc.addNumbers(sums.sums())
  const byId = rows.length > 0 && rows[0].id !== undefined
  const champion = rows.length > 0 && rows[0].champion !== undefined
  const micros = (s: number | undefined) => (s === undefined ? 0 : Math.round(s * 1e6))
  const record =
    byId || champion
      ? {
          cases: {
            count: rows.length,
            keys: Uint32Array.from(rows.flatMap((r, i) => (byId ? caseKey([], r.id!) : [0, i]))),
            cells: Uint32Array.from(cells),
            codes: Uint32Array.from(rows, r => predictionCode(r.y, r.p, micros(r.s)))
          },
          byId,
          scores: hasScore ? Float64Array.from(rows, r => r.s ?? 0) : null,
          weights: weighted ? Float64Array.from(rows, r => r.w ?? 1) : null,
          champion: champion
            ? {
                codes: Uint32Array.from(rows, r => predictionCode(r.y, r.champion!.p, micros(r.champion!.s))),
                scores:
                  rows[0].champion!.s === undefined ? null : Float64Array.from(rows, r => r.champion!.s!)
              }
            : null
        }
      : undefined
  return {
    table: acc.finish(labels.map(m => [...m.keys()])),
    scores: hist?.finish() ?? null,
    edges: null,
    rows: rows.length,
    sha256: '',
    ...(record && { record })
  }
}

/** A predictions CSV artifact `p.csv` with the default columns, for readers fed from memory. */
export const csvSpec: ArtifactSpec = {
  kind: 'predictions',
  path: 'p.csv',
  absPath: '/p.csv',
  display: 'p.csv',
  columns: {},
  positiveLabel: 1,
  threshold: 0.5
}
