/**
 * Parses a plain decimal (`0.25`, `1`, `.5`) straight from CSV bytes. The value m / 10^k is computed
 * from exact integers (m < 2^53, k <= 22), so IEEE division rounds it exactly as Number() would; any
 * other form (sign, exponent, more than 15 digits) returns NaN and the caller falls back to the text
 * parser. `micros` is set to the value in millionths when it has at most 6 decimals, else -1; then
 * micros / 1e6 is exactly the returned value (the correctly rounded quotient of the same rational).
 */
export const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

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
  if (digits === 0 || digits > 15) return NaN
  if (k < 0) k = 0
  decimalState.micros = k <= 6 ? m * POW10[6 - k] : -1
  return k === 0 ? m : m / POW10[k]
}
