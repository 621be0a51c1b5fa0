/**
 * ECE's bias-corrected estimate and its upper end (support.ts, docs/metrics.md "ECE"): equal to the
 * formulas written out here, and what a check judges: a model whose bins are off by their noise alone
 * passes `ece ≤ 0.05` although its plug-in ECE is above it, and the reason names both.
 */
import { describe, expect, it } from '@jest/globals'
import { checkFiles, manifestYaml, policyYaml } from '../../helpers/check.js'

/** 10 bins of 30 rows at scores 0.05 … 0.95, each bin's positives 2 away from 30 × its score. */
function rows(): { csv: string; bins: { score: number; y: number }[] } {
  const lines = ['g,label,score']
  const bins: { score: number; y: number }[] = []
  for (let b = 0; b < 10; b++) {
    const score = b / 10 + 0.05
    const positives = Math.round(score * 30) + (b % 2 === 0 ? 2 : -2)
    for (let i = 0; i < 30; i++) lines.push(`${'ab'[i % 2]},${i < positives ? 1 : 0},${score.toFixed(2)}`)
    bins.push({ score, y: positives / 30 })
  }
  return { csv: lines.join('\n') + '\n', bins }
}

describe("ECE's bias correction", () => {
  it('judges the corrected estimate, keeps the plug-in as the value, and bounds it without the bias', async () => {
    const { csv, bins } = rows()
    const report = await checkFiles({
      'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
      'p.csv': csv,
      'policies/p.yml': policyYaml(
        'defaults: { minGroupSize: 5, mode: point }\ngates:\n  - { id: ece, metric: ece, max: 0.05 }'
      )
    })
    const ece = report.metrics.find(m => m.metric === 'ece' && m.attribute === undefined)!
    // The plug-in: each bin's gap is about 2/30 (30 × score rounded, then 2 more or fewer positives).
    const plugIn = bins.reduce((t, b) => t + 0.1 * Math.abs(b.y - b.score), 0)
    expect(ece.value).toBeCloseTo(plugIn, 12)
    expect(ece.value).toBeGreaterThan(0.05)
    // Written out: Σ w·√max(0, ĝ² − ȳ(1 − ȳ)/(n − 1)), and √(T + z·√V) for the upper end.
    const square = (b: { score: number; y: number }) => (b.y - b.score) ** 2 - (b.y * (1 - b.y)) / 29
    const corrected = bins.reduce((t, b) => t + 0.1 * Math.sqrt(Math.max(0, square(b))), 0)
    expect(ece.corrected).toBeCloseTo(corrected, 12)
    const T = bins.reduce((t, b) => t + 0.1 * square(b), 0)
    const V = bins.reduce((t, b) => {
      const v = (b.y * (1 - b.y)) / 29
      return t + 0.01 * (4 * Math.max(0, square(b)) * v + 2 * v * v)
    }, 0)
    expect(ece.ci![1]).toBeCloseTo(Math.sqrt(Math.max(0, T + 1.959963984540054 * Math.sqrt(V))), 10)
    const check = report.checks.find(c => c.gate === 'ece')!
    expect(check.status).toBe('pass')
    expect(check.value).toBe(ece.value)
    expect(check.reason).toMatch(
      / is within the threshold \(bias-corrected; the plug-in formula gives 0\.06\d*\)/
    )
  })
})
