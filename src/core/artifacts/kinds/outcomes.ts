/**
 * Reads an outcomes artifact: pass/fail results of test cases (red-team or safety suites), one row
 * per case with `suite`, `category` (optional), `passed` and `id` (optional). With ids, each case's
 * result is kept (hashed, see caseKey) so that a later run can compare case by case.
 */
import { InputError, quote } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { CaseRecorder, type CaseRecord } from '../../tables/cases.js'
import { MISSING } from '../decode/groups.js'
import { columnOf, requireColumns, streamRows } from '../formats/source.js'
import { groupValue, idValue, parseBoolean } from '../decode/values.js'

export interface OutcomeTable {
  /** (suite, category) pairs in order of first appearance; category null when the file has none. */
  cells: { suite: string; category: string | null }[]
  /** passed[i] and failed[i] count the cases of cells[i]. */
  passed: number[]
  failed: number[]
}

export interface OutcomeData {
  table: OutcomeTable
  rows: number
  sha256: string
  /** Each case's result by hashed id (cases.ts), when the file has an id column; null if dropped. */
  cases?: CaseRecord | null
  /** Why the case record was dropped. */
  casesMissing?: string
}

export async function readOutcomes(spec: ArtifactSpec): Promise<OutcomeData> {
  const table: OutcomeTable = { cells: [], passed: [], failed: [] }
  const index = new Map<string, number>()
  // The fields' positions in the header (-1: the file has none).
  let suiteAt = -1
  let passedAt = -1
  let categoryAt = -1
  let idAt = -1
  let hasCategory = false
  let hasId = false
  const cases = new CaseRecorder()
  const result = await streamRows(
    spec.absPath,
    spec.display,
    (columns, where) => {
      requireColumns(spec, ['suite', 'passed'], columns, where)
      const at = (name: string) => columns.indexOf(columnOf(spec, name))
      suiteAt = at('suite')
      passedAt = at('passed')
      categoryAt = at('category')
      idAt = at('id')
      hasCategory = categoryAt >= 0 || spec.columns.category !== undefined
      hasId = idAt >= 0 || spec.columns.id !== undefined
    },
    row => {
      const suite = row.at(suiteAt)
      if (typeof suite !== 'string' || suite === '') {
        throw new InputError(
          `suite ${quote(suite ?? null)} is not a name; expected a non-empty string`,
          row.where(suiteAt)
        )
      }
      let category: string | null = null
      if (hasCategory) {
        const c = categoryAt < 0 ? '' : groupValue(row.at(categoryAt), row.where(categoryAt))
        category = c === '' ? MISSING : c
      }
      const value = row.at(passedAt)
      if (value === undefined)
        throw new InputError(`field '${columnOf(spec, 'passed')}' is missing`, row.where(passedAt))
      const passed = parseBoolean(value, row.where(passedAt))
      const key = JSON.stringify([suite, category])
      let i = index.get(key)
      if (i === undefined) {
        i = table.cells.length
        index.set(key, i)
        table.cells.push({ suite, category })
        table.passed.push(0)
        table.failed.push(0)
      }
      if (passed) table.passed[i]++
      else table.failed[i]++
      if (hasId)
        cases.add(
          [suite, category],
          idAt < 0 ? undefined : idValue(row.at(idAt), row.where(idAt)),
          i,
          passed ? 1 : 0,
          row.line
        )
    },
    () => [suiteAt, passedAt, categoryAt, idAt].filter(k => k >= 0)
  )
  return {
    table,
    rows: result.rows,
    sha256: result.sha256,
    ...(hasId ? cases.finish() : {})
  }
}
