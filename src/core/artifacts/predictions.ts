/**
 * Reads a predictions artifact (one row per example) into a cell table and a score histogram. The
 * CSV path works on bytes with fast paths for the common spellings (0/1 labels, plain decimals) and
 * falls back to the text parsers, so every value is validated the same way whichever path it takes.
 */
import { InputError, quote } from '../errors.js'
import type { ArtifactSpec } from '../manifest/types.js'
import { CellAccumulator, type CellTable } from './cells.js'
import { CsvParser, fieldText, type CsvRow } from './csv.js'
import { decimalState, fastDecimal } from './decimal.js'
import { GroupIndex, MISSING } from './groups.js'
import { ScoreHistogram, binOf, type ScoreDistribution } from './scores.js'
import { formatOf, streamFile, streamRows, wrongFieldCount, type TextRow } from './source.js'
import { BinaryDecoder, parseScore, parseWeight } from './values.js'

export interface PredictionOptions {
  attributes: string[]
  bins: number
  /** Interior quantile edges, or null for uniform bins. */
  edges: number[] | null
}

export interface PredictionData {
  table: CellTable
  /** Null when there is no score column. */
  scores: ScoreDistribution | null
  /** Quantile calibration edges the rows were binned with; null for uniform bins. */
  edges: number[] | null
  rows: number
  sha256: string
}

/** Which file column holds each logical column; undefined when the file has none. */
interface Layout {
  label: string
  score?: string
  prediction?: string
  weight?: string
  attributes: string[]
}

/** Resolves the column mapping against the file's columns; explicit mappings must exist. */
function layoutOf(spec: ArtifactSpec, attributes: string[], columns: string[], line: number): Layout {
  const has = new Set(columns)
  const col = (name: string, required: boolean, fallback?: string): string | undefined => {
    const mapped = spec.columns[name]
    const column = mapped ?? fallback ?? name
    if (has.has(column)) return column
    if (required || mapped !== undefined) {
      const how = mapped !== undefined ? ` (columns.${name} in the manifest)` : ''
      throw new InputError(`column '${column}'${how} is not in the file; found: ${columns.join(', ')}`, {
        file: spec.display,
        line,
        path: name
      })
    }
    return undefined
  }
  const layout: Layout = {
    label: col('label', true)!,
    score: col('score', false),
    prediction: col('prediction', false),
    weight: spec.columns.weight !== undefined ? col('weight', true) : undefined,
    attributes: attributes.map(a => col(a, true)!)
  }
  if (layout.score === undefined && layout.prediction === undefined) {
    throw new InputError(
      `neither a score nor a prediction column is in the file (looked for '${spec.columns.score ?? 'score'}' and '${spec.columns.prediction ?? 'prediction'}'); found: ${columns.join(', ')}`,
      { file: spec.display, line }
    )
  }
  return layout
}

export async function readPredictions(
  spec: ArtifactSpec,
  options: PredictionOptions
): Promise<PredictionData> {
  const { attributes, bins, edges } = options
  const indexes = attributes.map(a => new GroupIndex(a, spec.display))
  const labels = new BinaryDecoder(spec.positiveLabel, 'label')
  const predictions = new BinaryDecoder(spec.positiveLabel, 'prediction')
  const g = new Int32Array(attributes.length)
  let acc: CellAccumulator | null = null
  let hist: ScoreHistogram | null = null
  let layout: Layout | null = null

  const start = (columns: string[], line: number): void => {
    layout = layoutOf(spec, attributes, columns, line)
    const hasScore = layout.score !== undefined
    acc = new CellAccumulator(attributes, hasScore ? bins : 1, hasScore, layout.weight !== undefined)
    hist = hasScore ? new ScoreHistogram(layout.weight !== undefined) : null
  }

  /** Everything after decoding: the same for CSV and JSONL rows. */
  const add = (y: number, p: number, s: number, micros: number, w: number): void => {
    const a = acc!
    const combo = a.combo(g)
    if (hist !== null) {
      a.add(combo, y, p, binOf(s, bins, edges), w, s)
      if (micros < 0 || !hist.addMicros(micros, y, w)) hist.add(s, y, w)
    } else {
      a.add(combo, y, p, 0, w, 0)
    }
  }

  let rows = 0
  let sha256: string
  if (formatOf(spec.path) === 'csv') {
    let header: string[] | null = null
    let cols: { label: number; score: number; prediction: number; weight: number; attrs: number[] }
    const fastBinary = labels.positive === '1'
    const binary = (row: CsvRow, i: number, decoder: BinaryDecoder, column: string): number => {
      if (fastBinary && !row.escaped[i] && row.end[i] - row.start[i] === 1) {
        const c = row.buf[row.start[i]]
        if (c === 49) return 1
        if (c === 48) return 0
      }
      return decoder.decode(fieldText(row, i), { file: spec.display, line: row.line, path: column })
    }
    const parser = new CsvParser(spec.display, row => {
      if (header === null) {
        header = Array.from({ length: row.count }, (_, i) => fieldText(row, i))
        start(header, row.line)
        const at = (c: string | undefined): number => (c === undefined ? -1 : header!.indexOf(c))
        const l = layout!
        cols = {
          label: at(l.label),
          score: at(l.score),
          prediction: at(l.prediction),
          weight: at(l.weight),
          attrs: l.attributes.map(at)
        }
        return
      }
      if (row.count !== header.length) throw wrongFieldCount(spec.display, row.line, header.length, row.count)
      rows++
      const buf = row.buf
      const y = binary(row, cols.label, labels, layout!.label)
      let s = 0
      let micros = -1
      if (cols.score >= 0) {
        const i = cols.score
        s = row.escaped[i] ? NaN : fastDecimal(buf, row.start[i], row.end[i])
        if (s === s && s <= 1) micros = decimalState.micros
        else s = parseScore(fieldText(row, i), { file: spec.display, line: row.line, path: layout!.score })
      }
      let w = 1
      if (cols.weight >= 0) {
        const i = cols.weight
        w = row.escaped[i] ? NaN : fastDecimal(buf, row.start[i], row.end[i])
        if (w !== w)
          w = parseWeight(fieldText(row, i), { file: spec.display, line: row.line, path: layout!.weight })
      }
      const p =
        cols.prediction >= 0
          ? binary(row, cols.prediction, predictions, layout!.prediction!)
          : s >= spec.threshold
            ? 1
            : 0
      for (let a = 0; a < cols.attrs.length; a++) {
        const i = cols.attrs[a]
        g[a] = row.escaped[i]
          ? indexes[a].idOfText(fieldText(row, i), row.line)
          : indexes[a].idOfBytes(buf, row.start[i], row.end[i], row.line)
      }
      add(y, p, s, micros, w)
    })
    sha256 = await streamFile(spec.absPath, spec.display, chunk => parser.feed(chunk))
    parser.end()
    if (header === null)
      throw new InputError('the file is empty; expected a header and data rows', { file: spec.display })
    if (rows === 0) throw new InputError('the file has no data rows', { file: spec.display })
  } else {
    const read = (row: TextRow, column: string): unknown => {
      if (!row.has(column)) {
        throw new InputError(`field '${column}' is missing`, {
          file: spec.display,
          line: row.line,
          path: column
        })
      }
      return row.get(column)
    }
    const text = (row: TextRow, column: string, what: string): string => {
      const v = read(row, column)
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v)
      throw new InputError(`${what} ${quote(v)} has the wrong type; expected a number or a string`, {
        file: spec.display,
        line: row.line,
        path: column
      })
    }
    const result = await streamRows(spec.absPath, spec.display, start, row => {
      const l = layout!
      const where = { file: spec.display, line: row.line }
      const y = labels.decode(text(row, l.label, 'label'), { ...where, path: l.label })
      const s =
        l.score !== undefined ? parseScore(text(row, l.score, 'score'), { ...where, path: l.score }) : 0
      const w =
        l.weight !== undefined ? parseWeight(text(row, l.weight, 'weight'), { ...where, path: l.weight }) : 1
      const p =
        l.prediction !== undefined
          ? predictions.decode(text(row, l.prediction, 'prediction'), { ...where, path: l.prediction })
          : s >= spec.threshold
            ? 1
            : 0
      l.attributes.forEach((column, a) => {
        const v = read(row, column)
        g[a] = indexes[a].idOfText(v === null || v === '' ? MISSING : String(v), row.line)
      })
      add(y, p, s, -1, w)
    })
    rows = result.rows
    sha256 = result.sha256
  }
  const histogram = hist as ScoreHistogram | null
  return {
    table: (acc as CellAccumulator | null)!.finish(indexes.map(i => i.labels)),
    scores: histogram === null ? null : histogram.finish(),
    edges,
    rows,
    sha256
  }
}
