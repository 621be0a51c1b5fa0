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
}

/** A record as a report stores it. */
export interface StoredCases {
  count: number
  keys: string
  codes: string
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
class Column<T extends Uint32Array | Float64Array> {
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

/**
 * Collects a file's cases; the record is dropped, with the reason, on a case without id, a repeat,
 * or beyond MAX_CASES. Predictions keep each row's exact score and weight beside it (extra).
 */
export class CaseRecorder {
  private index = new KeyIndex()
  private keys = new Column(new Uint32Array(64))
  private cells = new Column(new Uint32Array(32))
  private codes = new Column(new Uint32Array(32))
  private extras: Column<Float64Array>[]
  private missing: string | undefined

  constructor(
    extras = 0,
    private readonly limit = MAX_CASES
  ) {
    this.extras = Array.from({ length: extras }, () => new Column(new Float64Array(32)))
  }

  get dropped(): boolean {
    return this.missing !== undefined
  }

  add(scope: (string | null)[], id: unknown, cell: number, code: number, line: number): Recorded {
    if (this.missing !== undefined) return 'dropped'
    if (id === undefined || id === null || id === '') return this.drop(`line ${line} has no case id`)
    const [hi, lo] = caseKey(scope, String(id))
    return this.addKey(hi, lo, cell, code, line, () => `case id ${JSON.stringify(String(id))}`)
  }

  /** A case without an id of its own: the row's position (champion/challenger columns, same file). */
  addRow(cell: number, code: number, line: number): Recorded {
    if (this.missing !== undefined) return 'dropped'
    return this.addKey(0, this.codes.n, cell, code, line, () => `row ${this.codes.n}`)
  }

  /** Sets the extra values of the case just recorded. */
  extra(values: readonly number[]): void {
    for (let k = 0; k < this.extras.length; k++) this.extras[k].push(values[k])
  }

  private addKey(
    hi: number,
    lo: number,
    cell: number,
    code: number,
    line: number,
    what: () => string
  ): Recorded {
    if (this.codes.n >= this.limit) return this.drop(`more than ${this.limit.toLocaleString('en-US')} cases`)
    if (!this.index.add(hi, lo).added) return this.drop(`${what()} repeats (line ${line})`)
    this.keys.push(hi)
    this.keys.push(lo)
    this.cells.push(cell)
    this.codes.push(code)
    return 'recorded'
  }

  private drop(reason: string): Recorded {
    this.missing = reason
    // What was kept is garbage from here on.
    this.index = new KeyIndex()
    this.keys = this.cells = this.codes = new Column(new Uint32Array(0))
    this.extras = []
    return 'dropped'
  }

  /** The record and its extra columns, or null with the reason it was dropped. */
  finish(): { cases: CaseRecord | null; casesMissing?: string; extras?: Float64Array[] } {
    if (this.missing !== undefined) return { cases: null, casesMissing: this.missing }
    return {
      cases: {
        count: this.codes.n,
        keys: this.keys.done(),
        cells: this.cells.done(),
        codes: this.codes.done()
      },
      ...(this.extras.length > 0 && { extras: this.extras.map(e => e.done()) })
    }
  }
}

/** A record as a report keeps it (see the header). */
export function storeCases(record: CaseRecord): StoredCases {
  const keys = Buffer.alloc(8 * record.count)
  for (let i = 0; i < 2 * record.count; i++) keys.writeUInt32BE(record.keys[i], 4 * i)
  const codes = Buffer.alloc(4 * record.count)
  for (let i = 0; i < record.count; i++) codes.writeUInt32LE(record.codes[i], 4 * i)
  return { count: record.count, keys: keys.toString('base64'), codes: codes.toString('base64') }
}

/** A record read back from a report; null when it is malformed (then nothing is paired on it). */
export function loadCases(stored: unknown, maxCode: number): CaseRecord | null {
  if (stored === null || typeof stored !== 'object') return null
  const { count, keys, codes } = stored as Partial<StoredCases>
  if (!Number.isInteger(count) || count! < 0 || count! > MAX_CASES) return null
  if (typeof keys !== 'string' || typeof codes !== 'string') return null
  const k = Buffer.from(keys, 'base64')
  const c = Buffer.from(codes, 'base64')
  if (k.length !== 8 * count! || c.length !== 4 * count!) return null
  const record: CaseRecord = {
    count: count!,
    keys: new Uint32Array(2 * count!),
    cells: null,
    codes: new Uint32Array(count!)
  }
  for (let i = 0; i < 2 * count!; i++) record.keys[i] = k.readUInt32BE(4 * i)
  for (let i = 0; i < count!; i++) {
    const code = c.readUInt32LE(4 * i)
    if (code > maxCode) return null
    record.codes[i] = code
  }
  return record
}
