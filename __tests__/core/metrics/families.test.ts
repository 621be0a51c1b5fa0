/** Robustness, outcomes and calibration on cases small enough to compute by hand. */
import { describe, expect, it } from '@jest/globals'
import type { MetricResult } from '../../../src/core/metrics/evaluate.js'
import { checkFiles, manifestYaml, policyYaml } from '../../helpers/check.js'

async function run(files: Record<string, string>, artifacts: string, defaults = '') {
  const report = await checkFiles({
    'rai-gate.yml': manifestYaml(artifacts, 'sensitiveAttributes: []'),
    'policies/p.yml': policyYaml(`defaults: { minGroupSize: 1, bootstrap: { resamples: 200 }${defaults} }`),
    ...files
  })
  return report.metrics
}
const get = (ms: MetricResult[], metric: string, scope: Partial<MetricResult> = {}) =>
  ms.find(
    m => m.metric === metric && Object.entries(scope).every(([k, v]) => m[k as keyof MetricResult] === v)
  )!

describe('robustness', () => {
  // noise: 4 rows; clean right on 3, perturbed right on 2, one flip. blur: 2 rows, no change.
  const csv = `id,perturbation,label,clean_prediction,prediction
1,noise,1,1,1
2,noise,0,0,1
3,noise,1,1,1
4,noise,0,1,1
1,blur,1,1,1
2,blur,0,0,0
`
  it('computes perturbed accuracy, accuracy drop and flip rate per perturbation, and the worst', async () => {
    const ms = await run({ 'r.csv': csv }, '  - { kind: robustness, path: r.csv }')
    expect(get(ms, 'perturbed_accuracy', { perturbation: 'noise' }).value).toBe(0.5)
    expect(get(ms, 'accuracy_drop', { perturbation: 'noise' }).value).toBe(0.25)
    expect(get(ms, 'flip_rate', { perturbation: 'noise' }).value).toBe(0.25)
    expect(get(ms, 'accuracy_drop', { perturbation: 'blur' }).value).toBe(0)
    expect(get(ms, 'worst_accuracy_drop').value).toBe(0.25)
    expect(get(ms, 'worst_flip_rate')).toMatchObject({ value: 0.25, n: 6 })
  })

  it('rejects a missing column and a non-binary prediction', async () => {
    await expect(
      run({ 'r.csv': 'perturbation,label,prediction\nx,1,1\n' }, '  - { kind: robustness, path: r.csv }')
    ).rejects.toThrow(/r\.csv, line 1, clean_prediction: column 'clean_prediction' is not in the file/)
    await expect(
      run(
        { 'r.csv': 'perturbation,label,clean_prediction,prediction\nx,1,1,2\n' },
        '  - { kind: robustness, path: r.csv }'
      )
    ).rejects.toThrow(/r\.csv, line 2, prediction: prediction '2' is not binary/)
  })
})

describe('outcomes', () => {
  const jsonl = [
    { suite: 'jailbreak', category: 'roleplay', passed: true },
    { suite: 'jailbreak', category: 'roleplay', passed: false },
    { suite: 'jailbreak', category: 'encoding', passed: true },
    { suite: 'jailbreak', category: 'encoding', passed: true },
    { suite: 'pii', category: 'email', passed: 'true' }
  ]
    .map(r => JSON.stringify(r))
    .join('\n')

  it('computes pass and failure rates and counts per suite and per suite and category', async () => {
    const ms = await run({ 'o.jsonl': jsonl }, '  - { kind: outcomes, path: o.jsonl }')
    expect(get(ms, 'failure_rate', { suite: 'jailbreak', category: undefined }).value).toBe(0.25)
    expect(get(ms, 'pass_rate', { suite: 'jailbreak', category: 'roleplay' }).value).toBe(0.5)
    expect(get(ms, 'count', { suite: 'jailbreak', category: 'encoding' }).value).toBe(2)
    expect(get(ms, 'pass_rate', { suite: 'pii', category: undefined }).value).toBe(1)
  })

  it('rejects a passed value that is not a boolean', async () => {
    await expect(
      run({ 'o.jsonl': '{"suite":"s","passed":"maybe"}\n' }, '  - { kind: outcomes, path: o.jsonl }')
    ).rejects.toThrow(/o\.jsonl, line 1, passed: passed 'maybe' is not a boolean; expected true or false/)
  })
})

describe('calibration', () => {
  const csv = 'label,score\n0,0.1\n0,0.2\n1,0.3\n1,0.4\n'
  it('computes ECE and MCE on uniform bins: bin b = min(floor(s·B), B−1)', async () => {
    // B = 2: all scores fall in bin 0 (s < 0.5): |mean(y) − mean(s)| = |0.5 − 0.25| = 0.25.
    const ms = await run(
      { 'p.csv': csv },
      '  - { kind: predictions, path: p.csv }',
      ', calibration: { bins: 2 }'
    )
    expect(get(ms, 'ece').value).toBeCloseTo(0.25, 15)
    expect(get(ms, 'mce').value).toBeCloseTo(0.25, 15)
    // Brier: (0.01 + 0.04 + 0.49 + 0.36) / 4; log loss: −(ln 0.9 + ln 0.8 + ln 0.3 + ln 0.4) / 4.
    expect(get(ms, 'brier').value).toBeCloseTo(0.225, 15)
    expect(get(ms, 'log_loss').value).toBeCloseTo(
      -(Math.log(0.9) + Math.log(0.8) + Math.log(0.3) + Math.log(0.4)) / 4,
      15
    )
  })

  it('computes ECE on quantile bins (edges by linear interpolation, as numpy)', async () => {
    // B = 2: the median edge is 0.25; bins {0.1, 0.2} and {0.3, 0.4}: 0.5·0.15 + 0.5·0.65 = 0.4.
    const ms = await run(
      { 'p.csv': csv },
      '  - { kind: predictions, path: p.csv }',
      ', calibration: { bins: 2, strategy: quantile }'
    )
    expect(get(ms, 'ece').value).toBeCloseTo(0.4, 15)
    expect(get(ms, 'mce').value).toBeCloseTo(0.65, 15)
  })
})
