/** The text rendering states the level each interval was computed at, never the policy's alone. */
import { describe, expect, it } from '@jest/globals'
import { renderMarkdown } from '../../../src/core/report/markdown.js'
import { renderText } from '../../../src/core/report/text.js'
import { checkExample, checkFiles, manifestYaml, policyYaml } from '../../helpers/check.js'

const CSV =
  'g,label,score\n' +
  Array.from({ length: 40 }, (_, i) => `${'ab'[i % 2]},${i % 3 === 0 ? 1 : 0},${(i % 10) / 10}`).join('\n') +
  '\n'

describe('text and markdown renderings of corrected intervals', () => {
  const report = checkFiles({
    'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
    'p.csv': CSV,
    'policies/p.yml':
      policyYaml(`defaults: { minGroupSize: 5, mode: lenient, multipleComparisons: bonferroni, bootstrap: { resamples: 200 } }
gates:
  - { id: sel, metric: selection_rate, attributes: [g], max: 0.9 }
  - { id: acc, metric: accuracy, min: 0.1 }
`)
  })

  it('prints the corrected level beside each lenient check, and the policy level above the metrics', async () => {
    const r = await report
    expect(r.multipleComparisons).toMatchObject({ method: 'bonferroni', checks: 3 })
    const text = renderText(r, { color: false, verbose: true })
    const corrected = `${+((1 - 0.05 / 3) * 100).toFixed(4)}%`
    expect(text).toContain(
      `Bonferroni correction over 3 lenient and point checks: their intervals at ${corrected}`
    )
    // Every check row states its level (all passing here, so the table lists none: the header says it).
    expect(text).toMatch(/metric\s+value \[95% CI\]/)
    const md = renderMarkdown(r)
    expect(md).toContain(
      'In lenient mode a check fails only when its whole interval is beyond the threshold; those intervals are at 98.333% (shown beside them), so that the 3 checks together raise a false alarm at most 5% of the time.'
    )
    expect(md).toMatch(/\| ✅ \| `sel` · `selection_rate` · g · a \| [^|]* at 98\.333% \|/)
  })

  it("shows a point check's interval at the policy's level: its estimate decides, not a corrected interval", async () => {
    const r = await checkFiles({
      'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
      'p.csv': CSV,
      'policies/p.yml':
        policyYaml(`defaults: { minGroupSize: 5, mode: point, multipleComparisons: bonferroni, bootstrap: { resamples: 200 } }
gates:
  - { id: acc, metric: accuracy, min: 0.9 }
  - { id: sel, metric: selection_rate, max: 0.9 }
`)
    })
    const acc = r.checks.find(c => c.gate === 'acc')!
    const metric = r.metrics.find(m => m.metric === 'accuracy' && m.attribute === undefined)!
    // The report keeps the corrected interval on the check; the renderings show the metric's own.
    expect(acc.confidence).toBeCloseTo(0.975, 12)
    expect(acc.ci![1] - acc.ci![0]).toBeGreaterThan(metric.ci![1] - metric.ci![0])
    const md = renderMarkdown(r)
    const row = md.split('\n').find(l => l.includes('`acc` · `accuracy`'))!
    expect(row).toContain(`| 0.5 [${+metric.ci![0].toPrecision(3)}, ${+metric.ci![1].toPrecision(3)}] |`)
    expect(md).toContain(
      'In point mode the estimate decides a check; its interval (95%) shows how sure that estimate is.'
    )
    expect(renderText(r, { color: false })).toMatch(
      /^ +0\.5000 \[\S+, \S+\] at 95%; threshold >= 0\.9 \(point\)$/m
    )
  })

  it('names the interval methods it used, with --verbose', async () => {
    expect(renderText(await report, { color: false })).toMatch(
      /95% intervals \(200 bootstrap resamples, seed 0\)/
    )
    const text = renderText(await report, { color: false, verbose: true })
    expect(text).toMatch(/95% intervals \(Clopper–Pearson \d+;/)
  })
})

describe('renderings of weighted groups', () => {
  it('warn when weights leave a group fewer effective rows than minGroupSize', async () => {
    // Group a: 40 rows, one of weight 100 (Kish n ≈ 1.6); group b: 40 rows of weight 1.
    const rows = Array.from(
      { length: 80 },
      (_, i) => `${i < 40 ? 'a' : 'b'},${i % 2},0.${i % 10},${i === 0 ? 100 : 1}`
    )
    const r = await checkFiles({
      'rai-gate.yml': manifestYaml(
        '  - { kind: predictions, path: p.csv, columns: { label: label, score: score, weight: w } }'
      ),
      'p.csv': 'g,label,score,w\n' + rows.join('\n') + '\n',
      'policies/p.yml': policyYaml('defaults: { minGroupSize: 10, bootstrap: { resamples: 100 } }\n')
    })
    const a = r.metrics.find(m => m.metric === 'count' && m.group === 'a')!
    expect(a.nEffective).toBeCloseTo(139 ** 2 / (39 + 100 ** 2), 9)
    expect(renderText(r, { color: false }).replace(/\s+/g, ' ')).toMatch(
      /few effective rows \(Kish\).*g=a \(1\.9 of 40\)/
    )
    expect(renderMarkdown(r)).toMatch(/few effective rows \(Kish\).*g a \(1\.92 of 40\)/)
  })
})

describe('the terminal rendering at a width', () => {
  const example = checkExample()
  const longest = (text: string) => Math.max(...text.split('\n').map(l => [...l].length))

  it.each([100, 72])(
    'wraps nothing at %i columns: each check a block, wide tables cut into column blocks',
    async width => {
      const r = await example
      const compact = renderText(r, { color: false, width })
      const verbose = renderText(r, { color: false, width, verbose: true })
      expect(longest(compact)).toBeLessThanOrEqual(width)
      expect(longest(verbose)).toBeLessThanOrEqual(width)
      // Without a width limit the same tables are one block each, wider than the terminal.
      expect(longest(renderText(r, { color: false, width: 1000, verbose: true }))).toBeGreaterThan(width)
      // The compact rendering has the checks and regressions; the tables are --verbose's.
      expect(compact).toMatch(/^FAIL +fairness\.disparate-impact · sex$/m)
      expect(compact).toContain('Regressions against the baseline (28,')
      expect(compact).not.toContain('Groups of race')
      expect(verbose).toContain('Groups of race')
      // A table cut into blocks repeats its first column: every group of race is in each block.
      const race = verbose.slice(verbose.indexOf('Groups of race'), verbose.indexOf('Groups of age_band'))
      expect(race.match(/^Amer-Indian-Eskimo /gm)!.length).toBeGreaterThan(1)
    }
  )

  it('colours each status, and nothing without colour', async () => {
    const r = await example
    const coloured = renderText(r, { color: true })
    expect(coloured).toContain('\x1b[1m\x1b[31mDecision: FAIL\x1b[39m\x1b[22m')
    // eslint-disable-next-line no-control-regex -- terminal controls are what it looks for
    expect(coloured).toMatch(/\x1b\[33mWARN +\x1b\[39m/)
    // eslint-disable-next-line no-control-regex -- terminal controls are what it looks for
    expect(renderText(r, { color: false })).not.toMatch(/\x1b/)
  })
})
