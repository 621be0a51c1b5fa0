/**
 * Reads an outcomes artifact: pass/fail results of test cases (red-team or safety suites), one row
 * per case with `suite`, `category` (optional), `passed` and `id` (optional). With ids, each case's
 * result is kept (hashed, see caseKey) so that a later run can compare case by case.
 */
import { createHash } from 'node:crypto'
import { InputError } from '../errors.js'
import type { ArtifactSpec } from '../manifest/types.js'
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

/**
 * Each case's result, for comparing runs case by case: keys[i] identifies case i (caseKey), cells[i]
 * is its table cell, passed[i] 1 or 0. Null when the file has no id column, repeats an id in a cell,
 * or has more than MAX_CASES cases (the reason then says which).
 */
export interface OutcomeCases {
  keys: string[]
  cells: number[]
  passed: number[]
}

export interface OutcomeData {
  table: OutcomeTable
  rows: number
  sha256: string
  cases?: OutcomeCases | null
  /** Why there is no case record, when the file has an id column. */
  casesMissing?: string
}

/** At most this many cases are kept case by case (about 40 bytes each in the report). */
export const MAX_CASES = 100_000

/**
 * A case's key: the first 16 hex digits (64 bits) of the sha256 of [suite, category, id] as JSON. Ids
 * are not stored as given (they may name prompts); 64 bits keep collisions below 1 in 10⁸ for 100,000
 * cases.
 */
export const caseKey = (suite: string, category: string | null, id: string): string =>
  createHash('sha256')
    .update(JSON.stringify([suite, category, id]))
    .digest('hex')
    .slice(0, 16)

export async function readOutcomes(spec: ArtifactSpec): Promise<OutcomeData> {
  const column = (name: string): string => columnOf(spec, name)
  const table: OutcomeTable = { cells: [], passed: [], failed: [] }
  const index = new Map<string, number>()
  let hasCategory = false
  let hasId = false
  const cases: OutcomeCases = { keys: [], cells: [], passed: [] }
  const seen = new Set<string>()
  let casesMissing: string | undefined
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
      if (hasId && casesMissing === undefined) {
        const id = row.get(column('id'))
        const key = caseKey(suite, category, id === undefined || id === null ? '' : String(id))
        if (id === undefined || id === null || id === '') casesMissing = `line ${row.line} has no case id`
        else if (seen.has(key))
          casesMissing = `case id ${JSON.stringify(String(id))} repeats (line ${row.line})`
        else if (cases.keys.length >= MAX_CASES) casesMissing = `more than ${MAX_CASES} cases`
        else {
          seen.add(key)
          cases.keys.push(key)
          cases.cells.push(i)
          cases.passed.push(passed ? 1 : 0)
        }
      }
    }
  )
  return {
    table,
    rows: result.rows,
    sha256: result.sha256,
    ...(hasId ? { cases: casesMissing === undefined ? cases : null } : {}),
    ...(casesMissing !== undefined && { casesMissing })
  }
}
