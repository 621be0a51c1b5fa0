/**
 * The row rules: typed values from artifact fields, with the error a user needs when a value is wrong.
 * Every reader decodes through these. The text parsers take a CSV field's text (the CSV reader calls
 * them only when its byte-level fast path does not apply); the `*Value` rules take a value as JSON
 * Lines or Parquet hold it (a number, boolean, bigint, string or null) without turning it into text.
 * The CSV fast paths (predictions-csv.ts, assembly/rows.ts) repeat these rules for speed; the
 * cross-path tests (__tests__/core/artifacts/paths.test.ts) run one table of rows through every path.
 */
import { InputError, quote, type Where } from '../../errors.js'

// Unambiguous (each digit has one way to match), so a long field cannot make it backtrack.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** A finite decimal number, or undefined when the text is not one (empty, NaN, inf, hex, words). */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined
  const value = Number(text)
  return Number.isFinite(value) ? value : undefined
}

/** The value a field holds, as a reader gives it: text (CSV), or a typed value (JSON Lines, Parquet). */
export type Value = unknown

/**
 * The prediction a score stands for when the file has no prediction column: positive at or above
 * the threshold. The one statement of this rule; the fast paths use it or are tested against it.
 */
export const predictAt = (score: number, threshold: number): 0 | 1 => (score >= threshold ? 1 : 0)

/** A typed value's text as a CSV file would hold it, for messages and for text rules. */
function textOf(value: Value): string {
  return typeof value === 'string' ? value : typeof value === 'bigint' ? value.toString() : String(value)
}

/** A null value (Parquet, JSON), or a JSON object without the field. */
function absent(what: string, value: Value, where: Where): InputError {
  return new InputError(
    value === null
      ? `${what} is null; expected a value on every row`
      : `field '${where.path ?? what}' is missing`,
    where
  )
}

/** A score held as a number (or text, or a bigint); null is an error like an empty CSV field. */
export function scoreValue(value: Value, where: Where): number {
  if (typeof value === 'number') {
    if (value >= 0 && value <= 1) return value
    throw new InputError(`score ${quote(value)} is not a probability; expected a number in [0, 1]`, where)
  }
  if (typeof value === 'string') return parseScore(value, where)
  if (typeof value === 'bigint') return scoreValue(Number(value), where)
  if (value === null || value === undefined) throw absent('score', value, where)
  throw new InputError(`score ${quote(value)} has the wrong type; expected a number in [0, 1]`, where)
}

/**
 * A finite number (a regression's label, prediction or interval end), held as a number, a bigint or
 * decimal text; `what` names it in the error.
 */
export function numberValue(value: Value, what: string, where: Where): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value
  } else if (typeof value === 'string') {
    const parsed = parseDecimal(value)
    if (parsed !== undefined) return parsed
  } else if (typeof value === 'bigint') return Number(value)
  else if (value === null || value === undefined) throw absent(what, value, where)
  else throw new InputError(`${what} ${quote(value)} has the wrong type; expected a finite number`, where)
  throw new InputError(`${what} ${quote(value)} is not a finite number; expected one on every row`, where)
}

export function weightValue(value: Value, where: Where): number {
  if (typeof value === 'number') {
    if (value >= 0 && value < Infinity) return value
    throw new InputError(
      `weight ${quote(value)} is not a valid sample weight; expected a finite number >= 0`,
      where
    )
  }
  if (typeof value === 'string') return parseWeight(value, where)
  if (typeof value === 'bigint') return weightValue(Number(value), where)
  if (value === null || value === undefined) throw absent('weight', value, where)
  throw new InputError(`weight ${quote(value)} has the wrong type; expected a number >= 0`, where)
}

/**
 * What a value that must be one scalar holds instead (an object, an array, binary data), or null.
 * JSON Lines written by pandas hold a `pd.cut` Interval as an object: its text would be the same for
 * every row (`[object Object]`), merging every group into one.
 */
function notScalar(value: Value): string | null {
  if (value === null || typeof value !== 'object' || value instanceof Date) return null
  return Array.isArray(value) ? 'an array' : ArrayBuffer.isView(value) ? 'binary data' : 'an object'
}

function scalarOnly(value: Value, what: string, where: Where): void {
  const kind = notScalar(value)
  if (kind !== null)
    throw new InputError(
      `${what} ${quote(value)} is ${kind}; expected a text, number or boolean (write it as text: a pandas Interval from pd.cut, for example, with .astype(str))`,
      where
    )
}

/**
 * A sensitive attribute's (or a category's) value as text; null or absent is '' (the group
 * `(missing)`, as an empty field); an object, array or binary value is an error.
 */
export function groupValue(value: Value, where: Where): string {
  if (value === null || value === undefined) return ''
  scalarOnly(value, 'value', where)
  return textOf(value)
}

/** A case id as given (undefined, null and '' are no id); an object, array or binary value is an error. */
export function idValue(value: Value, where: Where): Value {
  scalarOnly(value, 'case id', where)
  return value
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
  /** Whether values are 0 and 1 (a numeric positive label). */
  readonly numeric: boolean
  readonly positive: string

  constructor(
    positiveLabel: string | number | boolean,
    private readonly what: string
  ) {
    this.positive = String(positiveLabel)
    this.numeric = typeof positiveLabel === 'number' || /^[01]$/.test(this.positive)
  }

  /**
   * A typed value: a number or bigint 0/1 and a boolean (true is 1) as their CSV text would be;
   * null is an error. Numbers skip the text parser.
   */
  value(value: Value, where: Where): 0 | 1 {
    if (this.numeric && typeof value === 'number' && (value === 0 || value === 1))
      return String(value) === this.positive ? 1 : 0
    if (typeof value === 'boolean' && this.numeric) return (value ? '1' : '0') === this.positive ? 1 : 0
    if (value === null || value === undefined) throw absent(this.what, value, where)
    if (typeof value === 'object') {
      throw new InputError(`${this.what} ${quote(value)} has the wrong type; expected 0 or 1`, where)
    }
    return this.decode(textOf(value), where)
  }

  decode(text: string, where: Where): 0 | 1 {
    if (this.numeric) {
      const v =
        text === 'true' || text === 'True' ? 1 : text === 'false' || text === 'False' ? 0 : parseDecimal(text)
      if (v === 0 || v === 1) return String(v) === this.positive ? 1 : 0
      // Text classes ('yes', '>50K') need their positive one named: say how.
      const hint =
        text !== '' && v === undefined
          ? ` (for a column of two text values, set positiveLabel on the artifact in the manifest to the positive one, such as positiveLabel: ${quote(text)})`
          : ''
      throw new InputError(`${this.what} ${quote(text)} is not binary; expected 0 or 1${hint}`, where)
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
  if (value === 1 || value === 0 || value === 1n || value === 0n) return value == 1
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined
  if (text === 'true' || text === '1' || text === 'yes' || text === 'pass' || text === 'passed') return true
  if (text === 'false' || text === '0' || text === 'no' || text === 'fail' || text === 'failed') return false
  throw new InputError(`passed ${quote(value)} is not a boolean; expected true or false`, where)
}
