/**
 * The per-case record that lets a later run compare with this one case by case (metrics/paired.ts):
 * for case i, keys[2i], keys[2i+1] identify it, cells[i] is its cell in the artifact's table and
 * codes[i] its result (outcomes: 1 passed, 0 failed; robustness: label·4 + clean prediction·2 +
 * prediction; predictions: see predictionCode). Ids are not stored as given (they may name prompts or
 * people): a key is the first 64 bits of the sha256 of the case's scope and id as JSON, so the chance
 * of any collision among MAX_CASES cases stays below 3 in 10⁸.
 *
 * A report keeps each record as base64 of its keys (8 bytes per case, big-endian) and codes (4 bytes,
 * little-endian): 12 bytes a case, 16 characters in the JSON. Cells are not kept: a comparison reads
 * the cells of the run it compares.
 */
import { createHash } from 'node:crypto'

export interface CaseRecord {
  count: number
  /** Two words per case: the key's high and low 32 bits. */
  keys: Uint32Array
  /** Each case's cell in this run's table; null in a record read from a report. */
  cells: Uint32Array | null
  codes: Uint32Array
  /** `width` numbers per case beside its code (a regression row's residual and prediction), or none. */
  values?: Float64Array
}

/** A record as a report stores it. */
export interface StoredCases {
  count: number
  keys: string
  codes: string
  /** The values, 8 bytes each (little-endian float64), base64. */
  values?: string
}

/** At most this many cases (or prediction rows) are kept case by case: 16 MB of a report's JSON. */
export const MAX_CASES = 1_000_000

/** The first 64 bits of sha256(JSON [...scope, id]), as two words. */
export function caseKey(scope: (string | null)[], id: string): [number, number] {
  const digest = createHash('sha256')
    .update(JSON.stringify([...scope, id]))
    .digest()
  return [digest.readUInt32BE(0), digest.readUInt32BE(4)]
}

/**
 * An open-addressing index of 64-bit keys (already uniformly random, so the low word is the hash).
 * Written by hand: a Map on strings costs about 100 bytes and a string per case at a million cases.
 */
export class KeyIndex {
  private slots: Int32Array
  private keys: Uint32Array
  private size = 0

  constructor(expected = 16) {
    let n = 16
    while (n < 2 * expected) n *= 2
    this.slots = new Int32Array(n).fill(-1)
    this.keys = new Uint32Array(2 * Math.max(expected, 8))
  }

  /** The index of key (hi, lo): the existing one, or `size` once added as new. */
  add(hi: number, lo: number): { index: number; added: boolean } {
    const found = this.find(hi, lo)
    if (found.index >= 0) return { index: found.index, added: false }
    const index = this.size++
    if (2 * index + 2 > this.keys.length) {
      const keys = new Uint32Array(this.keys.length * 2)
      keys.set(this.keys)
      this.keys = keys
    }
    this.keys[2 * index] = hi
    this.keys[2 * index + 1] = lo
    this.slots[found.slot] = index
    if (2 * this.size > this.slots.length) this.rehash()
    return { index, added: true }
  }

  /** The index of key (hi, lo), or -1. */
  get(hi: number, lo: number): number {
    return this.find(hi, lo).index
  }

  private find(hi: number, lo: number): { index: number; slot: number } {
    const mask = this.slots.length - 1
    for (let slot = lo & mask; ; slot = (slot + 1) & mask) {
      const i = this.slots[slot]
      if (i < 0) return { index: -1, slot }
      if (this.keys[2 * i] === hi && this.keys[2 * i + 1] === lo) return { index: i, slot }
    }
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1)
    const mask = this.slots.length - 1
    for (let i = 0; i < this.size; i++) {
      let slot = this.keys[2 * i + 1] & mask
      while (this.slots[slot] >= 0) slot = (slot + 1) & mask
      this.slots[slot] = i
    }
  }

  static of(keys: Uint32Array, count: number): KeyIndex {
    const index = new KeyIndex(count)
    for (let i = 0; i < count; i++) index.add(keys[2 * i], keys[2 * i + 1])
    return index
  }
}

/** A growable typed column. */
class Column<T extends Uint32Array> {
  n = 0
  constructor(private a: T) {}
  push(x: number): void {
    if (this.n === this.a.length) {
      const next = new (this.a.constructor as new (n: number) => T)(this.a.length * 2)
      next.set(this.a)
      this.a = next
    }
    this.a[this.n++] = x
  }
  done(): T {
    return this.a.subarray(0, this.n) as T
  }
}

/** Whether a case was recorded; `dropped` once the record is given up (the caller may then stop). */
export type Recorded = 'recorded' | 'dropped'

/** Why a record was given up: the first of these met in file order. */
export type Drop =
  | { kind: 'no-id'; line: number }
  | { kind: 'full'; limit: number }
  | { kind: 'repeat'; what: string; line: number }

/** A drop's reason as reports give it; lines shifted by `lines` (a later part of a file). */
export function dropText(drop: Drop, lines = 0): string {
  switch (drop.kind) {
    case 'no-id':
      return `line ${drop.line + lines} has no case id`
    case 'full':
      return `more than ${drop.limit.toLocaleString('en-US')} cases`
    case 'repeat':
      return `${drop.what} repeats (line ${drop.line + lines})`
  }
}

/** How a repeated case is named: by its id, or by its row when it has none of its own. */
export const caseName = (id: unknown): string => `case id ${JSON.stringify(String(id))}`
export const rowName = (row: number): string => `row ${row}`

/** Whether a case id is missing (then nothing is recorded from there on). */
export const noCaseId = (id: unknown): boolean => id === undefined || id === null || id === ''

/**
 * Collects a file's cases; the record is dropped, with the reason, on a case without id, a repeat,
 * or beyond MAX_CASES. (The predictions kind keeps its rows in WebAssembly memory: row-record.ts.)
 */
export class CaseRecorder {
  private index = new KeyIndex()
  private keys = new Column(new Uint32Array(64))
  private cells = new Column(new Uint32Array(32))
  private codes = new Column(new Uint32Array(32))
  private values: number[] = []
  private missing: Drop | undefined

  /** width: numbers kept per case beside its code (add's `values`). */
  constructor(
    private readonly limit = MAX_CASES,
    private readonly width = 0
  ) {}

  get dropped(): boolean {
    return this.missing !== undefined
  }

  add(
    scope: (string | null)[],
    id: unknown,
    cell: number,
    code: number,
    line: number,
    values?: ArrayLike<number>
  ): Recorded {
    if (this.missing !== undefined) return 'dropped'
    if (noCaseId(id)) return this.drop({ kind: 'no-id', line })
    const [hi, lo] = caseKey(scope, String(id))
    if (this.codes.n >= this.limit) return this.drop({ kind: 'full', limit: this.limit })
    if (!this.index.add(hi, lo).added) return this.drop({ kind: 'repeat', what: caseName(id), line })
    this.keys.push(hi)
    this.keys.push(lo)
    this.cells.push(cell)
    this.codes.push(code)
    for (let k = 0; k < this.width; k++) this.values.push(values![k])
    return 'recorded'
  }

  private drop(reason: Drop): Recorded {
    this.missing = reason
    // What was kept is garbage from here on.
    this.index = new KeyIndex()
    this.keys = this.cells = this.codes = new Column(new Uint32Array(0))
    this.values = []
    return 'dropped'
  }

  /** The record, or null with the reason it was dropped. */
  finish(): { cases: CaseRecord | null; casesMissing?: string } {
    if (this.missing !== undefined) return { cases: null, casesMissing: dropText(this.missing) }
    return {
      cases: {
        count: this.codes.n,
        keys: this.keys.done(),
        cells: this.cells.done(),
        codes: this.codes.done(),
        ...(this.width > 0 && { values: Float64Array.from(this.values) })
      }
    }
  }
}

/** Whether this machine stores words little-endian (typed arrays use its order). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/** A copy of `words` as bytes in the given order (Buffer.swap32 where the machine's differs). */
function wordBytes(words: Uint32Array, bigEndian: boolean): Buffer {
  const bytes = Buffer.from(new Uint8Array(words.buffer, words.byteOffset, words.byteLength).slice().buffer)
  return bigEndian === LITTLE_ENDIAN ? bytes.swap32() : bytes
}

/** Words from bytes in the given order. */
function bytesWords(bytes: Buffer, bigEndian: boolean): Uint32Array {
  const copy = Buffer.from(new Uint8Array(bytes).buffer)
  return new Uint32Array((bigEndian === LITTLE_ENDIAN ? copy.swap32() : copy).buffer)
}

/** A record as a report keeps it (see the header). */
export function storeCases(record: CaseRecord): StoredCases {
  const keys = wordBytes(record.keys.subarray(0, 2 * record.count), true)
  const codes = wordBytes(record.codes.subarray(0, record.count), false)
  const values = record.values && floatBytes(record.values.subarray(0, record.values.length))
  return {
    count: record.count,
    keys: keys.toString('base64'),
    codes: codes.toString('base64'),
    ...(values && { values: values.toString('base64') })
  }
}

/** Float64 values as little-endian bytes (a report's record is the same on any machine). */
function floatBytes(values: Float64Array): Buffer {
  const out = Buffer.alloc(8 * values.length)
  for (let i = 0; i < values.length; i++) out.writeDoubleLE(values[i], 8 * i)
  return out
}

/**
 * A record read back from a report (`width` values per case); null when it is malformed (then nothing
 * is paired on it).
 */
export function loadCases(stored: unknown, maxCode: number, width = 0): CaseRecord | null {
  if (stored === null || typeof stored !== 'object') return null
  const { count, keys, codes, values } = stored as Partial<StoredCases>
  if (!Number.isInteger(count) || count! < 0 || count! > MAX_CASES) return null
  if (typeof keys !== 'string' || typeof codes !== 'string') return null
  const k = Buffer.from(keys, 'base64')
  const c = Buffer.from(codes, 'base64')
  if (k.length !== 8 * count! || c.length !== 4 * count!) return null
  const record: CaseRecord = {
    count: count!,
    keys: bytesWords(k, true),
    cells: null,
    codes: bytesWords(c, false)
  }
  for (let i = 0; i < count!; i++) if (record.codes[i] > maxCode) return null
  if (width > 0) {
    if (typeof values !== 'string') return null
    const v = Buffer.from(values, 'base64')
    if (v.length !== 8 * width * count!) return null
    record.values = new Float64Array(width * count!)
    for (let i = 0; i < record.values.length; i++) {
      record.values[i] = v.readDoubleLE(8 * i)
      if (!Number.isFinite(record.values[i])) return null
    }
  }
  return record
}
