/**
 * A streaming RFC 4180 CSV parser over byte chunks: quoted fields, doubled quotes, newlines inside
 * quotes, CRLF or LF line ends, a UTF-8 byte-order mark, blank lines skipped. It hands each row to the
 * caller as offsets into the current buffer, without making strings, because the predictions file is
 * read at hundreds of megabytes a second and a string per field would cost more than the parsing.
 * Hand-written for that reason: the CSV packages on npm build a string (or object) per field.
 * Memory is one chunk plus one partial row.
 */
import { InputError } from '../../errors.js'

const COMMA = 44
const QUOTE = 34
const LF = 10
const CR = 13
/** A row longer than this (for example an unterminated quote) is an error, not unbounded memory. */
const MAX_ROW_BYTES = 16 * 1024 * 1024
const MAX_FIELDS = 4096

/** One parsed row: field i spans buf[start[i], end[i]); `escaped[i]` when it holds doubled quotes. */
export interface CsvRow {
  buf: Buffer
  start: Int32Array
  end: Int32Array
  escaped: Uint8Array
  count: number
  /** 1-based line on which the row starts. */
  line: number
}

export type RowHandler = (row: CsvRow) => void

/**
 * An optional fast path: consumes plain rows (no quotes, LF or CRLF end) from `pos` on, one per line,
 * and returns the offset after the last one it took; it stops at the first row it
 * declines and leaves that row to the parser. It must not fail on a row the parser would accept, and
 * must leave every error to the parser.
 */
export interface FastRow {
  /** A new buffer: the rows() calls until the next chunk() read this one. */
  chunk(buf: Buffer): void
  /** Reads plain rows from pos, the first of them on line `line`; returns where it stopped. */
  rows(buf: Buffer, pos: number, len: number, line: number): number
  /** How many rows the last rows() call took. */
  readonly taken: number
}

/** The text of field i (quotes removed, doubled quotes undone). */
export function fieldText(row: CsvRow, i: number): string {
  const text = row.buf.toString('utf8', row.start[i], row.end[i])
  return row.escaped[i] ? text.replace(/""/g, '"') : text
}

export class CsvParser {
  private rest: Buffer | null = null
  private line = 1
  private first = true
  private readonly row: CsvRow = {
    buf: Buffer.alloc(0),
    start: new Int32Array(MAX_FIELDS),
    end: new Int32Array(MAX_FIELDS),
    escaped: new Uint8Array(MAX_FIELDS),
    count: 0,
    line: 0
  }

  constructor(
    private readonly file: string,
    private readonly onRow: RowHandler,
    private readonly fast: FastRow | null = null
  ) {}

  /** Bytes held back as the start of an unfinished row. */
  get pendingBytes(): number {
    return this.rest?.length ?? 0
  }

  /** Line ends seen so far. */
  get linesRead(): number {
    return this.line - 1
  }

  feed(chunk: Buffer): void {
    let buf = this.rest === null ? chunk : this.join(this.rest, chunk)
    this.rest = null
    if (this.first && buf.length > 0) {
      if (buf.length < 3 && buf[0] === 0xef) {
        this.rest = buf
        return
      }
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3)
      this.first = false
    }
    const pos = this.parse(buf, false)
    if (pos < buf.length) {
      if (buf.length - pos > MAX_ROW_BYTES) {
        throw new InputError(`a row is longer than ${MAX_ROW_BYTES} bytes; is a quote left open?`, {
          file: this.file,
          line: this.line
        })
      }
      this.rest = Buffer.from(buf.subarray(pos))
    }
  }

  /**
   * The row held back, finished with the new chunk's bytes. Only the chunk's first line is copied
   * next to it (copying the whole chunk cost a copy of the file); the rest of the chunk is returned.
   */
  private join(rest: Buffer, chunk: Buffer): Buffer {
    if (this.first) return Buffer.concat([rest, chunk])
    const nl = chunk.indexOf(LF)
    if (nl < 0) return Buffer.concat([rest, chunk])
    const joined = Buffer.concat([rest, chunk.subarray(0, nl + 1)])
    const pos = this.parse(joined, false)
    const tail = chunk.subarray(nl + 1)
    return pos === joined.length ? tail : Buffer.concat([joined.subarray(pos), tail])
  }

  end(): void {
    const buf = this.rest
    this.rest = null
    if (buf && buf.length > 0) this.parse(buf, true)
  }

  /** Parses every complete row of buf; returns the offset of the first byte not consumed. */
  private parse(buf: Buffer, final: boolean): number {
    const row = this.row
    row.buf = buf
    const len = buf.length
    const start = row.start
    const end = row.end
    const escaped = row.escaped
    let pos = 0
    const fast = this.fast
    fast?.chunk(buf)
    while (pos < len) {
      if (fast !== null) {
        pos = fast.rows(buf, pos, len, this.line)
        this.line += fast.taken
        if (pos >= len) break
      }
      const rowStart = pos
      const startLine = this.line
      let line = startLine
      let n = 0
      let i = pos
      let complete = false
      // One field per iteration.
      for (;;) {
        if (n === MAX_FIELDS) {
          throw new InputError(`more than ${MAX_FIELDS} fields in one row`, { file: this.file, line })
        }
        if (i < len && buf[i] === QUOTE) {
          let j = i + 1
          let esc = 0
          for (;;) {
            if (j >= len) break
            const c = buf[j]
            if (c === QUOTE) {
              if (j + 1 < len && buf[j + 1] === QUOTE) {
                esc = 1
                j += 2
                continue
              }
              if (j + 1 >= len && !final) {
                j = len
              }
              break
            }
            if (c === LF) line++
            j++
          }
          if (j >= len) {
            if (final)
              throw new InputError('a quoted field is not closed before the end of the file', {
                file: this.file,
                line: this.line
              })
            return rowStart
          }
          start[n] = i + 1
          end[n] = j
          escaped[n] = esc
          n++
          i = j + 1
          if (i >= len) {
            if (!final) return rowStart
            complete = true
            break
          }
          const c = buf[i]
          if (c === COMMA) {
            i++
            continue
          }
          if (c === LF || (c === CR && i + 1 < len && buf[i + 1] === LF)) {
            i += c === CR ? 2 : 1
            complete = true
            break
          }
          if (c === CR && i + 1 >= len) {
            if (!final) return rowStart
            i++
            complete = true
            break
          }
          throw new InputError(
            `unexpected ${JSON.stringify(String.fromCharCode(c))} after a closing quote; expected a comma or the end of the line`,
            { file: this.file, line }
          )
        }
        let j = i
        while (j < len) {
          const c = buf[j]
          if (c === COMMA || c === LF) break
          j++
        }
        if (j >= len && !final) return rowStart
        let fieldEnd = j
        if (fieldEnd > i && buf[fieldEnd - 1] === CR && (j >= len || buf[j] === LF)) fieldEnd--
        start[n] = i
        end[n] = fieldEnd
        escaped[n] = 0
        n++
        if (j < len && buf[j] === COMMA) {
          i = j + 1
          continue
        }
        i = j + 1
        complete = true
        break
      }
      pos = Math.min(i, len)
      this.line = line + 1
      if (!complete) return rowStart
      // A blank line (one empty unquoted field) is skipped, as pandas and Python's csv do.
      if (n === 1 && end[0] === start[0] && buf[rowStart] !== QUOTE) continue
      row.count = n
      row.line = startLine
      this.onRow(row)
    }
    return pos
  }
}
