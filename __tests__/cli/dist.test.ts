/**
 * The bundled CLI (dist/cli.js) as users run it: a child process. Large files are read on two
 * threads there; these tests force that path and compare it with the one-thread path.
 */
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { check } from '../../src/core/check.js'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { manifestYaml, policyYaml, workspace } from '../helpers/check.js'
import { expectValidReport } from '../helpers/report-schema.js'

const ROOT = join(import.meta.dirname, '../..')
const CLI = join(ROOT, 'dist/cli.js')

function run(cwd: string, args: string[], parallel: boolean) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, RAI_GATE_PARALLEL_MIN_BYTES: parallel ? '0' : '1e15' }
  })
}

function rows(n: number, bad?: number): string {
  const lines = ['g,label,score']
  for (let i = 0; i < n; i++)
    lines.push(`${'abc'[i % 3]},${i % 2},${i === bad ? 'oops' : ((i * 37) % 100) / 100}`)
  return lines.join('\n') + '\n'
}

const setup = (csv: string) =>
  workspace({
    'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
    'p.csv': csv,
    'policies/p.yml': policyYaml('defaults: { minGroupSize: 1, bootstrap: { resamples: 200 } }')
  })

const metrics = (dir: string, name: string) =>
  (
    JSON.parse(readFileSync(join(dir, name), 'utf8')).metrics as {
      metric: string
      value: number | null
      corrected?: number
      ci: number[] | null
    }[]
  ).map(m => ({
    ...m,
    value: m.value === null ? null : Number(m.value.toPrecision(12)),
    ...(m.corrected !== undefined && { corrected: Number(m.corrected.toPrecision(12)) }),
    ci: m.ci && m.ci.map(v => Number(v.toPrecision(12)))
  }))

describe('dist/cli.js', () => {
  it('runs the demo example straight from the repository', async () => {
    const report = join(workspace({}), 'r.json')
    const r = spawnSync(
      process.execPath,
      [
        CLI,
        'check',
        '--manifest',
        'examples/adult/rai-gate.yml',
        '--policy',
        'examples/adult/policies',
        '--baseline',
        'examples/adult/baseline/rai-gate-report.json',
        '--report',
        report,
        '--fail-on',
        'never'
      ],
      {
        cwd: ROOT,
        encoding: 'utf8'
      }
    )
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/demographic_parity_difference/)
    expect(r.stdout).toMatch(/^Decision: FAIL/)
    expect(r.stdout).toMatch(/WAIVED\s+fairness\.equalized-odds/)
    expect(r.stdout).toMatch(/waiver expired on 2026-10-31/)
    const written = JSON.parse(readFileSync(report, 'utf8'))
    expectValidReport(written)
    // The demo's bootstraps (its own and the one paired with the baseline's rows) are large enough to
    // draw half of each on a worker thread; the numbers are those of one thread drawing all of them
    // (check() here starts no workers).
    const inProcess = await check({
      manifest: 'examples/adult/rai-gate.yml',
      policy: 'examples/adult/policies',
      cwd: ROOT,
      workspace: ROOT,
      baseline: 'examples/adult/baseline/rai-gate-report.json'
    })
    expect(written.baseline.comparisons).toContainEqual(
      expect.objectContaining({ kind: 'predictions', comparison: 'paired', shared: 9049 })
    )
    for (const key of ['metrics', 'checks', 'regressions'] as const)
      expect(written[key]).toEqual(JSON.parse(JSON.stringify(inProcess[key])))
  })

  it('runs the regression example straight from the repository, as check() does', async () => {
    const report = join(workspace({}), 'r.json')
    const args = ['--manifest', 'examples/diabetes/rai-gate.yml', '--policy', 'examples/diabetes/policies']
    const baseline = 'examples/diabetes/baseline/rai-gate-report.json'
    const r = spawnSync(
      process.execPath,
      [CLI, 'check', ...args, '--baseline', baseline, '--report', report, '--fail-on', 'never'],
      { cwd: ROOT, encoding: 'utf8' }
    )
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Decision: PASS/)
    const written = JSON.parse(readFileSync(report, 'utf8'))
    expectValidReport(written)
    expect(written.task).toBe('regression')
    expect(written.baseline.comparisons).toEqual([
      { kind: 'regression', comparison: 'paired', shared: 221, onlyBaseline: 0, onlyRun: 0 }
    ])
    const inProcess = await check({
      manifest: 'examples/diabetes/rai-gate.yml',
      policy: 'examples/diabetes/policies',
      cwd: ROOT,
      workspace: ROOT,
      baseline
    })
    for (const key of ['metrics', 'checks', 'regressions'] as const)
      expect(written[key]).toEqual(JSON.parse(JSON.stringify(inProcess[key])))
  })

  it('gives the same metrics on two threads as on one', () => {
    const dir = setup(rows(3000))
    expect(run(dir, ['check', '--report', 'one.json'], false).status).toBe(0)
    expect(run(dir, ['check', '--report', 'two.json'], true).status).toBe(0)
    expect(metrics(dir, 'two.json')).toEqual(metrics(dir, 'one.json'))
    // The first part's worker hashes the whole file: the same digest as one thread's, and sha256sum's.
    const inputs = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')).inputs
    expect(inputs('two.json')).toEqual(inputs('one.json'))
    expect(inputs('two.json')[0].sha256).toBe(
      createHash('sha256')
        .update(readFileSync(join(dir, 'p.csv')))
        .digest('hex')
    )
  })

  it('reports the file line of a bad row in the second part', () => {
    const dir = setup(rows(3000, 2500))
    const r = run(dir, ['check'], true)
    expect(r.status).toBe(2)
    expect(r.stderr).toBe(
      "rai-gate: error: p.csv, line 2502, score: score 'oops' is not a probability; expected a number in [0, 1]\n"
    )
  })

  it('falls back to one thread when a quoted line end spans the cut', () => {
    // One giant quoted attribute value with line ends, across the middle of the file.
    const big = `"${'x\n'.repeat(5000)}"`
    const csv = `g,label,score\na,1,0.5\n${big},0,0.25\nb,1,0.75\n`
    const dir = setup(csv)
    expect(run(dir, ['check', '--report', 'one.json'], false).status).toBe(0)
    const r = run(dir, ['check', '--report', 'two.json'], true)
    expect(r.stderr).toBe('')
    expect(metrics(dir, 'two.json')).toEqual(metrics(dir, 'one.json'))
    expect(metrics(dir, 'two.json').find(m => m.metric === 'count')?.value).toBe(3)
  })
})

describe('dist/cli.js on a pipe', () => {
  it('stops quietly when the reader closes it early (`check | head -1`)', () => {
    // 400 groups: a report of megabytes, far more than a pipe holds before its reader has gone.
    let n = 0
    const csv = rows(4000).replace(/^[abc],/gm, () => `g${(n++ * 7) % 400},`)
    const dir = setup(csv)
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check --format json | head -c 10`], {
      cwd: dir,
      encoding: 'utf8'
    })
    expect(r.stdout).toHaveLength(10)
    expect(r.stderr).toBe('')
    expect(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8')).toMatch(/\}\n$/)
  })
})
