/** The text rendering states the level each interval was computed at, never the policy's alone. */
import { describe, expect, it } from '@jest/globals'
import { renderMarkdown } from '../../../src/core/report/markdown.js'
import { renderText } from '../../../src/core/report/text.js'
import { checkFiles, manifestYaml, policyYaml } from '../../helpers/check.js'

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
    const text = renderText(r, { color: false })
    const corrected = `${+((1 - 0.05 / 3) * 100).toFixed(4)}%`
    expect(text).toContain(
      `Bonferroni correction over 3 lenient and point checks: their intervals at ${corrected}`
    )
    // Every check row states its level (all passing here, so the table lists none: the header says it).
    expect(text).toMatch(/metric\s+value \[95% CI\]/)
    const md = renderMarkdown(r)
    expect(md).toContain(
      'The intervals of the 3 lenient and point checks are Bonferroni-corrected (98.333%); strict checks never are.'
    )
    expect(md).toMatch(/\| ✅ \| `sel` · `selection_rate` · g · a \| [^|]* at 98\.333% \|/)
  })

  it('names the interval methods it used', async () => {
    const text = renderText(await report, { color: false })
    expect(text).toMatch(/95% intervals \(Clopper–Pearson \d+;/)
  })
})
