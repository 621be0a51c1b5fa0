/**
 * The per-case record that lets a later run compare with this one case by case (metrics/paired.ts):
 * for case i, keys[i] identifies it, cells[i] is its cell in the artifact's table and codes[i] its
 * result (outcomes: 1 passed, 0 failed; robustness: label·4 + clean prediction·2 + prediction).
 * Ids are not stored as given (they may name prompts or people): a key is the first 16 hex digits
 * (64 bits) of the sha256 of the case's scope and id as JSON, so collisions stay below 1 in 10⁸ for
 * MAX_CASES cases.
 */
import { createHash } from 'node:crypto'

export interface CaseRecord {
  keys: string[]
  cells: number[]
  codes: number[]
}

/** At most this many cases are kept case by case (about 40 bytes each in the report). */
export const MAX_CASES = 100_000

export const caseKey = (scope: (string | null)[], id: string): string =>
  createHash('sha256')
    .update(JSON.stringify([...scope, id]))
    .digest('hex')
    .slice(0, 16)

/** Collects a file's cases; the record is dropped, with the reason, on a case without id or a repeat. */
export class CaseRecorder {
  private readonly record: CaseRecord = { keys: [], cells: [], codes: [] }
  private readonly seen = new Set<string>()
  private missing: string | undefined

  add(scope: (string | null)[], id: unknown, cell: number, code: number, line: number): void {
    if (this.missing !== undefined) return
    if (id === undefined || id === null || id === '') {
      this.missing = `line ${line} has no case id`
      return
    }
    const key = caseKey(scope, String(id))
    if (this.seen.has(key)) this.missing = `case id ${JSON.stringify(String(id))} repeats (line ${line})`
    else if (this.record.keys.length >= MAX_CASES) this.missing = `more than ${MAX_CASES} cases`
    else {
      this.seen.add(key)
      this.record.keys.push(key)
      this.record.cells.push(cell)
      this.record.codes.push(code)
    }
  }

  /** The record, or null with the reason it was dropped. */
  finish(): { cases: CaseRecord | null; casesMissing?: string } {
    return this.missing === undefined ? { cases: this.record } : { cases: null, casesMissing: this.missing }
  }
}
