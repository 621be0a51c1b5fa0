// Parquet's RLE / bit-packed hybrid encoding of dictionary indices (src/core/artifacts/formats/
// parquet.ts): runs of one repeated value and groups of 8 values packed `width` bits each, least
// significant bit first. Written by hand because nothing on npm decodes these in WebAssembly; in
// JavaScript (hyparquet's decoder, or one written for typed arrays) it took 3 to 7 ns a value. And the
// look-up of decoded indices in a table of what each dictionary entry (or combination of entries) reads
// as: a loop in JavaScript took 2 to 6 ns a row.

/** The largest index the last hybridIndices() call decoded. */
export let hybridMax: u32 = 0

/**
 * Decodes `count` indices of `width` bits (at most 32) from bytes [at, end) into the i32 at out.
 * Returns the number decoded: less than count when the bytes end first (unless width is 0).
 */
export function hybridIndices(at: usize, end: usize, width: i32, out: usize, count: i32): i32 {
  const mask: u64 = width == 32 ? 0xffffffff : (<u64>1 << <u64>width) - 1
  const bytes = (width + 7) >> 3
  let done = 0
  let most: u32 = 0
  while (done < count) {
    if (at >= end) {
      // Indices of no bits are all 0, and writers may leave out their runs.
      if (width == 0) for (; done < count; done++) store<u32>(out + (<usize>done << 2), 0)
      break
    }
    // The run's header, a varint.
    let header: u64 = 0
    let shift: u64 = 0
    while (at < end && shift < 64) {
      const b = <u64>load<u8>(at++)
      header |= (b & 0x7f) << shift
      shift += 7
      if (b < 0x80) break
    }
    const runs = <i64>(header >> 1)
    if ((header & 1) == 0) {
      // One value in `bytes` little-endian bytes, repeated.
      if (at + <usize>bytes > end) break
      let value: u32 = 0
      for (let b = 0; b < bytes; b++) value |= <u32>load<u8>(at + <usize>b) << (<u32>b << 3)
      at += <usize>bytes
      if (value > most) most = value
      const n = <i32>min<i64>(runs, <i64>(count - done))
      for (let i = 0; i < n; i++) store<u32>(out + (<usize>(done + i) << 2), value)
      done += n
      continue
    }
    // runs groups of 8 values in `width` bytes each.
    const groups = width == 0 ? <i32>runs : <i32>min<i64>(runs, <i64>((end - at) / <usize>width))
    let buf: u64 = 0
    let bits: u64 = 0
    const stop = min<i32>(count, done + groups * 8)
    let p = at
    // Whole groups while 8 bytes can be loaded past the group's last value: each value one unaligned
    // load, shift and mask (the loop below takes a byte at a time, 4 times as long for 1-bit labels).
    while (done + 8 <= stop && p + <usize>width + 8 <= end) {
      for (let k = 0; k < 8; k++) {
        const bit = k * width
        const value = <u32>((load<u64>(p + <usize>(bit >> 3)) >> <u64>(bit & 7)) & mask)
        most = max<u32>(most, value)
        store<u32>(out + (<usize>(done + k) << 2), value)
      }
      p += <usize>width
      done += 8
    }
    while (done < stop) {
      while (bits < <u64>width) {
        buf |= <u64>load<u8>(p++) << bits
        bits += 8
      }
      const value = <u32>(buf & mask)
      if (value > most) most = value
      store<u32>(out + (<usize>done << 2), value)
      buf >>= <u64>width
      bits -= <u64>width
      done++
    }
    if (groups < runs && done < count) break
    at += <usize>(runs * <i64>width)
  }
  hybridMax = most
  return done
}

/**
 * Rows [from, n) of dictionary-encoded columns through a table: out[i] = table[key], where key =
 * (a[i] + 1) + mb * (b[i] + 1) + mc * (c[i] + 1) over the i32 indices at a, b and c (-1 for a null;
 * mb or mc 0 leaves a column out), stored as a u8 (wide 0) or an i32. Stops at the first row whose key
 * is outside the table's `size` entries or whose entry is negative (not known yet), and returns it;
 * n when every row was looked up.
 */
export function dictionaryLookup(
  a: usize,
  b: usize,
  c: usize,
  mb: i32,
  mc: i32,
  table: usize,
  size: i32,
  out: usize,
  wide: i32,
  from: i32,
  n: i32
): i32 {
  for (let i = from; i < n; i++) {
    const o = <usize>i << 2
    const key = load<i32>(a + o) + 1 + mb * (load<i32>(b + o) + 1) + mc * (load<i32>(c + o) + 1)
    if (<u32>key >= <u32>size) return i
    const value = load<i32>(table + (<usize>key << 2))
    if (value < 0) return i
    if (wide) store<i32>(out + o, value)
    else store<u8>(out + <usize>i, <u8>value)
  }
  return n
}
