/**
 * Reads a regression's predictions artifact (SPEC §2b: `label` and `prediction` finite numbers,
 * optionally `lower` and `upper`, a prediction interval) into its moment table, row by row through
 * every format's row source (CSV, JSON Lines, Parquet) and the row rules of values.ts.
 */
import { InputError, quote, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { MomentAccumulator, type MomentTable } from '../../tables/moments.js'
import type { ReadProgress } from '../formats/bytes.js'
import { findColumn, streamRows, type Row } from '../formats/source.js'
import { GroupIndex } from '../decode/groups.js'
import { groupAt, numberAt, weightAt } from '../decode/fields.js'
import { idValue } from '../decode/values.js'
import { CaseRecorder, type CaseRecord } from '../../tables/cases.js'

export interface RegressionData {
  table: MomentTable
  rows: number
  sha256: string
  /**
   * Each row by hashed id (tables/cases.ts), when the file maps an id column: its code (0 without a
   * prediction interval, 1 outside it, 2 inside) and values (its residual, prediction − label, and its
   * prediction); null when the record was given up (casesMissing says why).
   */
  cases?: CaseRecord | null
  casesMissing?: string
}

/** Values a regression row's record keeps (see RegressionData.cases). */
export const RECORD_WIDTH = 2

/** The columns a regression file's rows are read from: their index in the header, or -1. */
interface Columns {
  label: number
  prediction: number
  weight: number
  lower: number
  upper: number
  id: number
  attrs: number[]
}

function columnsOf(spec: ArtifactSpec, attributes: string[], names: string[], where: Where): Columns {
  const at = (name: string, required: boolean) => {
    const column = findColumn(spec, names, where, name, required)
    return column === undefined ? -1 : names.indexOf(column)
  }
  const columns = {
    label: at('label', true),
    prediction: at('prediction', true),
    weight: spec.columns.weight !== undefined ? at('weight', true) : -1,
    lower: at('lower', false),
    upper: at('upper', false),
    id: at('id', false),
    attrs: attributes.map(a => at(a, true))
  }
  if (columns.lower < 0 !== columns.upper < 0) {
    const [has, lacks] = columns.lower < 0 ? ['upper', 'lower'] : ['lower', 'upper']
    throw new InputError(
      `the file has a prediction interval's ${has} end but no '${spec.columns[lacks] ?? lacks}' column; expected both lower and upper, or neither`,
      { ...where, path: lacks }
    )
  }
  return columns
}

export async function readRegression(
  spec: ArtifactSpec,
  attributes: string[],
  progress?: ReadProgress
): Promise<RegressionData> {
  const indexes = attributes.map(a => new GroupIndex(a, spec.display))
  const g = new Int32Array(attributes.length)
  let at!: Columns
  let acc!: MomentAccumulator
  let rows = 0
  const cases = new CaseRecorder(undefined, RECORD_WIDTH)
  const recorded = new Float64Array(RECORD_WIDTH)
  const header = (names: string[], where: Where) => {
    at = columnsOf(spec, attributes, names, where)
    acc = new MomentAccumulator(attributes, at.weight >= 0, at.lower >= 0)
  }
  const row = (r: Row) => {
    const label = numberAt(r, at.label, 'label')
    const prediction = numberAt(r, at.prediction, 'prediction')
    const weight = at.weight >= 0 ? weightAt(r, at.weight) : 1
    let covered: boolean | undefined
    if (at.lower >= 0) {
      const lower = numberAt(r, at.lower, 'lower')
      const upper = numberAt(r, at.upper, 'upper')
      if (lower > upper)
        throw new InputError(
          `lower ${quote(lower)} is above upper ${quote(upper)}; expected a prediction interval with lower ≤ upper`,
          r.where(at.lower)
        )
      covered = lower <= label && label <= upper
    }
    for (let a = 0; a < at.attrs.length; a++) g[a] = groupAt(r, at.attrs[a], indexes[a], attributes[a])
    const combo = acc.add(g, { label, prediction, weight, covered })
    if (at.id >= 0) {
      recorded[0] = prediction - label
      recorded[1] = prediction
      const code = covered === undefined ? 0 : covered ? 2 : 1
      cases.add([], idValue(r.at(at.id), r.where(at.id)), combo, code, r.line, recorded)
    }
    rows++
  }
  const needed = () =>
    [at.label, at.prediction, at.weight, at.lower, at.upper, at.id, ...at.attrs].filter(k => k >= 0)
  const { sha256 } = await streamRows(spec.absPath, spec.display, header, row, needed, progress)
  return { table: acc.finish(indexes.map(i => i.labels)), rows, sha256, ...(at.id >= 0 && cases.finish()) }
}
