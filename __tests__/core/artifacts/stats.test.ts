/**
 * kind: stats (artifacts/kinds/stats.ts): a small table computed by hand gives the metrics computed
 * by hand; a table that does not match the manifest or policy, or that rows cannot give, is an error
 * naming the file, the line and the problem.
 */
import { describe, expect, it } from '@jest/globals'
import { STATS_KEYS, STATS_SUMS } from '../../../src/core/warehouse/stats-table.js'
import { metricKey } from '../../../src/core/metrics/evaluate.js'
import { checkFiles, manifestYaml, policyYaml } from '../../helpers/check.js'

const HEADER = ['g', ...STATS_KEYS, ...STATS_SUMS].join(',')

/** The sums of `rows` rows, all with score s and weight 1. */
function sums(label: 0 | 1, s: number, rows: number): number[] {
  const sq = (s - label) ** 2
  const ll = -Math.log(label === 1 ? s : 1 - s)
  return [
    rows,
    rows,
    rows * s,
    rows * sq,
    rows * ll,
    rows,
    rows * s * s,
    rows * sq * sq,
    rows * ll * ll,
    rows * s,
    rows * sq,
    rows * ll
  ]
}

/** A cell row (uniform bins: no score bin) of `rows` rows with score s. */
function cell(
  g: string,
  label: 0 | 1,
  prediction: 0 | 1,
  s: number,
  rows: number,
  calibration?: number | ''
): string {
  return [
    g,
    label,
    prediction,
    calibration ?? Math.min(Math.floor(s * 10), 9),
    '',
    10000,
    10,
    ...sums(label, s, rows)
  ].join(',')
}

/** The score-histogram row of the same rows. */
const histogram = (label: 0 | 1, s: number, rows: number) =>
  ['', label, '', '', Math.min(Math.floor(s * 10000), 9999), 10000, 10, ...sums(label, s, rows)].join(',')

const TABLE = [
  HEADER,
  cell('a', 1, 1, 0.95, 2),
  cell('b', 0, 0, 0.1, 1),
  cell('b', 1, 0, 0.3, 1),
  histogram(1, 0.95, 2),
  histogram(0, 0.1, 1),
  histogram(1, 0.3, 1)
]

const run = (lines: string[], policy = '', artifact = '  - { kind: stats, path: s.csv }') =>
  checkFiles({
    'rai-gate.yml': manifestYaml(artifact),
    's.csv': lines.join('\n') + '\n',
    'policies/p.yml': policyYaml(`defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } ${policy}}\n`)
  })

describe('a stats table', () => {
  it('gives the metrics computed by hand', async () => {
    const report = await run(TABLE)
    const get = (metric: string, group?: string) =>
      report.metrics.find(
        m => metricKey(m) === metricKey({ metric, ...(group && { attribute: 'g', group }) })
      )!
    expect(report.inputs[0]).toMatchObject({ kind: 'stats', rows: 4 })
    expect(get('count', 'a').value).toBe(2)
    expect(get('count', 'b').value).toBe(2)
    expect(get('selection_rate', 'a').value).toBe(1)
    expect(get('selection_rate', 'b').value).toBe(0)
    expect(get('accuracy').value).toBe(0.75)
    expect(get('brier').value).toBeCloseTo((2 * 0.05 ** 2 + 0.1 ** 2 + 0.7 ** 2) / 4, 12)
    expect(get('log_loss').value).toBeCloseTo((-2 * Math.log(0.95) - Math.log(0.9) - Math.log(0.3)) / 4, 12)
    // Positives at 0.95 and 0.3, the negative at 0.1: every pair ordered, no pair in one score bin.
    expect(get('auc')).toMatchObject({ value: 1, bound: 0 })
  })

  const fails = (lines: string[], message: string | RegExp, policy = '', artifact?: string) =>
    expect(run(lines, policy, artifact)).rejects.toThrow(message)

  it('names missing columns and columns of other attributes', async () => {
    await fails(
      [
        HEADER.replace(',sum_wll_2', ''),
        ...TABLE.slice(1).map(l =>
          l
            .split(',')
            .filter((_, i) => i !== 14)
            .join(',')
        )
      ],
      /^s\.csv, line 1: missing column sum_wll_2; expected the columns g, label, /
    )
    await fails(
      ['region,' + HEADER, ...TABLE.slice(1).map(l => 'north,' + l)],
      /^s\.csv, line 1: column region is not in the manifest's stats table \(attributes: g\)/
    )
  })

  it('names another resolution, bins that the policy does not have, and rows of the wrong kind', async () => {
    await fails(
      [...TABLE.slice(0, 4), histogram(1, 0.95, 2).replace(',10000,', ',1000,'), ...TABLE.slice(5)],
      /s\.csv, line 5, score_bins: the table has 1000 score bins; the manifest's resolution 0\.0001 has 10000/
    )
    await fails(
      TABLE.map((l, i) => (i === 0 ? l : l.replace(',10000,10,', ',10000,20,'))),
      /s\.csv, line 2, calibration_bins: the table has 20 calibration bins; the policy has 10/
    )
    await fails(
      [HEADER, cell('a', 1, 1, 0.95, 2, 12)],
      /s\.csv, line 2, calibration_bin: calibration_bin '12' is not a whole number in \[0, 9\]/
    )
    await fails(
      TABLE,
      /line 2, calibration_bin: calibration_bin '9' is set, so the table was made for uniform bins; the policy's 10 quantile bins/,
      ', calibration: { strategy: quantile } '
    )
    await fails(
      [HEADER, cell('a', 1, 1, 0.95, 2, '')],
      /line 2, calibration_bin: calibration_bin and score_bin are both empty/
    )
    await fails(
      [...TABLE, 'a' + histogram(0, 0.5, 1)],
      /line 8, g: g 'a' is set on a score-histogram row \(one with a score_bin\); expected it empty there/
    )
    await fails(
      TABLE.slice(0, 6),
      /^s\.csv: the cells hold 3 rows of label 1, the score histogram 2; expected the same rows in both/
    )
  })

  it('names counts and sums that rows cannot give', async () => {
    const edit = (k: number, v: string) => {
      const f = cell('a', 1, 1, 0.95, 2).split(',')
      f[k] = v
      return [HEADER, f.join(',')]
    }
    const at = (name: string) => 1 + STATS_KEYS.length + (STATS_SUMS as readonly string[]).indexOf(name)
    await fails(
      edit(at('row_count'), '-1'),
      /line 2, row_count: row_count '-1' is not a whole number in \[1, /
    )
    await fails(edit(at('row_count'), '1.5'), /row_count '1\.5' is not a whole number/)
    await fails(
      edit(at('sum_ws'), '2.5'),
      /line 2, sum_ws: sum_ws '2\.5' cannot come from the cell's 2 rows: scores are in \[0, 1\]/
    )
    await fails(
      edit(at('sum_w'), '3'),
      /line 2, sum_w: sum_w '3' cannot come from the cell's 2 rows: without a weight column every weight is 1/
    )
    await fails(
      edit(at('sum_ws_2'), '0.1'),
      /sum_ws_2 '0\.1' cannot come from the cell's 2 rows: a sum of squares is at least/
    )
    await fails(edit(at('sum_wll'), 'NaN'), /line 2, sum_wll: sum_wll 'NaN' is not a finite number/)
    await fails(edit(1, '2'), /line 2, label: label '2' is not a whole number in \[0, 1\]/)
    await fails(
      [...TABLE, cell('a', 1, 1, 0.95, 1)],
      /^s\.csv, line 8: the same cell as line 2; expected one row per cell/
    )
  })

  it('is one source of predictions: beside a predictions artifact it is an error', async () => {
    await fails(
      TABLE,
      /rai-gate\.yml, line \d+, artifacts\[1\]\.kind: a stats artifact beside a predictions artifact/,
      '',
      '  - { kind: predictions, path: s.csv }\n  - { kind: stats, path: s.csv }'
    )
    await fails(
      TABLE,
      /artifacts\[0\]\.resolution: resolution is a stats artifact's setting/,
      '',
      '  - { kind: predictions, path: s.csv, resolution: 0.001 }'
    )
    await fails(
      TABLE,
      /resolution 0\.0003 does not divide \[0, 1\] into a whole number of bins/,
      '',
      '  - { kind: stats, path: s.csv, resolution: 0.0003 }'
    )
  })
})
