/**
 * Reads an outcomes artifact: pass/fail results of test cases (red-team or safety suites), one row
 * per case with `suite`, `category` (optional), `passed` and `id` (optional). With ids, each case's
 * result is kept (hashed, see caseKey) so that a later run can compare case by case.
 */
import { InputError } from '../errors.js'
import type { ArtifactSpec } from '../manifest/types.js'
import { CaseRecorder, type CaseRecord } from './cases.js'
import { MISSING } from './groups.js'
import { columnOf, requireColumns, streamRows } from './source.js'
import { parseBoolean } from './values.js'

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
  const column = (name: string): string => columnOf(spec, name)
  const table: OutcomeTable = { cells: [], passed: [], failed: [] }
  const index = new Map<string, number>()
  let hasCategory = false
  let hasId = false
  const cases = new CaseRecorder()
  const result = await streamRows(
    spec.absPath,
    spec.display,
    (columns, line) => {
      requireColumns(spec, ['suite', 'passed'], columns, line)
      hasCategory = columns.includes(column('category')) || spec.columns.category !== undefined
      hasId = columns.includes(column('id')) || spec.columns.id !== undefined
    },
    row => {
      const where = (f: string) => ({ file: spec.display, line: row.line, path: column(f) })
      const suite = row.get(column('suite'))
      if (typeof suite !== 'string' || suite === '') {
        throw new InputError(
          `suite ${JSON.stringify(suite)} is not a name; expected a non-empty string`,
          where('suite')
        )
      }
      let category: string | null = null
      if (hasCategory) {
        const c = row.get(column('category'))
        category = c === undefined || c === null || c === '' ? MISSING : String(c)
      }
      if (!row.has(column('passed')))
        throw new InputError(`field '${column('passed')}' is missing`, where('passed'))
      const passed = parseBoolean(row.get(column('passed')), where('passed'))
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
      if (hasId) cases.add([suite, category], row.get(column('id')), i, passed ? 1 : 0, row.line)
    }
  )
  return {
    table,
    rows: result.rows,
    sha256: result.sha256,
    ...(hasId ? cases.finish() : {})
  }
}
