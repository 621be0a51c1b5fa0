/**
 * Parses a plain decimal (`0.25`, `1`, `.5`) straight from CSV bytes. The value m / 10^k is computed
 * from exact integers (m <= 2^53, k <= 22: Clinger's fast path), so IEEE division rounds it exactly as
 * Number() would. That covers the 16 and 17 significant digits of most full-precision floats as
 * pandas writes them (`0.3362214065285066`). Any other form (sign, exponent, a larger mantissa)
 * returns NaN and the caller falls back to the text parser. `micros` is set to the value in
 * millionths when it has at most 6 decimals, else -1; then micros / 1e6 is exactly the returned value
 * (the correctly rounded quotient of the same rational).
 */
export const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22
]
/** The largest mantissa whose every step m·10 + d is exact: 2^53. */
export const MAX_MANTISSA = 9007199254740992

export const decimalState = { micros: -1 }

export function fastDecimal(buf: Buffer, start: number, end: number): number {
  let m = 0
  let digits = 0
  let k = -1
  for (let i = start; i < end; i++) {
    const c = buf[i]
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48)
      digits++
      if (k >= 0) k++
    } else if (c === 46 && k < 0) {
      k = 0
    } else {
      return NaN
    }
  }
  if (k < 0) k = 0
  // m only grows, so a final m <= 2^53 means every step was exact.
  if (digits === 0 || m > MAX_MANTISSA || k > 22) return NaN
  decimalState.micros = k <= 6 ? m * POW10[6 - k] : -1
  return k === 0 ? m : m / POW10[k]
}
