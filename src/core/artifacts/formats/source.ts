/**
 * The row source of each format (CSV, JSON Lines, Parquet in parquet.ts), chosen from one table by
 * the file's name, so that every reader of an artifact kind gets the same rows, locations and errors
 * for an unreadable or empty file whatever the format. Also the JSON Lines splitter and the column
 * mapping helpers.
 */
import { InputError, quote, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { didYouMean } from '../../suggest.js'
import { CsvParser, fieldText, type CsvRow } from './csv.js'
import { streamFile, type ReadProgress } from './bytes.js'
import { parquetRows } from './parquet.js'
import type { Value } from '../decode/values.js'
import type { HeaderHandler, Row, RowSource } from './rows.js'

export type { HeaderHandler, Row, RowSource }

export type Format = 'csv' | 'jsonl' | 'parquet'

export function formatOf(path: string): Format | undefined {
  const lower = path.toLowerCase()
  if (lower.endsWith('.parquet')) return 'parquet'
  const name = lower.replace(/\.gz$/, '')
  if (name.endsWith('.csv')) return 'csv'
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl'
  return undefined
}

export interface RowStream {
  /** Column names (CSV header, the keys of the first JSON object, Parquet's top-level columns). */
  columns: string[]
  rows: number
  sha256: string
}

const csvRows: RowSource = async (path, display, onHeader, onRow, _needed, progress) => {
  let columns: string[] | null = null
  let current: CsvRow
  const row: Row = {
    line: 0,
    at: k => fieldText(current, k),
    where: k => ({ file: display, line: row.line, path: k === undefined ? undefined : columns![k] })
  }
  const parser = new CsvParser(display, r => {
    if (columns === null) {
      columns = Array.from({ length: r.count }, (_, i) => fieldText(r, i))
      onHeader(columns, { file: display, line: r.line })
      return
    }
    if (r.count !== columns.length) throw wrongFieldCount(display, r.line, columns.length, r.count)
    current = r
    row.line = r.line
    row.csv = r
    onRow(row)
  })
  const sha256 = await streamFile(path, display, chunk => parser.feed(chunk), progress)
  parser.end()
  return sha256
}

const jsonRows: RowSource = async (path, display, onHeader, onRow, _needed, progress) => {
  let columns: string[] | null = null
  let obj: Record<string, unknown> = {}
  const row: Row = {
    line: 0,
    at: k => obj[columns![k]],
    where: k => ({ file: display, line: row.line, path: k === undefined ? undefined : columns![k] })
  }
  const lines = new LineSplitter((raw, line) => {
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw
    if (text.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (err) {
      throw new InputError(`not valid JSON (${(err as Error).message}); expected one JSON object per line`, {
        file: display,
        line
      })
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InputError(
        `expected a JSON object, found ${Array.isArray(value) ? 'an array' : quote(value)}`,
        { file: display, line }
      )
    }
    obj = value as Record<string, unknown>
    if (columns === null) {
      columns = Object.keys(obj)
      onHeader(columns, { file: display, line })
    }
    row.line = line
    onRow(row)
  })
  const sha256 = await streamFile(path, display, chunk => lines.feed(chunk), progress)
  lines.end()
  return sha256
}

/** The reader of each format. */
const SOURCES: Record<Format, RowSource> = { csv: csvRows, jsonl: jsonRows, parquet: parquetRows }

export function unknownFormat(display: string): InputError {
  return new InputError(
    'unknown file type; expected a name ending in .csv, .jsonl, .ndjson (each optionally .gz) or .parquet',
    { file: display }
  )
}

/**
 * Streams an artifact of any format row by row. `onHeader` receives the columns first and may throw
 * if a required column is absent; JSON Lines rows report a missing field themselves. An empty file,
 * or one with no data rows, is an error.
 */
export async function streamRows(
  path: string,
  display: string,
  onHeader: HeaderHandler,
  onRow: (row: Row) => void,
  needed: () => readonly number[] | null = () => null,
  progress?: ReadProgress
): Promise<RowStream> {
  const format = formatOf(path)
  if (format === undefined) throw unknownFormat(display)
  let columns: string[] | null = null
  let rows = 0
  const sha256 = await SOURCES[format](
    path,
    display,
    (names, where) => {
      columns = names
      onHeader(names, where)
    },
    row => {
      rows++
      onRow(row)
    },
    needed,
    progress
  )
  if (columns === null)
    throw new InputError('the file is empty; expected a header and data rows', { file: display })
  if (rows === 0) throw new InputError('the file has no data rows', { file: display })
  return { columns, rows, sha256 }
}

/** Stops a row source once a sample is read (an InputError, so that every format passes it on as is). */
class SampleRead extends InputError {}

/**
 * The header and the first `limit` rows of any format, the rest of the file unread (for `init`).
 * Errors are the readers' own: an empty file, or one without data rows, is one.
 */
export async function sampleRows(
  path: string,
  display: string,
  limit: number
): Promise<{ columns: string[]; rows: Value[][] }> {
  let columns: string[] = []
  const rows: Value[][] = []
  const done = new SampleRead('sample read', { file: display })
  try {
    await streamRows(
      path,
      display,
      names => (columns = names),
      row => {
        rows.push(columns.map((_, k) => row.at(k)))
        if (rows.length >= limit) throw done
      }
    )
  } catch (err) {
    if (err !== done) throw err
  }
  return { columns, rows }
}

/** The file column that holds logical column `name`: the manifest's mapping, else the name itself. */
export const columnOf = (spec: ArtifactSpec, name: string): string => spec.columns[name] ?? name

/**
 * The message for a column the file lacks: what it has, the closest name, and, when the header is one
 * field holding semicolons or tabs, that the file is not comma-separated.
 */
export function notInFile(column: string, columns: string[], how = ''): string {
  const found = `found: ${columns.join(', ')}`
  const other = columns.length === 1 ? [';', '\t'].find(c => columns[0].includes(c)) : undefined
  if (other !== undefined)
    return `column '${column}'${how} is not in the file; its header is one field, ${JSON.stringify(columns[0].slice(0, 80))}: the file is separated by ${other === ';' ? 'semicolons' : 'tabs'}, and rai-gate reads comma-separated CSV (pandas: to_csv(path, sep=','))`
  return `column '${column}'${how} is not in the file${didYouMean(column, columns)}; ${found}`
}

/**
 * The file column of logical column `name` (the manifest's mapping, else the name itself), or
 * undefined when the file has none and it is neither required nor mapped; a mapped or required
 * column the file lacks is an error that says what the file has.
 */
export function findColumn(
  spec: ArtifactSpec,
  columns: string[],
  where: Where,
  name: string,
  required: boolean
): string | undefined {
  const mapped = spec.columns[name]
  const column = mapped ?? name
  if (columns.includes(column)) {
    requireOnce(columns, column, where, name)
    return column
  }
  if (required || mapped !== undefined) {
    const how = mapped !== undefined ? ` (columns.${name} in the manifest)` : ''
    throw new InputError(notInFile(column, columns, how), { ...where, path: name })
  }
  return undefined
}

/** Throws when a logical column's file column is not among the header's `columns`. */
export function requireColumns(
  spec: ArtifactSpec,
  names: readonly string[],
  columns: string[],
  where: Where
): void {
  for (const name of names) {
    const column = columnOf(spec, name)
    if (!columns.includes(column)) {
      throw new InputError(notInFile(column, columns), {
        ...where,
        path: name
      })
    }
    requireOnce(columns, column, where, name)
  }
}

/** Throws when the header names a column that a mapping uses more than once: which one is meant? */
export function requireOnce(columns: string[], column: string, where: Where, path: string): void {
  const at = columns.flatMap((c, i) => (c === column ? [i + 1] : []))
  if (at.length > 1)
    throw new InputError(
      `column '${column}' appears ${at.length} times in the header (fields ${at.join(', ')}), so which one is meant is ambiguous; expected each column name once`,
      { ...where, path }
    )
}

export function wrongFieldCount(file: string, line: number, expected: number, found: number): InputError {
  return new InputError(`expected ${expected} fields as in the header, found ${found}`, { file, line })
}

/** Splits a byte stream into UTF-8 lines (LF or CRLF), 1-based line numbers. */
export class LineSplitter {
  private rest: Buffer | null = null
  private line = 1

  constructor(private readonly onLine: (text: string, line: number) => void) {}

  feed(chunk: Buffer): void {
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk
    let pos = 0
    for (;;) {
      const nl = buf.indexOf(10, pos)
      if (nl < 0) break
      const end = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl
      this.onLine(buf.toString('utf8', pos, end), this.line++)
      pos = nl + 1
    }
    this.rest = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null
  }

  end(): void {
    if (this.rest) this.onLine(this.rest.toString('utf8').replace(/\r$/, ''), this.line++)
    this.rest = null
  }
}
