/**
 * The progress line of `check`: on a terminal's stderr only, never in CI, on a pipe, in stdout or in
 * the report; and every reader reports its way through the whole file.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { main } from '../../src/cli/main.js'
import { progressLine } from '../../src/cli/progress.js'
import { readPredictionsParallel } from '../../src/core/artifacts/fast/parallel.js'
import { readPredictions } from '../../src/core/artifacts/kinds/predictions.js'
import type { ArtifactSpec } from '../../src/core/manifest/types.js'
import { startHelpers } from '../../src/core/tasks.js'
import { manifestYaml, policyYaml, workspace } from '../helpers/check.js'
import { writeParquet } from '../helpers/duckdb.js'

const ERASE = '\r\x1b[K'

/** A clock that moves `step` ms each time it is read. */
const clock = (step: number) => {
  let t = 0
  return () => (t += step)
}

describe('progressLine', () => {
  it('draws after half a second, at most ten times a second, and erases itself when done', () => {
    let out = ''
    let t = 0
    const line = progressLine(
      s => void (out += s),
      true,
      {},
      () => t
    )!
    const MB = 2 ** 20
    line.progress('p.csv', 1 * MB, 100 * MB)
    t = 400
    line.progress('p.csv', 2 * MB, 100 * MB)
    expect(out).toBe('')
    t = 600
    line.progress('p.csv', 50 * MB, 100 * MB)
    expect(out).toBe(`${ERASE}reading p.csv: 50% (50 of 100 MB)`)
    t = 650
    line.progress('p.csv', 60 * MB, 100 * MB)
    expect(out.split(ERASE)).toHaveLength(2)
    t = 800
    line.progress('p.csv', 100 * MB, 100 * MB)
    expect(out.endsWith(ERASE)).toBe(true)
    line.end()
    expect(out.split(ERASE)).toHaveLength(3)
  })

  it('is off unless stderr is a terminal, and off in CI', () => {
    const write = () => {}
    expect(progressLine(write, false, {})).toBeUndefined()
    expect(progressLine(write, true, { CI: 'true' })).toBeUndefined()
    expect(progressLine(write, true, { CI: '1' })).toBeUndefined()
    expect(progressLine(write, true, { CI: 'false' })).toBeDefined()
  })

  it('shows no control character from a path', () => {
    let out = ''
    const line = progressLine(s => void (out += s), true, {}, clock(1000))!
    line.progress('a\x1b]0;x\x07.csv', 1, 10)
    line.progress('a\x1b]0;x\x07.csv', 2, 10)
    expect(out).toBe(`${ERASE}reading a?]0;x?.csv: 20% (0.0 of 0.0 MB)`)
  })
})

const ROWS = 150_000
const csv = (rows = ROWS) =>
  'g,label,score\n' +
  Array.from({ length: rows }, (_, i) => `${'ab'[i % 2]},${i % 3 === 0 ? 1 : 0},0.${(i * 7919) % 1000}`).join(
    '\n'
  ) +
  '\n'
const options = { attributes: ['g'], bins: 10, edges: null }
const spec = (path: string): ArtifactSpec => ({
  kind: 'predictions',
  path,
  absPath: path,
  display: path,
  columns: {},
  positiveLabel: 1,
  threshold: 0.5
})

/** What a reader reported: non-decreasing, of the file's size, ending at it. */
function expectWholeFile(calls: [string, number, number][], path: string) {
  const size = statSync(path).size
  // A reader reads a megabyte at a time, so a larger file reports more than once.
  expect(calls.length).toBeGreaterThan(size > 2 ** 20 ? 1 : 0)
  expect(new Set(calls.map(c => c[0]))).toEqual(new Set([path]))
  expect(new Set(calls.map(c => c[2]))).toEqual(new Set([size]))
  calls.forEach((c, i) => i > 0 && expect(c[1]).toBeGreaterThanOrEqual(calls[i - 1][1]))
  expect(calls.at(-1)![1]).toBe(size)
}

describe('every reader reports progress through the whole file', () => {
  const dir = workspace({ 'p.csv': csv() })
  const text = readFileSync(join(dir, 'p.csv'), 'utf8')
  writeFileSync(join(dir, 'p.csv.gz'), gzipSync(text))
  const jsonl = text
    .trim()
    .split('\n')
    .slice(1)
    .map(l => {
      const [g, label, score] = l.split(',')
      return JSON.stringify({ g, label: Number(label), score: Number(score) })
    })
    .join('\n')
  writeFileSync(join(dir, 'p.jsonl'), jsonl + '\n')
  const parquet = join(dir, 'p.parquet')
  const written = writeParquet(`SELECT * FROM read_csv('${join(dir, 'p.csv')}')`, parquet, {
    rowGroup: 20_000
  })

  for (const name of ['p.csv', 'p.csv.gz', 'p.jsonl', 'p.parquet']) {
    it(`${name}, on one thread`, async () => {
      await written
      const calls: [string, number, number][] = []
      const path = join(dir, name)
      await readPredictions(spec(path), options, (...c) => calls.push(c))
      expectWholeFile(calls, path)
    })
  }

  for (const name of ['p.csv', 'p.parquet']) {
    it(`${name}, in two parts`, async () => {
      await written
      const calls: [string, number, number][] = []
      const path = join(dir, name)
      const data = await readPredictionsParallel(spec(path), options, startHelpers(null, 0), (...c) =>
        calls.push(c)
      )
      expect(data?.rows).toBe(ROWS)
      expectWholeFile(calls, path)
    })
  }
})

describe('rai-gate check', () => {
  const files = {
    'rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
    // Five megabytes: five chunks read, so that the line is drawn before the file ends.
    'p.csv': csv(400_000),
    'policies/medium.yml': policyYaml('defaults: { bootstrap: { resamples: 100 } }')
  }
  async function run(env: Record<string, string>, stderrIsTTY: boolean) {
    const dir = workspace(files)
    let stdout = ''
    let stderr = ''
    const code = await main(['check'], {
      cwd: dir,
      env,
      stdout: s => void (stdout += s),
      stderr: s => void (stderr += s),
      isTTY: false,
      stderrIsTTY,
      now: clock(300)
    })
    if (code !== 0) throw new Error(stderr)
    return { code, dir, stdout, stderr, report: readFileSync(join(dir, 'rai-gate-report.json'), 'utf8') }
  }

  it('shows progress on a terminal, on stderr only, and erases it', async () => {
    const r = await run({}, true)
    expect(r.code).toBe(0)
    expect(r.stderr.startsWith(`${ERASE}reading p.csv: `)).toBe(true)
    const size = (statSync(join(r.dir, 'p.csv')).size / 2 ** 20).toFixed(1)
    expect(r.stderr).toMatch(new RegExp(`reading p\\.csv: \\d+% \\(\\d\\.\\d of ${size} MB\\)`))
    expect(r.stderr.endsWith(ERASE)).toBe(true)
    expect(r.stdout).not.toContain('\r')
    expect(r.report).not.toContain('reading')
  })

  it('shows none in CI or on a pipe', async () => {
    expect((await run({ CI: 'true' }, true)).stderr).toBe('')
    expect((await run({}, false)).stderr).toBe('')
  })
})
