/**
 * Interns the values of one sensitive attribute as small integer group ids, straight from the bytes of
 * a CSV field (no string per row). An empty value is the group `(missing)`.
 */
import { InputError, type Where } from '../../errors.js'

export const MISSING = '(missing)'
const MISSING_BYTES = Buffer.from(MISSING)
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

export class GroupIndex {
  readonly labels: string[] = []
  /** The bytes of each group's value, by id. */
  readonly keys: Buffer[] = []
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
      const id = this.table[slot]
      if (id < 0) break
      if (this.hashes[slot] === h && sameBytes(this.keys[id], buf, start, end)) return id
      slot = (slot + 1) & mask
    }
    return this.insert(Buffer.from(buf.subarray(start, end)), h, slot, at)
  }

  idOfText(text: string, at: number | Where): number {
    const bytes = Buffer.from(text)
    return this.idOfBytes(bytes, 0, bytes.length, at)
  }

  private insert(key: Buffer, h: number, slot: number, at: number | Where): number {
    const id = this.labels.length
    if (id >= MAX_GROUPS) {
      throw new InputError(
        `sensitive attribute '${this.attribute}' has more than ${MAX_GROUPS} distinct values; expected a categorical column (bin continuous values first)`,
        typeof at === 'number'
          ? { file: this.file, line: at, path: this.attribute }
          : { ...at, path: this.attribute }
      )
    }
    this.labels.push(key.toString('utf8'))
    this.keys.push(key)
    this.table[slot] = id
    this.hashes[slot] = h
    if ((id + 1) * 2 > this.table.length) this.rehash()
    return id
  }

  private rehash(): void {
    const size = this.table.length * 2
    const table = new Int32Array(size).fill(-1)
    const hashes = new Int32Array(size)
    for (let slot = 0; slot < this.table.length; slot++) {
      const id = this.table[slot]
      if (id < 0) continue
      let s = this.hashes[slot] & (size - 1)
      while (table[s] >= 0) s = (s + 1) & (size - 1)
      table[s] = id
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
