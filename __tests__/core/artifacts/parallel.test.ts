/**
 * The two-part reader (parallel.ts), in process: the second part runs through the same task and
 * message cloning as on the helper thread. Its merged tables equal one reader's, and an error in
 * either part names the line it is on in the file.
 */
import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readPredictionsParallel } from '../../../src/core/artifacts/fast/parallel.js'
import { readPredictions, type PredictionData } from '../../../src/core/artifacts/kinds/predictions.js'
import type { ArtifactSpec } from '../../../src/core/manifest/types.js'
import { predictionAuc } from '../../../src/core/metrics/auc.js'
import { createRng } from '../../../src/core/stats/rng.js'
import { startHelpers } from '../../../src/core/tasks.js'
import { workspace } from '../../helpers/check.js'
import { sqlString, writeParquet } from '../../helpers/duckdb.js'

const ROWS = 40_000
const options = { attributes: ['g', 'h'], bins: 10, edges: null }

function lines(): string[] {
  const rng = createRng(5)
  const out = ['g,label,score,h']
  for (let i = 0; i < ROWS; i++) {
    const s = i % 7 === 0 ? rng.next() : Math.round(rng.next() * 1e6) / 1e6
    out.push(`${'abc'[i % 3]},${rng.next() < 0.3 ? 1 : 0},${s},${i % 5 === 0 ? 'x' : 'yy'}`)
  }
  return out
}

function file(text: string[]): ArtifactSpec {
  const path = join(workspace({}), 'p.csv')
  writeFileSync(path, text.join('\n') + '\n')
  return {
    kind: 'predictions',
    path,
    absPath: path,
    display: 'p.csv',
    columns: {},
    positiveLabel: 1,
    threshold: 0.5
  }
}

const helpers = startHelpers(null, 0)
const twoParts = (spec: ArtifactSpec) => readPredictionsParallel(spec, options, helpers)

describe('the two-part reader', () => {
  it('gives one reader’s tables, rows and hash', async () => {
    const spec = file(lines())
    const [two, one] = [await twoParts(spec), await readPredictions(spec, options)] as PredictionData[]
    expect(two).not.toBeNull()
    expect(two.rows).toBe(ROWS)
    expect(two.sha256).toBe(one.sha256)
    expect(two.table.groups).toEqual(one.table.groups)
    expect(two.table.combos).toEqual(one.table.combos)
    expect(Array.from(two.table.n)).toEqual(Array.from(one.table.n))
    // Each part sums its own rows: the sums agree to the last bits.
    two.table.sum.forEach((x, i) => expect(x).toBeCloseTo(one.table.sum[i], 9))
    expect(two.scores!.distribution()).toEqual(one.scores!.distribution())
    // The AUC's halves walked on two threads: the sums one thread gives, bit for bit.
    expect(two.auc).toBeDefined()
    expect(two.auc).toEqual(predictionAuc(one))
  })

  it.each([
    ['the first part', 100],
    ['the second part', ROWS - 50]
  ])('an error in %s names its line in the file', async (_, row) => {
    const text = lines()
    text[row] = 'a,1,1.5,x'
    await expect(twoParts(file(text))).rejects.toThrow(
      new RegExp(`^p\\.csv, line ${row + 1}, score: score '1\\.5' is not a probability`)
    )
  })
})

describe('a Parquet file in two parts, cut between row groups', () => {
  it('gives one reader’s tables, rows and hash, and names a bad row in the second part', async () => {
    const spec = file(lines())
    const path = spec.absPath.replace(/\.csv$/, '.parquet')
    await writeParquet(`SELECT * FROM read_csv(${sqlString(spec.absPath)})`, path, { rowGroup: 4096 })
    const parquet = { ...spec, path, absPath: path, display: 'p.parquet' }
    const [two, one] = [await twoParts(parquet), await readPredictions(parquet, options)] as PredictionData[]
    expect(two).not.toBeNull()
    expect(two.rows).toBe(ROWS)
    expect(two.sha256).toBe(one.sha256)
    expect(Array.from(two.table.n)).toEqual(Array.from(one.table.n))
    two.table.sum.forEach((x, i) => expect(x).toBeCloseTo(one.table.sum[i], 9))
    expect(two.scores!.distribution()).toEqual(one.scores!.distribution())
    expect(two.auc).toEqual(predictionAuc(one))

    const bad = join(workspace({}), 'bad.parquet')
    await writeParquet(
      `SELECT g, label, CASE WHEN row_number() OVER () = ${ROWS - 10} THEN 1.5 ELSE score END AS score, h FROM read_parquet(${sqlString(path)})`,
      bad,
      { rowGroup: 4096 }
    )
    const groups = Math.floor((ROWS - 11) / 4096)
    await expect(twoParts({ ...parquet, path: bad, absPath: bad, display: 'bad.parquet' })).rejects.toThrow(
      `bad.parquet, row ${ROWS - 10} (row group ${groups}), score: score '1.5' is not a probability`
    )
  })
})

describe('a file read in two parts whose bytes are not text', () => {
  it('says what they are before it is cut', async () => {
    const spec = file([])
    writeFileSync(spec.absPath, Buffer.from(lines().join('\n'), 'utf16le'))
    await expect(twoParts(spec)).rejects.toThrow(/^p\.csv: the file holds a NUL byte at byte 2/)
  })
})
