/**
 * kind: robustness with example ids that repeat within a perturbation (the same example perturbed
 * with several seeds): the example is the unit of the intervals, the design effects match the
 * cluster-robust variance written out here, a report keeps them for a later run, and the reviewer
 * is told.
 */
import { describe, expect, it } from '@jest/globals'
import { ExampleClusters } from '../../../src/core/artifacts/kinds/robustness.js'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBaseline } from '../../../src/core/baseline/load.js'
import { clopperPearson } from '../../../src/core/stats/intervals.js'
import { againstBaseline, checkFiles, manifestYaml, policyYaml } from '../../helpers/check.js'

/** 20 examples × 4 seeds: examples 0–4 flip on every seed, the rest never; labels and clean right. */
function rows(): string {
  const out = ['id,perturbation,label,clean_prediction,prediction']
  for (let e = 0; e < 20; e++) for (let k = 0; k < 4; k++) out.push(`ex${e},noise,1,1,${e < 5 ? 0 : 1}`)
  return out.join('\n') + '\n'
}

const files = (csv: string) => ({
  'rai-gate.yml': manifestYaml('  - { kind: robustness, path: r.csv }', ''),
  'r.csv': csv,
  'policies/p.yml': policyYaml('defaults: { bootstrap: { resamples: 100 } }')
})

describe('robustness examples drawn with several seeds', () => {
  it('takes the example as the unit: the flip rate of 20 examples, not of 80 rows', async () => {
    const report = await checkFiles(files(rows()))
    const flip = report.metrics.find(m => m.metric === 'flip_rate')!
    expect(flip.value).toBeCloseTo(0.25, 12)
    // Every seed of an example agrees: the 80 rows carry what 20 examples do. By hand: the
    // cluster-robust variance C/(C−1)·Σ(x_c − μ·m_c)²/N² = 20/19·(5·3² + 15·1²)/80² over the rows'
    // 0.25·0.75/80 is a design effect of 4·20/19, times (t₁₉/z)² at 95%.
    const t19 = 2.093024054408263 // Student's t, 19 degrees of freedom, 0.975 (SciPy)
    const deff = ((4 * 20) / 19) * (t19 / 1.959963984540054) ** 2
    const [lo, hi] = clopperPearson(0.25 * (80 / deff), 80 / deff, 0.95)!
    expect(flip.ci![0]).toBeCloseTo(lo, 10)
    expect(flip.ci![1]).toBeCloseTo(hi, 10)
    expect(report.notes.join(' ')).toMatch(
      /robustness: example ids repeat \(4\.0 rows per example and perturbation on average\), so its intervals treat the example as the unit/
    )
    // Without repeated ids the same counts are 80 independent rows: a narrower interval.
    const once = rows()
      .split('\n')
      .map((line, i) => (i === 0 || line === '' ? line : line.replace(/^ex(\d+)/, `ex$1-${i}`)))
      .join('\n')
    const independent = (await checkFiles(files(once))).metrics.find(m => m.metric === 'flip_rate')!
    expect(independent.ci![1] - independent.ci![0]).toBeLessThan(0.7 * (flip.ci![1] - flip.ci![0]))
  })

  it('keeps the design effects in the report, for a later run to compare with, and refuses ones that do not fit', async () => {
    const { report, dir } = await againstBaseline(files(rows()), {})
    const path = join(dir, 'base.json')
    const base = JSON.parse(readFileSync(path, 'utf8'))
    expect(base.stats.robustness.designEffects).toHaveLength(3)
    expect(base.stats.robustness.rowsPerExample).toBe(4)
    expect(report.baseline?.usable).toBe(true)
    expect(readBaseline(path, dir, 'm').robustness!.table.designEffects).toEqual(
      base.stats.robustness.designEffects
    )
    // Two design effects for one perturbation (three are due): not compared, never misread.
    base.stats.robustness.designEffects.pop()
    writeFileSync(path, JSON.stringify(base))
    const refused = readBaseline(path, dir, 'm')
    expect(refused.info.usable).toBe(false)
    expect(refused.info.warning).toMatch(/2 robustness design effects for 1 perturbations \(3 each\)/)
  })

  it('keeps no design effect when no example repeats', () => {
    const c = new ExampleClusters()
    c.add(0, 'a', 1, 1, 0)
    c.add(0, 'b', 1, 1, 1)
    expect(c.designEffects(1)).toBeNull()
  })
})
