/**
 * The terminal rendering of a report: the metrics a person scans first, each with its interval.
 * Colour only when the caller says the output is a terminal (and NO_COLOR is unset).
 */
import type { MetricResult } from '../metrics/evaluate.js'
import type { Report } from './report.js'

export interface TextOptions {
  color: boolean
}

const fmt = (v: number | null): string => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(4))
const ci = (m: MetricResult): string =>
  m.ci ? `[${fmt(m.ci[0])}, ${fmt(m.ci[1])}]` : m.reason ? `(${m.reason})` : ''

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)))
  return rows
    .map(r =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

export function renderText(report: Report, options: TextOptions): string {
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[22m` : s)
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[22m` : s)
  const pct = Math.round(report.policy.settings.confidence * 100)
  const out: string[] = []
  out.push(
    bold(
      `rai-gate ${report.tool.version} — ${report.model.name} ${report.model.version} (tier ${report.riskTier})`
    )
  )
  out.push(
    `policy ${report.policy.name}@${report.policy.version} from ${report.policy.source}; ${pct}% bootstrap intervals, ${report.policy.settings.bootstrap.resamples} resamples, seed ${report.policy.settings.bootstrap.seed}`
  )
  out.push(`inputs: ${report.inputs.map(i => `${i.path} (${i.kind}, ${i.rows} rows)`).join(', ')}`)
  const section = (title: string, rows: MetricResult[], label: (m: MetricResult) => string) => {
    if (rows.length === 0) return
    out.push('', bold(title))
    out.push(
      table([
        ['metric', 'value', `${pct}% CI`, 'n'],
        ...rows.map(m => [label(m), fmt(m.value), ci(m), String(m.n)])
      ])
    )
  }
  const m = report.metrics
  const noScope = (x: MetricResult) =>
    x.attribute === undefined && x.perturbation === undefined && x.suite === undefined
  section(
    'Overall',
    m.filter(x => noScope(x) && !x.metric.startsWith('worst_')),
    x => x.metric
  )
  section(
    'Disparities',
    m.filter(x => x.attribute !== undefined && x.group === undefined),
    x => `${x.metric} [${x.attribute}]`
  )
  const groups = m.filter(
    x => x.group !== undefined && ['count', 'selection_rate', 'tpr', 'fpr', 'accuracy'].includes(x.metric)
  )
  section(
    'Groups',
    groups,
    x => `${x.metric} [${x.attribute}=${x.group}]${x.status === 'insufficient' ? ' (insufficient)' : ''}`
  )
  section(
    'Robustness',
    m.filter(x => x.perturbation !== undefined || x.metric.startsWith('worst_')),
    x => (x.perturbation ? `${x.metric} [${x.perturbation}]` : x.metric)
  )
  section(
    'Outcomes',
    m.filter(x => x.suite !== undefined),
    x => `${x.metric} [${x.suite}${x.category !== undefined ? `/${x.category}` : ''}]`
  )
  const small = m.filter(x => x.metric === 'count' && x.status === 'insufficient')
  if (small.length > 0) {
    out.push(
      '',
      `Groups below minGroupSize ${report.policy.settings.minGroupSize} (reported, left out of disparities): ${small.map(x => `${x.attribute}=${x.group} (${x.n})`).join(', ')}`
    )
  }
  out.push('', dim(report.gates.evaluated ? '' : (report.gates.note ?? '')))
  return out.join('\n') + '\n'
}
