/**
 * `rai-gate sql`: the query that reduces a predictions table to the stats table (stats-table.ts) in
 * DuckDB, BigQuery or Spark SQL. Each row's values are computed as the row path computes them
 * (assembly/rows.ts): the same clipping, the same bins and the same products in the same order, so the
 * sums agree with a predictions file's to rounding. A value the row path would reject (a label that is
 * not binary, a score outside [0, 1] or missing, a negative weight) stops the query with an error
 * that names the column.
 */
import type { Task } from '../kinds.js'
import { UsageError } from '../errors.js'
import type { ArtifactSpec, Manifest } from '../manifest/types.js'
import type { Policy } from '../policy/types.js'
import { columnOf } from '../artifacts/formats/source.js'
import { DEFAULT_RESOLUTION } from '../defaults.js'
import {
  MULTICLASS_KEYS,
  MULTICLASS_SUMS,
  REGRESSION_KEYS,
  REGRESSION_SUMS,
  STATS_KEYS,
  STATS_SUMS,
  scoreBinsOf
} from './stats-table.js'
import { MOMENTS, type Moment } from '../tables/moments.js'
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
  const spec = manifest.artifacts.find(a => a.kind === 'stats' || a.kind === 'predictions')
  if (spec === undefined)
    throw new UsageError(
      `${manifest.file} has no stats or predictions artifact; expected one, whose columns the query reads`
    )
  return spec
}

/** What a task's query is written from. */
interface QueryContext {
  manifest: Manifest
  policy: Policy
  spec: ArtifactSpec
  q: Syntax
  /** The predictions table's name, quoted. */
  from: string
  /** Each attribute's column, quoted. */
  keys: string[]
  /** Each attribute's value as text, NULL as '' (the group `(missing)`). */
  groups: string[]
  /** A mapped column's name, quoted. */
  col: (name: string) => string
  /** A value that stops the query with this message. */
  stop: (what: string) => string
  /** A column as a double, NULL when it is not a number. */
  asDouble: (column: string) => string
  /** The weight column checked, or 1. */
  weight: string
}

/** Each task's query, and the names of its stats table's columns (which no attribute may take). */
const QUERIES: Record<Task, { write: (c: QueryContext) => string[]; columns: readonly string[] }> = {
  'binary-classification': { write: binaryQuery, columns: [...STATS_KEYS, ...STATS_SUMS] },
  regression: {
    write: regressionQuery,
    columns: [...REGRESSION_KEYS, ...Object.values(REGRESSION_SUMS)]
  },
  'multiclass-classification': {
    write: multiclassQuery,
    columns: [...MULTICLASS_KEYS, ...MULTICLASS_SUMS]
  }
}

/** The columns the queries compute along the way, which an attribute may not take either. */
const WORKING = [
  'label',
  'prediction',
  's',
  'w',
  'ws',
  'wsq',
  'wll',
  'y',
  'p',
  'r',
  'lower_end',
  'upper_end',
  'covered',
  'top_score',
  'hit',
  'brier',
  'll'
]

export function statsQuery(manifest: Manifest, policy: Policy, options: SqlOptions): string {
  const q = SYNTAX[options.dialect]
  const spec = sourceSpec(manifest)
  const query = QUERIES[manifest.task]
  const attributes = manifest.sensitiveAttributes
  const clash = attributes.find(
    a =>
      query.columns.includes(a) ||
      WORKING.includes(a) ||
      a.startsWith('sum_') ||
      /^(score|pos|bin)_\d+$/.test(a) ||
      a === 'row_count'
  )
  if (clash !== undefined)
    throw new UsageError(
      `sensitive attribute '${clash}' has the name of a column of the stats table or of its query; rename it in the manifest`
    )
  const parts = options.table.split('.')
  if (!parts.every(p => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(p)))
    throw new UsageError(
      `--table '${options.table}' is not a table name; expected names like predictions or dataset.predictions`
    )
  const asDouble = (column: string) => `${q.tryCast}(${column} AS ${q.float})`
  const stop = (what: string) => q.fail(`rai-gate: ${what}`)
  const weight = spec.columns.weight !== undefined ? asDouble(q.quote(columnOf(spec, 'weight'))) : null
  const context: QueryContext = {
    manifest,
    policy,
    spec,
    q,
    from: parts.map(q.quote).join('.'),
    keys: attributes.map(q.quote),
    groups: attributes.map(a => `COALESCE(CAST(${q.quote(a)} AS ${q.text}), '')`),
    col: name => q.quote(columnOf(spec, name)),
    stop,
    asDouble,
    weight:
      weight === null
        ? '1E0'
        : `CASE WHEN ${weight} IS NULL OR NOT (${weight} >= 0E0 AND ${weight} < ${double(Number.MAX_VALUE)}) THEN ${stop('weight is not a finite number >= 0')} ELSE ${weight} END`
  }
  return query.write(context).join('\n') + '\n'
}

/** The attributes' checked values, as the first columns of `checked`. */
const attributeColumns = (c: QueryContext): string[] =>
  c.manifest.sensitiveAttributes.map((_, i) => `${c.groups[i]} AS ${c.keys[i]}`)

/** A column checked to be a finite number (as decode/values.ts numberValue). */
const finiteNumber = (c: QueryContext, column: string, what: string): string => {
  const v = c.asDouble(column)
  return `CASE WHEN ${v} IS NULL OR NOT (ABS(${v}) <= ${double(Number.MAX_VALUE)}) THEN ${c.stop(`${what} is not a finite number`)} ELSE ${v} END`
}

/** A SELECT of `columns` (the last without a comma), indented. */
const select = (columns: string[], indent = '  '): string[] => [
  `${indent.slice(2)}SELECT`,
  ...columns.map((x, i) => `${indent}${x}${i === columns.length - 1 ? '' : ','}`)
]

function binaryQuery(c: QueryContext): string[] {
  const { q, spec, manifest, policy, keys, col, stop } = c
  const attributes = manifest.sensitiveAttributes
  const { bins, strategy } = policy.defaults.calibration
  const scoreBins = scoreBinsOf(spec.resolution ?? DEFAULT_RESOLUTION)

  // Labels and predictions: 0/1 with a numeric positive label, else the positive value against the rest.
  const positive = String(spec.positiveLabel)
  const numeric = typeof spec.positiveLabel === 'number' || /^[01]$/.test(positive)
  const binary = (column: string, what: string) => {
    if (!numeric) {
      const literal = `'${positive.replaceAll("'", "''")}'`
      return `CASE WHEN ${column} IS NULL THEN ${stop(`${what} is null`)} WHEN CAST(${column} AS ${q.text}) = ${literal} THEN 1 ELSE 0 END`
    }
    const one = Number(positive) === 1 ? 1 : 0
    const v = c.asDouble(column)
    return `CASE WHEN ${v} = 1E0 THEN ${one} WHEN ${v} = 0E0 THEN ${1 - one} ELSE ${stop(`${what} is not 0 or 1`)} END`
  }
  const score = c.asDouble(col('score'))
  // A mapped prediction column, else the score against the threshold (decode/values.ts, predictAt).
  const mapped = spec.columns.prediction !== undefined
  const prediction = mapped ? 'prediction' : `CASE WHEN s >= ${double(spec.threshold)} THEN 1 ELSE 0 END`
  const clipped = `GREATEST(LEAST(s, ${double(1 - LOG_EPS)}), ${double(LOG_EPS)})`
  const quantile = strategy === 'quantile'
  const calibration = `LEAST(CAST(FLOOR(s * ${double(bins)}) AS ${q.int}), ${bins - 1})`
  const checked = [
    ...attributeColumns(c),
    `${binary(col('label'), 'label')} AS label`,
    `CASE WHEN ${score} IS NULL OR NOT (${score} >= 0E0 AND ${score} <= 1E0) THEN ${stop('score is not a number in [0, 1]')} ELSE ${score} END AS s`,
    `${c.weight} AS w`,
    ...(mapped ? [`${binary(col('prediction'), 'prediction')} AS prediction`] : [])
  ]
  const nullInt = (name: string) => `CAST(NULL AS ${q.int}) AS ${name}`
  /** One grouping of per_row: the key columns (STATS_KEYS up to score_bin, in order), grouped by `by`. */
  const grouping = (columns: string[], by: string[]) => [
    ...select([...columns, `${scoreBins} AS score_bins`, `${bins} AS calibration_bins`, ...binarySums()]),
    'FROM per_row',
    `GROUP BY ${by.join(', ')}`
  ]
  return [
    `-- rai-gate stats table for ${manifest.model.name}: ${attributes.length} attribute(s), ${strategy} calibration bins (${bins}), ${scoreBins} score bins`,
    'WITH checked AS (',
    ...select(checked, '    '),
    `  FROM ${c.from}`,
    '), per_row AS (',
    ...select(
      [
        ...keys,
        'label',
        mapped ? 'prediction' : `${prediction} AS prediction`,
        ...(quantile ? [] : [`${calibration} AS calibration_bin`]),
        `LEAST(CAST(FLOOR(s * ${double(scoreBins)}) AS ${q.int}), ${scoreBins - 1}) AS score_bin`,
        'w',
        'w * s AS ws',
        'w * (s - label) * (s - label) AS wsq',
        `w * CASE WHEN label = 1 THEN -LN(${clipped}) ELSE -LN(1E0 - ${clipped}) END AS wll`
      ],
      '    '
    ),
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
              ...keys.map(k => `CAST(NULL AS ${q.text}) AS ${k}`),
              'label',
              nullInt('prediction'),
              nullInt('calibration_bin'),
              'score_bin'
            ],
            ['label', 'score_bin']
          )
        ])
  ]
}

/** Each sum of STATS_SUMS as SQL over the per-row quantities w, ws, wsq and wll. */
function binarySums(): string[] {
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

/**
 * A regression's moment table (tables/moments.ts): one row per combination of groups. Labels and
 * predictions are shifted by the mean label (label_shift, on every row), so that the sums of powers do
 * not cancel; each product is formed in the order MomentAccumulator.add forms it.
 */
function regressionQuery(c: QueryContext): string[] {
  const { q, spec, manifest, keys, col } = c
  const attributes = manifest.sensitiveAttributes
  const interval = spec.columns.lower !== undefined && spec.columns.upper !== undefined
  const expr: Record<Moment, string> = {
    rows: 'COUNT(*)',
    w: 'SUM(w)',
    w2: 'SUM(w * w)',
    y: 'SUM(w * y)',
    yy: 'SUM(w * y * y)',
    y3: 'SUM(w * y * y * y)',
    y4: 'SUM(w * y * y * y * y)',
    p: 'SUM(w * p)',
    pp: 'SUM(w * p * p)',
    r: 'SUM(w * r)',
    rr: 'SUM(w * r * r)',
    a: 'SUM(w * ABS(r))',
    r4: 'SUM(w * r * r * r * r)',
    rry: 'SUM(w * r * r * y)',
    rryy: 'SUM(w * r * r * y * y)',
    covered: interval ? 'SUM(w * covered)' : '0E0',
    intervals: interval ? 'COUNT(*)' : `CAST(0 AS ${q.int})`
  }
  return [
    `-- rai-gate stats table for ${manifest.model.name} (regression): ${attributes.length} attribute(s)${interval ? ', prediction intervals' : ''}`,
    'WITH checked AS (',
    ...select(
      [
        ...attributeColumns(c),
        `${finiteNumber(c, col('label'), 'label')} AS label`,
        `${finiteNumber(c, col('prediction'), 'prediction')} AS prediction`,
        `${c.weight} AS w`,
        ...(interval
          ? [
              `${finiteNumber(c, col('lower'), 'lower')} AS lower_end`,
              `${finiteNumber(c, col('upper'), 'upper')} AS upper_end`
            ]
          : [])
      ],
      '    '
    ),
    `  FROM ${c.from}`,
    '), shift AS (',
    '  SELECT AVG(label) AS label_shift FROM checked',
    '), per_row AS (',
    ...select(
      [
        ...keys,
        'label_shift',
        'w',
        'label - label_shift AS y',
        'prediction - label_shift AS p',
        'prediction - label AS r',
        ...(interval
          ? [
              `CASE WHEN lower_end > upper_end THEN ${c.stop('lower is above upper')} WHEN lower_end <= label AND label <= upper_end THEN 1E0 ELSE 0E0 END AS covered`
            ]
          : [])
      ],
      '    '
    ),
    '  FROM checked CROSS JOIN shift',
    ')',
    ...select([...keys, 'label_shift', ...MOMENTS.map(m => `${expr[m]} AS ${REGRESSION_SUMS[m]}`)]),
    'FROM per_row',
    `GROUP BY ${[...keys, 'label_shift'].join(', ')}`
  ]
}

/**
 * A multiclass model's confusion cells, top-label bins and each class's score histogram (tables/
 * confusion.ts, tables/scores.ts), as readMulticlass computes them: the scores checked in [0, 1] and
 * summing to 1 within 1e-6, the prediction (unless mapped) the first class of the highest score, the
 * Brier score and scikit-learn's clipped, renormalised log loss summed in class order.
 */
function multiclassQuery(c: QueryContext): string[] {
  const { q, spec, manifest, policy, keys, col, stop } = c
  const attributes = manifest.sensitiveAttributes
  const columns = (spec.scores as { columns: Record<string, string> } | undefined)?.columns
  if (columns === undefined)
    throw new UsageError(
      `${manifest.file}: the query names each class's score column, so a multiclass artifact maps them with columns.scores ({ <class>: <column> }, in class order) rather than scorePrefix`
    )
  const classes = Object.keys(columns)
  const K = classes.length
  const topBins = policy.defaults.calibration.bins
  const scoreBins = scoreBinsOf(spec.resolution ?? DEFAULT_RESOLUTION)
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`
  const set = classes.map(literal).join(', ')
  const classValue = (column: string, what: string) =>
    `CASE WHEN ${column} IS NULL OR CAST(${column} AS ${q.text}) NOT IN (${set}) THEN ${stop(`${what} is not a class of columns.scores`)} ELSE CAST(${column} AS ${q.text}) END`
  const mapped = spec.columns.prediction !== undefined
  const s = (k: number) => `score_${k}`
  const scores = classes.map((name, k) => {
    const v = c.asDouble(q.quote(columns[name]))
    return `CASE WHEN ${v} IS NULL OR NOT (${v} >= 0E0 AND ${v} <= 1E0) THEN ${stop(`score of a class is not a number in [0, 1]`)} ELSE ${v} END AS ${s(k)}`
  })
  const all = classes.map((_, k) => s(k))
  const clipped = (k: number) => `GREATEST(LEAST(${s(k)}, ${double(1 - LOG_EPS)}), ${double(LOG_EPS)})`
  const is = (k: number) => `CASE WHEN label = ${literal(classes[k])} THEN 1E0 ELSE 0E0 END`
  const sumsOf: Record<(typeof MULTICLASS_SUMS)[number], string> = {
    row_count: 'COUNT(*)',
    sum_w: 'SUM(w)',
    sum_w_2: 'SUM(w * w)',
    sum_wbrier: 'SUM(w * brier)',
    sum_wbrier_2: 'SUM(w * brier * brier)',
    sum_wll: 'SUM(w * ll)',
    sum_wll_2: 'SUM(w * ll * ll)',
    sum_wright: 'SUM(w * hit)',
    sum_wtop: 'SUM(w * top_score)'
  }
  const sums = MULTICLASS_SUMS.map(k => `${sumsOf[k]} AS ${k}`)
  const nullText = (name: string) => `CAST(NULL AS ${q.text}) AS ${name}`
  const nullInt = (name: string) => `CAST(NULL AS ${q.int}) AS ${name}`
  /** One grouping of per_row: the key columns (MULTICLASS_KEYS, in order), grouped by `by`. */
  const grouping = (columns: string[], by: string[]) => [
    ...select([...columns, `${topBins} AS top_bins`, `${scoreBins} AS score_bins`, ...sums]),
    'FROM per_row',
    `GROUP BY ${by.join(', ')}`
  ]
  const noAttributes = keys.map(k => nullText(k))
  return [
    `-- rai-gate stats table for ${manifest.model.name} (multiclass, ${K} classes): ${attributes.length} attribute(s), ${topBins} top-label bins, ${scoreBins} score bins`,
    'WITH checked AS (',
    ...select(
      [
        ...attributeColumns(c),
        `${classValue(col('label'), 'label')} AS label`,
        ...(mapped ? [`${classValue(col('prediction'), 'prediction')} AS prediction`] : []),
        ...scores,
        `${c.weight} AS w`
      ],
      '    '
    ),
    `  FROM ${c.from}`,
    '), scored AS (',
    ...select(
      [
        ...keys,
        'label',
        ...(mapped ? ['prediction'] : []),
        ...all,
        'w',
        `CASE WHEN ABS(${all.join(' + ')} - 1E0) > 1E-6 THEN ${stop('the class scores do not sum to 1 (within 1e-6)')} ELSE GREATEST(${all.join(', ')}) END AS top_score`
      ],
      '    '
    ),
    '  FROM checked',
    '), predicted AS (',
    ...select(
      [
        ...keys,
        'label',
        mapped
          ? 'prediction'
          : `CASE ${classes.map((name, k) => `WHEN ${s(k)} = top_score THEN ${literal(name)}`).join(' ')} END AS prediction`,
        ...all,
        ...classes.map((_, k) => `${is(k)} AS pos_${k}`),
        'w',
        'top_score'
      ],
      '    '
    ),
    '  FROM scored',
    '), per_row AS (',
    ...select(
      [
        ...keys,
        'label',
        'prediction',
        'w',
        'top_score',
        `LEAST(CAST(FLOOR(top_score * ${double(topBins)}) AS ${q.int}), ${topBins - 1}) AS top_bin`,
        'CASE WHEN prediction = label THEN 1E0 ELSE 0E0 END AS hit',
        `${all.map((x, k) => `(${x} - pos_${k}) * (${x} - pos_${k})`).join(' + ')} AS brier`,
        `-LN(CASE ${classes.map((name, k) => `WHEN label = ${literal(name)} THEN ${clipped(k)}`).join(' ')} END / (${classes.map((_, k) => clipped(k)).join(' + ')})) AS ll`,
        ...classes.flatMap((_, k) => [
          `pos_${k}`,
          `LEAST(CAST(FLOOR(${s(k)} * ${double(scoreBins)}) AS ${q.int}), ${scoreBins - 1}) AS bin_${k}`
        ])
      ],
      '    '
    ),
    '  FROM predicted',
    ')',
    // The confusion cells, the top-label bins, then each class's score histogram (for its AUC).
    ...grouping(
      [
        ...keys,
        'label',
        'prediction',
        nullInt('top_bin'),
        nullText('score_class'),
        nullInt('positive'),
        nullInt('score_bin')
      ],
      [...keys, 'label', 'prediction']
    ),
    'UNION ALL',
    ...grouping(
      [
        ...noAttributes,
        nullText('label'),
        nullText('prediction'),
        'top_bin',
        nullText('score_class'),
        nullInt('positive'),
        nullInt('score_bin')
      ],
      ['top_bin']
    ),
    ...classes.flatMap((name, k) => [
      'UNION ALL',
      ...grouping(
        [
          ...noAttributes,
          nullText('label'),
          nullText('prediction'),
          nullInt('top_bin'),
          `${literal(name)} AS score_class`,
          `CAST(pos_${k} AS ${q.int}) AS positive`,
          `bin_${k} AS score_bin`
        ],
        [`pos_${k}`, `bin_${k}`]
      )
    ])
  ]
}
