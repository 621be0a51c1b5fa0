/**
 * `rai-gate sql`: the query that reduces a predictions table to the stats table (stats-table.ts) in
 * DuckDB, BigQuery or Spark SQL. Each row's values are computed as the row path computes them
 * (assembly/rows.ts): the same clipping, the same bins and the same products in the same order, so the
 * sums agree with a predictions file's to rounding. A value the row path would reject (a label that is
 * not binary, a score outside [0, 1] or missing, a negative weight) stops the query with an error
 * that names the column.
 */
import { dataOf } from '../kinds.js'
import { UsageError } from '../errors.js'
import type { ArtifactSpec, Manifest } from '../manifest/types.js'
import type { Policy } from '../policy/types.js'
import { columnOf } from '../artifacts/formats/source.js'
import { DEFAULT_RESOLUTION } from '../defaults.js'
import { STATS_KEYS, STATS_SUMS, scoreBinsOf } from './stats-table.js'
import { LOG_EPS } from '../tables/cells.js'

export const DIALECTS = ['duckdb', 'bigquery', 'spark'] as const
export type Dialect = (typeof DIALECTS)[number]

interface Syntax {
  quote: (name: string) => string
  text: string
  int: string
  float: string
  /** A cast that gives null for a value it cannot convert, so the query's own check names it. */
  tryCast: string
  fail: (message: string) => string
}

const SYNTAX: Record<Dialect, Syntax> = {
  duckdb: {
    quote: n => `"${n.replaceAll('"', '""')}"`,
    text: 'VARCHAR',
    int: 'BIGINT',
    float: 'DOUBLE',
    tryCast: 'TRY_CAST',
    fail: m => `error('${m}')`
  },
  bigquery: {
    quote: n => `\`${n.replaceAll('`', '\\`')}\``,
    text: 'STRING',
    int: 'INT64',
    float: 'FLOAT64',
    tryCast: 'SAFE_CAST',
    fail: m => `ERROR('${m}')`
  },
  spark: {
    quote: n => `\`${n.replaceAll('`', '``')}\``,
    text: 'STRING',
    int: 'BIGINT',
    float: 'DOUBLE',
    tryCast: 'TRY_CAST',
    fail: m => `raise_error('${m}')`
  }
}

/** A number as a double literal in every dialect (Spark reads 0.5 as a decimal, 5E-1 as a double). */
const double = (x: number): string => {
  const [mantissa, exponent] = x.toExponential().split('e')
  return `${mantissa}E${Number(exponent)}`
}

export interface SqlOptions {
  dialect: Dialect
  /** The table or view holding one row per example; dotted parts are quoted one by one. */
  table: string
}

/** The artifact whose column mapping the query reads with: the one that yields the predictions (stats or predictions). */
export function sourceSpec(manifest: Manifest): ArtifactSpec {
  if (manifest.task !== 'binary-classification')
    throw new UsageError(
      `${manifest.file} is for a ${manifest.task} model; a stats table holds a binary classifier's cell table, so rai-gate sql writes its query only for task: binary-classification`
    )
  const spec = manifest.artifacts.find(a => dataOf(a.kind) === 'predictions')
  if (spec === undefined)
    throw new UsageError(
      `${manifest.file} has no stats or predictions artifact; expected one, whose columns the query reads`
    )
  return spec
}

export function statsQuery(manifest: Manifest, policy: Policy, options: SqlOptions): string {
  const q = SYNTAX[options.dialect]
  const spec = sourceSpec(manifest)
  const col = (name: string) => q.quote(columnOf(spec, name))
  const attributes = manifest.sensitiveAttributes
  const clash = attributes.find(
    a => (STATS_KEYS as readonly string[]).includes(a) || a.startsWith('sum_') || a === 'row_count'
  )
  if (clash !== undefined)
    throw new UsageError(
      `sensitive attribute '${clash}' has the name of a stats table column; rename it in the manifest`
    )
  const parts = options.table.split('.')
  if (!parts.every(p => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(p)))
    throw new UsageError(
      `--table '${options.table}' is not a table name; expected names like predictions or dataset.predictions`
    )
  const { bins, strategy } = policy.defaults.calibration
  const scoreBins = scoreBinsOf(spec.resolution ?? DEFAULT_RESOLUTION)
  const stop = (what: string) => q.fail(`rai-gate: ${what}`)

  // Labels and predictions: 0/1 with a numeric positive label, else the positive value against the rest.
  const positive = String(spec.positiveLabel)
  const numeric = typeof spec.positiveLabel === 'number' || /^[01]$/.test(positive)
  const binary = (column: string, what: string) => {
    if (!numeric) {
      const literal = `'${positive.replaceAll("'", "''")}'`
      return `CASE WHEN ${column} IS NULL THEN ${stop(`${what} is null`)} WHEN CAST(${column} AS ${q.text}) = ${literal} THEN 1 ELSE 0 END`
    }
    const one = Number(positive) === 1 ? 1 : 0
    const v = `${q.tryCast}(${column} AS ${q.float})`
    return `CASE WHEN ${v} = 1E0 THEN ${one} WHEN ${v} = 0E0 THEN ${1 - one} ELSE ${stop(`${what} is not 0 or 1`)} END`
  }
  const asDouble = (column: string) => `${q.tryCast}(${column} AS ${q.float})`
  const score = asDouble(col('score'))
  const weight = spec.columns.weight !== undefined ? asDouble(col('weight')) : null
  // A mapped prediction column, else the score against the threshold (decode/values.ts, predictAt).
  const mapped = spec.columns.prediction !== undefined
  const prediction = mapped ? 'prediction' : `CASE WHEN s >= ${double(spec.threshold)} THEN 1 ELSE 0 END`
  const clipped = `GREATEST(LEAST(s, ${double(1 - LOG_EPS)}), ${double(LOG_EPS)})`
  const quantile = strategy === 'quantile'
  const calibration = `LEAST(CAST(FLOOR(s * ${double(bins)}) AS ${q.int}), ${bins - 1})`
  const groups = attributes.map(a => `COALESCE(CAST(${q.quote(a)} AS ${q.text}), '')`)
  const checked = [
    ...attributes.map((a, i) => `${groups[i]} AS ${q.quote(a)}`),
    `${binary(col('label'), 'label')} AS label`,
    `CASE WHEN ${score} IS NULL OR NOT (${score} >= 0E0 AND ${score} <= 1E0) THEN ${stop('score is not a number in [0, 1]')} ELSE ${score} END AS s`,
    weight === null
      ? '1E0 AS w'
      : `CASE WHEN ${weight} IS NULL OR NOT (${weight} >= 0E0 AND ${weight} < ${double(Number.MAX_VALUE)}) THEN ${stop('weight is not a finite number >= 0')} ELSE ${weight} END AS w`,
    ...(mapped ? [`${binary(col('prediction'), 'prediction')} AS prediction`] : [])
  ]
  const keys = attributes.map(q.quote)
  const nullInt = (name: string) => `CAST(NULL AS ${q.int}) AS ${name}`
  /** One grouping of per_row: the key columns (STATS_KEYS up to score_bin, in order), grouped by `by`. */
  const grouping = (columns: string[], by: string[]) => [
    'SELECT',
    ...columns.map(c => `  ${c},`),
    `  ${scoreBins} AS score_bins,`,
    `  ${bins} AS calibration_bins,`,
    ...sums().map((x, i, all) => `  ${x}${i === all.length - 1 ? '' : ','}`),
    'FROM per_row',
    `GROUP BY ${by.join(', ')}`
  ]
  const lines = [
    `-- rai-gate stats table for ${manifest.model.name}: ${attributes.length} attribute(s), ${strategy} calibration bins (${bins}), ${scoreBins} score bins`,
    'WITH checked AS (',
    '  SELECT',
    checked.map(c => `    ${c}`).join(',\n'),
    `  FROM ${parts.map(q.quote).join('.')}`,
    '), per_row AS (',
    '  SELECT',
    ...attributes.map(a => `    ${q.quote(a)},`),
    '    label,',
    `    ${mapped ? 'prediction' : `${prediction} AS prediction`},`,
    ...(quantile ? [] : [`    ${calibration} AS calibration_bin,`]),
    `    LEAST(CAST(FLOOR(s * ${double(scoreBins)}) AS ${q.int}), ${scoreBins - 1}) AS score_bin,`,
    '    w,',
    '    w * s AS ws,',
    '    w * (s - label) * (s - label) AS wsq,',
    `    w * CASE WHEN label = 1 THEN -LN(${clipped}) ELSE -LN(1E0 - ${clipped}) END AS wll`,
    '  FROM checked',
    ')',
    ...(quantile
      ? // Quantile bins need the score distribution first: every cell at its score bin, binned by rai-gate.
        grouping(
          [...keys, 'label', 'prediction', nullInt('calibration_bin'), 'score_bin'],
          [...keys, 'label', 'prediction', 'score_bin']
        )
      : [
          // The cells, then the score histogram (for the AUC): two groupings of the same rows.
          ...grouping(
            [...keys, 'label', 'prediction', 'calibration_bin', nullInt('score_bin')],
            [...keys, 'label', 'prediction', 'calibration_bin']
          ),
          'UNION ALL',
          ...grouping(
            [
              ...attributes.map(a => `CAST(NULL AS ${q.text}) AS ${q.quote(a)}`),
              'label',
              nullInt('prediction'),
              nullInt('calibration_bin'),
              'score_bin'
            ],
            ['label', 'score_bin']
          )
        ])
  ]
  return lines.join('\n') + '\n'
}

/** Each sum of STATS_SUMS as SQL over the per-row quantities w, ws, wsq and wll. */
function sums(): string[] {
  const expr: Record<(typeof STATS_SUMS)[number], string> = {
    row_count: 'COUNT(*)',
    sum_w: 'SUM(w)',
    sum_ws: 'SUM(ws)',
    sum_wsq: 'SUM(wsq)',
    sum_wll: 'SUM(wll)',
    sum_w_2: 'SUM(w * w)',
    sum_ws_2: 'SUM(ws * ws)',
    sum_wsq_2: 'SUM(wsq * wsq)',
    sum_wll_2: 'SUM(wll * wll)',
    sum_w_ws: 'SUM(w * ws)',
    sum_w_wsq: 'SUM(w * wsq)',
    sum_w_wll: 'SUM(w * wll)'
  }
  return STATS_SUMS.map(k => `${expr[k]} AS ${k}`)
}
