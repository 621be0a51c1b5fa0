/**
 * The evidence report (SPEC §4, `rai-gate-report.json`): what was evaluated (inputs with hashes),
 * under which policy, every metric with its interval, and the aggregated tables that let a later run
 * compare against this one without the original rows.
 */
import { QUANTITIES, encodeCells } from '../tables/cells.js'
import { storeCases, type StoredCases } from '../tables/cases.js'
import type { PredictionData } from '../artifacts/kinds/predictions.js'
import type { ProvidedMetric } from '../artifacts/kinds/metrics.js'
import type { Inputs } from '../inputs.js'
import { predictionAuc, type AucBlocks } from '../metrics/auc.js'
import { classAucs } from '../metrics/multiclass.js'
import { CELL, LOSSES } from '../tables/confusion.js'
import { storedRows } from '../tables/combos.js'
import type { GateResult } from '../gate/evaluate.js'
import type { BaselineInfo } from '../baseline/types.js'
import type { AppliedWaiver, Check, Decision, Regression } from '../gate/types.js'
import type { MetricResult } from '../metrics/evaluate.js'
import { SCHEMA_VERSION, TOOL } from '../version.js'
import { dataOf, type Task } from '../kinds.js'
import { MOMENTS, NM } from '../tables/moments.js'

export interface Report {
  schemaVersion: number
  tool: { name: string; version: string }
  /** baseName: the model's name at the base commit, when a pull request renames it (manifest/trust.ts). */
  model: { name: string; version: string; baseName?: string }
  riskTier: string
  /** The manifest's task (a report without it is a binary classifier's). */
  task: Task
  decision: Decision
  /** Things a reviewer must know about this run (policy changes in the PR, a lowered risk tier). */
  notes: string[]
  /** How the intervals the checks used were set (a Bonferroni correction widens them). */
  multipleComparisons: GateResult['multipleComparisons']
  policy: {
    name: string
    version: string
    tier: string
    source: string
    files: { path: string; sha256: string }[]
    settings: Inputs['policy']['defaults']
  }
  inputs: { kind: string; path: string; sha256: string; rows: number }[]
  context?: Record<string, unknown>
  metrics: MetricResult[]
  checks: Check[]
  /** Waivers that matched a check: in force, or expired (and then without effect). */
  waivers: ({ gate: string } & AppliedWaiver)[]
  /** Where the baseline came from and whether it was compared; null when none was given. */
  baseline: BaselineInfo | null
  /** Metrics significantly worse than the baseline (change interval wholly in the bad direction). */
  regressions: Regression[]
  stats: ReportStats
}

/** Aggregated tables (sparse), enough to recompute and resample every metric. */
export interface ReportStats {
  predictions?: {
    attributes: string[]
    groups: string[][]
    combos: number[][]
    bins: number
    edges: number[] | null
    hasScore: boolean
    weighted: boolean
    quantities: readonly string[]
    /**
     * [combo, label, prediction, bin, rows, Σx per quantity..., Σx² per quantity..., Σw·x per
     * quantity...] for non-empty cells.
     */
    cells: number[][]
    /** Exact AUC and the blocks its bootstrap resamples (metrics/auc.ts); null without scores. */
    auc: {
      value: number | null
      blocks: { posW: number[]; negW: number[]; posN: number[]; negN: number[]; within: number[] } | null
    } | null
    /** Each row's label, prediction and score by hashed id, when the file has ids (tables/cases.ts). */
    cases?: StoredCases
  }
  robustness?: {
    perturbations: string[]
    counts: number[]
    /** Per perturbation, the design effects of examples whose ids repeat (RobustnessTable). */
    designEffects?: number[]
    rowsPerExample?: number
    /** Each row's code by hashed (perturbation, id), when the file has ids (tables/cases.ts). */
    cases?: StoredCases
  }
  outcomes?: {
    cells: { suite: string; category: string | null }[]
    passed: number[]
    failed: number[]
    /** Each case's result by hashed id, when the file has ids (tables/cases.ts). */
    cases?: StoredCases
  }
  /** A regression's moment table: per combination, the sums `moments` names (tables/moments.ts). */
  regression?: {
    attributes: string[]
    groups: string[][]
    combos: number[][]
    weighted: boolean
    hasInterval: boolean
    shift: number
    moments: readonly string[]
    sums: number[][]
    /** Each row's residual and prediction by hashed id, when the file maps ids (tables/cases.ts). */
    cases?: StoredCases
  }
  /**
   * A multiclass model's confusion table: per combination, the K × K cells (rows, Σw, Σw² each) and
   * the losses' sums; the top-label bins; each class's AUC and its blocks (tables/confusion.ts).
   */
  multiclass?: {
    attributes: string[]
    groups: string[][]
    combos: number[][]
    classes: string[]
    weighted: boolean
    cells: number[][]
    losses: number[][]
    bins: number[]
    aucs: ({ value: number | null; blocks: StoredBlocks | null } | null)[]
    /** Each row's code (label·K + prediction) by hashed id, when the file maps ids (tables/cases.ts). */
    cases?: StoredCases
  }
  /** A metrics artifact's entries, as given (a later run compares with their values and intervals). */
  metrics?: ProvidedMetric[]
}

export function buildReport(
  inputs: Inputs,
  gates: GateResult,
  baseline: BaselineInfo | null,
  notes: string[],
  context?: Record<string, unknown>
): Report {
  const { manifest, policy } = inputs
  const artifacts = [
    ['predictions', inputs.predictions],
    ['regression', inputs.regression],
    ['multiclass', inputs.multiclass],
    ['robustness', inputs.robustness],
    ['outcomes', inputs.outcomes],
    ['metrics', inputs.metrics]
  ] as const
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { ...TOOL },
    model:
      inputs.identity === manifest.model.name
        ? manifest.model
        : { ...manifest.model, baseName: inputs.identity },
    riskTier: manifest.riskTier,
    task: manifest.task,
    decision: gates.decision,
    notes,
    multipleComparisons: gates.multipleComparisons,
    policy: {
      name: policy.name,
      version: policy.version,
      tier: policy.tier,
      source: policy.source,
      files: policy.files,
      settings: policy.defaults
    },
    inputs: artifacts.flatMap(([kind, data]) => {
      // Listed as the kind it is, found by the data it yields (kinds.ts).
      const spec = manifest.artifacts.find(a => dataOf(a.kind, manifest.task) === kind)
      return data && spec
        ? [{ kind: spec.kind, path: spec.display, sha256: data.sha256, rows: data.rows }]
        : []
    }),
    ...(context ? { context } : {}),
    metrics: gates.metrics,
    checks: gates.checks,
    waivers: waiversOf(gates.checks),
    baseline,
    regressions: gates.regressions,
    stats: stats(inputs)
  }
}

type StoredBlocks = { posW: number[]; negW: number[]; posN: number[]; negN: number[]; within: number[] }

function aucStats(p: PredictionData): NonNullable<ReportStats['predictions']>['auc'] {
  return storedAuc(predictionAuc(p))
}

/** An AUC and its blocks as a report stores them. */
function storedAuc(
  auc: { value: number; blocks: AucBlocks | null } | null
): NonNullable<ReportStats['predictions']>['auc'] {
  if (auc === null) return null
  const b = auc.blocks
  return {
    value: Number.isNaN(auc.value) ? null : auc.value,
    blocks: b && {
      posW: Array.from(b.posW),
      negW: Array.from(b.negW),
      posN: Array.from(b.posN),
      negN: Array.from(b.negN),
      within: Array.from(b.within)
    }
  }
}

function waiversOf(checks: Check[]): Report['waivers'] {
  const seen = new Map<string, Report['waivers'][number]>()
  for (const c of checks) {
    if (c.waiver === undefined) continue
    const key = JSON.stringify([c.gate, c.waiver])
    if (!seen.has(key)) seen.set(key, { gate: c.gate, ...c.waiver })
  }
  return [...seen.values()]
}

function stats(inputs: Inputs): ReportStats {
  const out: ReportStats = {}
  const p = inputs.predictions
  if (p) {
    const t = p.table
    out.predictions = {
      attributes: t.attributes,
      groups: t.groups,
      combos: t.combos,
      bins: t.bins,
      edges: p.edges,
      hasScore: t.hasScore,
      weighted: t.weighted,
      quantities: QUANTITIES,
      cells: encodeCells(t),
      auc: aucStats(p),
      ...(p.record?.byId && { cases: storeCases(p.record.cases) })
    }
  }
  const mc = inputs.multiclass
  if (mc) {
    const t = mc.table
    const K = t.classes.length
    const size = K * K * CELL
    out.multiclass = {
      attributes: t.attributes,
      groups: t.groups,
      combos: t.combos,
      classes: t.classes,
      weighted: t.weighted,
      cells: storedRows(t.cells, size),
      losses: storedRows(t.losses, LOSSES),
      bins: Array.from(t.bins),
      aucs: classAucs(mc).map(storedAuc),
      ...(mc.cases && { cases: storeCases(mc.cases) })
    }
  }
  const m = inputs.regression
  if (m) {
    const t = m.table
    out.regression = {
      attributes: t.attributes,
      groups: t.groups,
      combos: t.combos,
      weighted: t.weighted,
      hasInterval: t.hasInterval,
      shift: t.shift,
      moments: MOMENTS,
      sums: storedRows(t.sums, NM),
      ...(m.cases && { cases: storeCases(m.cases) })
    }
  }
  const r = inputs.robustness
  if (r)
    out.robustness = {
      perturbations: r.table.perturbations,
      counts: r.table.n,
      ...(r.table.designEffects && {
        designEffects: r.table.designEffects,
        rowsPerExample: r.table.rowsPerExample
      }),
      ...(r.cases && { cases: storeCases(r.cases) })
    }
  const o = inputs.outcomes
  if (o) out.outcomes = { ...o.table, ...(o.cases && { cases: storeCases(o.cases) }) }
  if (inputs.metrics) out.metrics = inputs.metrics.entries
  return out
}

/**
 * The report as its file holds it: JSON with one line per record (a metric, a check, a cell) rather
 * than per number. A report of 20,000 groups is then about half the size of indented JSON, and it
 * still reads, greps and diffs a record at a time. JSON.parse gives back what JSON.stringify would.
 */
export const serializeReport = (report: Report): string => formatJson(report)

/** Any JSON value so laid out, with a final line end. */
export function formatJson(value: unknown): string {
  const out: string[] = []
  layout(value, '', out)
  return out.join('') + '\n'
}

const isPrimitive = (v: unknown) => v === null || typeof v !== 'object'

/** On one line: a primitive, an array of primitives, or an object of such (two levels deep). */
function fitsLine(v: unknown, levels: number): boolean {
  if (isPrimitive(v)) return true
  if (Array.isArray(v)) return v.every(isPrimitive)
  return levels > 1 && Object.values(v as object).every(x => x === undefined || fitsLine(x, levels - 1))
}

function layout(v: unknown, indent: string, out: string[]): void {
  if (fitsLine(v, 2)) {
    out.push(JSON.stringify(v) ?? 'null')
    return
  }
  const inner = indent + ' '
  const array = Array.isArray(v)
  const entries = array
    ? v.map(x => [null, x] as const)
    : Object.entries(v as object).filter(([, x]) => x !== undefined)
  if (entries.length === 0) {
    out.push(array ? '[]' : '{}')
    return
  }
  out.push(array ? '[' : '{')
  entries.forEach(([key, x], i) => {
    out.push(i === 0 ? '\n' : ',\n', inner)
    if (key !== null) out.push(JSON.stringify(key), ': ')
    layout(x, inner, out)
  })
  out.push('\n', indent, array ? ']' : '}')
}
