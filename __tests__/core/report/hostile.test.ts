/**
 * A report whose every free string is hostile Markdown and HTML, as a pull request can write it for
 * the fork-safe `comment-only` mode, rendered by GitHub's own engine: nothing may become live, and the
 * text must come out whole (a pipe that split a table cell, or emphasis, would change it).
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { renderMarkdown } from '../../../src/core/report/markdown.js'
import { renderText } from '../../../src/core/report/text.js'
import type { Report } from '../../../src/core/report/report.js'
import { againstBaseline, manifestYaml, policyYaml } from '../../helpers/check.js'
import { PAYLOAD, SEEN, gfm, hazards, poison, tableShapes, visibleText } from '../../helpers/gfm.js'

async function richReport(): Promise<Report> {
  const csv = (flip: string) => `g,label,score\na,1,0.9\na,0,0.2\nb,1,${flip}\nb,0,0.3\nb,1,0.8\na,0,0.1\n`
  const { report } = await againstBaseline(
    {
      'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
      'p.csv': csv('0.9'),
      'policies/p.yml': policyYaml(
        `defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }
gates:
  - { id: acc, metric: accuracy, min: 0.95, maxWorsening: 0.01 }
  - { id: sel, metric: selection_rate, attributes: [g], max: 0.1, severity: warn }
waivers:
  - { gate: sel, reason: r, approvedBy: b, expires: '2020-01-01' }
`
      )
    },
    { 'p.csv': csv('0.1') }
  )
  return report
}

describe('a hostile report rendered by GitHub’s engine', () => {
  it('shows every hostile string as text: no HTML, link, image, heading, mention or reference', async () => {
    const report = await richReport()
    report.notes.push('a note')
    const poisoned = poison(report)
    expect(poisoned).toBeGreaterThanOrEqual(20)
    const html = gfm(renderMarkdown(report))
    expect(hazards(html)).toEqual([])
    // The text is whole wherever it shows outside code: nothing of it was read as Markdown.
    const text = visibleText(html).replace(/\u200b/g, '')
    expect(text.split(SEEN).length - 1).toBeGreaterThanOrEqual(10)
  })

  it('finds each hazard when the text is not escaped (the check can fail)', () => {
    const html = gfm(`## head\n\n${PAYLOAD}\n\n| a | b |\n|---|---|\n| a|b | c |\n`)
    expect(hazards(html)).toEqual(
      expect.arrayContaining([
        'element <img>',
        'element <a>',
        'attribute src',
        'attribute href',
        'attribute onerror',
        'mention @org/team',
        'mention @user',
        'reference #12',
        'a heading besides the headline'
      ])
    )
    expect(visibleText(html)).not.toContain(SEEN)
  })
})

/** Strings of any characters, with the ones that Markdown, HTML and terminals act on made likely. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      ...'<>[]()|*_`~#@!&;:/\\\n\r\t"\'=-+.'.split(''),
      '\x1b',
      '\x07',
      '\u202e',
      '\u009b',
      'http://',
      'www.'
    ),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    fc.integer({ min: 0, max: 0x9f }).map(c => String.fromCharCode(c))
  ),
  maxLength: 40
})

describe('any string in a report, rendered', () => {
  it('stays inert Markdown on GitHub, and every table keeps its columns', async () => {
    const base = await richReport()
    const shapes = (html: string) => tableShapes(html).map(t => [...new Set(t)])
    const clean = shapes(gfm(renderMarkdown(structuredClone(base))))
    fc.assert(
      fc.property(hostile, s => {
        const report = structuredClone(base)
        poison(report, s)
        const html = gfm(renderMarkdown(report))
        expect(hazards(html)).toEqual([])
        // Each table has one width, the same as with plain strings.
        expect(shapes(html)).toEqual(clean)
      }),
      { numRuns: 40, seed: 23 }
    )
  })

  // eslint-disable-next-line no-control-regex -- terminal controls are what it looks for
  const OWN_STYLES = /\x1b\[(1|2|22|31|32|33|35|36|39)m/g

  it('puts no terminal control from data into the text output', async () => {
    const base = await richReport()
    fc.assert(
      fc.property(hostile, fc.boolean(), (s, color) => {
        const report = structuredClone(base)
        poison(report, s)
        const text = renderText(report, { color, verbose: true })
        // Only the renderer's own bold, dim and status colours, and its line ends.
        const rest = text.replace(OWN_STYLES, '').replace(/\n/g, '')
        // eslint-disable-next-line no-control-regex -- terminal controls are what it looks for
        expect(rest).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
      }),
      { numRuns: 200, seed: 29 }
    )
  })

  it('the text check can fail: a raw escape from data is caught', () => {
    // eslint-disable-next-line no-control-regex -- terminal controls are what it looks for
    expect('a\x1b[2Jcleared'.replace(OWN_STYLES, '')).toMatch(/[\u0000-\u001f]/)
  })
})
