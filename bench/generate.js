// Writes a synthetic predictions CSV: 7 columns (id, sex, race, age_band, label, score, prediction),
// 3 sensitive attributes, scores with 6 decimals. Deterministic for a given row count. A `variant` file
// is another model on the same rows: every 20th row's prediction flipped and its score moved.
// precision 'full' writes each score with every digit of its float64, as pandas does (shortest
// round trip); 'weighted' does too, with a sample-weight column `w` of 3 decimals.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

const SEX = ['Female', 'Male']
const RACE = ['White', 'Black', 'Asian-Pac-Islander', 'Amer-Indian-Eskimo', 'Other']
const AGE = ['17-25', '26-40', '41-60', '61+']

/**
 * Writes `rows` lines under `header`, line i being `${i},${attributes},${rest(rand)}` with the
 * attributes drawn first from one deterministic generator (the same rows for a given count).
 */
async function writeRows(path, header, rows, rest) {
  const out = createWriteStream(path, { highWaterMark: 1 << 22 })
  let state = 12345
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 4294967296
  }
  out.write(`id,sex,race,age_band,${header}\n`)
  let buf = ''
  for (let i = 0; i < rows; i++) {
    const sex = SEX[rand() < 0.67 ? 1 : 0]
    const r = rand()
    const race = RACE[r < 0.85 ? 0 : r < 0.94 ? 1 : r < 0.97 ? 2 : r < 0.985 ? 3 : 4]
    const age = AGE[Math.floor(rand() * 4)]
    buf += `${i},${sex},${race},${age},${rest(rand, i)}\n`
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  out.write(buf)
  out.end()
  await once(out, 'finish')
}

export function generate(path, rows, variant = false, precision = 'six') {
  const weighted = precision === 'weighted'
  return writeRows(path, `label,score,prediction${weighted ? ',w' : ''}`, rows, (rand, i) => {
    const label = rand() < 0.25 ? 1 : 0
    // Two draws give the score all 53 bits of a model's float64.
    const u = precision === 'six' ? rand() : rand() + rand() / 4294967296
    let score = Math.min(0.999999, Math.max(0, (label ? 0.55 : 0.25) + (u - 0.5) * 0.6))
    if (variant && i % 20 === 0) score = 1 - score
    const s = precision === 'six' ? score.toFixed(6) : String(score)
    const w = weighted ? `,${(0.5 + rand()).toFixed(3)}` : ''
    return `${label},${s},${score >= 0.5 ? 1 : 0}${w}`
  })
}

/** Writes the CSV file's rows as Parquet with DuckDB (a devDependency). */
export async function toParquet(csv, out) {
  const { DuckDBInstance } = await import('@duckdb/node-api')
  const db = await DuckDBInstance.create(':memory:')
  const connection = await db.connect()
  await connection.run(
    `COPY (SELECT * FROM read_csv('${csv}')) TO '${out}' (FORMAT parquet, COMPRESSION snappy)`
  )
  connection.closeSync()
}

/**
 * Writes a synthetic predictions CSV of another task (deterministic for a given row count): the same
 * id and 3 attributes, then a regression's label and prediction (every digit of their float64, about
 * 100 to 300), or a multiclass model's label (c0 to c9) and 10 class probabilities p_c0 to p_c9, every
 * digit, summing to 1.
 */
export function generateTask(path, rows, task) {
  const K = 10
  const classes = Array.from({ length: K }, (_, k) => `p_c${k}`)
  const p = new Array(K)
  return writeRows(path, `label,${task === 'regression' ? 'prediction' : classes.join(',')}`, rows, rand => {
    if (task === 'regression') {
      const prediction = 100 + (rand() + rand() / 4294967296) * 200
      return `${prediction + (rand() - 0.5) * 40},${prediction}`
    }
    const y = Math.floor(rand() * K)
    let sum = 0
    for (let k = 0; k < K; k++) sum += p[k] = (k === y ? 3 : 0.5) * (rand() + rand() / 4294967296) + 1e-3
    for (let k = 0; k < K; k++) p[k] /= sum
    return `c${y},${p.join(',')}`
  })
}
