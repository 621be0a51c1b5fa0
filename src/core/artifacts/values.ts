/**
 * Typed values from artifact fields, with the error a user needs when a value is wrong. Each parser
 * takes the field's text; the CSV reader calls them only when its byte-level fast path does not apply.
 */
import { InputError, quote, type Where } from '../errors.js'

// Unambiguous (each digit has one way to match), so a long field cannot make it backtrack.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** A finite decimal number, or undefined when the text is not one (empty, NaN, inf, hex, words). */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined
  const value = Number(text)
  return Number.isFinite(value) ? value : undefined
}

export function parseScore(text: string, where: Where): number {
  const value = parseDecimal(text)
  if (value === undefined || value < 0 || value > 1) {
    throw new InputError(`score ${quote(text)} is not a probability; expected a number in [0, 1]`, where)
  }
  return value
}

export function parseWeight(text: string, where: Where): number {
  const value = parseDecimal(text)
  if (value === undefined || value < 0) {
    throw new InputError(
      `weight ${quote(text)} is not a valid sample weight; expected a finite number >= 0`,
      where
    )
  }
  return value
}

/**
 * Reads a binary label or prediction. With a numeric positive label (the default, 1) the values are
 * 0 and 1 (`1.0`, `true`/`false` also accepted). With any other positive label, the column must hold
 * exactly two distinct values: the first other value seen becomes the negative, and a third value is an
 * error that names all three.
 */
export class BinaryDecoder {
  private negative: string | undefined
  private readonly numeric: boolean
  readonly positive: string

  constructor(
    positiveLabel: string | number | boolean,
    private readonly what: string
  ) {
    this.positive = String(positiveLabel)
    this.numeric = typeof positiveLabel === 'number' || /^[01]$/.test(this.positive)
  }

  decode(text: string, where: Where): 0 | 1 {
    if (this.numeric) {
      const v =
        text === 'true' || text === 'True' ? 1 : text === 'false' || text === 'False' ? 0 : parseDecimal(text)
      if (v === 0 || v === 1) return String(v) === this.positive ? 1 : 0
      throw new InputError(`${this.what} ${quote(text)} is not binary; expected 0 or 1`, where)
    }
    if (text === this.positive) return 1
    if (this.negative === undefined && text !== '') {
      this.negative = text
      return 0
    }
    if (text === this.negative) return 0
    throw new InputError(
      `${this.what} ${quote(text)} is not binary; this column already holds ${quote(this.positive)} (positive) and ${quote(this.negative ?? '')}`,
      where
    )
  }
}

/** A pass/fail outcome: true/false, 1/0, yes/no, pass/fail (any case). */
export function parseBoolean(value: unknown, where: Where): boolean {
  if (typeof value === 'boolean') return value
  if (value === 1 || value === 0) return value === 1
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined
  if (text === 'true' || text === '1' || text === 'yes' || text === 'pass' || text === 'passed') return true
  if (text === 'false' || text === '0' || text === 'no' || text === 'fail' || text === 'failed') return false
  throw new InputError(`passed ${quote(value)} is not a boolean; expected true or false`, where)
}
