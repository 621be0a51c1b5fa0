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

export async function generate(path, rows, variant = false, precision = 'six') {
  const out = createWriteStream(path, { highWaterMark: 1 << 22 })
  let state = 12345
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 4294967296
  }
  const weighted = precision === 'weighted'
  out.write(`id,sex,race,age_band,label,score,prediction${weighted ? ',w' : ''}\n`)
  let buf = ''
  for (let i = 0; i < rows; i++) {
    const sex = SEX[rand() < 0.67 ? 1 : 0]
    const r = rand()
    const race = RACE[r < 0.85 ? 0 : r < 0.94 ? 1 : r < 0.97 ? 2 : r < 0.985 ? 3 : 4]
    const age = AGE[Math.floor(rand() * 4)]
    const label = rand() < 0.25 ? 1 : 0
    // Two draws give the score all 53 bits of a model's float64.
    const u = precision === 'six' ? rand() : rand() + rand() / 4294967296
    let score = Math.min(0.999999, Math.max(0, (label ? 0.55 : 0.25) + (u - 0.5) * 0.6))
    if (variant && i % 20 === 0) score = 1 - score
    const s = precision === 'six' ? score.toFixed(6) : String(score)
    const w = weighted ? `,${(0.5 + rand()).toFixed(3)}` : ''
    buf += `${i},${sex},${race},${age},${label},${s},${score >= 0.5 ? 1 : 0}${w}\n`
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  out.write(buf)
  out.end()
  await once(out, 'finish')
}
