/**
 * The combinations of sensitive groups a table keeps sums for: each row's group ids (one per
 * attribute) → a combination id, in order of first appearance. Every accumulator (the binary cell
 * table, the regression moments, the multiclass confusion) indexes its rows through one of these.
 */
/** A table's per-combination sums (`width` each, side by side) as a report stores them: a row each. */
export const storedRows = (flat: Float64Array, width: number): number[][] =>
  Array.from({ length: flat.length / width }, (_, c) => Array.from(flat.subarray(c * width, (c + 1) * width)))

/**
 * Stored rows back into one array of `combos` rows of `width`; rows of another count or width (a report
 * that does not fit itself) are an error naming `what`.
 */
export function joinedRows(rows: number[][], combos: number, width: number, what: string): Float64Array {
  if (rows.length !== combos || rows.some(r => r.length !== width))
    throw new Error(`its ${what} has ${rows.length} rows for ${combos} combinations of ${width} numbers`)
  const out = new Float64Array(combos * width)
  rows.forEach((r, c) => out.set(r, c * width))
  return out
}

export class ComboIndex {
  /** combos[c][a] is the group id of attribute a in combination c. */
  readonly combos: number[][] = []
  private slots = new Int32Array(64).fill(-1)
  private readonly direct = new Int32Array(1 << 18).fill(-1)

  /** `added(count)` is told each time a combination is added, with the new count (to grow sums). */
  constructor(private readonly added: (count: number) => void = () => {}) {}

  /** The combination id of group ids `g` (one per attribute); `g` is copied when new. */
  combo(g: Int32Array): number {
    // Up to 3 attributes with fewer than 64 groups each (the usual case): a direct table on the packed
    // ids, one load per row. Otherwise open addressing on a hash, verified against the combination.
    if (g.length <= 3) {
      const a = g.length > 0 ? g[0] : 0
      const b = g.length > 1 ? g[1] : 0
      const c = g.length > 2 ? g[2] : 0
      if ((a | b | c) < 64) {
        const key = a | (b << 6) | (c << 12)
        const id = this.direct[key]
        if (id >= 0) return id
        return (this.direct[key] = this.hashed(g))
      }
    }
    return this.hashed(g)
  }

  /** combo() of each row of group-id columns (one per attribute), into out. */
  comboColumn(ids: Int32Array[], out: Int32Array): void {
    const n = out.length
    if (ids.length <= 3) {
      // The direct table's key in a plain loop; a row off it (or not in it yet) through combo().
      const zero = new Int32Array(n)
      const [a, b, c] = [ids[0] ?? zero, ids[1] ?? zero, ids[2] ?? zero]
      const g = new Int32Array(ids.length)
      for (let i = 0; i < n; i++) {
        const x = a[i]
        const y = b[i]
        const z = c[i]
        const id = (x | y | z) < 64 ? this.direct[x | (y << 6) | (z << 12)] : -1
        if (id >= 0) out[i] = id
        else {
          for (let k = 0; k < g.length; k++) g[k] = ids[k][i]
          out[i] = this.combo(g)
        }
      }
      return
    }
    const g = new Int32Array(ids.length)
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < g.length; k++) g[k] = ids[k][i]
      out[i] = this.combo(g)
    }
  }

  private hashed(g: Int32Array): number {
    let h = 0x811c9dc5
    for (let a = 0; a < g.length; a++) h = Math.imul(h ^ g[a], 0x01000193)
    h ^= h >>> 15
    const mask = this.slots.length - 1
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]
      if (id < 0) return this.newCombo(g, slot)
      const known = this.combos[id]
      let same = true
      for (let a = 0; a < g.length; a++) if (known[a] !== g[a]) same = false
      if (same) return id
    }
  }

  private newCombo(g: Int32Array, slot: number): number {
    const next = this.combos.length
    this.combos.push(Array.from(g))
    this.slots[slot] = next
    if ((next + 1) * 2 > this.slots.length) {
      const old = this.combos
      this.slots = new Int32Array(this.slots.length * 2).fill(-1)
      const mask = this.slots.length - 1
      old.forEach((combo, id) => {
        let h = 0x811c9dc5
        for (const x of combo) h = Math.imul(h ^ x, 0x01000193)
        h ^= h >>> 15
        let s = h & mask
        while (this.slots[s] >= 0) s = (s + 1) & mask
        this.slots[s] = id
      })
    }
    this.added(next + 1)
    return next
  }
}
