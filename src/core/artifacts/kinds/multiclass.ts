/**
 * Reads a multiclass model's predictions artifact (SPEC §2b): `label` (a class), optionally
 * `prediction` (a class; else the class of the highest score, ties to the first in column order), and a
 * score column per class (`scorePrefix` or `columns.scores`), whose values lie in [0, 1] and sum to 1
 * within 1e-6 on every row. Rows go through every format's row source (CSV, JSON Lines, Parquet) and
 * the row rules of values.ts into the confusion table and a score histogram per class.
 */
import { InputError, quote, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { ConfusionAccumulator, type ConfusionTable } from '../../tables/confusion.js'
import { ScoreHistogram, type ScoreSource } from '../../tables/scores.js'
import { binnedAucBound, type AucBlocks } from '../../metrics/auc.js'
import type { ReadProgress } from '../formats/bytes.js'
import { findColumn, notInFile, streamRows, type Row } from '../formats/source.js'
import { GroupIndex } from '../decode/groups.js'
import { groupValue, idValue, type Value } from '../decode/values.js'
import { CaseRecorder, type CaseRecord } from '../../tables/cases.js'
import { groupAt, scoreAt, weightAt } from '../decode/fields.js'

export interface MulticlassData {
  table: ConfusionTable
  /** Each class's scores, labelled by whether the row is of that class (one-vs-rest AUC). */
  scores: ScoreSource[]
  /** Each class's AUC and its blocks, as a report stores them (a baseline keeps no scores). */
  aucs?: { value: number; blocks: AucBlocks | null }[]
  /** From a stats table: how far each class's AUC from its binned scores can be from the exact one. */
  aucBounds?: number[]
  /**
   * Each row's label and prediction (code label·K + prediction) by hashed id (tables/cases.ts), when
   * the file maps an id column; null when the record was given up (casesMissing says why).
   */
  cases?: CaseRecord | null
  casesMissing?: string
  rows: number
  sha256: string
}

/**
 * Memory for the distinct full-precision scores kept exactly, over all classes (8 bytes a score, 16
 * weighted): past it, a class's scores are floored to millionths (tables/scores.ts, Bounded) and its
 * AUC is reported with the bound that puts on it. 2M rows of 10 classes (20M scores) are read exactly,
 * 1M weighted; 10M rows of 10 classes took 1.05 GB before this bound.
 */
const EXACT_BYTES = 160_000_000
/** Rows per label and class gathered before a sort: 1 MB each (2 MB weighted), for every class. */
const CLASS_CHUNK = 1 << 17

/** How far a row's class scores may sum from 1. */
export const SUM_TOLERANCE = 1e-6

interface Columns {
  label: number
  prediction: number
  weight: number
  id: number
  attrs: number[]
  /** The score column of each class, in class order. */
  scores: number[]
}

/** The classes and their score columns, from the manifest's scorePrefix or columns.scores. */
function classesOf(
  spec: ArtifactSpec,
  names: string[],
  where: Where
): { classes: string[]; columns: string[] } {
  const s = spec.scores!
  if ('prefix' in s) {
    const columns = names.filter(n => n.startsWith(s.prefix) && n.length > s.prefix.length)
    if (columns.length < 2)
      throw new InputError(
        `scorePrefix '${s.prefix}' matches ${columns.length === 0 ? 'no column' : `only '${columns[0]}'`}; expected a score column <prefix><class> for each of at least two classes; found: ${names.join(', ')}`,
        { ...where, path: 'scorePrefix' }
      )
    return { classes: columns.map(n => n.slice(s.prefix.length)), columns }
  }
  const entries = Object.entries(s.columns)
  for (const [k, column] of entries)
    if (!names.includes(column))
      throw new InputError(notInFile(column, names, ` (columns.scores.${k} in the manifest)`), {
        ...where,
        path: `scores.${k}`
      })
  return { classes: entries.map(([k]) => k), columns: entries.map(([, c]) => c) }
}

export async function readMulticlass(
  spec: ArtifactSpec,
  attributes: string[],
  bins: number,
  progress?: ReadProgress
): Promise<MulticlassData> {
  const indexes = attributes.map(a => new GroupIndex(a, spec.display))
  const g = new Int32Array(attributes.length)
  let at!: Columns
  let acc!: ConfusionAccumulator
  let hists: ScoreHistogram[] = []
  let classIndex = new Map<string, number>()
  let classes: string[] = []
  let p!: Float64Array
  let rows = 0
  const cases = new CaseRecorder()
  const header = (names: string[], where: Where) => {
    const found = classesOf(spec, names, where)
    classes = found.classes
    classIndex = new Map(classes.map((c, k) => [c, k]))
    const col = (name: string, required: boolean) => {
      const column = findColumn(spec, names, where, name, required)
      return column === undefined ? -1 : names.indexOf(column)
    }
    at = {
      label: col('label', true),
      prediction: col('prediction', false),
      weight: spec.columns.weight !== undefined ? col('weight', true) : -1,
      id: col('id', false),
      attrs: attributes.map(a => col(a, true)),
      scores: found.columns.map(c => names.indexOf(c))
    }
    const weighted = at.weight >= 0
    acc = new ConfusionAccumulator(attributes, classes, weighted, bins)
    const distinct = Math.floor(EXACT_BYTES / (classes.length * (weighted ? 16 : 8)))
    const bounded = { distinct, chunk: CLASS_CHUNK }
    hists = classes.map(() => new ScoreHistogram(weighted, spec.display, undefined, bounded))
    p = new Float64Array(classes.length)
  }
  const classOf = (value: Value, what: string, where: Where): number => {
    const text = value === null || value === undefined ? '' : groupValue(value, where)
    const k = classIndex.get(text)
    if (k === undefined)
      throw new InputError(
        `${what} ${quote(text)} is not a class of the score columns; expected one of: ${classes.join(', ')}`,
        where
      )
    return k
  }
  const row = (r: Row) => {
    const K = classes.length
    let sum = 0
    let best = 0
    for (let k = 0; k < K; k++) {
      p[k] = scoreAt(r, at.scores[k])
      sum += p[k]
      if (p[k] > p[best]) best = k
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE)
      throw new InputError(
        `the class scores sum to ${sum}; expected probabilities that sum to 1 (within ${SUM_TOLERANCE}) on every row`,
        r.where()
      )
    const label = classOf(r.at(at.label), 'label', r.where(at.label))
    const prediction =
      at.prediction >= 0 ? classOf(r.at(at.prediction), 'prediction', r.where(at.prediction)) : best
    const w = at.weight >= 0 ? weightAt(r, at.weight) : 1
    for (let a = 0; a < at.attrs.length; a++) g[a] = groupAt(r, at.attrs[a], indexes[a], attributes[a])
    const combo = acc.add(g, label, prediction, p, w)
    if (at.id >= 0) cases.add([], idValue(r.at(at.id), r.where(at.id)), combo, label * K + prediction, r.line)
    for (let k = 0; k < K; k++) hists[k].add(p[k], k === label ? 1 : 0, w)
    rows++
  }
  const needed = () =>
    [at.label, at.prediction, at.weight, at.id, ...at.attrs, ...at.scores].filter(k => k >= 0)
  const { sha256 } = await streamRows(spec.absPath, spec.display, header, row, needed, progress)
  const scores = hists.map(h => h.finish())
  return {
    table: acc.finish(indexes.map(i => i.labels)),
    scores,
    // Where a class's scores were floored onto the grid, the bound that puts on its AUC.
    ...(hists.some(h => h.coarse) && {
      aucBounds: scores.map((s, k) => (hists[k].coarse ? binnedAucBound(s.grid!.counts, s.grid!.weights) : 0))
    }),
    rows,
    sha256,
    ...(at.id >= 0 && cases.finish())
  }
}
