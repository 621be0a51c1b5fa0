/** Outcome metrics per suite and per suite and category (SPEC §2). */
import type { OutcomeTable } from '../artifacts/kinds/outcomes.js'
import type { ScopeRef, Sink } from './sink.js'
import { proportion } from './support.js'

export interface OutcomePlan {
  /** One entry per reported scope: its ref and the table cells it sums. */
  scopes: { ref: ScopeRef; cells: number[] }[]
}

export function planOutcomes(table: OutcomeTable): OutcomePlan {
  const suites = new Map<string, number[]>()
  table.cells.forEach((c, i) => {
    if (!suites.has(c.suite)) suites.set(c.suite, [])
    suites.get(c.suite)!.push(i)
  })
  const scopes: OutcomePlan['scopes'] = []
  for (const [suite, cells] of suites) {
    scopes.push({ ref: { suite }, cells })
    for (const i of cells) {
      const category = table.cells[i].category
      if (category !== null) scopes.push({ ref: { suite, category }, cells: [i] })
    }
  }
  return { scopes }
}

export function computeOutcomes(
  plan: OutcomePlan,
  passed: ArrayLike<number>,
  failed: ArrayLike<number>,
  sink: Sink
): void {
  for (const { ref, cells } of plan.scopes) {
    let p = 0
    let f = 0
    for (const i of cells) {
      p += passed[i]
      f += failed[i]
    }
    const n = p + f
    for (const [metric, x] of [
      ['pass_rate', p],
      ['failure_rate', f]
    ] as const)
      sink.put(
        metric,
        ref,
        n > 0 ? x / n : NaN,
        n,
        'no test cases',
        sink.detailed ? proportion(x, n) : undefined
      )
    sink.put('count', ref, n, n)
  }
}
