/**
 * The Markdown rendering: what the PR comment and the job summary show. Written for a reviewer with
 * a minute: the decision and what breached first, detail in <details>. Every string from data or
 * config is escaped (escape.ts); the body stays under MAX_CHARS, with a note when it is cut.
 */
import { blockingChecks } from '../gate/evaluate.js'
import type { Check } from '../gate/types.js'
import { REGRESSION_FDR } from '../gate/regressions.js'
import { metricKey, type MetricResult } from '../metrics/evaluate.js'
import { directionOf, groupSummary, metricDef } from '../metrics/registry.js'
import { CLASS_SUMMARY, classDisparities, classesOf, worstFirst } from './classes.js'
import { code, esc, escHtml } from './escape.js'
import { SCOPE_KEYS, type ScopeRef } from '../metrics/sink.js'
import { metricLookup, shownInterval } from './lookup.js'
import { bootstrapped, comparisonsText, intervalMethods } from './methods.js'
import { reliabilityBins } from './reliability.js'
import type { Report } from './report.js'
import { someOf } from '../words.js'
import { checksToList, groupsToList, sinceText } from './select.js'

export const MAX_CHARS = 60000

/**
 * How much of a long list the comment shows; the report holds all of it. A gate over thousands of
 * groups is summarised (how many checks have each status) with its worst checks listed, rather than
 * cut where the comment runs out.
 */
const HEAD_PER_GATE = 10
const DETAIL_PER_GATE = 50
const GROUP_ROWS = 50
const REGRESSION_ROWS = 100
const OTHER_TOOLS_ROWS = 100
const NAMED = 20

const ICON: Record<string, string> = {
  pass: '✅',
  fail: '❌',
  warn: '⚠️',
  waived: '🟡',
  insufficient: '⚪',
  missing: '❓',
  skipped: '⏭️',
  inconclusive: '🔘'
}
const HEADLINE: Record<Report['decision'], string> = { pass: '✅', warn: '⚠️', fail: '❌' }

/** Integers with separators, other values to 3 significant digits, minus as U+2212. */
const num = (v: number | null | undefined): string =>
  v === null || v === undefined
    ? '—'
    : (Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toPrecision(3)))).replace('-', '−')
const interval = (ci: [number, number] | null) => (ci ? ` [${num(ci[0])}, ${num(ci[1])}]` : '')
const percent = (confidence: number) => `${+(confidence * 100).toFixed(3)}%`

/**
 * The hidden marker that finds this model's sticky comment: the model's name at the base commit when
 * the report has one, so that renaming a model cannot take over another model's comment.
 */
export const marker = (model: string) => `<!-- rai-gate:${model.replace(/[^A-Za-z0-9._/-]/g, '_')} -->`
export const reportMarker = (report: Pick<Report, 'model'>) =>
  marker(report.model.baseName ?? report.model.name)

/** A commit as the headline names it (` · commit `abc1234``), or '' for anything that is not a sha. */
const commitText = (sha: unknown): string =>
  typeof sha === 'string' && /^[0-9a-f]{7,64}$/i.test(sha) ? ` · commit ${code(sha.slice(0, 7))}` : ''

/** The comment and job summary of a run that stopped on an error: what went wrong, and at which commit. */
export function renderError(
  message: string,
  where: { marker?: string; commit?: string | null } = {}
): string {
  const at = commitText(where.commit)
  const head = where.marker ? `${where.marker}\n` : ''
  return `${head}## ⛔ rai-gate: **ERROR**${at}\n\nNothing was decided: the gate stopped on this error.\n\n\`\`\`\n${message.replace(/`/g, "'")}\n\`\`\`\n`
}

export function renderMarkdown(report: Report): string {
  const level = report.policy.settings.confidence
  const pct = percent(level)
  const regressed = new Set(report.regressions.map(r => metricKey(r)))
  const lookup = metricLookup(report.metrics)
  const head = [
    reportMarker(report),
    `## ${HEADLINE[report.decision]} rai-gate: **${report.decision.toUpperCase()}** · ${code(report.model.name)} ${esc(report.model.version)} · tier **${esc(report.riskTier)}** · policy ${code(`${report.policy.name}@${report.policy.version}`)}${commitText(report.context?.headSha ?? report.context?.sha)}`,
    '',
    tally(report.checks) + ' · ' + baselineNote(report),
    ''
  ]
  for (const note of report.notes) head.push(`> [!IMPORTANT]\n> ${esc(note)}`, '')
  const notable = report.checks.filter(c => c.status !== 'pass')
  if (notable.length > 0)
    head.push(checks(notable, report.checks, HEAD_PER_GATE, level, regressed, lookup), '')
  if (report.regressions.length > 0) head.push(regressionLine(report, regressed), '')
  const expired = report.waivers.filter(w => w.expired)
  if (expired.length > 0) {
    head.push(
      `**Expired waivers** (no effect): ${expired.map(w => `${code(w.gate)} expired ${esc(w.expires ?? '')} (approved by ${esc(w.approvedBy)})`).join('; ')}.`,
      ''
    )
  }
  const light = report.metrics.filter(
    m => m.nEffective !== undefined && m.nEffective < report.policy.settings.minGroupSize
  )
  if (light.length > 0) {
    head.push(
      `Weights leave ${light.length === 1 ? 'this group' : 'these groups'} few effective rows (Kish), so ${light.length === 1 ? 'its' : 'their'} intervals are approximate: ${someOf(
        light.map(m => `${esc(m.attribute!)} ${esc(m.group!)} (${num(m.nEffective)} of ${num(m.n)})`),
        NAMED
      )}.`,
      ''
    )
  }
  const small = report.metrics.filter(m => m.metric === 'count' && m.status === 'insufficient')
  if (small.length > 0) {
    head.push(
      `Groups under ${report.policy.settings.minGroupSize} rows, reported but left out of disparities: ${someOf(
        small.map(m => `${esc(m.attribute!)} ${esc(m.group!)} (${num(m.n)})`),
        NAMED
      )}.`,
      ''
    )
  }
  head.push(`> ${modeNote(report)}`, '')
  const details = [
    details_(
      `All ${num(report.checks.length)} checks`,
      report.checks.length > 0
        ? checks(report.checks, report.checks, DETAIL_PER_GATE, level, regressed, lookup)
        : 'The policy has no gates.'
    ),
    report.regressions.length > 0
      ? details_(
          `All ${num(report.regressions.length)} regressions against the baseline`,
          regressionTable(report, regressed)
        )
      : null,
    ...classTables(report.metrics, pct),
    ...groupTables(report.metrics, pct, groupSummary(report.task, report.metrics)),
    otherTools(report.metrics),
    reliability(report),
    details_('Evidence', evidence(report))
  ].filter((s): s is string => s !== null)
  return fit(head.join('\n'), details)
}

function tally(checks: Check[]): string {
  const n = (s: string) => checks.filter(c => c.status === s).length
  const blocking = blockingChecks(checks)
  const parts = [
    `**${num(blocking)} blocking**`,
    `${num(checks.filter(c => c.effect === 'warn').length)} warning`,
    `${num(n('waived'))} waived`,
    `${num(n('pass'))} passed`
  ]
  for (const s of ['inconclusive', 'insufficient', 'missing', 'skipped'])
    if (n(s) > 0) parts.push(`${num(n(s))} ${s}`)
  return parts.join(' · ')
}

function scope(c: Check | MetricResult | Report['regressions'][number]): string {
  return SCOPE_KEYS.filter(k => c[k] !== undefined)
    .map(k => esc(c[k]!))
    .join(' · ')
}

function threshold(c: Check): string {
  const t = c.threshold
  const level = [t.min !== undefined ? `≥ ${t.min}` : '', t.max !== undefined ? `≤ ${t.max}` : '']
    .filter(Boolean)
    .join(', ')
  const change = [
    t.maxWorsening !== undefined ? `worse by ≤ ${t.maxWorsening}` : '',
    t.maxWorseningRelative !== undefined ? `worse by ≤ ${+(t.maxWorseningRelative * 100).toFixed(2)}%` : ''
  ].filter(Boolean)
  const parts = [
    level,
    ...change,
    c.mode !== 'point' && (level || change.length > 0) ? c.mode : '',
    c.severity === 'warn' ? 'warn' : ''
  ].filter(Boolean)
  if (c.waiver && !c.waiver.expired)
    parts.push(`waived until ${esc(c.waiver.expires ?? 'revoked')} by ${esc(c.waiver.approvedBy)}`)
  return parts.join(' · ') || '—'
}

/** A table of `shown` (checks of `all`), at most `per` a gate, and a line for each gate summarised. */
function checks(
  shown: Check[],
  all: Check[],
  per: number,
  level: number,
  regressed: Set<string>,
  lookup: ReturnType<typeof metricLookup>
): string {
  const { rows, summaries } = checksToList(shown, all, per)
  const lines = summaries.map(
    s =>
      `- ${code(s.gate)} · ${code(s.metric)}: ${num(s.total)} checks (${s.counts.map(([status, n]) => `${num(n)} ${status}`).join(', ')}); the ${s.listed} worst of ${num(s.shown)} are listed, and all are in rai-gate-report.json.`
  )
  const table = checkTable(rows, level, regressed, lookup)
  return lines.length > 0 ? `${lines.join('\n')}\n\n${table}` : table
}

function checkTable(
  checks: Check[],
  level: number,
  regressed: Set<string>,
  lookup: ReturnType<typeof metricLookup>
): string {
  const rows = checks.map(c => {
    const what = [code(c.gate), code(c.metric), scope(c)].filter(Boolean).join(' · ')
    // The interval that decides a lenient or strict check, at its own level; a point check's at the
    // policy's, as in every other table (modeNote says which is which).
    const shown = shownInterval(c, lookup, level)
    const at = shown.ci && shown.confidence !== level ? ` at ${percent(shown.confidence)}` : ''
    const since = sinceText(c)
    const why = `${since ? `**${since}** · ` : ''}${esc(c.reason)}`
    return `| ${ICON[c.status]} | ${what} | ${num(c.value)}${interval(shown.ci)}${at} | ${num(c.baseline)} | ${changeText(c, regressed)} | ${threshold(c)} | ${why} |`
  })
  return [
    `| | check | estimate [interval] | baseline | change | threshold | why |`,
    '|---|---|---|---|---|---|---|',
    ...rows
  ].join('\n')
}

/**
 * A change with its interval: ⚠ when it is a listed regression (the false-discovery-rate list), n.s.
 * when its interval holds 0.
 */
function changeText(
  c: {
    metric: string
    change?: number
    changeCi?: [number, number] | null
    comparison?: string
    higherIsBetter?: boolean
  } & ScopeRef,
  regressed: Set<string>
): string {
  if (c.change === undefined) return '—'
  if (c.comparison === 'identical') return '0 (same input)'
  const sign = c.change > 0 ? '+' : ''
  const ci = c.changeCi
  const listed = regressed.has(metricKey(c))
  if (!ci) return `${sign}${num(c.change)}${listed ? ' ⚠ regression' : ''}`
  const significant = ci[0] > 0 || ci[1] < 0
  const arrow = significant ? (c.change > 0 ? '▲ ' : '▼ ') : ''
  // The arrow says up or down; the word says whether that is better or worse for this metric.
  const direction = directionOf(c)
  const better = direction === 'none' ? '' : c.change > 0 === (direction === 'higher') ? ' better' : ' worse'
  return `${arrow}${sign}${num(c.change)}${interval(ci)}${listed ? ' ⚠ regression' : significant ? better : ' (n.s.)'}`
}

function regressionTable(report: Report, regressed: Set<string>): string {
  const all = report.regressions
  const listed =
    all.length > REGRESSION_ROWS
      ? [...all].sort((a, b) => a.pValue - b.pValue).slice(0, REGRESSION_ROWS)
      : all
  const rows = listed.map(
    r =>
      `| ${code(r.metric)} | ${scope(r) || 'overall'} | ${num(r.baseline)} | ${num(r.value)} | ${changeText(r, regressed)} | ${pValue(r.pValue)} |`
  )
  const table = [
    '| metric | scope | baseline | now | change | p |',
    '|---|---|---|---|---|---|',
    ...rows
  ].join('\n')
  return listed === all
    ? table
    : `${table}\n\n_The ${REGRESSION_ROWS} with the smallest p-values of ${num(all.length)}; all are in rai-gate-report.json._`
}

const pValue = (p: number) => (p < 1e-4 ? '< 0.0001' : num(p))

function baselineNote(report: Report): string {
  const b = report.baseline
  if (b === null) return 'no baseline'
  if (!b.usable) return `baseline not compared: ${esc(b.warning ?? '')}`
  return `baseline ${esc(b.path)}${b.model ? ` (${code(b.model.version)})` : ''}`
}

function regressionLine(report: Report, regressed: Set<string>): string {
  const top = report.regressions.filter(r => r.group === undefined)
  const groups = report.regressions.length - top.length
  const items = top.map(
    r => `${code(r.metric)}${scope(r) ? ` · ${scope(r)}` : ''} ${changeText(r, regressed)}`
  )
  const more =
    groups > 0
      ? `${items.length > 0 ? '; ' : ''}and ${groups} per-group rate${groups === 1 ? '' : 's'} (listed below)`
      : ''
  return `**Regressions against the baseline** (false discovery rate ${REGRESSION_FDR * 100}% over every metric): ${items.join('; ')}${more}.`
}

/**
 * What the intervals mean for this decision, in plain words: one sentence per mode the checks use,
 * and the correction where one applies. The methods behind each interval are in the Evidence.
 */
function modeNote(report: Report): string {
  const s = report.policy.settings
  const mc = report.multipleComparisons
  const count = (mode: string) => report.checks.filter(c => c.mode === mode && c.ci !== null).length
  const pct = percent(s.confidence)
  const corrected = mc.method === 'bonferroni' && mc.checks > 1
  const parts = [
    `Each interval is a ${pct} confidence interval: the values of the true metric that these data are consistent with.`,
    count('point') > 0
      ? `In point mode the estimate decides a check; its interval (${pct}) shows how sure that estimate is.`
      : '',
    count('lenient') > 0
      ? `In lenient mode a check fails only when its whole interval is beyond the threshold${corrected ? `; those intervals are at ${percent(mc.confidence)} (shown beside them), so that the ${mc.checks} checks together raise a false alarm at most ${+((1 - s.confidence) * 100).toFixed(2)}% of the time` : ''}.`
      : '',
    count('strict') > 0
      ? `In strict mode a check passes only when its whole interval is within the threshold.`
      : '',
    'How each interval is computed: Evidence, below.'
  ]
  return parts.filter(Boolean).join(' ')
}

function details_(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/**
 * A multiclass report's classes: each class's one-vs-rest metrics, and each disparity's classes the
 * worst first (the first few; every class is in the report), folded so that ten classes stay readable.
 */
function classTables(metrics: MetricResult[], pct: string): string[] {
  const classes = classesOf(metrics)
  if (classes.length === 0) return []
  const get = metricLookup(metrics)
  const cell = (m: MetricResult | undefined) => `${num(m?.value)}${interval(m?.ci ?? null)}`
  const perClass = [
    `| class | ${CLASS_SUMMARY.join(' | ')} |`,
    `|---|${CLASS_SUMMARY.map(() => '---').join('|')}|`,
    ...classes.map(c => `| ${esc(c)} | ${CLASS_SUMMARY.map(id => cell(get(id, { class: c }))).join(' | ')} |`)
  ].join('\n')
  const attributes = [
    ...new Set(
      metrics.flatMap(m => (m.class !== undefined && m.attribute !== undefined ? [m.attribute] : []))
    )
  ]
  const rows = classDisparities(metrics).flatMap(id =>
    attributes.map(a => {
      const list = worstFirst(metrics, id, a)
      const shown = list.slice(0, WORST_CLASSES).map(m => `${esc(m.class!)} ${cell(m)}`)
      const more = list.length > WORST_CLASSES ? `, … (${list.length - WORST_CLASSES} more)` : ''
      return `| ${code(id)} | ${esc(a)} | ${shown.join(', ')}${more} |`
    })
  )
  const byClass = ['| disparity | attribute | classes, the worst first |', '|---|---|---|', ...rows].join(
    '\n'
  )
  return [
    details_(
      `Per-class metrics: ${num(classes.length)} classes (one-vs-rest; estimates, ${pct} intervals)`,
      perClass
    ),
    ...(rows.length > 0 ? [details_('Disparities by class, the worst first', byClass)] : [])
  ]
}

/** Each disparity's classes a comment lists before "… more". */
const WORST_CLASSES = 3

/** Each attribute's groups, every rate with its interval (at the policy's level). */
function groupTables(metrics: MetricResult[], pct: string, summary: string[]): string[] {
  const get = metricLookup(metrics)
  const attributes = new Set(
    metrics.filter(m => m.metric === 'count' && m.group !== undefined).map(m => m.attribute!)
  )
  return [...attributes].map(a => {
    const { groups, of } = groupsToList(metrics, a, GROUP_ROWS)
    const rows = groups.map(g => {
      const count = get('count', { attribute: a, group: g })
      const cells = summary.map(id => {
        const m = get(id, { attribute: a, group: g })
        return `${num(m?.value)}${interval(m?.ci ?? null)}`
      })
      return `| ${esc(g)}${count?.status === 'insufficient' ? ' (too small)' : ''} | ${num(count?.value)} | ${cells.join(' | ')} |`
    })
    const table = [
      `| group | n | ${summary.join(' | ')} |`,
      `|---|---|${summary.map(() => '---').join('|')}|`,
      ...rows
    ].join('\n')
    const title = `Per-group metrics: ${escHtml(a)} (estimates, ${pct} intervals)`
    if (groups.length === of) return details_(title, table)
    return details_(
      `${title}: the ${GROUP_ROWS} largest of ${num(of)} groups`,
      `${table}\n\n_The ${GROUP_ROWS} largest of ${num(of)} groups; every group is in rai-gate-report.json._`
    )
  })
}

/** Metrics from other tools that rai-gate does not compute (a metrics artifact). */
function otherTools(metrics: MetricResult[]): string | null {
  const other = metrics.filter(m => metricDef(m.metric) === undefined)
  if (other.length === 0) return null
  const rows = other
    .slice(0, OTHER_TOOLS_ROWS)
    .map(
      m =>
        `| ${code(m.metric)} | ${scope(m) || 'overall'} | ${num(m.value)}${interval(m.ci)} | ${m.higherIsBetter ? 'higher' : 'lower'} |`
    )
  const more =
    other.length > rows.length
      ? `\n\n_The first ${rows.length} of ${num(other.length)}; all are in rai-gate-report.json._`
      : ''
  return details_(
    `Metrics from other tools (${num(other.length)})`,
    ['| metric | scope | value (CI as provided) | better |', '|---|---|---|---|', ...rows].join('\n') + more
  )
}

function reliability(report: Report): string | null {
  const bins = reliabilityBins(report.stats)
  if (bins === null) return null
  const used = bins.filter(b => b.rows > 0)
  const plain = (v: number | null) => String(Number((v ?? 0).toFixed(3)))
  const chart = [
    '```mermaid',
    'xychart-beta',
    `  title "Observed positive rate vs mean score (${bins.length} bins)"`,
    `  x-axis "mean score" [${used.map(b => plain(b.meanScore)).join(', ')}]`,
    '  y-axis "observed rate" 0 --> 1',
    `  line [${used.map(b => plain(b.observed)).join(', ')}]`,
    `  line [${used.map(b => plain(b.meanScore)).join(', ')}]`,
    '```'
  ].join('\n')
  const table = [
    '| bin | n | mean score | observed |',
    '|---|---|---|---|',
    ...bins.map(b => `| ${b.label} | ${num(b.rows)} | ${num(b.meanScore)} | ${num(b.observed)} |`)
  ].join('\n')
  return details_('Reliability diagram', `${chart}\n\nThe second line is perfect calibration.\n\n${table}`)
}

function evidence(report: Report): string {
  const p = report.policy
  const s = p.settings
  return [
    `- report schema ${report.schemaVersion}, rai-gate ${esc(report.tool.version)}`,
    `- policy ${code(`${p.name}@${p.version}`)} from ${esc(p.source)}: ${p.files.map(f => `${esc(f.path)} sha256 ${code(f.sha256)}`).join('; ')}`,
    `- inputs: ${report.inputs.map(i => `${esc(i.path)} (${esc(i.kind)}, ${num(i.rows)} rows) sha256 ${code(i.sha256)}`).join('; ')}`,
    `- interval methods (metrics per method): ${esc(intervalMethods(report.metrics))}`,
    ...(comparisonsText(report.baseline)
      ? [`- changes against the baseline: ${esc(comparisonsText(report.baseline)!)}`]
      : []),
    bootstrapped(report.metrics)
      ? `- bootstrap: ${s.bootstrap.resamples.toLocaleString('en-US')} resamples, seed ${s.bootstrap.seed}, confidence ${s.confidence}; minGroupSize ${s.minGroupSize}; calibration ${s.calibration.bins} ${s.calibration.strategy} bins`
      : `- every interval analytic (none bootstrapped), confidence ${s.confidence}; minGroupSize ${s.minGroupSize}`
  ].join('\n')
}

/** Keeps the body under MAX_CHARS: detail sections are dropped from the end, with a note saying so. */
function fit(head: string, details: string[]): string {
  const note = (n: number) =>
    `\n\n_${n} detail section${n === 1 ? '' : 's'} left out to stay under GitHub's comment size; the full report is in rai-gate-report.json._`
  let body = head
  for (let i = 0; i < details.length; i++) {
    const next = `${body}\n${details[i]}\n`
    if (next.length + note(details.length).length > MAX_CHARS) {
      const left = note(details.length - i)
      return truncate(body, MAX_CHARS - left.length) + left
    }
    body = next
  }
  return truncate(body, MAX_CHARS)
}

/** The body if it fits in `limit` characters; else cut at a line end, with a note, to fit. */
function truncate(body: string, limit: number): string {
  if (body.length <= limit) return body
  const note = (n: number) =>
    `\n\n_Truncated: ${n} characters left out to stay under GitHub's comment size; the full report is in rai-gate-report.json._`
  // The note for the whole body is at least as long as the one finally written (fewer digits).
  const room = limit - note(body.length).length
  const line = body.lastIndexOf('\n', room)
  const cut = line > 0 ? line : room
  return body.slice(0, cut) + note(body.length - cut)
}
