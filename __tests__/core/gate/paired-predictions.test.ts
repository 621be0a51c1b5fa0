/**
 * Predictions compared row by row with the baseline: through the report's row record (ids) and the
 * champion's columns, with the overlap reported and the independent comparison where rows differ.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { check } from '../../../src/core/check.js'
import type { Report } from '../../../src/core/report/report.js'
import { createRng } from '../../../src/core/stats/rng.js'
import { manifestYaml, policyYaml, workspace } from '../../helpers/check.js'
import { expectValidReport } from '../../helpers/report-schema.js'

const POLICY = policyYaml(`defaults: { minGroupSize: 30, bootstrap: { resamples: 400 } }
gates:
  - { id: acc, metric: accuracy, maxWorsening: 0.01 }
  - { id: auc, metric: auc, maxWorsening: 0.01 }
`)

/** 3000 rows, two groups; `flip` of the predictions flipped (seeded), scores nudged likewise. */
function rows(flip: number, seed: number, extra = ''): string[] {
  const rng = createRng(7)
  const change = createRng(seed)
  const out = [`id,g,label,score,prediction${extra ? ',' + extra : ''}`]
  for (let i = 0; i < 3000; i++) {
    const y = rng.next() < 0.4 ? 1 : 0
    const s = Math.min(0.999, Math.max(0.001, 0.5 + (y ? 0.25 : -0.25) + (rng.next() - 0.5) * 0.8))
    let p = s >= 0.5 ? 1 : 0
    let score = s
    if (change.next() < flip) {
      p = 1 - p
      score = p ? Math.max(s, 0.5) : Math.min(s, 0.499)
    }
    out.push(`r${i},${i % 3 ? 'a' : 'b'},${y},${score.toFixed(6)},${p}`)
  }
  return out
}
const csv = (lines: string[]) => lines.join('\n') + '\n'

async function compare(now: string, before: string): Promise<Report> {
  const dir = workspace({
    'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
    'p.csv': before,
    'policies/p.yml': POLICY
  })
  const opts = {
    manifest: join(dir, 'rai-gate.yml'),
    policy: join(dir, 'policies'),
    cwd: dir,
    workspace: dir
  }
  writeFileSync(join(dir, 'base.json'), JSON.stringify(await check(opts)))
  writeFileSync(join(dir, 'p.csv'), now)
  const report = await check({ ...opts, baseline: join(dir, 'base.json') })
  expectValidReport(report)
  return report
}

describe('predictions paired by id', () => {
  it('pairs on the shared rows, with narrower intervals than independent samples', async () => {
    const paired = await compare(csv(rows(0.05, 2)), csv(rows(0, 2)))
    const acc = paired.checks.find(c => c.gate === 'acc')!
    console.log(
      JSON.stringify(paired.baseline?.comparisons),
      acc.change,
      acc.changeCi,
      paired.checks.find(c => c.gate === 'auc')
    )
    // The same rows under other ids: nothing shared, so independent.
    const other = rows(0.05, 2).map((l, i) => (i === 0 ? l : 'x' + l))
    const independent = await compare(csv(other), csv(rows(0, 2)))
    const acc2 = independent.checks.find(c => c.gate === 'acc')!
    console.log(
      JSON.stringify(independent.baseline?.comparisons),
      acc2.change,
      acc2.changeCi,
      independent.checks.find(c => c.gate === 'auc')
    )
  })
})
