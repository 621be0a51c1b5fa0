// Plain decimals (digits with at most one point) to the nearest double, exactly as Number() reads
// them, for the CSV fast path (rows.ts). A value m / 10^k with m <= 2^53 and k <= 22 is one correctly
// rounded division of exact numbers (Clinger's fast path, as decimal.ts in JavaScript). A longer
// mantissa (17 to 19 digits, as a float64 written with all its digits often has) is first divided
// the same way, which lands within two units in the last place of the true value, and then moved to
// the nearest double by comparing the value with the midpoints between neighbouring doubles in exact
// 128-bit integer arithmetic. Written by hand because nothing else parses inside this module; a test
// compares it with Number() on millions of random and adversarial strings (rows-wasm.test.ts).

/** 5^k for k = 0..22 (5^22 < 2^52), and 10^k as doubles (exact for k <= 22). */
const POW5: StaticArray<u64> = [
  1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625, 48828125, 244140625, 1220703125,
  6103515625, 30517578125, 152587890625, 762939453125, 3814697265625, 19073486328125, 95367431640625,
  476837158203125, 2384185791015625
]
const POW10: StaticArray<f64> = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
  1e19, 1e20, 1e21, 1e22
]
const MAX_EXACT: u64 = 9007199254740992 // 2^53

/** The digits' value and its number of decimals, of the last decimal() read. */
export let decimalMantissa: u64 = 0
export let decimalScale: i32 = 0

/**
 * The value of the plain decimal in bytes [at, end), or NaN when the field is not one this reader
 * takes: no digits, a second point, another byte, more than 19 significant digits (leading zeros
 * aside) or more than 22 decimals.
 */
export function decimal(at: usize, end: usize): f64 {
  let m: u64 = 0
  let digits = 0
  let significant = 0
  let point = -1
  for (let i = at; i < end; i++) {
    const c = <u32>load<u8>(i)
    const d = c - 48
    if (d <= 9) {
      m = m * 10 + <u64>d
      digits++
      if (m != 0) significant++
    } else if (c == 46 && point < 0) point = digits
    else return NaN
  }
  const k = point < 0 ? 0 : digits - point
  if (digits == 0 || significant > 19 || k > 22) return NaN
  decimalMantissa = m
  decimalScale = k
  return quotient(m, k)
}

/** m / 10^k, correctly rounded (k <= 22). */
// @ts-ignore: decorator
@inline
export function quotient(m: u64, k: i32): f64 {
  const x: f64 = <f64>m / unchecked(POW10[k])
  return m <= MAX_EXACT ? x : nearest(x, m, k)
}

/** The double nearest m / 10^k (ties to even), from x within a few units in the last place of it. */
function nearest(x: f64, m: u64, k: i32): f64 {
  const five = unchecked(POW5[k])
  for (let step = 0; step < 8; step++) {
    const bits = reinterpret<u64>(x)
    const M = (bits & 0xfffffffffffff) | 0x10000000000000
    const E = <i32>(bits >> 52) - 1075
    // x = M·2^E and m / 10^k = m / (5^k·2^k). Against the midpoint above, (2M + 1)·2^(E - 1):
    // compare m·2^(1 - E - k) with (2M + 1)·5^k.
    const up = compare(m, 1 - E - k, (M << 1) + 1, five)
    if (up > 0 || (up == 0 && (M & 1) == 1)) {
      x = reinterpret<f64>(bits + 1)
      continue
    }
    // The midpoint below: (2M - 1)·2^(E - 1), or (4M - 1)·2^(E - 2) at a power of two, whose lower
    // neighbour is in the binade below.
    const down =
      M == 0x10000000000000 ? compare(m, 2 - E - k, (M << 2) - 1, five) : compare(m, 1 - E - k, (M << 1) - 1, five)
    if (down < 0 || (down == 0 && (M & 1) == 1)) {
      x = reinterpret<f64>(bits - 1)
      continue
    }
    return x
  }
  return x
}

// A 128-bit product, in two words.
let hi: u64 = 0
let lo: u64 = 0

// @ts-ignore: decorator
@inline
function multiply(a: u64, b: u64): void {
  const a0 = a & 0xffffffff
  const a1 = a >> 32
  const b0 = b & 0xffffffff
  const b1 = b >> 32
  const p00 = a0 * b0
  const p01 = a0 * b1
  const p10 = a1 * b0
  const mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff)
  hi = a1 * b1 + (p01 >> 32) + (p10 >> 32) + (mid >> 32)
  lo = a * b
}

/** The sign of a·2^t − b·f (a < 2^64, b·f < 2^128), in exact integers. */
function compare(a: u64, t: i32, b: u64, f: u64): i32 {
  multiply(b, f)
  let rh = hi
  let rl = lo
  let lh: u64 = 0
  let ll: u64 = a
  if (t > 0) {
    if (t >= 128 || (t > 64 && a >> <u64>(128 - t) != 0)) return 1
    if (t >= 64) {
      lh = a << <u64>(t - 64)
      ll = 0
    } else {
      lh = a >> <u64>(64 - t)
      ll = a << <u64>t
    }
  } else if (t < 0) {
    // Shift the right side instead; beyond 128 bits it is the larger.
    const s = -t
    if (s >= 128 || (rh != 0 && clz(rh) < <u64>s) || (s > 64 && rl >> <u64>(128 - s) != 0)) return -1
    if (s >= 64) {
      rh = rl << <u64>(s - 64)
      rl = 0
    } else {
      rh = (rh << <u64>s) | (rl >> <u64>(64 - s))
      rl = rl << <u64>s
    }
  }
  if (lh != rh) return lh > rh ? 1 : -1
  return ll == rl ? 0 : ll > rl ? 1 : -1
}
