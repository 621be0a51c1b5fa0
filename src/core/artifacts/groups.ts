/**
 * Interns the values of one sensitive attribute as small integer group ids, straight from the bytes of
 * a CSV field (no string per row). An empty value is the group `(missing)`.
 */
import { InputError } from '../errors.js'

export const MISSING = '(missing)'
const MISSING_BYTES = Buffer.from(MISSING)
/** More distinct values than this is almost surely a wrong column (an id, a score), and unbounded memory. */
export const MAX_GROUPS = 10000
const COMMA = 44
const QUOTE = 34
const LF = 10
const CR = 13
/**
 * The lookup hash of a value's bytes: its length and up to six sampled bytes (the first two, the middle
 * one and the last three), mixed. Hashing every byte cost more than all the other per-row work; group
 * values that share these samples only probe further, since every match is verified byte by byte.
 */
export function sampleHash(buf: Buffer, start: number, end: number): number {
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
  /**
   * Group id by the first two bytes of a value as they appear in a CSV row (for a one-byte value, the
   * delimiter after it): -1 when no value starts so, -2 when several do. Lets the CSV fast path match a
   * field against the one candidate value in a single pass, instead of finding its end, hashing it and
   * comparing it (see predictions-csv.ts). Values holding a delimiter or a quote are never listed.
   */
  readonly byPrefix = new Int32Array(1 << 16).fill(-1)
  /**
   * Each value's bytes as little-endian 32-bit words, for the fast path to compare a field four bytes
   * at a time: value id's words start at words[wordsAt[id]] (see keyWords).
   */
  readonly words: number[] = []
  readonly wordsAt: number[] = []
  private table = new Int32Array(256).fill(-1)
  private hashes = new Int32Array(256)

  constructor(
    readonly attribute: string,
    private readonly file: string
  ) {}

  /** Group id of buf[start, end). O(length) expected. */
  idOfBytes(buf: Buffer, start: number, end: number, line: number): number {
    return this.idOfHashed(buf, start, end, sampleHash(buf, start, end), line)
  }

  /** As idOfBytes, given h = sampleHash of the bytes. */
  idOfHashed(buf: Buffer, start: number, end: number, h: number, line: number): number {
    if (start === end) return this.idOfBytes(MISSING_BYTES, 0, MISSING_BYTES.length, line)
    const mask = this.table.length - 1
    let slot = h & mask
    for (;;) {
      const id = this.table[slot]
      if (id < 0) break
      if (this.hashes[slot] === h && sameBytes(this.keys[id], buf, start, end)) return id
      slot = (slot + 1) & mask
    }
    return this.insert(Buffer.from(buf.subarray(start, end)), h, slot, line)
  }

  idOfText(text: string, line: number): number {
    const bytes = Buffer.from(text)
    return this.idOfBytes(bytes, 0, bytes.length, line)
  }

  private insert(key: Buffer, h: number, slot: number, line: number): number {
    const id = this.labels.length
    if (id >= MAX_GROUPS) {
      throw new InputError(
        `sensitive attribute '${this.attribute}' has more than ${MAX_GROUPS} distinct values; expected a categorical column (bin continuous values first)`,
        { file: this.file, line, path: this.attribute }
      )
    }
    this.labels.push(key.toString('utf8'))
    this.keys.push(key)
    this.wordsAt.push(this.words.length)
    this.words.push(...keyWords(key))
    this.table[slot] = id
    this.hashes[slot] = h
    this.listPrefix(key, id)
    if ((id + 1) * 2 > this.table.length) this.rehash()
    return id
  }

  private listPrefix(key: Buffer, id: number): void {
    if (key.length === 0 || key.some(b => b === COMMA || b === QUOTE || b === LF || b === CR)) return
    const list = (prefix: number) => (this.byPrefix[prefix] = this.byPrefix[prefix] === -1 ? id : -2)
    if (key.length > 1) list(key[0] | (key[1] << 8))
    else for (const end of [COMMA, LF, CR]) list(key[0] | (end << 8))
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

/**
 * A value of k bytes as 32-bit little-endian words. Shorter than 4 bytes: the word and its mask, to
 * compare against the 4 bytes at the field. Otherwise: the words at offsets 0, 4, 8, … while 4 more
 * bytes follow, then the word ending at the last byte (which may overlap the one before it).
 */
export function keyWords(key: Buffer): number[] {
  const word = (at: number) => key.readInt32LE(at)
  const k = key.length
  if (k === 0) return []
  if (k < 4) {
    let w = 0
    for (let j = k - 1; j >= 0; j--) w = (w << 8) | key[j]
    return [w, 2 ** (8 * k) - 1]
  }
  const words: number[] = []
  let at = 0
  for (; at + 4 < k; at += 4) words.push(word(at))
  words.push(word(k - 4))
  return words
}
