/**
 * User-facing errors. An InputError is a problem with what the user gave us (a manifest, a policy,
 * an artifact row, a command-line flag): it is reported plainly, without a stack trace, and the
 * process exits 2. Anything else that is thrown is an internal bug and is reported as such.
 */
export interface Where {
  /** File the problem is in (as the user named it, or relative to the working directory). */
  file?: string
  /** 1-based line number, when known. */
  line?: number
  /** 1-based column on that line, where a parser knows it (YAML syntax). */
  column?: number
  /** 1-based data row and its 0-based row group, for a file without lines (Parquet). */
  row?: number
  rowGroup?: number
  /** Column name (artifacts) or path inside a document such as `artifacts[1].columns.score`. */
  path?: string
}

export class InputError extends Error {
  override readonly name = 'InputError'
  readonly file?: string
  readonly line?: number
  readonly column?: number
  readonly path?: string
  readonly row?: number
  readonly rowGroup?: number
  /** The problem without the location prefix. */
  readonly detail: string

  constructor(detail: string, where: Where = {}) {
    super(formatMessage(detail, where))
    this.detail = detail
    this.file = where.file
    this.line = where.line
    this.column = where.column
    this.path = where.path
    this.row = where.row
    this.rowGroup = where.rowGroup
  }
}

/** A bad command line: unknown flag, missing value. Exit 2, like any input error. */
export class UsageError extends InputError {}

function formatMessage(detail: string, where: Where): string {
  const row =
    where.row === undefined
      ? undefined
      : `row ${where.row}${where.rowGroup === undefined ? '' : ` (row group ${where.rowGroup})`}`
  const line =
    where.line === undefined
      ? undefined
      : `line ${where.line}${where.column === undefined ? '' : `, column ${where.column}`}`
  const loc = [where.file, line, row, where.path].filter(Boolean).join(', ')
  return loc ? `${loc}: ${detail}` : detail
}

/** Quote a user value for a message, shortened so a giant field cannot flood the terminal. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  const short = text === undefined ? 'undefined' : text.length > 60 ? `${text.slice(0, 57)}...` : text
  return `'${short}'`
}

export function isInputError(err: unknown): err is InputError {
  return err instanceof InputError
}
