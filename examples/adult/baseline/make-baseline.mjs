// Rebuilds examples/adult/baseline/rai-gate-report.json: the evidence report of the previous release,
// adult-income 1.3.0, which scored the same held-out rows but decided at the threshold 0.6 instead of
// 0.5 (its predictions are derived from the scores here). Run from the repository root:
//   node examples/adult/baseline/make-baseline.mjs
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const here = 'examples/adult'
const tmp = mkdtempSync(join(here, 'baseline/.work-'))
try {
  const [header, ...rows] = readFileSync(join(here, 'eval/predictions.csv'), 'utf8').trim().split('\n')
  const cols = header.split(',')
  const score = cols.indexOf('score')
  const prediction = cols.indexOf('prediction')
  const out = rows.map(line => {
    const f = line.split(',')
    f[prediction] = Number(f[score]) >= 0.6 ? '1' : '0'
    return f.join(',')
  })
  writeFileSync(join(tmp, 'predictions.csv'), [header, ...out].join('\n') + '\n')
  copyFileSync(join(here, 'eval/robustness.csv'), join(tmp, 'robustness.csv'))
  copyFileSync(join(here, 'eval/redteam.jsonl'), join(tmp, 'redteam.jsonl'))
  const manifest = readFileSync(join(here, 'rai-gate.yml'), 'utf8').replace('version: 1.4.0', 'version: 1.3.0').replaceAll('eval/', '')
  writeFileSync(join(tmp, 'rai-gate.yml'), manifest)
  const r = spawnSync(
    process.execPath,
    ['dist/cli.js', 'check', '--manifest', join(tmp, 'rai-gate.yml'), '--policy', join(here, 'policies'), '--report', join(here, 'baseline/rai-gate-report.json'), '--fail-on', 'never', '--format', 'json'],
    { encoding: 'utf8', maxBuffer: 1 << 28 }
  )
  if (r.status !== 0) throw new Error(r.stderr)
  process.stdout.write(`wrote ${join(here, 'baseline/rai-gate-report.json')}\n`)
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
