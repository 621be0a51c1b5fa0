/**
 * The predictions CSV hot path: a one-pass fast path for plain rows (fields found and decoded at once)
 * and the checked path for everything else, which validates every value and reports errors.
 */
import { fieldText, type CsvRow, type FastRow } from './csv.js'
import { MAX_MANTISSA, POW10, decimalState, fastDecimal } from './decimal.js'
import { sampleHash } from './groups.js'
import type { PredictionSink } from './predictions.js'
import { parseScore, parseWeight, predictAt, type BinaryDecoder } from './values.js'
import { wrongFieldCount } from './source.js'
import { WASM_MAX_ATTRIBUTES, WasmRows } from './rows-wasm.js'

/**
 * Field roles in the fast paths: SKIP, LABEL, ... or ATTR + attribute index. The WebAssembly reader
 * has the same (assembly/rows.ts; rows-wasm.test.ts checks that they agree).
 */
export const ROLES = { SKIP: 0, LABEL: 1, SCORE: 2, PREDICTION: 3, WEIGHT: 4, ATTR: 5 } as const
const { SKIP, LABEL, SCORE, PREDICTION, WEIGHT, ATTR } = ROLES
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
  private id = -1
  private championPrediction = -1
  private championScore = -1
  private readonly fastBinary: boolean
  private readonly threshold: number
  private readonly file: string
  /** The checked path's group ids of the row it reads. */
  private readonly g: Int32Array

  /** useWasm = false keeps to the JavaScript fast path (for tests that compare the two). */
  constructor(
    private readonly sink: PredictionSink,
    private readonly useWasm = true
  ) {
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
      this.prediction >= 0
        ? this.binary(row, this.prediction, sink.predictions)
        : predictAt(s, this.threshold)
    const g = this.g
    const attrs = this.attrs
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
    const [cp, cs] = sink.champion(text(this.championPrediction), text(this.championScore), path => ({
      file: this.file,
      line: row.line,
      path
    }))
    sink.addRecorded(g, y, p, s, micros, w, text(this.id), row.line, cp, cs)
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
    const l = this.sink.layout
    const at = (c: string | undefined): number => (c === undefined ? -1 : header.indexOf(c))
    this.label = at(l.label)
    this.score = at(l.score)
    this.prediction = at(l.prediction)
    this.weight = at(l.weight)
    this.attrs = l.attributes.map(at)
    this.id = at(l.id)
    this.championPrediction = at(l.baselinePrediction)
    this.championScore = at(l.baselineScore)
    this.header = header
    // What each field is for the fast path. A column read in two roles (say, the label also a
    // sensitive attribute) leaves the rows to the checked path, which reads each role by itself.
    const roles = new Int32Array(header.length).fill(SKIP)
    const used = [this.label, this.score, this.prediction, this.weight, ...this.attrs].filter(i => i >= 0)
    if (!this.fastBinary || new Set(used).size !== used.length) return
    roles[this.label] = LABEL
    if (this.score >= 0) roles[this.score] = SCORE
    if (this.prediction >= 0) roles[this.prediction] = PREDICTION
    if (this.weight >= 0) roles[this.weight] = WEIGHT
    this.attrs.forEach((i, a) => (roles[i] = ATTR + a))
    if (this.sink.recording) {
      // Rows are recorded one by one on the checked path; the JavaScript fast path takes over if the
      // record is dropped (the WebAssembly reader must share the score grid from the first row).
      this.deferred = roles
      return
    }
    this.roles = roles
    if (this.useWasm && this.attrs.length <= WASM_MAX_ATTRIBUTES) {
      this.wasm = new WasmRows(this.sink, roles, this.prediction >= 0)
    }
  }

  /**
   * The fast paths (see FastRow), made for the header once it is known; they decline until then.
   * The WebAssembly reader reads plain rows. The JavaScript reader reads them instead when there are
   * more attributes than the WebAssembly reader packs, and after a row record is dropped (the
   * WebAssembly reader must share the score grid from the first row). It is compiled when first needed.
   */
  private roles: Int32Array | null = null
  /** The fast path's roles while rows are recorded. */
  private deferred: Int32Array | null = null
  private reader: RowReader | null = null
  private wasm: WasmRows | null = null
  taken = 0

  /** After the last row: the rows the WebAssembly reader summed apart go to the sink. */
  end(): void {
    if (this.wasm !== null) this.sink.merge(this.wasm.sums())
  }

  /** Rows the WebAssembly reader has read (for tests). */
  get wasmRows(): number {
    return this.wasm?.rowsRead ?? 0
  }

  /** The WebAssembly reader copies a buffer in when it first reads it. */
  private loaded = true

  chunk(): void {
    this.loaded = false
  }

  rows(buf: Buffer, pos: number, len: number, line: number): number {
    if (this.deferred !== null && !this.sink.recording) {
      this.roles = this.deferred
      this.deferred = null
    }
    const roles = this.roles
    if (roles === null) {
      this.taken = 0
      return pos
    }
    if (this.wasm !== null) {
      if (!this.loaded) {
        this.wasm.load(buf)
        this.loaded = true
      }
      pos = this.wasm.rows(pos, len)
      this.taken = this.wasm.taken
      return pos
    }
    if (this.reader === null) {
      this.reader = compileRows(roles, this.sink, this.prediction >= 0)
      warmUp(this.reader, roles)
    }
    const end = this.reader(buf, pos, len, line, 0)
    this.taken = this.reader.taken
    return end
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

/** Reads plain rows from pos (see FastRow); returns the offset after the last one taken. */
interface RowReader {
  /** dry = 1 reads without adding rows or groups (see warmUp). */
  (buf: Buffer, pos: number, len: number, line: number, dry: 0 | 1): number
  /** Rows taken by the last call. */
  taken: number
}

/**
 * The fast path for one header: one pass over each plain row that finds the fields and decodes them at
 * once, accepting only rows that are certainly valid (0/1 labels, plain decimals in range, the right
 * field count, LF or CRLF). It stops at any other row, which takes the checked path (that reports errors).
 *
 * It is generated code, one block per field in file order, because the same steps in a loop that
 * dispatches on each field's role cost about 15% more per row (measured on 5M rows); and it loops over
 * the rows itself, rather than being called once per row, which saves a call per row. The generated
 * text is built only from the fixed blocks below and small integers (field roles and attribute
 * indexes), never from the file's contents or names.
 */
function compileRows(roles: Int32Array, sink: PredictionSink, hasPrediction: boolean): RowReader {
  const blocks: string[] = []
  roles.forEach((role, f) => {
    const last = f === roles.length - 1
    if (role >= ATTR) blocks.push(attributeBlock(role - ATTR))
    else if (role === SCORE || role === WEIGHT) blocks.push(decimalBlock(role === SCORE))
    else if (role === LABEL || role === PREDICTION) {
      blocks.push(`if (i >= len) break row
        c = buf[i] - 48
        if (c !== 0 && c !== 1) break row
        ${role === LABEL ? 'y' : 'p'} = c
        i++`)
    } else blocks.push('while (i < len && SPECIAL[buf[i]] === 0) i++')
    // After each field: a comma, or the line end after the last one (a quote or anything else declines).
    blocks.push(
      last
        ? `if (i >= len) break row
        c = buf[i]
        if (c === ${CR}) {
          if (i + 1 >= len || buf[i + 1] !== ${LF}) break row
          i++
        } else if (c !== ${LF}) break row`
        : `if (i >= len || buf[i] !== ${COMMA}) break row
        i++`
    )
  })
  const body = `
    const { SPECIAL, POW10, sampleHash, predictAt, sink, indexes, threshold } = env
    const g = new Int32Array(indexes.length)
    ${sink.indexes.map((_, a) => `const index${a} = indexes[${a}], prefix${a} = index${a}.byPrefix, keys${a} = index${a}.keys, words${a} = index${a}.words, wordsAt${a} = index${a}.wordsAt`).join('\n')}
    function rows(buf, pos, len, line, dry) {
      const dv = new DataView(buf.buffer, buf.byteOffset, buf.length)
      const first = line
      for (;;) {
        row: {
          if (pos >= len || buf[pos] === ${LF} || buf[pos] === ${CR}) break row
          let i = pos
          let c = 0
          let y = -1
          let p = -1
          let s = 0
          let micros = -1
          let w = 1
          ${blocks.join('\n')}
          ${hasPrediction ? '' : 'p = predictAt(s, threshold)'}
          if (dry === 0) {
            if (micros >= 0) sink.addMicros(g, y, p, micros, w)
            else sink.add(g, y, p, s, micros, w)
          }
          pos = i + 1
          line++
          continue
        }
        rows.taken = line - first
        return pos
      }
    }
    rows.taken = 0
    return rows`
  const env = {
    SPECIAL,
    POW10,
    sampleHash,
    predictAt,
    sink,
    indexes: sink.indexes,
    threshold: sink.spec.threshold
  }
  // Generated from the fixed blocks above only (see the comment on compileRow).
  return new Function('env', body)(env) as RowReader
}

/**
 * Attribute a: the one value that the field's first two bytes can start (GroupIndex.byPrefix) is
 * compared in place, four bytes at a time (byte by byte took about a sixth of the reading time);
 * failing that, the field is found, hashed and looked up. A field that runs to the end of the chunk
 * declines, so that a cut value never becomes a group.
 */
function attributeBlock(a: number): string {
  return `{
    const start = i
    let id = i + 4 <= len ? prefix${a}[dv.getUint16(i, true)] : -1
    if (id >= 0) {
      // The candidate value, compared 4 bytes at a time (GroupIndex.words); one byte must follow it.
      const k = keys${a}[id].length
      const o = wordsAt${a}[id]
      let same = false
      if (i + k < len) {
        if (k < 4) same = ((dv.getInt32(i, true) ^ words${a}[o]) & words${a}[o + 1]) === 0
        else {
          same = true
          let at = 0
          for (; same && at + 4 < k; at += 4) same = dv.getInt32(i + at, true) === words${a}[o + (at >> 2)]
          if (same) same = dv.getInt32(i + k - 4, true) === words${a}[o + (at >> 2)]
        }
      }
      if (same) i += k
      else id = -1
    }
    if (id < 0) {
      while (i < len && SPECIAL[buf[i]] === 0) i++
      if (i >= len || buf[i] === ${QUOTE}) break row
      id = dry === 0 ? index${a}.idOfHashed(buf, start, i, sampleHash(buf, start, i), line) : 0
    }
    g[${a}] = id
  }`
}

/**
 * A plain decimal (digits with at most one point, at most 22 decimals): exactly Number()'s value,
 * see decimal.ts (an exact integer and one correctly rounded division; Number() of the text itself
 * for a mantissa above 2^53). A score must be at most 1, and also gives its value in millionths when
 * it has at most 6 decimals; anything else declines.
 */
function decimalBlock(score: boolean): string {
  return `{
    const from = i
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
    if (digits === 0 || k > 22) break row
    // A mantissa above 2^53 (a 17-digit float): Number() of the same plain text, as the checked path.
    const v = m > ${MAX_MANTISSA} ? Number(buf.toString('latin1', from, i)) : k === 0 ? m : m / POW10[k]
    ${
      score
        ? `if (v > 1) break row
    s = v
    micros = k <= 6 ? m * POW10[6 - k] : -1`
        : 'w = v'
    }
  }`
}

/**
 * Runs the compiled reader dry (nothing added) over one made-up row cut at every byte, and over
 * variants that decline at each check. V8 optimizes the reader early, from the paths the first rows
 * took; a path first taken later (the end of a chunk inside a field, a group value met for the first
 * time) then throws the optimized code away and the reader runs unoptimized until it is rebuilt,
 * several times over (6 times per reader on the benchmark's file). Taking every path once first avoids
 * that: about 0.1–0.25 s less per reader, measured on the first 1.7M rows of that file.
 */
function warmUp(reader: RowReader, roles: Int32Array): void {
  const values = (score: string, label: string): string[] =>
    Array.from(roles, role =>
      role >= ATTR ? 'ab' : role === SCORE ? score : role === WEIGHT ? '1.5' : role === SKIP ? 'x' : label
    )
  const rows = [
    values('0.25', '1'),
    values('0.1234567', '0'),
    values('2', '1'),
    values('.', '2'),
    values('0.5', '"')
  ]
  for (const fields of rows) {
    for (const end of ['\n', '\r\n', '\r', ',\n']) {
      const row = Buffer.from(fields.join(',') + end)
      for (let len = 1; len <= row.length; len++) reader(row, 0, len, 1, 1)
      reader(Buffer.concat([row, row]), 0, 2 * row.length, 1, 1)
    }
  }
}
