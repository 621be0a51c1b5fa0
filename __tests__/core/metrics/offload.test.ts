/**
 * The bootstrap drawn in two halves: with the second half drawn elsewhere (as a worker thread does,
 * from a structured clone of the job) the numbers are exactly those of one thread drawing both.
 */
import { describe, expect, it } from '@jest/globals'
import { drawSecondHalf, evaluate, evaluateOffloaded, metricKey } from '../../../src/core/metrics/evaluate.js'
import { worthOffloading } from '../../../src/core/metrics/offload.js'
import { adultEvaluationInput } from '../../helpers/check.js'

const adultInput = (resamples: number) => adultEvaluationInput(resamples)

describe('the bootstrap in two halves', () => {
  it('gives the same numbers with the second half drawn elsewhere', async () => {
    const input = await adultInput(301)
    const one = evaluate(input)
    const two = await evaluateOffloaded(input, async job => drawSecondHalf(structuredClone(job)))
    expect(two.metrics).toEqual(one.metrics)
    expect(two.computed.map(c => Array.from(c.replicates()))).toEqual(
      one.computed.map(c => Array.from(c.replicates()))
    )
    expect(two.at(0.9)).toEqual(one.at(0.9))
  })

  it('draws the halves from different streams', async () => {
    const input = await adultInput(2)
    const brier = evaluate(input).computed.find(c => c.point.metric === 'brier' && !c.point.scope.attribute)!
    expect(brier.replicates()[0]).not.toBe(brier.replicates()[1])
  })

  it('offloads only a bootstrap worth a worker', async () => {
    const input = await adultInput(1000)
    expect(worthOffloading(input.predictions!.table, 1000)).toBe(true)
    expect(worthOffloading(input.predictions!.table, 100)).toBe(false)
  })
})

describe('resamples kept', () => {
  it('for the metrics whose interval or change uses them: none for counts, proportions and ECE', async () => {
    const input = await adultInput(2)
    const e = evaluate(input)
    const kept = (metric: string, attribute?: string) =>
      e.computed.find(c => c.point.metric === metric && c.point.scope.attribute === attribute)!.replicates()
        .length
    const R = input.settings.resamples
    // Score-type intervals and Agresti–Caffo changes: analytic.
    expect(kept('count')).toBe(0)
    expect(kept('accuracy')).toBe(0)
    expect(kept('selection_rate', 'sex')).toBe(0)
    // Percentile intervals, and boundary-corrected ones with a bootstrap end.
    expect(kept('brier')).toBe(R)
    expect(kept('auc')).toBe(R)
    expect(kept('mce')).toBe(R)
    // ECE's interval and change come from its bounds.
    expect(kept('ece')).toBe(0)
    expect(kept('demographic_parity_difference', 'sex')).toBe(R)
    // A change of a proportion against a baseline stays analytic, with its interval.
    const accuracy = e.changes(evaluate(input), 0.95).get(metricKey({ metric: 'accuracy' }))
    expect(accuracy?.changeCi).not.toBeNull()
  })
})
