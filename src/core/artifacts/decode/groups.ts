/**
 * Interns the values of one sensitive attribute as small integer group ids, straight from the bytes of
 * a CSV field (no string per row). An empty value is the group `(missing)`. A group is named by the
 * canonical text of its value (groupName), so that a value's group is the same whichever format holds
 * it: `2.0` in a CSV file, the number 2 in JSON Lines or Parquet and `2` are one group, `2`.
 */
import { InputError, type Where } from '../../errors.js'

export const MISSING = '(missing)'
export const MISSING_BYTES = Buffer.from(MISSING)
/**
 * More distinct values than this is almost surely a wrong column (an id, a score). Group ids also
 * fit the WebAssembly reader's combination key, 16 bits per attribute (assembly/rows.ts).
 */
export const MAX_GROUPS = 50000
/**
 * The lookup hash of a value's bytes: its length and up to six sampled bytes (the first two, the middle
 * one and the last three), mixed. Hashing every byte cost more than all the other per-row work; group
 * values that share these samples only probe further, since every match is verified byte by byte.
 */
function sampleHash(buf: Buffer, start: number, end: number): number {
  const n = end - start
  if (n === 0) return 0
  let h = Math.imul(n, 0x9e3779b1)
  h = Math.imul(h ^ buf[start], 0x01000193)
  h = Math.imul(h ^ buf[start + (n > 1 ? 1 : 0)], 0x01000193)
  h = Math.imul(h ^ buf[start + (n >> 1)], 0x01000193)
  h = Math.imul(h ^ buf[end - 1], 0x01000193)
  h = Math.imul(h ^ buf[end - (n > 1 ? 2 : 1)], 0x01000193)
  h = Math.imul(h ^ buf[end - (n > 2 ? 3 : 1)], 0x01000193)
  return h ^ (h >>> 15)
}

// A number as a formatter writes a float: with a fraction or an exponent (pandas writes a float column
// as `2.0`). Integers are left as they are written, so that no digit of a long one is lost.
const FLOAT_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/
const BOOLEAN_TEXT: Record<string, string> = {
  true: 'true',
  True: 'true',
  TRUE: 'true',
  false: 'false',
  False: 'false',
  FALSE: 'false'
}

/**
 * The name of the group of a value written as `text`: a float's shortest text (as JavaScript prints
 * the number: `2.0` and `2.00` are `2`, `1.50` is `1.5`, `-0.0` is `0`), `true` and `false` however
 * they are capitalised, and any other text as it is (`007` and `2` stay as written). A number or
 * boolean held as such (JSON Lines, Parquet) prints as this already.
 */
export function groupName(text: string): string {
  const flag = BOOLEAN_TEXT[text]
  if (flag !== undefined) return flag
  if (text === '-0') return '0'
  if (!FLOAT_TEXT.test(text) || !/[.eE]/.test(text)) return text
  const value = Number(text)
  return Number.isFinite(value) ? String(value) : text
}

export class GroupIndex {
  /** Each group's name, by id. */
  readonly labels: string[] = []
  /** Every value's bytes met so far and its group, in the order met (values that name one group: each). */
  readonly values: { key: Buffer; id: number }[] = []
  private readonly ids = new Map<string, number>()
  /** Open addressing over values: each slot an index into values (-1: empty), and its value's hash. */
  private table = new Int32Array(256).fill(-1)
  private hashes = new Int32Array(256)

  constructor(
    readonly attribute: string,
    private readonly file: string
  ) {}

  /** Group id of buf[start, end). O(length) expected. */
  /** at: the value's line, or where it is (a Parquet row), for the error past MAX_GROUPS. */
  idOfBytes(buf: Buffer, start: number, end: number, at: number | Where): number {
    if (start === end) return this.idOfBytes(MISSING_BYTES, 0, MISSING_BYTES.length, at)
    const h = sampleHash(buf, start, end)
    const mask = this.table.length - 1
    let slot = h & mask
    for (;;) {
      const v = this.table[slot]
      if (v < 0) break
      if (this.hashes[slot] === h && sameBytes(this.values[v].key, buf, start, end)) return this.values[v].id
      slot = (slot + 1) & mask
    }
    return this.insert(Buffer.from(buf.subarray(start, end)), h, slot, at)
  }

  idOfText(text: string, at: number | Where): number {
    const bytes = Buffer.from(text)
    return this.idOfBytes(bytes, 0, bytes.length, at)
  }

  /** Adds a value's bytes: to its group when another value names it already, else as a new group. */
  private insert(key: Buffer, h: number, slot: number, at: number | Where): number {
    const name = groupName(key.toString('utf8'))
    let id = this.ids.get(name)
    if (id === undefined) id = this.newGroup(name, at)
    else if (this.values.length >= 2 * MAX_GROUPS)
      throw this.tooMany(`${2 * MAX_GROUPS} distinct spellings of its values`, at)
    this.table[slot] = this.values.length
    this.hashes[slot] = h
    this.values.push({ key, id })
    if (this.values.length * 2 > this.table.length) this.rehash()
    return id
  }

  private newGroup(name: string, at: number | Where): number {
    const id = this.labels.length
    if (id >= MAX_GROUPS) throw this.tooMany(`${MAX_GROUPS} distinct values`, at)
    this.labels.push(name)
    this.ids.set(name, id)
    return id
  }

  private tooMany(what: string, at: number | Where): InputError {
    return new InputError(
      `sensitive attribute '${this.attribute}' has more than ${what}; expected a categorical column (bin continuous values first)`,
      typeof at === 'number'
        ? { file: this.file, line: at, path: this.attribute }
        : { ...at, path: this.attribute }
    )
  }

  private rehash(): void {
    const size = this.table.length * 2
    const table = new Int32Array(size).fill(-1)
    const hashes = new Int32Array(size)
    for (let slot = 0; slot < this.table.length; slot++) {
      const v = this.table[slot]
      if (v < 0) continue
      let s = this.hashes[slot] & (size - 1)
      while (table[s] >= 0) s = (s + 1) & (size - 1)
      table[s] = v
      hashes[s] = this.hashes[slot]
    }
    this.table = table
    this.hashes = hashes
  }
}

/** Byte equality; a loop beats Buffer.compare's argument checks on fields this short. */
function sameBytes(key: Buffer, buf: Buffer, start: number, end: number): boolean {
  if (key.length !== end - start) return false
  for (let i = 0; i < key.length; i++) if (key[i] !== buf[start + i]) return false
  return true
}
