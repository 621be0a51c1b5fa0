/** The CLI: flags, exit codes, and errors that are messages, never stack traces. */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../helpers/cli.js'
import { renderJunit } from '../../src/core/report/junit.js'
import { manifestYaml, policyYaml, workspace } from '../helpers/check.js'
import { expectValidReport } from '../helpers/report-schema.js'

const cli = (args: string[], cwd: string, env: Record<string, string> = {}, isTTY = false) =>
  runCli(args, cwd, { env, isTTY })

const files = {
  'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
  'p.csv': 'g,label,score\na,1,0.9\na,0,0.2\nb,1,0.6\nb,0,0.7\n',
  'policies/medium.yml': policyYaml('defaults: { minGroupSize: 1, bootstrap: { resamples: 200 } }')
}

describe('rai-gate check', () => {
  it('writes the report and prints the summary (exit 0)', async () => {
    const dir = workspace(files)
    const r = await cli(['check'], dir)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/m 1\.0\.0 \(risk tier medium\)/)
    expect(r.stdout).toMatch(/Decision: PASS/)
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    expectValidReport(report)
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'rai-gate' },
      model: { name: 'm', version: '1.0.0' },
      decision: 'pass',
      checks: []
    })
    expect(report.inputs).toEqual([
      { kind: 'predictions', path: 'p.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rows: 4 }
    ])
  })

  it('run from a subfolder, finds the manifest above it (up to the repository root)', async () => {
    const dir = workspace({ ...files, '.git/HEAD': 'ref: refs/heads/main\n', 'eval/deep/.keep': '' })
    const r = await cli(['check', '--junit', 'j.xml'], join(dir, 'eval/deep'))
    expect(r.code).toBe(0)
    expect(r.stderr).toBe(`rai-gate: using ${join('..', '..', 'rai-gate.yml')}\n`)
    expect(r.stdout).toMatch(/report written to \.\.\/\.\.\/rai-gate-report\.json\n$/)
    // The defaults are the model folder's; a path given is taken from where the command runs.
    expect(JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8')).inputs[0].path).toBe('p.csv')
    expect(readFileSync(join(dir, 'eval/deep/j.xml'), 'utf8')).toMatch(/^<\?xml/)
    // Not past the repository's root: a manifest above it belongs to something else.
    const outer = workspace({ ...files, 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/src/.keep': '' })
    const none = await cli(['check'], join(outer, 'repo/src'))
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/^rai-gate: error: rai-gate\.yml: /)
  })

  it('notes a score that ranks the negatives above the positives', async () => {
    // The score of the negative class: high on negatives, low on positives (AUC about 0.1).
    const rows = Array.from({ length: 200 }, (_, i) => {
      const y = i % 2
      const s = (y ? 0.1 : 0.6) + ((i * 37) % 30) / 100
      return `${'ab'[(i >> 1) % 2]},${y},${s.toFixed(2)}`
    })
    const dir = workspace({ ...files, 'p.csv': `g,label,score\n${rows.join('\n')}\n` })
    const r = await cli(['check', '--fail-on', 'never'], dir)
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(
      /Note: the score ranks negatives above positives \(AUC 0\.\d+ \[0\.\d+, 0\.\d+\], below 0\.5\): is it the probability of the other class, or is positiveLabel the other value\?/
    )
    // A score that ranks well: no note.
    expect((await cli(['check'], workspace(files))).stdout).not.toMatch(/ranks negatives above/)
  })

  it('prints the report as JSON with --format json', async () => {
    const dir = workspace(files)
    const r = await cli(['check', '--format', 'json', '--report', 'out/r.json'], dir)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(dir, 'out/r.json'), 'utf8')))
  })

  it('exits 2 with a one-line message on bad input, no stack trace', async () => {
    const dir = workspace({ ...files, 'p.csv': 'g,label,score\na,1,0.9\na,3,0.2\n' })
    const r = await cli(['check'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe("rai-gate: error: p.csv, line 3, label: label '3' is not binary; expected 0 or 1\n")
  })

  it('exits 2 on an unknown flag, an unknown format and an unknown command', async () => {
    const dir = workspace(files)
    expect((await cli(['check', '--nope'], dir)).stderr).toMatch(/Unknown option '--nope'/)
    expect((await cli(['check', '--format', 'xml'], dir)).stderr).toMatch(
      /--format 'xml' is not supported; expected text, json or markdown/
    )
    const r = await cli(['frobnicate'], dir)
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command 'frobnicate'/) })
  })

  it('explains each command with --help (exit 0), and shows the tables with --verbose', async () => {
    const dir = workspace(files)
    for (const command of ['check', 'validate', 'sql', 'init']) {
      const r = await cli([command, '--help'], dir)
      expect(r).toMatchObject({ code: 0, stderr: '' })
      expect(r.stdout).toMatch(new RegExp(`^usage: rai-gate ${command} `))
      expect(r.stdout.split('\n').length).toBeGreaterThan(4)
    }
    // --help writes nothing: no report.
    expect(existsSync(join(dir, 'rai-gate-report.json'))).toBe(false)
    expect((await cli(['check'], dir)).stdout).not.toContain('Groups of g')
    expect((await cli(['check', '--verbose'], dir, { COLUMNS: '60' })).stdout).toContain('Groups of g')
  })

  it('gives the same report for the same inputs', async () => {
    const dir = workspace(files)
    await cli(['check', '--report', 'a.json'], dir)
    await cli(['check', '--report', 'b.json'], dir)
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'))
  })

  it('exits 1 when the decision reaches --fail-on, 0 otherwise', async () => {
    const gate = (severity: string) =>
      policyYaml(
        `defaults: { minGroupSize: 1, bootstrap: { resamples: 200 } }\ngates:\n  - { id: acc, metric: accuracy, min: 0.99, severity: ${severity} }\n`
      )
    const block = workspace({ ...files, 'policies/medium.yml': gate('block') })
    const warn = workspace({ ...files, 'policies/medium.yml': gate('warn') })
    expect((await cli(['check'], block)).code).toBe(1)
    expect((await cli(['check', '--fail-on', 'never'], block)).code).toBe(0)
    expect((await cli(['check'], warn)).code).toBe(0)
    expect((await cli(['check', '--fail-on', 'warn'], warn)).code).toBe(1)
    expect((await cli(['check', '--fail-on', 'sometimes'], warn)).stderr).toMatch(
      /--fail-on 'sometimes' is not supported; expected block, warn or never/
    )
    expect((await cli(['check'], block)).stdout).toMatch(/Decision: FAIL[\s\S]*FAIL\s+acc\s+0\.7500 \[/)
  })

  it('writes the checks as JUnit XML with --junit, as --fail-on reads them', async () => {
    const dir = workspace({
      ...files,
      'policies/medium.yml': policyYaml(`defaults: { minGroupSize: 1, bootstrap: { resamples: 200 } }
gates:
  - { id: acc, metric: accuracy, min: 0.99, severity: warn }
`)
    })
    const r = await cli(['check', '--junit', 'out/junit.xml', '--fail-on', 'warn'], dir)
    expect(r.code).toBe(1)
    const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
    const xml = readFileSync(join(dir, 'out/junit.xml'), 'utf8')
    expect(xml).toBe(renderJunit(report, 'warn'))
    expect(xml).toMatch(/<testcase name="acc" classname="rai-gate\.m\.acc"><failure type="warn"/)
  })

  it('colours the summary only on a terminal, and not when NO_COLOR is set', async () => {
    const dir = workspace(files)
    const ESC = '\x1b['
    expect((await cli(['check'], dir, {}, true)).stdout).toContain(ESC)
    expect((await cli(['check'], dir, { NO_COLOR: '1' }, true)).stdout).not.toContain(ESC)
    expect((await cli(['check'], dir, {}, false)).stdout).not.toContain(ESC)
  })
})

describe('rai-gate sql', () => {
  it('prints the query for the manifest and policy (exit 0)', async () => {
    const r = await cli(['sql', '--dialect', 'duckdb', '--table', 'evals.preds'], workspace(files))
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(
      /^-- rai-gate stats table for m: 1 attribute\(s\), uniform calibration bins \(10\), 10000 score bins\n/
    )
    expect(r.stdout).toContain('FROM "evals"."preds"')
  })

  it('is a usage error (exit 2) without a known dialect or with a bad table name', async () => {
    const dir = workspace(files)
    expect(await cli(['sql'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--dialect is required; expected duckdb, bigquery, spark/)
    })
    expect(await cli(['sql', '--dialect', 'mysql'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--dialect 'mysql' is not supported/)
    })
    expect(await cli(['sql', '--dialect', 'spark', '--table', 'x; DROP TABLE y'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--table 'x; DROP TABLE y' is not a table name/)
    })
  })
})

describe('rai-gate validate with a metrics artifact', () => {
  it("accepts gates on the artifact's metrics with --manifest, and names them unknown without", async () => {
    const dir = workspace({
      ...files,
      'rai-gate.yml': manifestYaml(
        '  - { kind: predictions, path: p.csv }\n  - { kind: metrics, path: m.json }'
      ),
      'm.json': JSON.stringify({
        metrics: [{ metric: 'toxicity_rate', value: 0.01, higherIsBetter: false }]
      }),
      'policies/medium.yml': policyYaml(
        'gates:\n  - { id: tox, metric: toxicity_rate, max: 0.02, mode: point }\n'
      )
    })
    expect(await cli(['validate', 'policies', '--manifest', 'rai-gate.yml'], dir)).toMatchObject({ code: 0 })
    expect(await cli(['validate', 'policies'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown metric 'toxicity_rate'/)
    })
  })
})
