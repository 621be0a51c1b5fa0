/**
 * `--junit`: the checks as JUnit XML, validated against the JUnit schema that Jenkins and GitLab read
 * (junit-4.xsd of Jenkins' dtkit model, MIT, kept in __fixtures__/junit with its notice) with xmllint
 * (xmllint-wasm), and parsed back to see that each check has the place the docs give it.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateXML } from 'xmllint-wasm'
import { renderJunit } from '../../../src/core/report/junit.js'
import type { Report } from '../../../src/core/report/report.js'
import { checkFiles, manifestYaml, policyYaml } from '../../helpers/check.js'

const SCHEMA = readFileSync(join(import.meta.dirname, '../../../__fixtures__/junit/junit-4.xsd'), 'utf8')

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: SCHEMA }]
  })
  return result.valid ? [] : result.errors.map(e => e.rawMessage)
}

// Group names from data: markup, an entity, a CDATA end, a control character and a lone surrogate.
const HOSTILE = 'x</system-out><failure>&amp;]]>\u0007\ud800'
const rows = [
  ...Array.from({ length: 60 }, (_, i) => `a,${i % 2},0.${(i * 7) % 10}`),
  ...Array.from({ length: 60 }, (_, i) => `b,${i % 3 === 0 ? 1 : 0},0.${(i * 3) % 10}`),
  ...Array.from({ length: 3 }, (_, i) => `"${HOSTILE.replace(/"/g, '""')}",${i % 2},0.5`)
]

const report = checkFiles({
  'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
  'p.csv': 'g,label,score\n' + rows.join('\n') + '\n',
  'policies/p.yml': policyYaml(`defaults: { minGroupSize: 10, bootstrap: { resamples: 100 } }
gates:
  - { id: acc, metric: accuracy, min: 0.99, severity: block }
  - { id: auc, metric: auc, min: 0.99, severity: warn }
  - { id: sel, metric: selection_rate, attributes: [g], max: 0.01, severity: block }
  - { id: per-group, metric: selection_rate, attributes: [g], max: 1, insufficientData: ignore }
  - { id: worse, metric: brier, maxWorsening: 0.01 }
  - { id: flips, metric: worst_flip_rate, max: 0.1, severity: block }
waivers:
  - { gate: sel, reason: known gap, approvedBy: rai-board }
`)
})

// eslint-disable-next-line no-control-regex -- the controls are what it replaces
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g
const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|amp|#\d+);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCharCode(Number(e.slice(1))) : { lt: '<', gt: '>', quot: '"', amp: '&' }[e]!
  )

/** Each test case: its name, the element it holds (failure, skipped or none), and its text. */
function cases(xml: string) {
  return [...xml.matchAll(/<testcase name="([^"]*)" classname="([^"]*)">([\s\S]*?)<\/testcase>/g)].map(m => ({
    name: m[1],
    classname: m[2],
    kind: /^<failure/.test(m[3]) ? 'failure' : /^<skipped/.test(m[3]) ? 'skipped' : 'passed',
    body: m[3]
  }))
}

describe('renderJunit', () => {
  it('is valid against the JUnit schema, hostile group names included', async () => {
    const r = await report
    const xml = renderJunit(r, 'block')
    expect(await schemaErrors(xml)).toEqual([])
    // The name is kept readable: markup escaped, the characters XML cannot hold replaced.
    expect(xml).toContain('x&lt;/system-out&gt;&lt;failure&gt;&amp;amp;]]&gt;\ufffd\ufffd')
  })

  it('the validator rejects files that break the schema', async () => {
    const xml = renderJunit(await report, 'block')
    expect(await schemaErrors(xml.replace(/(<testsuite name="[^"]*") tests="\d+"/, '$1'))).not.toEqual([])
    expect(await schemaErrors(xml.replace('<testcase name=', '<testcase nom='))).not.toEqual([])
  })

  it('has one suite per gate and one case per check, each where the status puts it', async () => {
    const r = await report
    const xml = renderJunit(r, 'block')
    const gates = [...new Set(r.checks.map(c => c.gate))]
    expect([...xml.matchAll(/<testsuite name="([^"]*)"/g)].map(m => m[1])).toEqual(gates)
    const all = cases(xml)
    expect(all).toHaveLength(r.checks.length)
    const byStatus = (status: string) => r.checks.filter(c => c.status === status)
    // This run has every outcome.
    for (const s of ['fail', 'warn', 'waived', 'skipped', 'insufficient', 'missing', 'pass'])
      expect([s, byStatus(s).length]).not.toEqual([s, 0])
    r.checks.forEach((c, i) => {
      const t = all[i]
      const scope = [c.attribute, c.group].filter(x => x !== undefined).join(' / ')
      // What a JUnit reader gets back: the name, with the characters XML cannot hold replaced.
      const name = (scope ? `${c.gate} [${scope}]` : c.gate).replace(NOT_XML, '\ufffd')
      expect(unescapeXml(t.name)).toBe(name)
      expect(t.classname).toBe(`rai-gate.m.${c.gate}`)
      const expected =
        c.effect === 'block' ? 'failure' : c.status === 'pass' || c.effect === 'warn' ? 'passed' : 'skipped'
      expect([c.gate, c.status, t.kind]).toEqual([c.gate, c.status, expected])
    })
    // Fail and missing fail; the reason is in the message.
    const acc = all[r.checks.findIndex(c => c.gate === 'acc')]
    const accCheck = r.checks.find(c => c.gate === 'acc')!
    expect(acc.body).toMatch(
      `<failure type="fail" message="FAIL: ${accCheck.reason} (estimate ${accCheck.value}, interval [${accCheck.ci![0]}, ${accCheck.ci![1]}], threshold min 0.99)"/>`
    )
    expect(accCheck.reason).toMatch(/is below the minimum 0\.99/)
    const flips = all[r.checks.findIndex(c => c.gate === 'flips')]
    expect(flips.body).toMatch(/^<failure type="missing"/)
    // A warning passes, and says so; waived and ignored checks are skipped with why.
    const auc = all[r.checks.findIndex(c => c.gate === 'auc')]
    expect(auc.body).toMatch(/^<system-out>WARNING: /)
    expect(all[r.checks.findIndex(c => c.status === 'waived')].body).toMatch(
      /^<skipped>waived: .*waived by rai-board until further notice: known gap<\/skipped>/
    )
    expect(all[r.checks.findIndex(c => c.status === 'insufficient')].body).toMatch(
      /^<skipped>insufficient: group .* has 3 rows, fewer than 10 rows/
    )
    expect(all[r.checks.findIndex(c => c.gate === 'worse')].body).toMatch(/^<skipped>skipped: /)
    // The counts of each suite match its cases.
    const suite = xml.match(
      /<testsuite name="sel" tests="(\d+)" failures="(\d+)" errors="0" skipped="(\d+)">/
    )!
    const sel = r.checks.filter(c => c.gate === 'sel')
    expect(suite.slice(1).map(Number)).toEqual([
      sel.length,
      sel.filter(c => c.effect === 'block').length,
      sel.filter(c => c.effect === 'none' && c.status !== 'pass').length
    ])
  })

  it('writes every number of a check in full precision', async () => {
    const r = await report
    const c = r.checks.find(x => x.gate === 'acc')!
    const body = cases(renderJunit(r, 'block'))[r.checks.indexOf(c)].body
    expect(body).toContain(`estimate: ${c.value}\n`)
    expect(body).toContain(`interval: [${c.ci![0]}, ${c.ci![1]}] at ${c.confidence}\n`)
    expect(body).toContain('threshold: min 0.99 (point)\n')
    expect(body).toContain('effect: block\n')
  })

  it('puts the gate, the model, the policy and the decision in each suite properties', async () => {
    const xml = renderJunit(await report, 'block')
    const props = xml.match(/<testsuite name="acc"[^>]*>\s*<properties>([\s\S]*?)<\/properties>/)![1]
    for (const [k, v] of [
      ['model', 'm@1.0.0'],
      ['policy', 'test-medium@1.0.0'],
      ['decision', 'fail'],
      ['metric', 'accuracy'],
      ['severity', 'block'],
      ['threshold', 'min 0.99']
    ])
      expect(props).toContain(`<property name="${k}" value="${v}"/>`)
  })

  it('follows --fail-on: with warn, a warning fails its test too', async () => {
    const r = await report
    const auc = r.checks.findIndex(c => c.gate === 'auc')
    expect(cases(renderJunit(r, 'warn'))[auc].kind).toBe('failure')
    expect(cases(renderJunit(r, 'never'))[auc].kind).toBe('passed')
  })

  it('an empty run is a valid file', async () => {
    const r = await report
    const empty: Report = { ...r, checks: [] }
    const xml = renderJunit(empty, 'block')
    expect(xml).toContain('tests="0" failures="0"')
    expect(await schemaErrors(xml)).toEqual([])
  })
})
