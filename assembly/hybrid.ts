// Parquet's RLE / bit-packed hybrid encoding of dictionary indices (src/core/artifacts/formats/
// parquet.ts): runs of one repeated value and groups of 8 values packed `width` bits each, least
// significant bit first. Written by hand because nothing on npm decodes these in WebAssembly; in
// JavaScript (hyparquet's decoder, or one written for typed arrays) it took 3 to 7 ns a value.

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
