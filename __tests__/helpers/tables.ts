/** Builds PredictionData straight from rows, without files: for hand-computed and simulated cases. */
import { CellAccumulator } from '../../src/core/artifacts/cells.js'
import type { PredictionData } from '../../src/core/artifacts/predictions.js'
import { ScoreHistogram, binOf } from '../../src/core/artifacts/scores.js'
import type { ArtifactSpec } from '../../src/core/manifest/types.js'

export interface Row {
  y: number
  p: number
  s?: number
  w?: number
  groups: string[]
}

export function predictionData(attributes: string[], rows: Row[], bins = 10): PredictionData {
  const hasScore = rows.some(r => r.s !== undefined)
  const weighted = rows.some(r => r.w !== undefined)
  const acc = new CellAccumulator(attributes, hasScore ? bins : 1, hasScore, weighted)
  const hist = hasScore ? new ScoreHistogram(weighted) : null
  const labels: Map<string, number>[] = attributes.map(() => new Map())
  const g = new Int32Array(attributes.length)
  for (const r of rows) {
    r.groups.forEach((v, a) => {
      if (!labels[a].has(v)) labels[a].set(v, labels[a].size)
      g[a] = labels[a].get(v)!
    })
    const s = r.s ?? 0
    acc.add(acc.combo(g), r.y, r.p, hasScore ? binOf(s, bins, null) : 0, r.w ?? 1, s)
    hist?.add(s, r.y, r.w ?? 1)
  }
  return {
    table: acc.finish(labels.map(m => [...m.keys()])),
    scores: hist?.finish() ?? null,
    edges: null,
    rows: rows.length,
    sha256: ''
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
