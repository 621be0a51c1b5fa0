/**
 * A row's fields as the row readers of the regression and multiclass tasks take them: straight from a
 * CSV row's bytes when the field is a plain decimal or an unquoted group value (no string is made),
 * and otherwise through the row rules of values.ts, which give the same value or the error. On 10M
 * regression rows with full-precision values (one thread) this took the check from 13.4 s to 7.1 s.
 */
import { InputError } from '../../errors.js'
import type { Row } from '../formats/rows.js'
import { fastDecimal } from './decimal.js'
import type { GroupIndex } from './groups.js'
import { groupValue, numberValue, scoreValue, weightValue } from './values.js'

const MINUS = 45

/** A plain decimal field of a CSV row, signed, or NaN (not a CSV row, quoted, or another form). */
function plainNumber(r: Row, k: number): number {
  const c = r.csv
  if (c === undefined || c.escaped[k] !== 0) return NaN
  const start = c.start[k]
  return c.buf[start] === MINUS ? -unsigned(c.buf, start + 1, c.end[k]) : unsigned(c.buf, start, c.end[k])
}

/**
 * Digits with at most one point, or NaN. Up to 15 or 16 significant digits, exactly from the digits
 * (decimal.ts); more (a float64's shortest round trip often has 17), by Number() of their Latin-1
 * text, which rounds correctly: the row rules' regular expression and UTF-8 text are not needed once
 * the bytes are known to be plain, and they took a third of a 10-class file's reading.
 */
function unsigned(buf: Buffer, start: number, end: number): number {
  const v = fastDecimal(buf, start, end)
  if (v === v) return v
  let point = false
  let digits = 0
  for (let i = start; i < end; i++) {
    const ch = buf[i]
    if (ch >= 48 && ch <= 57) digits++
    else if (ch === 46 && !point) point = true
    else return NaN
  }
  return digits > 0 ? Number(buf.toString('latin1', start, end)) : NaN
}

/** Field k as a finite number (a label, a prediction, an interval's end); `what` names it in an error. */
export function numberAt(r: Row, k: number, what: string): number {
  const v = plainNumber(r, k)
  return v === v ? v : numberValue(r.at(k), what, r.where(k))
}

/** Field k as a probability in [0, 1]. */
export function scoreAt(r: Row, k: number): number {
  const v = plainNumber(r, k)
  return v >= 0 && v <= 1 ? v : scoreValue(r.at(k), r.where(k))
}

/** Field k as a sample weight (a finite number >= 0). */
export function weightAt(r: Row, k: number): number {
  const v = plainNumber(r, k)
  return v >= 0 && v < Infinity ? v : weightValue(r.at(k), r.where(k))
}

/** The group id of field k (attribute `name`) in `index`. */
export function groupAt(r: Row, k: number, index: GroupIndex, name: string): number {
  const c = r.csv
  if (c !== undefined && c.escaped[k] === 0) return index.idOfBytes(c.buf, c.start[k], c.end[k], r.line)
  const v = r.at(k)
  // A JSON object without the key is an error; a null is the group (missing).
  if (v === undefined) throw new InputError(`field '${name}' is missing`, r.where(k))
  return index.idOfText(groupValue(v, r.where(k)), r.line)
}
