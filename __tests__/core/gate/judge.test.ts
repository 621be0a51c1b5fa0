import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { judge } from '../../../src/core/gate/judge.js'
import { globMatch, findWaiver } from '../../../src/core/gate/waivers.js'

describe('judge: the three modes on a maximum of 0.1', () => {
  const max = { max: 0.1 }
  it.each([
    // estimate, interval, point, lenient, strict
    [0.05, [0.02, 0.08], false, false, false],
    [0.08, [0.04, 0.12], false, false, true],
    [0.12, [0.09, 0.15], true, false, true],
    [0.14, [0.11, 0.17], true, true, true]
  ] as const)('estimate %p, interval %p', (value, ci, point, lenient, strict) => {
    const interval: [number, number] = [ci[0], ci[1]]
    expect(judge(value, interval, max, 'point').breach).toBe(point)
    expect(judge(value, interval, max, 'lenient').breach).toBe(lenient)
    expect(judge(value, interval, max, 'strict').breach).toBe(strict)
  })

  it('mirrors for a minimum', () => {
    expect(judge(0.85, [0.78, 0.9], { min: 0.8 }, 'point').breach).toBe(false)
    expect(judge(0.85, [0.78, 0.9], { min: 0.8 }, 'strict').breach).toBe(true)
    expect(judge(0.75, [0.7, 0.79], { min: 0.8 }, 'lenient').breach).toBe(true)
  })

  it('says why in words', () => {
    expect(judge(0.12, [0.09, 0.15], max, 'strict').reason).toBe(
      'the interval [0.09, 0.15] reaches above the maximum 0.1: not shown to be within it'
    )
    expect(judge(0.12, null, max, 'strict')).toEqual({
      breach: true,
      reason: 'strict mode needs an interval, and this metric has none'
    })
  })
})

describe('waivers', () => {
  const waivers = [
    { gate: 'g', models: ['credit-*'], reason: 'r1', approvedBy: 'board', expires: '2027-01-31' },
    { gate: 'h', reason: 'r2', approvedBy: 'board' }
  ]
  it('match models by glob', () => {
    expect(globMatch('credit-*', 'credit-risk')).toBe(true)
    expect(globMatch('credit-?', 'credit-ab')).toBe(false)
    expect(globMatch('a.b', 'axb')).toBe(false)
    expect(findWaiver(waivers, { gate: 'g' }, 'fraud', new Date('2026-01-01'))).toBeUndefined()
  })

  it('match exactly as the equivalent regular expression does (an independent reference)', () => {
    const reference = (p: string, name: string) =>
      new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(name)
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '.', '*', '?'), maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 10 }),
        (p, name) => globMatch(p, name) === reference(p, name)
      ),
      { seed: 12, numRuns: 5000 }
    )
  })

  it('take linear time on a glob built to backtrack (a RegExp took minutes here)', () => {
    const name = 'a'.repeat(100_000)
    const started = performance.now()
    expect(globMatch('*a'.repeat(6) + 'b', name)).toBe(false)
    expect(globMatch('*a*?a*a*a*a', name)).toBe(true)
    // The RegExp needed 14 s for 200 characters; this is 500 times longer, with room for a slow machine.
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('hold through their expiry date in UTC, and are void the day after', () => {
    expect(findWaiver(waivers, { gate: 'g' }, 'credit-risk', new Date('2027-01-31T23:59:59Z'))?.expired).toBe(
      false
    )
    expect(findWaiver(waivers, { gate: 'g' }, 'credit-risk', new Date('2027-02-01T00:00:00Z'))?.expired).toBe(
      true
    )
    expect(findWaiver(waivers, { gate: 'h' }, 'any', new Date('2099-01-01'))?.expired).toBe(false)
  })
})
