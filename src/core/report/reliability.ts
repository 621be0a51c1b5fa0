/** The overall reliability diagram (per calibration bin: rows, mean score, observed rate) from a report's stats. */
import { CELL_ROWS, CELL_SUM, Q_S, Q_W } from '../tables/cells.js'
import type { ReportStats } from './report.js'

export interface ReliabilityBin {
  label: string
  rows: number
  meanScore: number | null
  observed: number | null
}

export function reliabilityBins(stats: ReportStats): ReliabilityBin[] | null {
  const p = stats.predictions
  if (!p || !p.hasScore) return null
  const bins = Array.from({ length: p.bins }, () => ({ rows: 0, w: 0, wy: 0, ws: 0 }))
  for (const cell of p.cells) {
    const [, label, , bin] = cell
    const rows = cell[CELL_ROWS]
    const w = cell[CELL_SUM + Q_W]
    const ws = cell[CELL_SUM + Q_S]
    const b = bins[bin]
    b.rows += rows
    b.w += w
    b.ws += ws
    if (label === 1) b.wy += w
  }
  const edges = p.edges ?? Array.from({ length: p.bins - 1 }, (_, i) => (i + 1) / p.bins)
  const bounds = [0, ...edges, 1]
  return bins.map((b, i) => ({
    label: `${round(bounds[i])}–${round(bounds[i + 1])}`,
    rows: b.rows,
    meanScore: b.w > 0 ? b.ws / b.w : null,
    observed: b.w > 0 ? b.wy / b.w : null
  }))
}

const round = (v: number) => String(Math.round(v * 1000) / 1000)
