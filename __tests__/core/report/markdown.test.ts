/** The Markdown rendering: golden output for the example, escaping of every data string, size limit. */
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { esc } from '../../../src/core/report/escape.js'
import { MAX_CHARS, renderMarkdown } from '../../../src/core/report/markdown.js'
import { checkExample, checkFiles, manifestYaml, policyYaml } from '../../helpers/check.js'

const ROOT = join(import.meta.dirname, '../../..')
const GOLDEN = join(ROOT, '__fixtures__/golden/adult.md')

describe('markdown rendering', () => {
  it('matches the golden rendering of the example (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const report = await checkExample()
    const md = renderMarkdown(report)
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, md)
    expect(md).toBe(readFileSync(GOLDEN, 'utf8'))
    expect(md.startsWith('<!-- rai-gate:adult-income -->\n## ❌ rai-gate: **FAIL**')).toBe(true)
  })

  it("is the README's picture: docs/img/pr-comment.png is drawn from this golden (npm run screenshot)", () => {
    const recorded = readFileSync(join(ROOT, 'docs/img/pr-comment.sha256'), 'utf8').split(' ')[0]
    expect(recorded).toBe(createHash('sha256').update(readFileSync(GOLDEN)).digest('hex'))
  })

  it('escapes table pipes, HTML, links, code spans, emphasis and @mentions', () => {
    expect(esc('a|b <script>[x](y) `c` *d* _e_ @octocat\nnext')).toBe(
      'a\\|b &lt;script&gt;\\[x\\](y) \\`c\\` \\*d\\* \\_e\\_ @&#8203;octocat next'
    )
  })

  it('renders hostile group names and model data without breaking the table or pinging anyone', async () => {
    const groups = ['@admins', 'x|y', '<img src=x onerror=alert(1)>', '[a](http://evil)', '`tick`']
    const csv = ['g,label,score', ...groups.flatMap(g => [`"${g}",1,0.9`, `"${g}",0,0.2`])].join('\n') + '\n'
    const md = renderMarkdown(
      await checkFiles({
        'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
        'p.csv': csv,
        'policies/p.yml': policyYaml(
          'defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }\ngates:\n  - { id: sel, metric: selection_rate, attributes: [g], max: 0.1 }\n'
        )
      })
    )
    expect(md).not.toMatch(/@admins/)
    expect(md).not.toMatch(/<img/)
    expect(md).not.toMatch(/(?<!\\)\]\(http/)
    expect(md).toMatch(/@&#8203;admins/)
    // Every row of the checks table keeps its 7 cells (8 unescaped pipes).
    const rows = md.split('\n').filter(l => l.startsWith('| ❌'))
    expect(rows.length).toBeGreaterThanOrEqual(groups.length)
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|').length).toBe(9)
  })

  it('reports 20,000 distinct groups, every one, and summarises their checks to fit the comment', async () => {
    // Three rows a group, and group g has g % 4 of them predicted positive (the last, all three).
    const rows = Array.from({ length: 60000 }, (_, i) => {
      const g = i % 20000
      return `zip-${g},${(i >> 1) % 2},${Math.floor(i / 20000) < g % 4 ? 0.9 : 0.1}`
    })
    const report = await checkFiles({
      'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
      'p.csv': ['g,label,score', ...rows].join('\n') + '\n',
      'policies/p.yml': policyYaml(
        'defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }\ngates:\n  - { id: dp, metric: demographic_parity_difference, attributes: [g], max: 0.5 }\n  - { id: sel, metric: selection_rate, attributes: [g], max: 0.5, mode: point }\n'
      )
    })
    const groups = new Set(
      report.metrics.filter(m => m.metric === 'selection_rate' && m.group).map(m => m.group)
    )
    expect(groups.size).toBe(20000)
    // Every group's proportions keep their intervals (score-type: no resamples kept for them).
    expect(report.metrics.filter(m => m.metric === 'selection_rate' && m.group && m.ci === null)).toEqual([])
    const dp = report.metrics.find(m => m.metric === 'demographic_parity_difference')!
    expect(dp.value).toBe(1)
    expect(dp.ci![1]).toBe(1)

    const md = renderMarkdown(report)
    expect(md.length).toBeLessThanOrEqual(MAX_CHARS)
    // Summarised, not cut: nothing is left out, and the summary counts what the report holds.
    expect(md).not.toMatch(/Truncated|left out/)
    const sel = report.checks.filter(c => c.gate === 'sel')
    const failed = sel.filter(c => c.status === 'fail')
    expect(failed.length).toBeGreaterThan(1000)
    const passed = sel.length - failed.length
    expect(md).toContain(
      `- \`sel\` · \`selection_rate\`: 20,000 checks (${failed.length.toLocaleString('en-US')} fail, ${passed.toLocaleString('en-US')} pass); the 10 worst of ${failed.length.toLocaleString('en-US')} are listed`
    )
    // The head lists the 10 worst: the highest rates.
    const head = md.slice(0, md.indexOf('<details>'))
    const listed = head.split('\n').filter(l => l.startsWith('| ❌ | `sel`'))
    expect(listed).toHaveLength(10)
    const worst = Math.max(...failed.map(c => c.value!))
    expect(worst).toBe(1)
    for (const row of listed) expect(row.split(' | ')[2]).toMatch(/^1 \[/)
    // The per-group table shows the largest groups and says so.
    expect(md).toContain('Per-group metrics: g (estimates, 95% intervals): the 50 largest of 20,000 groups')
  })

  it('names an attribute of more than 50,000 distinct values, and where it passed the bound', async () => {
    const rows = Array.from({ length: 50001 }, (_, i) => `id-${i},${i % 2},0.5`)
    await expect(
      checkFiles({
        'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
        'p.csv': ['g,label,score', ...rows].join('\n') + '\n',
        'policies/p.yml': policyYaml('defaults: { minGroupSize: 1, bootstrap: { resamples: 100 } }\n')
      })
    ).rejects.toThrow(
      "p.csv, line 50002, g: sensitive attribute 'g' has more than 50000 distinct values; expected a categorical column"
    )
  })

  it('stays under 60,000 characters and says what it left out', async () => {
    // Long group names make even the summarised tables longer than a comment may be.
    const name = (i: number) => `group-${i}-${'x'.repeat(1000)}`
    const csv =
      ['g,label,score', ...Array.from({ length: 300 }, (_, i) => `${name(i)},${i % 2},0.${i % 10}`)].join(
        '\n'
      ) + '\n'
    const md = renderMarkdown(
      await checkFiles({
        'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
        'p.csv': csv,
        'policies/p.yml': policyYaml(
          'defaults: { minGroupSize: 2, bootstrap: { resamples: 100 } }\ngates:\n  - { id: sel, metric: selection_rate, attributes: [g], max: 0.5 }\n'
        )
      })
    )
    expect(md.length).toBeLessThanOrEqual(MAX_CHARS)
    expect(md).toMatch(
      /left out to stay under GitHub's comment size; the full report is in rai-gate-report\.json/
    )
    expect(md.startsWith('<!-- rai-gate:m -->')).toBe(true)
    // Every group is under minGroupSize: 20 are named, and the rest counted.
    expect(md).toContain(`g ${name(19)} (1) and 280 more.`)
    expect(md).not.toContain(`g ${name(20)} (1)`)
  })
})
