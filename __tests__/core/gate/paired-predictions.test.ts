/**
 * Predictions compared row by row with the baseline: through the report's row record (ids) and the
 * champion's columns, with the overlap reported and the independent comparison where rows differ.
 */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { check } from '../../../src/core/check.js'
import type { Report } from '../../../src/core/report/report.js'
import { createRng } from '../../../src/core/stats/rng.js'
import { againstBaseline, manifestYaml, policyYaml, workspace } from '../../helpers/check.js'
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
  const files = {
    'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv, columns: { id: id } }'),
    'p.csv': before,
    'policies/p.yml': POLICY
  }
  return (await againstBaseline(files, { 'p.csv': now })).report
}

const gate = (r: Report, id: string) => r.checks.find(c => c.gate === id)!
const width = (ci: [number, number] | null | undefined) => ci![1] - ci![0]

describe('predictions paired by id', () => {
  it('pairs on the shared rows, several times narrower than independent samples', async () => {
    const paired = await compare(csv(rows(0.05, 2)), csv(rows(0, 2)))
    expect(paired.baseline?.comparisons).toEqual([
      {
        kind: 'predictions',
        comparison: 'paired',
        source: 'record',
        shared: 3000,
        onlyBaseline: 0,
        onlyRun: 0,
        labelsDiffer: 0
      }
    ])
    // The same rows under other ids: nothing shared, so independent samples, and a note says why.
    const other = rows(0.05, 2).map((l, i) => (i === 0 ? l : 'x' + l))
    const independent = await compare(csv(other), csv(rows(0, 2)))
    expect(independent.baseline?.comparisons?.[0]).toMatchObject({
      comparison: 'independent',
      reason: 'only 0 of the rows are in both runs (3000 only in the baseline, 3000 only in this run)'
    })
    expect(independent.notes.join()).toMatch(
      /predictions is compared with the baseline as independent samples/
    )
    for (const id of ['acc', 'auc']) {
      const [p, i] = [gate(paired, id), gate(independent, id)]
      expect(p).toMatchObject({ comparison: 'paired' })
      expect(i).toMatchObject({ comparison: 'independent' })
      expect(p.change).toBeCloseTo(i.change!, 12)
      expect(width(p.changeCi)).toBeLessThan(0.6 * width(i.changeCi))
    }
  })

  it('measures accuracy by the discordant rows, with the Agresti–Min interval', async () => {
    const now = rows(0.05, 2)
    const before = rows(0, 2)
    const report = await compare(csv(now), csv(before))
    // Count by hand the rows whose prediction is right only before (b) or only now (c).
    let b = 0
    let c = 0
    for (let i = 1; i < now.length; i++) {
      const [, , y, , p] = now[i].split(',')
      const q = before[i].split(',')[4]
      if (q === y && p !== y) b++
      if (q !== y && p === y) c++
    }
    const acc = gate(report, 'acc')
    expect(acc.change).toBeCloseTo((c - b) / 3000, 12)
    // ½ added to each cell of the paired table: d = (c − b)/3002, se = √((b + c + 1)/3002 − d²)/√3002.
    const d = (c - b) / 3002
    const se = Math.sqrt((b + c + 1) / 3002 - d * d) / Math.sqrt(3002)
    expect(acc.changeCi![0]).toBeCloseTo(d - 1.959963984540054 * se, 9)
    expect(acc.changeCi![1]).toBeCloseTo(d + 1.959963984540054 * se, 9)
  })

  it('pairs on the shared rows when a few changed, and says so', async () => {
    const now = rows(0.05, 2).filter((_, i) => i < 2900 || i > 2950)
    const report = await compare(csv(now), csv(rows(0, 2)))
    expect(report.baseline?.comparisons?.[0]).toMatchObject({
      comparison: 'paired',
      shared: 2949,
      onlyBaseline: 51,
      onlyRun: 0
    })
    expect(report.notes.join()).toMatch(
      /The rows changed since the baseline: predictions is compared row by row on the 2949 rows both runs evaluated \(51 only in the baseline, 0 only in this run\)/
    )
  })

  it('notes labels that differ for the same id, and keeps the bootstrap for rates then', async () => {
    const now = rows(0.05, 2).map((l, i) =>
      i > 0 && i <= 10 ? l.replace(/,([01]),/, (_, y) => `,${1 - +y},`) : l
    )
    const report = await compare(csv(now), csv(rows(0, 2)))
    expect(report.baseline?.comparisons?.[0]).toMatchObject({ comparison: 'paired', labelsDiffer: 10 })
    expect(report.notes.join()).toMatch(/10 of the rows shared with the baseline have another label now/)
    expect(gate(report, 'acc').changeCi).not.toBeNull()
  })

  it('keeps no record, and says why, when an id repeats', async () => {
    const now = rows(0.05, 2)
    now[5] = now[5].replace(/^r4,/, 'r3,').replace(/^r5,/, 'r3,')
    const report = await compare(csv(now), csv(rows(0, 2)))
    expect(report.baseline?.comparisons?.[0]).toMatchObject({
      comparison: 'independent',
      reason: 'case id "r3" repeats (line 6)'
    })
    expect(report.stats.predictions?.cases).toBeUndefined()
    expect(report.notes.join()).toMatch(
      /predictions is compared with the baseline as independent samples: case id "r3" repeats \(line 6\)/
    )
  })

  it('keeps the record in the report: 12 bytes a row as base64', async () => {
    const report = await compare(csv(rows(0, 2)), csv(rows(0, 2)))
    const cases = report.stats.predictions!.cases!
    expect(cases.count).toBe(3000)
    expect(Buffer.from(cases.keys, 'base64')).toHaveLength(8 * 3000)
    expect(Buffer.from(cases.codes, 'base64')).toHaveLength(4 * 3000)
    // Byte-identical input: identical, exactly 0.
    expect(report.baseline?.comparisons).toEqual([{ kind: 'predictions', comparison: 'identical' }])
    expect(gate(report, 'acc')).toMatchObject({ change: 0, changeCi: [0, 0], comparison: 'identical' })
  })
})

describe('champion/challenger columns', () => {
  const file = () => {
    const base = rows(0, 2)
    return csv(
      rows(0.05, 2).map((l, i) =>
        i === 0
          ? l + ',baselinePrediction,baselineScore'
          : `${l},${base[i].split(',')[4]},${base[i].split(',')[3]}`
      )
    )
  }

  it('pairs within the file without any baseline report', async () => {
    const dir = workspace({
      'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv, columns: { id: id } }'),
      'p.csv': file(),
      'policies/p.yml': POLICY
    })
    const report = await check({
      manifest: join(dir, 'rai-gate.yml'),
      policy: join(dir, 'policies'),
      cwd: dir,
      workspace: dir
    })
    expectValidReport(report)
    expect(report.baseline).toMatchObject({
      path: 'p.csv (baseline model columns)',
      usable: true,
      comparisons: [{ kind: 'predictions', comparison: 'paired', source: 'columns', shared: 3000 }]
    })
    // The same changes as pairing by id against the baseline's report.
    const byId = await compare(csv(rows(0.05, 2)), csv(rows(0, 2)))
    for (const id of ['acc', 'auc']) {
      expect(gate(report, id).change).toBeCloseTo(gate(byId, id).change!, 12)
      expect(gate(report, id).changeCi![0]).toBeCloseTo(gate(byId, id).changeCi![0], 9)
      expect(gate(report, id).baseline).toBeCloseTo(gate(byId, id).baseline!, 12)
    }
  })

  it('names the file, line and column of a bad baseline score', async () => {
    const text = file().replace(/\n(r1,[^\n]*),([0-9.]+)\n/, '\n$1,1.5\n')
    const dir = workspace({
      'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv, columns: { id: id } }'),
      'p.csv': text,
      'policies/p.yml': POLICY
    })
    await expect(
      check({ manifest: join(dir, 'rai-gate.yml'), policy: join(dir, 'policies'), cwd: dir, workspace: dir })
    ).rejects.toMatchObject({ file: 'p.csv', line: 3, path: 'baselineScore' })
  })
})
