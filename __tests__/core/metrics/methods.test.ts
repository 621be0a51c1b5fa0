/**
 * The registry's interval method is what runs (support.ts METHOD_SUPPORTS): every metric rai-gate
 * computes, on the adult fixture with its robustness and outcomes files, emits a support that its
 * method takes, and a method given another support is an error rather than a silent other interval.
 */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { readRegression } from '../../../src/core/artifacts/kinds/regression.js'
import { readMulticlass } from '../../../src/core/artifacts/kinds/multiclass.js'
import { evaluate } from '../../../src/core/metrics/evaluate.js'
import { METRICS, methodOf } from '../../../src/core/metrics/registry.js'
import { taskOfData } from '../../../src/core/kinds.js'
import { intervalOf, METHOD_SUPPORTS, proportion } from '../../../src/core/metrics/support.js'
import { ADULT, adultEvaluationInput } from '../../helpers/check.js'

const REDTEAM = join(ADULT, '../../examples/adult/eval/redteam.jsonl')

describe('interval methods', () => {
  it('take the support every metric emits, for every metric of the registry', async () => {
    const input = await adultEvaluationInput(
      50,
      `  - { kind: predictions, path: ${join(ADULT, 'predictions.csv')} }
  - { kind: robustness, path: ${join(ADULT, 'robustness.csv')} }
  - { kind: outcomes, path: ${REDTEAM} }`
    )
    const path = join(ADULT, '../diabetes/predictions.csv')
    const regression = await readRegression(
      {
        kind: 'predictions',
        path,
        absPath: path,
        display: path,
        columns: {},
        positiveLabel: 1,
        threshold: 0.5
      },
      ['sex', 'age_band']
    )
    const mcPath = join(ADULT, '../multiclass/predictions.csv')
    const multiclass = await readMulticlass(
      {
        kind: 'predictions',
        path: mcPath,
        absPath: mcPath,
        display: mcPath,
        columns: {},
        positiveLabel: 1,
        threshold: 0.5,
        scores: { prefix: 'p_' }
      },
      ['sex', 'region'],
      10
    )
    const computed = [
      ...evaluate({
        ...input,
        intersections: [],
        predictions: undefined,
        robustness: undefined,
        outcomes: undefined,
        multiclass
      }).computed,
      ...evaluate(input).computed,
      ...evaluate({
        ...input,
        intersections: [],
        predictions: undefined,
        robustness: undefined,
        outcomes: undefined,
        regression
      }).computed
    ]
    const seen = new Set<string>()
    for (const c of computed) {
      const method = methodOf(c.point.metric, taskOfData(c.artifact))!
      seen.add(c.point.metric)
      if (c.point.support === undefined) continue
      expect([c.point.metric, METHOD_SUPPORTS[method]]).toEqual([
        c.point.metric,
        expect.arrayContaining([c.point.support.kind])
      ])
    }
    // Every metric of the registry was computed here, so none escapes the check.
    expect([...seen].sort()).toEqual(METRICS.map(m => m.id).sort())
  })

  it('refuse a support of another kind', () => {
    expect(() => intervalOf('pairwise-differences', proportion(3, 10), 0.95)).toThrow(
      'interval method pairwise-differences cannot use a proportion support'
    )
    expect(() =>
      intervalOf(
        'pairwise-ratios',
        { kind: 'disparity', type: 'difference', families: [{ x: [1, 2], n: [5, 5] }] },
        0.95
      )
    ).toThrow('cannot use a difference disparity')
    expect(intervalOf('clopper-pearson', proportion(0, 10), 0.95)![0]).toBe(0)
  })
})
