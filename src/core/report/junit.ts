/**
 * The checks as JUnit XML (`check --junit FILE`), for CIs that show results as tests: GitLab's
 * `artifacts: reports: junit`, Azure's PublishTestResults, Jenkins' `junit` step. The layout follows
 * the JUnit schema that Jenkins and GitLab read (junit-4.xsd of Jenkins' dtkit model; a test validates
 * every file against it):
 * - one <testsuite> per gate, its metric, severity, mode and threshold as <properties>;
 * - one <testcase> per check, named by its gate and scope;
 * - a check that fails the run (as `--fail-on` says) is a <failure>, its message the reason and the
 *   numbers; one that would
 *   warn passes, with the warning in <system-out>; waived, skipped, insufficient and inconclusive checks without
 *   effect are <skipped>, with why;
 * - the numbers of every check (estimate, interval, threshold, baseline, change) in <system-out>,
 *   because the schema has no properties on a test case. They are written in full precision.
 */
import type { FailOn } from '../gate/evaluate.js'
import type { Check } from '../gate/types.js'
import type { Report } from './report.js'
import { scopeText } from './text.js'

/** Text as XML 1.0 character data or an attribute value (data such as group names is untrusted). */
function xml(text: string): string {
  return (
    text
      // Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
      // eslint-disable-next-line no-control-regex -- the controls are what it finds
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // In an attribute a line end would be normalised to a space by the reader: keep it.
      .replace(/\r/g, '&#13;')
  )
}
const attr = (text: string) => xml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')

const interval = (ci: [number, number] | null | undefined) => (ci ? `[${ci[0]}, ${ci[1]}]` : 'none')

function thresholdText(c: Check): string {
  const t = c.threshold
  const parts = [
    t.min !== undefined && `min ${t.min}`,
    t.max !== undefined && `max ${t.max}`,
    t.maxWorsening !== undefined && `maxWorsening ${t.maxWorsening}`,
    t.maxWorseningRelative !== undefined && `maxWorseningRelative ${t.maxWorseningRelative}`
  ].filter(Boolean)
  return parts.length === 0 ? 'none' : parts.join(', ')
}

/** What the schema has no attribute for: the check's numbers, one `name: value` per line. */
function details(c: Check): string {
  const lines = [
    `status: ${c.status}`,
    `effect: ${c.effect}`,
    `metric: ${c.metric}`,
    `estimate: ${c.value ?? 'none'}`,
    `interval: ${interval(c.ci)}${c.confidence === undefined ? '' : ` at ${c.confidence}`}`,
    `threshold: ${thresholdText(c)} (${c.mode})`
  ]
  if (c.baseline !== undefined) lines.push(`baseline: ${c.baseline}`)
  if (c.baselineStatus !== undefined) lines.push(`baseline status: ${c.baselineStatus}`)
  if (c.change !== undefined) lines.push(`change: ${c.change}`, `change interval: ${interval(c.changeCi)}`)
  if (c.waiver)
    lines.push(
      `waiver: ${c.waiver.approvedBy}${c.waiver.expires ? ` until ${c.waiver.expires}` : ''}${c.waiver.expired ? ' (expired)' : ''}: ${c.waiver.reason}`
    )
  lines.push(`reason: ${c.reason}`)
  return lines.join('\n')
}

type Outcome = 'failure' | 'warning' | 'skipped' | 'passed'

/** A check's place in JUnit: what fails the run fails the test; what has no effect did not run. */
function outcome(c: Check, failOn: FailOn): Outcome {
  if (c.effect === 'block') return 'failure'
  if (c.effect === 'warn') return failOn === 'warn' ? 'failure' : 'warning'
  return c.status === 'pass' ? 'passed' : 'skipped'
}

function testcase(c: Check, suite: string, kind: Outcome): string {
  const scope = scopeText(c)
  const name = scope ? `${c.gate} [${scope}]` : c.gate
  const out = details(c)
  // The message is what a CI lists for a failed test: the reason, then the check's numbers.
  const message = `${c.status.toUpperCase()}: ${c.reason} (estimate ${c.value ?? 'none'}, interval ${interval(c.ci)}, threshold ${thresholdText(c)})`
  const body =
    kind === 'failure'
      ? `<failure type="${c.status}" message="${attr(message)}"/>`
      : kind === 'skipped'
        ? `<skipped>${xml(`${c.status}: ${c.reason}`)}</skipped>`
        : ''
  const system = kind === 'warning' ? `WARNING: ${c.reason}\n${out}` : out
  return `    <testcase name="${attr(name)}" classname="${attr(suite)}">${body}<system-out>${xml(system)}</system-out></testcase>`
}

export function renderJunit(report: Report, failOn: FailOn): string {
  const gates = new Map<string, Check[]>()
  for (const c of report.checks) gates.set(c.gate, [...(gates.get(c.gate) ?? []), c])
  const model = `${report.model.name}@${report.model.version}`
  let failures = 0
  const suites = [...gates].map(([gate, checks]) => {
    const kinds = checks.map(c => outcome(c, failOn))
    const failed = kinds.filter(k => k === 'failure').length
    const skipped = kinds.filter(k => k === 'skipped').length
    failures += failed
    const first = checks[0]
    const properties: [string, string][] = [
      ['model', model],
      ['riskTier', report.riskTier],
      ['policy', `${report.policy.name}@${report.policy.version}`],
      ['decision', report.decision],
      ['gate', gate],
      ['metric', first.metric],
      ['severity', first.severity],
      ['mode', first.mode],
      ['threshold', thresholdText(first)]
    ]
    const classname = `rai-gate.${report.model.name}.${gate}`
    return [
      `  <testsuite name="${attr(gate)}" tests="${checks.length}" failures="${failed}" errors="0" skipped="${skipped}">`,
      '    <properties>',
      ...properties.map(([k, v]) => `      <property name="${k}" value="${attr(v)}"/>`),
      '    </properties>',
      ...checks.map((c, i) => testcase(c, classname, kinds[i])),
      '  </testsuite>'
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`rai-gate ${model} (${report.decision})`)}" tests="${report.checks.length}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    ''
  ].join('\n')
}
