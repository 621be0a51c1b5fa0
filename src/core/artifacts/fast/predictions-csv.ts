/**
 * The predictions CSV hot path: the WebAssembly fast path for plain rows (rows-wasm.ts; fields found
 * and decoded at once) and the checked path for everything else, which validates every value and
 * reports errors.
 *
 * A JavaScript fast path (code generated per header) sat between the two until the WebAssembly reader
 * read full-precision scores and up to 8 attributes; it then served only files with more attributes
 * or a dropped row record. On 2M rows with 17-digit scores and 5 attributes a whole check took 2.1 s
 * on the checked path alone, 1.7 s with the JavaScript fast path and 1.5 s with the WebAssembly
 * reader, so it was removed: about 250 lines, and a third way of decoding a row.
 */
import { fieldText, type CsvRow, type FastRow } from '../formats/csv.js'
import { decimalState, fastDecimal } from '../decode/decimal.js'
import type { Positions, PredictionSink } from '../kinds/prediction-sink.js'
import { parseScore, parseWeight, predictAt, type BinaryDecoder } from '../decode/values.js'
import { wrongFieldCount } from '../formats/source.js'
import { WASM_MAX_ATTRIBUTES, WasmRows } from './rows-wasm.js'

/**
 * Field roles in the fast paths: SKIP, LABEL, ... or ATTR + attribute index. The WebAssembly reader
 * has the same (assembly/rows.ts; rows-wasm.test.ts checks that they agree).
 */
export const ROLES = { SKIP: 0, LABEL: 1, SCORE: 2, PREDICTION: 3, WEIGHT: 4, ID: 5, ATTR: 6 } as const
const { SKIP, LABEL, SCORE, PREDICTION, WEIGHT, ID, ATTR } = ROLES

/**
 * The CSV hot path: reads fields straight from the bytes, with fast paths for 0/1 labels and plain
 * decimals and the text parsers as fallback, so that every value is validated the same way.
 */
export class CsvPredictionRows implements FastRow {
  private header: string[] | null = null
  /** The columns' positions (the sink's, once the header is known). */
  private at!: Positions
  private readonly fastBinary: boolean
  private readonly threshold: number
  private readonly file: string
  /** The checked path's group ids of the row it reads. */
  private readonly g: Int32Array

  constructor(private readonly sink: PredictionSink) {
    this.fastBinary = sink.labels.positive === '1'
    this.threshold = sink.spec.threshold
    this.file = sink.spec.display
    this.g = new Int32Array(sink.indexes.length)
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
    const y = this.binary(row, this.at.label, sink.labels)
    let s = 0
    let micros = -1
    if (this.at.score >= 0) {
      const i = this.at.score
      s = row.escaped[i] ? NaN : fastDecimal(buf, row.start[i], row.end[i])
      if (s === s && s <= 1) micros = decimalState.micros
      else s = parseScore(fieldText(row, i), this.where(row, i))
    }
    let w = 1
    if (this.at.weight >= 0) {
      const i = this.at.weight
      w = row.escaped[i] ? NaN : fastDecimal(buf, row.start[i], row.end[i])
      if (w !== w) w = parseWeight(fieldText(row, i), this.where(row, i))
    }
    const p =
      this.at.prediction >= 0
        ? this.binary(row, this.at.prediction, sink.predictions)
        : predictAt(s, this.threshold)
    const g = this.g
    const attrs = this.at.attrs
    for (let a = 0; a < attrs.length; a++) {
      const i = attrs[a]
      g[a] = row.escaped[i]
        ? sink.indexes[a].idOfText(fieldText(row, i), row.line)
        : sink.indexes[a].idOfBytes(buf, row.start[i], row.end[i], row.line)
    }
    if (!sink.recording) {
      sink.add(g, y, p, s, micros, w)
      return
    }
    const text = (i: number) => (i < 0 ? undefined : fieldText(row, i))
    const [cp, cs] = sink.champion(text(this.at.championPrediction), text(this.at.championScore), path => ({
      file: this.file,
      line: row.line,
      path
    }))
    sink.addRecorded(g, y, p, s, micros, w, text(this.at.id), row.line, cp, cs)
  }

  private start(row: CsvRow): void {
    this.useHeader(
      Array.from({ length: row.count }, (_, i) => fieldText(row, i)),
      row.line
    )
  }

  /** Sets the header read elsewhere (a part of the file that starts after it). */
  useHeader(header: string[], line: number): void {
    this.sink.start(header, { file: this.file, line })
    this.at = this.sink.positions
    this.header = header
    // What each field is for the fast path. A column read in two roles (say, the label also a
    // sensitive attribute) leaves the rows to the checked path, which reads each role by itself.
    // The fast path records rows by their ids (assembly/record.ts); rows recorded by position
    // (champion/challenger columns) take the checked path while they are recorded.
    const roles = new Int32Array(header.length).fill(SKIP)
    const ids = this.sink.recording && !this.sink.hasChampion ? this.at.id : -1
    const used = [
      this.at.label,
      this.at.score,
      this.at.prediction,
      this.at.weight,
      ...this.at.attrs,
      ids
    ].filter(i => i >= 0)
    if (!this.fastBinary || new Set(used).size !== used.length) return
    roles[this.at.label] = LABEL
    if (this.at.score >= 0) roles[this.at.score] = SCORE
    if (this.at.prediction >= 0) roles[this.at.prediction] = PREDICTION
    if (this.at.weight >= 0) roles[this.at.weight] = WEIGHT
    if (ids >= 0) roles[ids] = ID
    this.recordsIds = ids >= 0
    this.at.attrs.forEach((i, a) => (roles[i] = ATTR + a))
    // More attributes than the WebAssembly reader packs: every row takes the checked path.
    if (this.at.attrs.length <= WASM_MAX_ATTRIBUTES) this.roles = roles
  }

  /**
   * The fast path (see FastRow): the WebAssembly reader, made for the header's roles once it is
   * known, and declining until then. It records rows by their ids itself; rows recorded by position
   * take the checked path until the record is given up (if it is), and the fast reader then starts.
   */
  private roles: Int32Array | null = null
  private recordsIds = false
  private wasm: WasmRows | null = null
  taken = 0

  /** Rows the WebAssembly reader has read (for tests). */
  get wasmRows(): number {
    return this.wasm?.rowsRead ?? 0
  }

  /** The WebAssembly reader copies a buffer in when it first reads it. */
  private loaded = true

  chunk(): void {
    // The rows queued for the record point into the buffer that the next load replaces.
    if (this.recordsIds && this.sink.recording) this.sink.record.flush()
    this.loaded = false
  }

  rows(buf: Buffer, pos: number, len: number, line: number): number {
    this.taken = 0
    if (this.roles === null || (this.sink.recording && !this.recordsIds)) return pos
    if (this.wasm === null) {
      const record = this.sink.recording ? this.sink.record : null
      this.wasm = new WasmRows(this.sink, this.sink.cells, this.roles, this.at.prediction >= 0, record)
      this.loaded = false
    }
    if (!this.loaded) {
      this.wasm.load(buf)
      this.loaded = true
    }
    pos = this.wasm.rows(pos, len, line)
    this.taken = this.wasm.taken
    return pos
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
