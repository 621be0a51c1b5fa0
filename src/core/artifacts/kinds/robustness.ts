/**
 * Reads a robustness artifact, one row per (example, perturbation): the label, the prediction on the
 * clean input and the prediction on the perturbed input, and optionally the example's `id` (which
 * keeps each row's result, hashed, for comparing runs row by row). Per perturbation it keeps eight counts,
 * one per (label, clean prediction, perturbed prediction), which give every robustness metric.
 */
import { InputError } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { CaseRecorder, type CaseRecord } from '../../tables/cases.js'
import { columnOf, requireColumns, streamRows } from '../formats/source.js'
import { BinaryDecoder, groupValue, idValue } from '../decode/values.js'

export interface RobustnessTable {
  perturbations: string[]
  /** n[p·8 + (label·2 + clean)·2 + perturbed] = rows. */
  n: number[]
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
      if (hasId)
        cases.add(
          [name],
          id < 0 ? undefined : idValue(row.at(id), row.where(id)),
          p,
          (y * 2 + c) * 2 + q,
          row.line
        )
    },
    () => (id < 0 ? at : [...at, id])
  )
  return { table, rows: result.rows, sha256: result.sha256, ...(hasId ? cases.finish() : {}) }
}
