/**
 * The predictions CSV hot path: a one-pass fast path for plain rows (fields found and decoded at once)
 * and the checked path for everything else, which validates every value and reports errors.
 */
import { fieldText, type CsvRow, type FastRow } from './csv.js'
import { POW10, decimalState, fastDecimal } from './decimal.js'
import { sampleHash } from './groups.js'
import type { PredictionSink } from './predictions.js'
import { parseScore, parseWeight, type BinaryDecoder } from './values.js'
import { wrongFieldCount } from './source.js'

const SKIP = 0
const LABEL = 1
const SCORE = 2
const PREDICTION = 3
const WEIGHT = 4
const ATTR = 5
const COMMA = 44
const QUOTE = 34
const LF = 10
const CR = 13
/** Bytes that end an unquoted field, or send the row to the checked path: , LF CR ". */
const SPECIAL = new Uint8Array(256)
for (const c of [COMMA, LF, CR, QUOTE]) SPECIAL[c] = 1

/**
 * The CSV hot path: reads fields straight from the bytes, with fast paths for 0/1 labels and plain
 * decimals and the text parsers as fallback, so that every value is validated the same way.
 */
export class CsvPredictionRows implements FastRow {
  private header: string[] | null = null
  private label = -1
  private score = -1
  private prediction = -1
  private weight = -1
  private attrs: number[] = []
  /** What each field is, for the fast path: SKIP, LABEL, ... or ATTR + attribute index. */
  private roles = new Int32Array(0)
  private readonly fastBinary: boolean
  private readonly threshold: number
  private readonly file: string

  constructor(private readonly sink: PredictionSink) {
    this.fastBinary = sink.labels.positive === '1'
    this.threshold = sink.spec.threshold
    this.file = sink.spec.display
  }

  get started(): boolean {
    return this.header !== null
  }

  /** The checked path: every row the fast path declines, and the header. */
  checkedRow(row: CsvRow): void {
    const header = this.header
    if (header === null) {
      this.start(row)
      return
    }
    if (row.count !== header.length) throw wrongFieldCount(this.file, row.line, header.length, row.count)
    const sink = this.sink
    const buf = row.buf
    const y = this.binary(row, this.label, sink.labels)
    let s = 0
    let micros = -1
    if (this.score >= 0) {
      const i = this.score
      s = row.escaped[i] ? NaN : fastDecimal(buf, row.start[i], row.end[i])
      if (s === s && s <= 1) micros = decimalState.micros
      else s = parseScore(fieldText(row, i), this.where(row, i))
    }
    let w = 1
    if (this.weight >= 0) {
      const i = this.weight
      w = row.escaped[i] ? NaN : fastDecimal(buf, row.start[i], row.end[i])
      if (w !== w) w = parseWeight(fieldText(row, i), this.where(row, i))
    }
    const p =
      this.prediction >= 0 ? this.binary(row, this.prediction, sink.predictions) : s >= this.threshold ? 1 : 0
    const g = sink.g
    const attrs = this.attrs
    for (let a = 0; a < attrs.length; a++) {
      const i = attrs[a]
      g[a] = row.escaped[i]
        ? sink.indexes[a].idOfText(fieldText(row, i), row.line)
        : sink.indexes[a].idOfBytes(buf, row.start[i], row.end[i], row.line)
    }
    sink.add(y, p, s, micros, w)
  }

  private start(row: CsvRow): void {
    this.useHeader(
      Array.from({ length: row.count }, (_, i) => fieldText(row, i)),
      row.line
    )
  }

  /** Sets the header read elsewhere (a part of the file that starts after it). */
  useHeader(header: string[], line: number): void {
    this.sink.start(header, line)
    const l = this.sink.layout
    const at = (c: string | undefined): number => (c === undefined ? -1 : header.indexOf(c))
    this.label = at(l.label)
    this.score = at(l.score)
    this.prediction = at(l.prediction)
    this.weight = at(l.weight)
    this.attrs = l.attributes.map(at)
    this.roles = new Int32Array(header.length).fill(SKIP)
    this.roles[this.label] = LABEL
    if (this.score >= 0) this.roles[this.score] = SCORE
    if (this.prediction >= 0) this.roles[this.prediction] = PREDICTION
    if (this.weight >= 0) this.roles[this.weight] = WEIGHT
    this.attrs.forEach((i, a) => (this.roles[i] = ATTR + a))
    this.header = header
  }

  /**
   * The fast path (see FastRow): one pass over a plain row that finds the fields and decodes them at
   * once, accepting only rows that are certainly valid (0/1 labels, plain decimals in range, the right
   * field count). Anything else returns -1 and takes the checked path in row(), which reports errors.
   */
  row(buf: Buffer, pos: number, len: number, line: number): number {
    const roles = this.roles
    const fields = roles.length
    // Blank lines, and the header, go to the parser (a blank line must not create a group).
    if (fields === 0 || !this.fastBinary || buf[pos] === LF || buf[pos] === CR) return -1
    const sink = this.sink
    const g = sink.g
    let y = -1
    let p = -1
    let s = 0
    let micros = -1
    let w = 1
    let i = pos
    for (let f = 0; ; f++) {
      const role = roles[f]
      const start = i
      let c = 0
      if (role >= ATTR) {
        // The one value these two bytes can start (if any), compared in place; else find, hash, look up.
        const index = sink.indexes[role - ATTR]
        const id = i + 1 < len ? index.byPrefix[buf[i] | (buf[i + 1] << 8)] : -1
        let matched = false
        if (id >= 0) {
          const key = index.keys[id]
          const k = key.length
          if (i + k < len) {
            let j = 0
            while (j < k && key[j] === buf[i + j]) j++
            matched = j === k
          }
          if (matched) {
            g[role - ATTR] = id
            i += k
          }
        }
        if (!matched) {
          while (i < len && SPECIAL[(c = buf[i])] === 0) i++
          // A field cut by the end of the chunk is not a value: the row is parsed again whole.
          if (c === QUOTE || i >= len) return -1
          g[role - ATTR] = index.idOfHashed(buf, start, i, sampleHash(buf, start, i), line)
        }
      } else if (role === SCORE || role === WEIGHT) {
        let m = 0
        let digits = 0
        let k = -1
        while (i < len) {
          c = buf[i]
          const d = c - 48
          if (d >= 0 && d <= 9) {
            m = m * 10 + d
            digits++
          } else if (c === 46 && k < 0) k = digits
          else break
          i++
        }
        k = k < 0 ? 0 : digits - k
        if (digits === 0 || digits > 15) return -1
        // Exactly Number()'s value: see decimal.ts (exact integers, one correctly rounded division).
        const v = k === 0 ? m : m / POW10[k]
        if (role === SCORE) {
          if (v > 1) return -1
          s = v
          micros = k <= 6 ? m * POW10[6 - k] : -1
        } else w = v
      } else if (role === LABEL || role === PREDICTION) {
        if (i >= len) return -1
        const b = buf[i] - 48
        if (b !== 0 && b !== 1) return -1
        if (role === LABEL) y = b
        else p = b
        i++
      } else {
        while (i < len && SPECIAL[(c = buf[i])] === 0) i++
        if (c === QUOTE) return -1
      }
      if (i >= len) return -1
      c = buf[i]
      if (c === COMMA) {
        if (f + 1 >= fields) return -1
        i++
        continue
      }
      if (c === CR) {
        if (i + 1 >= len || buf[i + 1] !== LF) return -1
        i++
      } else if (c !== LF) return -1
      if (f + 1 !== fields) return -1
      break
    }
    if (p < 0) p = s >= this.threshold ? 1 : 0
    sink.add(y, p, s, micros, w)
    return i + 1
  }

  private binary(row: CsvRow, i: number, decoder: BinaryDecoder): number {
    if (this.fastBinary && row.escaped[i] === 0 && row.end[i] - row.start[i] === 1) {
      const c = row.buf[row.start[i]]
      if (c === 49) return 1
      if (c === 48) return 0
    }
    return decoder.decode(fieldText(row, i), this.where(row, i))
  }

  private where(row: CsvRow, i: number) {
    return { file: this.file, line: row.line, path: this.header![i] }
  }
}
