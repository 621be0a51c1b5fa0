/**
 * Reads a robustness artifact, one row per (example, perturbation): the label, the prediction on the
 * clean input and the prediction on the perturbed input, and optionally the example's `id` (which
 * keeps each row's result, hashed, for comparing runs row by row). Per perturbation it keeps eight counts,
 * one per (label, clean prediction, perturbed prediction), which give every robustness metric.
 */
import { InputError } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { CaseRecorder, noCaseId, type CaseRecord } from '../../tables/cases.js'
import { columnOf, requireColumns, streamRows } from '../formats/source.js'
import { BinaryDecoder, groupValue, idValue } from '../decode/values.js'
import { studentQuantile, zOf } from '../../stats/intervals.js'

export interface RobustnessTable {
  perturbations: string[]
  /** n[p·8 + (label·2 + clean)·2 + perturbed] = rows. */
  n: number[]
  /**
   * When an example's id repeats within a perturbation (the same example perturbed with several
   * seeds), its rows are not independent: per perturbation, the design effect (≥ 1) of the flip rate,
   * the perturbed accuracy and the accuracy drop, at designEffects[p·3 + DEFF_*] (ExampleClusters).
   */
  designEffects?: number[]
  /** Rows per example and perturbation, on average, when ids repeat. */
  rowsPerExample?: number
}

export const DEFF_FLIP = 0
export const DEFF_PERTURBED = 1
export const DEFF_DROP = 2

/**
 * Rows of the same example (its id, within a perturbation) as one cluster, for the design effects of
 * the robustness metrics: each is a mean of per-row values (a flip, a right answer on the perturbed
 * input, clean right minus perturbed right), and with the example as the unit its variance is the
 * cluster-robust one, C/(C − 1)·Σ_c (x_c − μ·m_c)² / N², over C examples of m_c rows summing x_c. The
 * design effect is that over the variance of N independent rows (never below 1: the rows are not
 * taken for more than they are), times (t_{C−1}/z)² for the few examples the variance rests on.
 * Memory: 5 numbers per example and perturbation.
 */
export class ExampleClusters {
  private index = new Map<string, number>()
  private perturbation: number[] = []
  /** Per cluster: rows, flips, right on the perturbed input, right only clean (b), only perturbed (c). */
  private sums: number[] = []
  private repeated = false

  add(p: number, id: string, label: number, clean: number, perturbed: number): void {
    const key = `${p}\u0000${id}`
    let k = this.index.get(key)
    if (k === undefined) {
      k = this.perturbation.length
      this.index.set(key, k)
      this.perturbation.push(p)
      this.sums.push(0, 0, 0, 0, 0)
    } else this.repeated = true
    const s = this.sums
    s[k * 5] += 1
    if (clean !== perturbed) s[k * 5 + 1] += 1
    if (perturbed === label) s[k * 5 + 2] += 1
    if (clean === label && perturbed !== label) s[k * 5 + 3] += 1
    if (clean !== label && perturbed === label) s[k * 5 + 4] += 1
  }

  /** The design effects per perturbation, or null when no example repeats (each row its own unit). */
  designEffects(perturbations: number): { designEffects: number[]; rowsPerExample: number } | null {
    if (!this.repeated) return null
    const out: number[] = []
    const s = this.sums
    for (let p = 0; p < perturbations; p++) {
      const members = this.perturbation.flatMap((q, k) => (q === p ? [k] : []))
      const C = members.length
      // The cluster-robust variance rests on C examples: its z is widened to Student's t on C − 1
      // degrees of freedom (taken at 95%), as a factor on the design effect.
      const small = C > 1 ? (studentQuantile(0.975, C - 1) / zOf(0.95)) ** 2 : 1
      let N = 0
      const total = [0, 0, 0, 0]
      for (const k of members) {
        N += s[k * 5]
        total[0] += s[k * 5 + 1]
        total[1] += s[k * 5 + 2]
        total[2] += s[k * 5 + 3]
        total[3] += s[k * 5 + 4]
      }
      // Per metric: each cluster's sum x_c, and the rows' Σv² (v ∈ {0, 1}, or {−1, 0, 1} for the drop).
      const metrics: [(k: number) => number, number, number][] = [
        [k => s[k * 5 + 1], total[0], total[0]],
        [k => s[k * 5 + 2], total[1], total[1]],
        [k => s[k * 5 + 3] - s[k * 5 + 4], total[2] - total[3], total[2] + total[3]]
      ]
      for (const [x, sum, squares] of metrics) {
        const mean = N > 0 ? sum / N : 0
        const rows = (squares / N - mean * mean) / N
        let clustered = 0
        for (const k of members) clustered += (x(k) - mean * s[k * 5]) ** 2
        clustered = C > 1 ? (C / (C - 1)) * (clustered / (N * N)) : 0
        out.push((rows > 0 && clustered > rows ? clustered / rows : 1) * small)
      }
    }
    let rows = 0
    for (let k = 0; k < this.perturbation.length; k++) rows += s[k * 5]
    return { designEffects: out, rowsPerExample: rows / this.perturbation.length }
  }
}

export interface RobustnessData {
  table: RobustnessTable
  rows: number
  sha256: string
  /** Each row's (label, clean, perturbed) by hashed (perturbation, id) (cases.ts), with an id column. */
  cases?: CaseRecord | null
  /** Why the case record was dropped. */
  casesMissing?: string
}

const FIELDS = ['perturbation', 'label', 'clean_prediction', 'prediction'] as const

export async function readRobustness(spec: ArtifactSpec): Promise<RobustnessData> {
  const labels = new BinaryDecoder(spec.positiveLabel, 'label')
  const clean = new BinaryDecoder(spec.positiveLabel, 'clean_prediction')
  const perturbed = new BinaryDecoder(spec.positiveLabel, 'prediction')
  const index = new Map<string, number>()
  const table: RobustnessTable = { perturbations: [], n: [] }
  const cases = new CaseRecorder()
  const examples = new ExampleClusters()
  // The fields' positions in the header: perturbation, label, clean and perturbed prediction, id.
  let at: number[] = []
  let id = -1
  let hasId = false
  const result = await streamRows(
    spec.absPath,
    spec.display,
    (columns, where) => {
      requireColumns(spec, FIELDS, columns, where)
      at = FIELDS.map(f => columns.indexOf(columnOf(spec, f)))
      id = columns.indexOf(columnOf(spec, 'id'))
      hasId = id >= 0 || spec.columns.id !== undefined
    },
    row => {
      const [kName, kLabel, kClean, kPerturbed] = at
      const name = groupValue(row.at(kName), row.where(kName))
      if (name === '') throw new InputError(`perturbation is empty; expected its name`, row.where(kName))
      let p = index.get(name)
      if (p === undefined) {
        p = table.perturbations.length
        index.set(name, p)
        table.perturbations.push(name)
        for (let k = 0; k < 8; k++) table.n.push(0)
      }
      const y = labels.value(row.at(kLabel), row.where(kLabel))
      const c = clean.value(row.at(kClean), row.where(kClean))
      const q = perturbed.value(row.at(kPerturbed), row.where(kPerturbed))
      table.n[p * 8 + (y * 2 + c) * 2 + q] += 1
      if (hasId) {
        const example = id < 0 ? undefined : idValue(row.at(id), row.where(id))
        cases.add([name], example, p, (y * 2 + c) * 2 + q, row.line)
        // As the case record keys it: its text (a Parquet integer id is a BigInt).
        if (!noCaseId(example)) examples.add(p, String(example), y, c, q)
      }
    },
    () => (id < 0 ? at : [...at, id])
  )
  const clustered = examples.designEffects(table.perturbations.length)
  return {
    table: clustered ? { ...table, ...clustered } : table,
    rows: result.rows,
    sha256: result.sha256,
    ...(hasId ? cases.finish() : {})
  }
}
