/**
 * Reads an earlier evidence report as a baseline and rebuilds its aggregated tables, so the run can be
 * compared against it without the original rows. A report from another schema version or another
 * model is not compared: the caller gets a warning, and change thresholds are skipped, not passed.
 */
import { resolve } from 'node:path'
import { loadCases } from '../tables/cases.js'
import { decodeCells } from '../tables/cells.js'
import { M, MOMENTS, NM, summed } from '../tables/moments.js'
import { BIN, CELL, LOSSES } from '../tables/confusion.js'
import { joinedRows } from '../tables/combos.js'
import type { AucBlocks } from '../metrics/auc.js'
import { scopeOf } from '../metrics/sink.js'
import { MAX_PREDICTION_CODE } from '../artifacts/kinds/predictions.js'
import { RECORD_WIDTH } from '../artifacts/kinds/regression.js'
import { InputError } from '../errors.js'
import { reportProblem } from '../schema.js'
import { displayPath, readRegular } from '../files.js'
import type { Baseline, BaselineInfo } from './types.js'
import type { Report, ReportStats } from '../report/report.js'
import { SCHEMA_VERSION } from '../version.js'
import { dataOf, KINDS, type ArtifactKind } from '../kinds.js'

/**
 * The largest baseline report read: a bigger file is not compared, without reading it. A report takes
 * about 4 KB per group (its metrics, checks and cells), so an attribute at its bound of 50,000 groups
 * writes about 200 MB; three row records at their bound are 48 MB.
 */
export const MAX_BASELINE_BYTES = 256 * 1024 * 1024

/**
 * Parses a report file that another run wrote (a baseline, an uploaded report), refusing one over
 * MAX_BASELINE_BYTES without reading it. Throws an Error whose message says what is wrong, as "is
 * …" (a missing file keeps its ENOENT code).
 */
export function readReportFile(abs: string): unknown {
  let text: string
  try {
    text = readRegular(abs, MAX_BASELINE_BYTES).toString('utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOTREG' || code === 'EFBIG' || code === 'EISDIR') throw err
    throw Object.assign(new Error(`cannot be read (${code})`), { code })
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new Error(`is not valid JSON (${(err as Error).message})`)
  }
}

/**
 * A baseline is untrusted input (in the Action, another run's artifact): a report that is too large,
 * not JSON or not valid against the report schema is a warning and no baseline, never an error that
 * would block every pull request. Only a path given that does not exist is an error.
 */
export function readBaseline(path: string, cwd: string, model: string, name?: string): Baseline {
  const abs = resolve(cwd, path)
  const display = name ?? displayPath(abs, cwd)
  const unusable = (why: string): Baseline => ({
    info: {
      path: display,
      model: null,
      toolVersion: null,
      decision: null,
      usable: false,
      warning: `baseline ${display} ${why}: not compared`
    }
  })
  let report: Partial<Report>
  try {
    report = readReportFile(abs) as Partial<Report>
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new InputError('baseline report not found', { file: display })
    return unusable((err as Error).message)
  }
  if (report === null || typeof report !== 'object' || Array.isArray(report))
    return unusable('is not a JSON object')
  if (report.schemaVersion !== SCHEMA_VERSION)
    return unusable(
      `has schemaVersion ${JSON.stringify(report.schemaVersion)}, this run writes ${SCHEMA_VERSION}`
    )
  // Nothing of the report is used before it matches the schema (types, lengths and patterns).
  const problem = reportProblem(report)
  if (problem !== null) return unusable(`does not match the report schema (${problem})`)
  const info: BaselineInfo = {
    path: display,
    model: report.model ?? null,
    toolVersion: report.tool?.version ?? null,
    decision: report.decision ?? null,
    usable: false
  }
  if (report.model?.name !== model) {
    return {
      info: {
        ...info,
        warning: `baseline ${display} is for model '${report.model?.name}', this run is '${model}': not compared`
      }
    }
  }
  if (!report.stats)
    return { info: { ...info, warning: `baseline ${display} holds no aggregated statistics: not compared` } }
  // The input the data came from, whichever kind yielded them (kinds.ts).
  const sha = (kind: string) =>
    report.inputs?.find(i => i.kind in KINDS && dataOf(i.kind as ArtifactKind, report.task) === kind)
      ?.sha256 ?? ''
  try {
    const checks = (report.checks ?? []).map(c => ({ gate: c.gate, status: c.status, ...scopeOf(c) }))
    return { info: { ...info, usable: true }, checks, ...tables(report.stats, sha) }
  } catch (err) {
    // Sizes the schema cannot relate (cells against combos and bins): no usable baseline, never a crash.
    return {
      info: {
        ...info,
        warning: `baseline ${display} cannot be decoded (${(err as Error).message}): not compared`
      }
    }
  }
}

/** An AUC and its blocks as a report stores them, back in arrays (NaN without one). */
function loadedAuc(stored: NonNullable<ReportStats['predictions']>['auc']): {
  value: number
  blocks: AucBlocks | null
} {
  if (!stored) return { value: NaN, blocks: null }
  const b = stored.blocks
  return {
    value: stored.value ?? NaN,
    blocks: b && {
      posW: Float64Array.from(b.posW),
      negW: Float64Array.from(b.negW),
      posN: Float64Array.from(b.posN),
      negN: Float64Array.from(b.negN),
      within: Float64Array.from(b.within)
    }
  }
}

/** The baseline's tables, each with the sha256 of the input file it was read from. */
function tables(stats: ReportStats, sha: (kind: string) => string): Omit<Baseline, 'info'> {
  const out: Omit<Baseline, 'info'> = {}
  const p = stats.predictions
  if (p) {
    const { n, sum, sum2, cross, rows } = decodeCells(p.cells, p.combos.length, p.bins)
    const table = {
      attributes: p.attributes,
      groups: p.groups,
      combos: p.combos,
      bins: p.bins,
      hasScore: p.hasScore,
      weighted: p.weighted,
      n,
      sum,
      sum2,
      cross
    }
    const auc = loadedAuc(p.auc)
    const cases = loadCases(p.cases, MAX_PREDICTION_CODE)
    out.predictions = {
      table,
      scores: null,
      auc,
      edges: p.edges,
      rows,
      sha256: sha('predictions'),
      record: cases && { cases, byId: true, scores: null, weights: null, champion: null }
    }
  }
  if (stats.multiclass) {
    const m = stats.multiclass
    const K = m.classes.length
    const size = K * K * CELL
    if (m.bins.length % BIN !== 0 || m.aucs.length !== K)
      throw new Error('its confusion table does not fit its classes and combinations')
    const cells = joinedRows(m.cells, m.combos.length, size, 'confusion table')
    const losses = joinedRows(m.losses, m.combos.length, LOSSES, 'loss sums')
    const table = {
      attributes: m.attributes,
      groups: m.groups,
      combos: m.combos,
      classes: m.classes,
      weighted: m.weighted,
      cells,
      losses,
      bins: Float64Array.from(m.bins)
    }
    let rows = 0
    for (let i = 0; i < cells.length; i += CELL) rows += cells[i]
    out.multiclass = {
      table,
      scores: [],
      aucs: m.aucs.map(loadedAuc),
      rows,
      sha256: sha('multiclass'),
      cases: loadCases(m.cases, K * K - 1)
    }
  }
  if (stats.regression) {
    const m = stats.regression
    if (m.moments.join() !== MOMENTS.join())
      throw new Error(
        `its moment table keeps ${m.moments.join(', ')}; this version keeps ${MOMENTS.join(', ')}`
      )
    const sums = joinedRows(m.sums, m.combos.length, NM, 'moment table')
    const table = {
      attributes: m.attributes,
      groups: m.groups,
      combos: m.combos,
      weighted: m.weighted,
      hasInterval: m.hasInterval,
      shift: m.shift,
      sums
    }
    out.regression = {
      table,
      rows: summed(table, m.combos.keys())[M.rows],
      sha256: sha('regression'),
      cases: loadCases(m.cases, 2, RECORD_WIDTH)
    }
  }
  if (stats.robustness) {
    const r = stats.robustness
    if (r.designEffects && r.designEffects.length !== r.perturbations.length * 3)
      throw new Error(
        `${r.designEffects.length} robustness design effects for ${r.perturbations.length} perturbations (3 each)`
      )
    const t = {
      perturbations: r.perturbations,
      n: r.counts,
      ...(r.designEffects && { designEffects: r.designEffects, rowsPerExample: r.rowsPerExample })
    }
    out.robustness = {
      table: t,
      rows: t.n.reduce((a, b) => a + b, 0),
      sha256: sha('robustness'),
      cases: loadCases(stats.robustness.cases, 7)
    }
  }
  if (stats.metrics) {
    const entries = stats.metrics
    out.metrics = { entries, lines: [], file: 'the baseline', rows: entries.length, sha256: sha('metrics') }
  }
  if (stats.outcomes) {
    const { cases, ...t } = stats.outcomes
    out.outcomes = {
      table: t,
      rows: [...t.passed, ...t.failed].reduce((a, b) => a + b, 0),
      sha256: sha('outcomes'),
      cases: loadCases(cases, 1)
    }
  }
  return out
}
