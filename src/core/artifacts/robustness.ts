/**
 * Reads a robustness artifact, one row per (example, perturbation): the label, the prediction on the
 * clean input and the prediction on the perturbed input, and optionally the example's `id` (which
 * keeps each row's result, hashed, for comparing runs row by row). Per perturbation it keeps eight counts,
 * one per (label, clean prediction, perturbed prediction), which give every robustness metric.
 */
import { InputError } from '../errors.js'
import type { ArtifactSpec } from '../manifest/types.js'
import { CaseRecorder, type CaseRecord } from './cases.js'
import { columnOf, requireColumns, streamRows } from './source.js'
import { BinaryDecoder } from './values.js'

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
  const column = (name: string): string => columnOf(spec, name)
  const labels = new BinaryDecoder(spec.positiveLabel, 'label')
  const clean = new BinaryDecoder(spec.positiveLabel, 'clean_prediction')
  const perturbed = new BinaryDecoder(spec.positiveLabel, 'prediction')
  const index = new Map<string, number>()
  const table: RobustnessTable = { perturbations: [], n: [] }
  const cases = new CaseRecorder()
  let hasId = false
  const result = await streamRows(
    spec.absPath,
    spec.display,
    (columns, line) => {
      requireColumns(spec, FIELDS, columns, line)
      hasId = columns.includes(column('id')) || spec.columns.id !== undefined
    },
    row => {
      const where = (f: string) => ({ file: spec.display, line: row.line, path: column(f) })
      const text = (f: string): string => {
        const v = row.get(column(f))
        if (v === undefined || v === null || typeof v === 'object') {
          throw new InputError(`field '${column(f)}' is missing`, where(f))
        }
        return String(v)
      }
      const name = text('perturbation')
      if (name === '') throw new InputError(`perturbation is empty; expected its name`, where('perturbation'))
      let p = index.get(name)
      if (p === undefined) {
        p = table.perturbations.length
        index.set(name, p)
        table.perturbations.push(name)
        for (let k = 0; k < 8; k++) table.n.push(0)
      }
      const y = labels.decode(text('label'), where('label'))
      const c = clean.decode(text('clean_prediction'), where('clean_prediction'))
      const q = perturbed.decode(text('prediction'), where('prediction'))
      table.n[p * 8 + (y * 2 + c) * 2 + q] += 1
      if (hasId) cases.add([name], row.get(column('id')), p, (y * 2 + c) * 2 + q, row.line)
    }
  )
  return { table, rows: result.rows, sha256: result.sha256, ...(hasId ? cases.finish() : {}) }
}
