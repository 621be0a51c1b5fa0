/**
 * Properties of the whole engine on arbitrary small files (fast-check, fixed seeds): what a user may
 * rely on whatever the data. Row order does not matter; a weight of 2 is a row counted twice; ratios
 * stay in [0, 1] and differences at or above 0; the same input and seed give the same report, byte
 * for byte; and one corrupted row is an error, never a pass.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { serializeReport, type Report } from '../../src/core/report/report.js'
import { checkFiles, manifestYaml, policyYaml } from '../helpers/check.js'

interface Row {
  g: string
  label: 0 | 1
  score: number
}

const POLICY = policyYaml('defaults: { minGroupSize: 1, bootstrap: { resamples: 100, seed: 3 } }')
const ARTIFACT = '  - { kind: predictions, path: p.csv }'
const WEIGHTED = '  - { kind: predictions, path: p.csv, columns: { weight: w } }'

/** Rows of three groups, each group with both labels (so that every rate is defined). */
const rows = fc
  .array(
    fc.record({
      g: fc.constantFrom('a', 'b', 'c'),
      label: fc.constantFrom(0 as const, 1 as const),
      score: fc.integer({ min: 0, max: 1000 }).map(k => k / 1000)
    }),
    { minLength: 1, maxLength: 40 }
  )
  .map(extra => [
    ...['a', 'b', 'c'].flatMap(g => [
      { g, label: 1 as const, score: 0.8 },
      { g, label: 0 as const, score: 0.3 }
    ]),
    ...extra
  ])

const csv = (rs: Row[], weights?: number[]) =>
  (weights ? 'g,label,score,w\n' : 'g,label,score\n') +
  rs.map((r, i) => `${r.g},${r.label},${r.score}${weights ? `,${weights[i]}` : ''}\n`).join('')

const check = (text: string, artifact = ARTIFACT): Promise<Report> =>
  checkFiles({ 'rai-gate.yml': manifestYaml(artifact), 'policies/p.yml': POLICY, 'p.csv': text })

/** Each metric's value by metric and scope. */
const values = (r: Report) =>
  new Map(
    r.metrics.map(m => [JSON.stringify([m.metric, m.attribute ?? null, m.group ?? null]), m.value ?? null])
  )

/** Equal to rounding: sums taken in another order may differ in the last bits. */
function expectClose(a: Map<string, number | null>, b: Map<string, number | null>) {
  // The same metrics; groups are listed in the order the file first names them.
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort())
  for (const [k, v] of a) {
    const w = b.get(k)!
    if (v === null || w === null) expect([k, w]).toEqual([k, v])
    else expect([k, Math.abs(v - w) <= 1e-9 * Math.max(1, Math.abs(v))]).toEqual([k, true])
  }
}

const shuffle = (rs: Row[], seed: number) => {
  const out = [...rs]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

const runs = { numRuns: 12, seed: 17 }

describe('engine properties', () => {
  it('metrics do not depend on row order', async () => {
    await fc.assert(
      fc.asyncProperty(rows, fc.nat(), async (rs, seed) => {
        expectClose(values(await check(csv(rs))), values(await check(csv(shuffle(rs, seed)))))
      }),
      runs
    )
  })

  it('a weight of 2 is the same as the row twice', async () => {
    await fc.assert(
      fc.asyncProperty(rows, fc.nat(), async (rs, pick) => {
        const k = pick % rs.length
        const doubled = [...rs, rs[k]]
        const weights = rs.map((_, i) => (i === k ? 2 : 1))
        // Every estimate; `count` stays the rows in the file (docs/metrics.md), and the weighted
        // report's intervals use Kish's effective size.
        const estimates = (r: Report) => new Map([...values(r)].filter(([k]) => !k.startsWith('["count"')))
        expectClose(estimates(await check(csv(doubled))), estimates(await check(csv(rs, weights), WEIGHTED)))
      }),
      runs
    )
  })

  it('a ratio lies in [0, 1] and a difference is at least 0', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async rs => {
        for (const m of (await check(csv(rs))).metrics) {
          if (m.value === null || m.value === undefined) continue
          if (m.metric.endsWith('_ratio'))
            expect([m.metric, m.value >= 0 && m.value <= 1]).toEqual([m.metric, true])
          if (m.metric.endsWith('_difference')) expect([m.metric, m.value >= 0]).toEqual([m.metric, true])
        }
      }),
      runs
    )
  })

  it('the same input and seed give the same report, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async rs => {
        const now = new Date('2026-12-01T00:00:00Z')
        const run = () =>
          checkFiles(
            { 'rai-gate.yml': manifestYaml(ARTIFACT), 'policies/p.yml': POLICY, 'p.csv': csv(rs) },
            { now }
          )
        // Apart from where each run's workspace is.
        const text = (r: Report) => serializeReport(r).replaceAll(/"[^"]*rai-gate-[^"/]*\//g, '"')
        expect(text(await run())).toBe(text(await run()))
      }),
      runs
    )
  })

  it('one corrupted row is an error, never a pass', async () => {
    const corruptions = ['x', '', '2', '-1', 'NaN', '1.5', 'a,b', '"']
    await fc.assert(
      fc.asyncProperty(
        rows,
        fc.nat(),
        fc.constantFrom(1, 2),
        fc.constantFrom(...corruptions),
        async (rs, pick, field, bad) => {
          const lines = csv(rs).split('\n')
          const at = 1 + (pick % rs.length)
          const cells = lines[at].split(',')
          cells[field] = bad
          lines[at] = cells.join(',')
          await expect(check(lines.join('\n'))).rejects.toThrow(new RegExp(`^p\\.csv, line ${at + 1}`))
        }
      ),
      runs
    )
  })
})
