/**
 * Opens an artifact as a stream of byte chunks: gunzipped when the name ends in `.gz`, hashed
 * (sha256 of the file as stored) on the way. Also the JSON Lines splitter and the CSV/JSONL dispatch,
 * so every reader gets the same line numbers and the same error for an unreadable or empty file.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { InputError } from '../errors.js'
import type { ArtifactSpec } from '../manifest/types.js'
import { CsvParser, fieldText, type CsvRow } from './csv.js'

export type Format = 'csv' | 'jsonl'

export function formatOf(path: string): Format | undefined {
  const name = path.toLowerCase().replace(/\.gz$/, '')
  if (name.endsWith('.csv')) return 'csv'
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl'
  return undefined
}

const CHUNK = 1 << 20

/** Streams the file's (decompressed) bytes to `onChunk`; resolves to the sha256 of the stored bytes. */
export async function streamFile(
  path: string,
  display: string,
  onChunk: (chunk: Buffer) => void
): Promise<string> {
  const hash = createHash('sha256')
  const raw = createReadStream(path, { highWaterMark: CHUNK })
  raw.on('data', chunk => hash.update(chunk))
  const gz = path.toLowerCase().endsWith('.gz')
  const body = gz ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw
  if (gz) raw.on('error', err => body.destroy(err))
  try {
    for await (const chunk of body) onChunk(chunk as Buffer)
  } catch (err) {
    if (err instanceof InputError) throw err
    const e = err as NodeJS.ErrnoException
    const why =
      e.code === 'ENOENT'
        ? 'file not found'
        : e.code === 'EISDIR'
          ? 'is a directory, expected a file'
          : e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR'
            ? `not valid gzip data (${e.message})`
            : `cannot be read (${e.code ?? e.message})`
    throw new InputError(why, { file: display })
  }
  return hash.digest('hex')
}

/** A data row as text fields, for readers that are not on the hot path. */
export interface TextRow {
  line: number
  get(column: string): unknown
  has(column: string): boolean
}

export interface RowStream {
  /** Column names (CSV header, or the keys of the first JSON object). */
  columns: string[]
  rows: number
  sha256: string
}

/**
 * Streams a CSV or JSONL artifact row by row as TextRows. For CSV, `onHeader` receives the header
 * first and may throw if a required column is absent; JSONL reports missing fields per line.
 */
export async function streamRows(
  path: string,
  display: string,
  onHeader: (columns: string[], line: number) => void,
  onRow: (row: TextRow) => void
): Promise<RowStream> {
  const format = formatOf(path)
  let columns: string[] | null = null
  let index = new Map<string, number>()
  let rows = 0
  let handle: (chunk: Buffer) => void
  let finish = (): void => {}
  if (format === 'csv') {
    let current: CsvRow
    const row: TextRow = {
      line: 0,
      has: c => index.has(c),
      get: c => fieldText(current, index.get(c)!)
    }
    const parser = new CsvParser(display, r => {
      if (columns === null) {
        columns = Array.from({ length: r.count }, (_, i) => fieldText(r, i))
        index = new Map(columns.map((c, i) => [c, i]))
        onHeader(columns, r.line)
        return
      }
      if (r.count !== columns.length) throw wrongFieldCount(display, r.line, columns.length, r.count)
      current = r
      row.line = r.line
      rows++
      onRow(row)
    })
    handle = chunk => parser.feed(chunk)
    finish = () => parser.end()
  } else if (format === 'jsonl') {
    const lines = new LineSplitter((raw, line) => {
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw
      if (text.trim() === '') return
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch (err) {
        throw new InputError(
          `not valid JSON (${(err as Error).message}); expected one JSON object per line`,
          {
            file: display,
            line
          }
        )
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new InputError(
          `expected a JSON object, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`,
          {
            file: display,
            line
          }
        )
      }
      const obj = value as Record<string, unknown>
      if (columns === null) {
        columns = Object.keys(obj)
        onHeader(columns, line)
      }
      rows++
      onRow({ line, has: c => c in obj, get: c => obj[c] })
    })
    handle = chunk => lines.feed(chunk)
    finish = () => lines.end()
  } else {
    throw new InputError(
      'unknown file type; expected a name ending in .csv, .jsonl or .ndjson (optionally .gz)',
      {
        file: display
      }
    )
  }
  const sha256 = await streamFile(path, display, handle)
  finish()
  if (columns === null)
    throw new InputError('the file is empty; expected a header and data rows', { file: display })
  if (rows === 0) throw new InputError('the file has no data rows', { file: display })
  return { columns, rows, sha256 }
}

/** The file column that holds logical column `name`: the manifest's mapping, else the name itself. */
export const columnOf = (spec: ArtifactSpec, name: string): string => spec.columns[name] ?? name

/** Throws when a logical column's file column is not among the header's `columns`. */
export function requireColumns(
  spec: ArtifactSpec,
  names: readonly string[],
  columns: string[],
  line: number
): void {
  for (const name of names) {
    const column = columnOf(spec, name)
    if (!columns.includes(column)) {
      throw new InputError(`column '${column}' is not in the file; found: ${columns.join(', ')}`, {
        file: spec.display,
        line,
        path: name
      })
    }
  }
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
