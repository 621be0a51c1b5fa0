/** What every format's row source gives its readers (source.ts chooses the source by format). */
import type { Where } from '../../errors.js'
import type { ReadProgress } from './bytes.js'
import type { Value } from '../decode/values.js'
import type { CsvRow } from './csv.js'

/**
 * One data row, as every format gives it: field k is the header's column k. Its value is text (CSV)
 * or as the file holds it (JSON Lines, Parquet: numbers, booleans, bigints, strings, null), and the
 * row rules of values.ts read either.
 */
export interface Row {
  /** The line (CSV, JSON Lines) or the data row (Parquet), counted from 1, for records and messages. */
  line: number
  /** Field k's value; undefined when the row has no such field (a JSON object without the key). */
  at(k: number): Value
  /** Where field k (or the row) is, for an error. */
  where(k?: number): Where
  /** A CSV row's bytes, for the readers' byte-level fast decoding (decode/fields.ts); unset otherwise. */
  csv?: CsvRow
}

/** What a reader learns from the header: the columns, and where they are (for an error). */
export type HeaderHandler = (columns: string[], where: Where) => void

/**
 * A format's row reader: streams the file's rows to onRow after onHeader, and resolves to the sha256
 * of the file as stored. `needed` (after onHeader) names the columns the reader uses, so that a
 * columnar format reads no others. `progress` follows the bytes read (for display only).
 */
export type RowSource = (
  path: string,
  display: string,
  onHeader: HeaderHandler,
  onRow: (row: Row) => void,
  needed: () => readonly number[] | null,
  progress?: ReadProgress
) => Promise<string>
