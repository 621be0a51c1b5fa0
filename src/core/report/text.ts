/**
 * The terminal rendering of a report: the decision, each check that did not pass with its numbers and
 * reason, and the regressions; with `verbose`, the tables of every metric with its interval too.
 * Everything fits `width` columns: each check is a block of wrapped lines, and a table wider than the
 * terminal is cut into column blocks that repeat its first column. Colour only when the caller says
 * the output is a terminal (and NO_COLOR is unset).
 */
import type { MetricResult } from '../metrics/evaluate.js'
import type { Check } from '../gate/types.js'
import { groupSummary, metricDef, metricsOf } from '../metrics/registry.js'
import { CLASS_SUMMARY, classDisparities, classesOf, worstFirst } from './classes.js'
import { SCOPE_KEYS } from '../metrics/sink.js'
import { REGRESSION_FDR } from '../gate/regressions.js'
import { metricLookup, shownInterval } from './lookup.js'
import { bootstrapped, comparisonsText, intervalMethods } from './methods.js'
import type { Report } from './report.js'
import { checksToList, groupsToList, sinceText } from './select.js'
import { someOf } from '../words.js'

export interface TextOptions {
  color: boolean
  /** The terminal's columns (default 100). */
  width?: number
  /** Every metric's table too, not only the checks and regressions. */
  verbose?: boolean
}

const DEFAULT_WIDTH = 100
/** Where a check's lines start under its status. */
const INDENT = ' '.repeat('INCONCLUSIVE '.length)

/** The text rendering's columns: the registry's group summary, and each robustness and suite metric. */
const PERTURBATION = metricsOf('perturbation').map(m => m.id)

/** How much of a long list a terminal shows (select.ts); `--format json` and the report hold all. */
const PER_GATE = 20
const GROUP_ROWS = 50
const NAMED = 20

const percent = (confidence: number) => `${+(confidence * 100).toFixed(4)}%`

export const fmt = (v: number | null): string =>
  v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(4)
const withCi = (m: MetricResult | undefined): string =>
  m === undefined
    ? ''
    : m.value === null
      ? `— (${m.reason})`
      : m.ci
        ? `${fmt(m.value)} [${fmt(m.ci[0])}, ${fmt(m.ci[1])}]${m.ciNote ? ' !' : ''}`
        : fmt(m.value)

/**
 * Rows as aligned columns within `width`: when they do not fit, the columns after the first are cut
 * into blocks that do, each repeating the first column (a column wider than the rest of the line
 * still gets a block of its own).
 */
function table(rows: string[][], width: number): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => [...r[c]].length)))
  const blocks: number[][] = []
  let used = Infinity
  for (let c = 1; c < widths.length; c++) {
    if (used + 2 + widths[c] > width) {
      blocks.push([0])
      used = widths[0]
    }
    blocks.at(-1)!.push(c)
    used += 2 + widths[c]
  }
  if (blocks.length === 0) blocks.push([0])
  const pad = (cell: string, w: number) => cell + ' '.repeat(Math.max(0, w - [...cell].length))
  return blocks
    .map(cols =>
      rows
        .map(r =>
          cols
            .map(c => pad(r[c], widths[c]))
            .join('  ')
            .trimEnd()
        )
        .join('\n')
    )
    .join('\n\n')
}

/** Parts joined by '; ' on lines of `width`, a part broken only when it alone is wider. */
function pack(parts: string[], width: number, indent: string): string[] {
  const lines: string[] = []
  for (const part of parts) {
    const last = lines.at(-1)
    if (last !== undefined && [...last].length + 2 + [...part].length <= width)
      lines[lines.length - 1] = `${last}; ${part}`
    else lines.push(...wrap(part, width, indent))
  }
  return lines
}

/** Text wrapped at word boundaries to `width` columns, each line after `first` starting with `indent`. */
export function wrap(text: string, width: number, first: string, indent = first): string[] {
  const lines: string[] = []
  let line = first
  let empty = true
  for (const word of text.split(' ')) {
    if (!empty && [...line].length + 1 + [...word].length > width) {
      lines.push(line)
      line = indent + word
      continue
    }
    line += (empty ? '' : ' ') + word
    empty = false
  }
  lines.push(line)
  return lines
}

/**
 * What a terminal would act on rather than show: C0 and C1 controls (escape sequences, bells,
 * carriage returns and line ends that break the layout), DEL, and the bidirectional overrides and
 * isolates that reorder what follows them.
 */
// eslint-disable-next-line no-control-regex -- the controls are what it finds
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

const visible = (c: string) => {
  const code = c.charCodeAt(0)
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

/** A copy of the report whose strings (group names, reasons, notes: data) show their controls as escapes like \x1b. */
function inert<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSAFE, visible) as T
  if (Array.isArray(value)) return value.map(inert) as T
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inert(v)])) as T
  return value
}

/**
 * The report as text for a terminal. Every string from data or config is made inert first, so the
 * only escape sequences in the output are its own colours (with `color`).
 */
export function renderText(unsafe: Report, options: TextOptions): string {
  const report = inert(unsafe)
  const width = options.width ?? DEFAULT_WIDTH
  const style = styles(options.color)
  const { bold } = style
  const settings = report.policy.settings
  // The metrics are at the policy's level; corrected checks carry their own (renderChecks).
  const pct = percent(settings.confidence)
  const para = (text: string, first = '', indent = '  ') => wrap(text, width, first, indent)
  const out: string[] = [
    style.status(report.decision, `Decision: ${report.decision.toUpperCase()}`),
    bold(
      `rai-gate ${report.tool.version}: ${report.model.name} ${report.model.version} (risk tier ${report.riskTier})`
    ),
    ...para(
      // The methods behind the intervals are for whoever reads every table (--verbose).
      `policy ${report.policy.name}@${report.policy.version} (${report.policy.source}); ${pct} intervals (${options.verbose ? `${intervalMethods(report.metrics, true)}; ` : ''}${bootstrapped(report.metrics) ? `${settings.bootstrap.resamples} bootstrap resamples, seed ${settings.bootstrap.seed}` : 'every one analytic'})`
    ),
    ...report.inputs.flatMap(i =>
      para(`input ${i.kind}: ${i.path}, ${i.rows} rows, sha256 ${i.sha256.slice(0, 12)}`)
    )
  ]
  for (const note of report.notes) out.push(...para(note, 'Note: ').map(bold))
  out.push('', ...renderChecks(report, style, width))
  const footnote = (text: string) => out.push('', ...para(text, '', ''))
  if (options.verbose) out.push(...metricTables(report, width, bold))
  footnotes(report, footnote)
  if (!options.verbose)
    footnote(
      'Every metric with its interval, overall and per group: rai-gate check --verbose (or the report).'
    )
  return out.join('\n') + '\n'
}

/** Every metric's table (--verbose): overall, disparities, groups, robustness, outcomes, other tools. */
function metricTables(report: Report, width: number, bold: (s: string) => string): string[] {
  const out: string[] = []
  const m = report.metrics
  const get = metricLookup(m)
  const settings = report.policy.settings
  const pct = percent(settings.confidence)
  const section = (title: string, rows: string[][]) => {
    if (rows.length > 1) out.push('', bold(title), table(rows, width))
  }
  const plain = (x: MetricResult) =>
    x.attribute === undefined &&
    x.perturbation === undefined &&
    x.suite === undefined &&
    x.class === undefined
  section('Overall', [
    ['metric', `value [${pct} CI]`],
    ...m
      .filter(x => plain(x) && metricDef(x.metric)?.scopes.includes('overall'))
      .map(x => [x.metric, withCi(x)])
  ])

  const classes = classesOf(m)
  section('Classes (one-vs-rest)', [
    ['class', ...CLASS_SUMMARY],
    ...classes.map(c => [c, ...CLASS_SUMMARY.map(id => withCi(get(id, { class: c })))])
  ])
  const attributes = [...new Set(m.filter(x => x.attribute !== undefined).map(x => x.attribute!))]
  const disparities = m.filter(x => x.attribute !== undefined && x.group === undefined)
  const metricsOf = [...new Set(disparities.map(x => x.metric))]
  section('Disparities over groups with at least ' + settings.minGroupSize + ' rows', [
    ['metric', ...attributes],
    ...metricsOf.map(id => [id, ...attributes.map(a => withCi(get(id, { attribute: a })))])
  ])
  const byClass = classDisparities(m)
  section('Disparities by class, the worst first', [
    ['metric', ...attributes],
    ...byClass.map(id => [
      id,
      ...attributes.map(a =>
        worstFirst(m, id, a)
          .slice(0, 3)
          .map(x => `${x.class} ${fmt(x.value)}`)
          .join(', ')
      )
    ])
  ])
  const summary = groupSummary(report.task, m)
  for (const a of attributes) {
    const { groups, of } = groupsToList(m, a, GROUP_ROWS)
    const cell = (g: string, id: string) => get(id, { attribute: a, group: g })
    section(groups.length === of ? `Groups of ${a}` : `Groups of ${a}: the ${GROUP_ROWS} largest of ${of}`, [
      ['group', 'n', ...summary],
      ...groups.map(g => [
        g + (cell(g, 'count')?.status === 'insufficient' ? ' (too small)' : ''),
        fmt(cell(g, 'count')?.value ?? null),
        ...summary.map(id => withCi(cell(g, id)))
      ])
    ])
  }
  const perturbations = [...new Set(m.filter(x => x.perturbation !== undefined).map(x => x.perturbation!))]
  const pm = (p: string, id: string) => get(id, { perturbation: p })
  const worst = m.filter(x => metricDef(x.metric)?.scopes.includes('robustness'))
  section('Robustness', [
    ['perturbation', ...PERTURBATION],
    ...perturbations.map(p => [p, ...PERTURBATION.map(id => withCi(pm(p, id)))]),
    // worst_X is the maximum of X over perturbations: shown in X's column.
    ...worst.map(x => [x.metric, ...PERTURBATION.map(id => (x.metric === `worst_${id}` ? withCi(x) : ''))])
  ])
  const suites = m.filter(x => x.suite !== undefined && x.metric === 'failure_rate')
  section('Outcomes', [
    ['suite', 'n', 'failure_rate'],
    ...suites.map(x => [
      x.category === undefined ? x.suite! : `  ${x.suite}/${x.category}`,
      String(x.n),
      withCi(x)
    ])
  ])
  // Metrics from other tools that rai-gate does not compute (a metrics artifact), with their scope.
  const other = m.filter(x => metricDef(x.metric) === undefined)
  section('Metrics from other tools', [
    ['metric', 'scope', `value [${pct} CI]`],
    ...other.map(x => [x.metric, scopeText(x) || 'overall', withCi(x)])
  ])
  return out
}

/** What the tables' numbers need said: small groups, few effective rows, biased bootstraps. */
function footnotes(report: Report, footnote: (text: string) => void): void {
  const m = report.metrics
  const settings = report.policy.settings
  const small = m.filter(x => x.metric === 'count' && x.status === 'insufficient')
  if (small.length > 0)
    footnote(
      `Too small for disparities (fewer than ${settings.minGroupSize} rows): ${someOf(
        small.map(x => `${x.attribute}=${x.group} (${x.n})`),
        NAMED
      )}`
    )
  const light = m.filter(x => x.nEffective !== undefined && x.nEffective < settings.minGroupSize)
  if (light.length > 0)
    footnote(
      `Weights leave ${light.length === 1 ? 'this group' : 'these groups'} few effective rows (Kish), so ${light.length === 1 ? 'its' : 'their'} intervals are approximate: ${someOf(
        light.map(x => `${x.attribute}=${x.group} (${x.nEffective!.toFixed(1)} of ${x.n})`),
        NAMED
      )}`
    )
  const notes = [...new Set(m.flatMap(x => (x.ciNote ? [`${x.metric}: ${x.ciNote}`] : [])))]
  if (notes.length > 0) footnote(`! read these intervals with caution: ${someOf(notes, NAMED)}`)
}

/** Bold, dim and a status's colour (red fail, yellow warn and missing evidence, green pass), or none. */
function styles(color: boolean) {
  const sgr = (on: number, off: number) => (s: string) => (color ? `\x1b[${on}m${s}\x1b[${off}m` : s)
  const hue: Record<string, (s: string) => string> = {
    fail: sgr(31, 39),
    missing: sgr(31, 39),
    warn: sgr(33, 39),
    insufficient: sgr(33, 39),
    inconclusive: sgr(36, 39),
    waived: sgr(35, 39),
    pass: sgr(32, 39)
  }
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    status: (status: string, s: string) => sgr(1, 22)((hue[status] ?? (x => x))(s))
  }
}

export const scopeText = (c: Check | MetricResult | Report['regressions'][number]): string =>
  SCOPE_KEYS.filter(k => c[k] !== undefined)
    .map(k => c[k])
    .join(' / ')

function renderChecks(report: Report, style: ReturnType<typeof styles>, width: number): string[] {
  const { bold, dim } = style
  const counts = new Map<string, number>()
  for (const c of report.checks) counts.set(c.status, (counts.get(c.status) ?? 0) + 1)
  const summary = [...counts].map(([status, n]) => style.status(status, `${n} ${status}`)).join(', ')
  const mc = report.multipleComparisons
  const para = (text: string) => wrap(text, width, '', '  ')
  const lines = [bold(`Checks (${report.checks.length}: ${summary || 'none'})`)]
  if (mc.method === 'bonferroni' && mc.checks > 1) {
    lines.push(
      ...para(
        `Bonferroni correction over ${mc.checks} lenient and point checks: their intervals at ${percent(mc.confidence)}`
      ).map(dim)
    )
  }
  const b = report.baseline
  if (b)
    lines.push(
      ...para(
        b.usable
          ? `Baseline: ${b.path}${b.model ? ` (${b.model.name} ${b.model.version})` : ''}${comparisonsText(b) ? `; ${comparisonsText(b)}` : ''}`
          : `Baseline not compared: ${b.warning}`
      )
    )
  const { rows: notable, summaries } = checksToList(
    report.checks.filter(c => c.status !== 'pass'),
    report.checks,
    PER_GATE
  )
  for (const s of summaries) {
    lines.push(
      ...para(
        `${s.gate} (${s.metric}): ${s.total} checks (${s.counts.map(([status, n]) => `${n} ${status}`).join(', ')}); the ${s.listed} worst of ${s.shown} are listed`
      )
    )
  }
  const change = (c: { change?: number; changeCi?: [number, number] | null; comparison?: string }) =>
    c.change === undefined
      ? '—'
      : c.comparison === 'identical'
        ? '0 (same input)'
        : `${c.change > 0 ? '+' : ''}${fmt(c.change)}${c.changeCi ? ` [${fmt(c.changeCi[0])}, ${fmt(c.changeCi[1])}]` : ''}`
  // A block per check: its status and name, its numbers, its reason, each wrapped under the name.
  const lookup = metricLookup(report.metrics)
  const level = report.policy.settings.confidence
  for (const c of notable) {
    const shown = shownInterval(c, lookup, level)
    const scope = scopeText(c)
    const limits = [
      c.threshold.min !== undefined ? `>= ${c.threshold.min}` : '',
      c.threshold.max !== undefined ? `<= ${c.threshold.max}` : ''
    ].filter(Boolean)
    const numbers = [
      c.value === null
        ? 'no value'
        : `${fmt(c.value)}${shown.ci ? ` [${fmt(shown.ci[0])}, ${fmt(shown.ci[1])}] at ${percent(shown.confidence)}${shown.decides ? ', which decides' : ''}` : ''}`,
      limits.length > 0 ? `threshold ${limits.join(', ')} (${c.mode})` : '',
      c.baseline === undefined ? '' : `baseline ${fmt(c.baseline)}, change ${change(c)}`,
      sinceText(c)
    ].filter(Boolean)
    const status = c.status.toUpperCase().padEnd(INDENT.length - 1)
    const head = wrap(`${c.gate}${scope ? ` · ${scope}` : ''}`, width, `${status} `, INDENT)
    head[0] = style.status(c.status, status) + head[0].slice(status.length)
    lines.push('', ...head, ...pack(numbers, width, INDENT), ...wrap(c.reason, width, INDENT))
  }
  if (report.regressions.length > 0) {
    const top = report.regressions.filter(r => r.group === undefined)
    lines.push(
      '',
      ...para(
        `Regressions against the baseline (${report.regressions.length}, ${report.regressions.length - top.length} of them per group; false discovery rate ${REGRESSION_FDR * 100}%)`
      ).map(bold),
      ...top.flatMap(r =>
        wrap(
          `${r.metric}${scopeText(r) ? ` [${scopeText(r)}]` : ''}: ${fmt(r.baseline)} -> ${fmt(r.value)}, change ${change(r)}`,
          width,
          '  ',
          '    '
        )
      )
    )
  }
  return lines
}
