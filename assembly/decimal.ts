// Plain decimals (digits with at most one point) to the nearest double, exactly as Number() reads
// them, for the CSV fast path (rows.ts). A value m / 10^k with m <= 2^53 and k <= 22 is one correctly
// rounded division of exact numbers (Clinger's fast path, as decimal.ts in JavaScript). A longer
// mantissa (17 to 19 digits, as a float64 written with all its digits often has) goes through the
// Eisel–Lemire algorithm: m times a 128-bit approximation of 10^-k, whose high bits give the double
// (Lemire, "Number Parsing at a Gigabyte per Second", 2021; Mushtak and Lemire, "Fast Number Parsing
// Without Fallback", 2023, prove that for at most 19 digits the two 64-bit products always suffice).
// Written by hand because nothing else parses inside this module; a test compares it with Number()
// on millions of random and adversarial strings (rows-wasm.test.ts).

/** 10^k as doubles (exact for k <= 22). */
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
  let digits = 0
  let point = -1
  let i = at
  // Leading zeros (and a point among them) add nothing to the mantissa.
  for (; i < end; i++) {
    const c = load<u8>(i)
    if (c == 48) digits++
    else if (c == 46 && point < 0) point = digits
    else break
  }
  const leading = digits
  let m: u64 = 0
  while (i < end) {
    // Eight digits at once where eight bytes are left (a float64's digits are 16 or 17).
    if (i + 8 <= end) {
      const v = load<u64>(i)
      if (eightDigits(v)) {
        m = m * 100000000 + eightValue(v)
        digits += 8
        i += 8
        continue
      }
    }
    const c = <u32>load<u8>(i)
    const d = c - 48
    if (d <= 9) {
      m = m * 10 + <u64>d
      digits++
    } else if (c == 46 && point < 0) point = digits
    else return NaN
    i++
  }
  const k = point < 0 ? 0 : digits - point
  // More than 19 significant digits may have wrapped m: declined, as are they.
  if (digits == 0 || digits - leading > 19 || k > 22) return NaN
  decimalMantissa = m
  decimalScale = k
  return quotient(m, k)
}

// Eight ASCII digits in a little-endian word, tested and converted without a loop (the SWAR method
// of simdjson, Langdale and Lemire, "Parsing Gigabytes of JSON per Second", 2019).

/** Whether every byte of v is a digit. */
// @ts-ignore: decorator
@inline
function eightDigits(v: u64): bool {
  return ((v & 0xf0f0f0f0f0f0f0f0) | (((v + 0x0606060606060606) & 0xf0f0f0f0f0f0f0f0) >> 4)) == 0x3333333333333333
}

/** The value of eight digits, the first in the lowest byte. */
// @ts-ignore: decorator
@inline
function eightValue(v: u64): u64 {
  const mask: u64 = 0x000000ff000000ff
  v -= 0x3030303030303030
  v = v * 10 + (v >> 8)
  return ((v & mask) * 0x000f424000000064 + ((v >> 16) & mask) * 0x0000271000000001) >> 32
}

/** m / 10^k, correctly rounded (k <= 22). */
// @ts-ignore: decorator
@inline
export function quotient(m: u64, k: i32): f64 {
  return m <= MAX_EXACT ? <f64>m / unchecked(POW10[k]) : eiselLemire(m, k)
}

/**
 * 5^-k for k = 0..22 as 128 bits (two words, high first), normalized so that the top bit is set and
 * rounded up: floor(2^b / 5^k) + 1 for the b that puts it in [2^127, 2^128), as fast_float's table.
 */
const POW5_INV: StaticArray<u64> = [
  0x8000000000000000, 0x0000000000000000, 0xcccccccccccccccc, 0xcccccccccccccccd, 0xa3d70a3d70a3d70a,
  0x3d70a3d70a3d70a4, 0x83126e978d4fdf3b, 0x645a1cac083126ea, 0xd1b71758e219652b, 0xd3c36113404ea4a9,
  0xa7c5ac471b478423, 0x0fcf80dc33721d54, 0x8637bd05af6c69b5, 0xa63f9a49c2c1b110, 0xd6bf94d5e57a42bc,
  0x3d32907604691b4d, 0xabcc77118461cefc, 0xfdc20d2b36ba7c3e, 0x89705f4136b4a597, 0x31680a88f8953031,
  0xdbe6fecebdedd5be, 0xb573440e5a884d1c, 0xafebff0bcb24aafe, 0xf78f69a51539d749, 0x8cbccc096f5088cb,
  0xf93f87b7442e45d4, 0xe12e13424bb40e13, 0x2865a5f206b06fba, 0xb424dc35095cd80f, 0x538484c19ef38c95,
  0x901d7cf73ab0acd9, 0x0f9d37014bf60a11, 0xe69594bec44de15b, 0x4c2ebe687989a9b4, 0xb877aa3236a4b449,
  0x09befeb9fad487c3, 0x9392ee8e921d5d07, 0x3aff322e62439fd0, 0xec1e4a7db69561a5, 0x2b31e9e3d06c32e6,
  0xbce5086492111aea, 0x88f4bb1ca6bcf585, 0x971da05074da7bee, 0xd3f6fc16ebca5e04, 0xf1c90080baf72cb1,
  0x5324c68b12dd6339
]

/** The double nearest m / 10^k for 2^53 < m < 2^64 and k <= 22 (so never subnormal nor infinite). */
function eiselLemire(m: u64, k: i32): f64 {
  const lz = <i32>clz(m)
  const w = m << <u64>lz
  multiply(w, unchecked(POW5_INV[2 * k]))
  let high = hi
  let low = lo
  // The bits below the 55 kept may carry: add the product with the table's low word.
  if ((high & 0x1ff) == 0x1ff) {
    multiply(w, unchecked(POW5_INV[2 * k + 1]))
    low += hi
    if (hi > low) high++
  }
  const upper = <i32>(high >> 63)
  const shift = <u64>(upper + 9)
  let mantissa = high >> shift
  // The binary exponent: floor(log2(10^-k)) by a fixed-point product, as fast_float's power().
  const q = -k
  let power2 = ((217706 * q) >> 16) + 63 + upper - lz + 1023
  // An exact tie (possible only for k <= 4, where 5^k fits the first word) rounds to even.
  if (low <= 1 && k <= 4 && (mantissa & 3) == 1 && mantissa << shift == high) mantissa &= ~(<u64>1)
  mantissa += mantissa & 1
  mantissa >>= 1
  if (mantissa >= <u64>2 << 52) {
    mantissa = <u64>1 << 52
    power2++
  }
  mantissa &= ~(<u64>1 << 52)
  return reinterpret<f64>(mantissa | (<u64>power2 << 52))
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
