/** Robustness metrics per perturbation, and the worst over perturbations (SPEC §2). */
import type { RobustnessTable } from '../artifacts/robustness.js'
import type { ScopeRef, Sink } from './sink.js'

const OVERALL: ScopeRef = {}

/** `counts` has the table's layout: counts[p·8 + (label·2 + clean)·2 + perturbed]. */
export function computeRobustness(
  table: RobustnessTable,
  refs: ScopeRef[],
  counts: ArrayLike<number>,
  sink: Sink
): void {
  let worstDrop = -Infinity
  let worstFlip = -Infinity
  table.perturbations.forEach((_, p) => {
    let n = 0
    let cleanRight = 0
    let right = 0
    let flips = 0
    for (let y = 0; y < 2; y++)
      for (let c = 0; c < 2; c++)
        for (let q = 0; q < 2; q++) {
          const k = counts[p * 8 + (y * 2 + c) * 2 + q]
          n += k
          if (c === y) cleanRight += k
          if (q === y) right += k
          if (c !== q) flips += k
        }
    const perturbed = n > 0 ? right / n : NaN
    const drop = n > 0 ? cleanRight / n - perturbed : NaN
    const flip = n > 0 ? flips / n : NaN
    sink.put('perturbed_accuracy', refs[p], perturbed, n, 'no rows')
    sink.put('accuracy_drop', refs[p], drop, n, 'no rows')
    sink.put('flip_rate', refs[p], flip, n, 'no rows')
    worstDrop = Math.max(worstDrop, drop)
    worstFlip = Math.max(worstFlip, flip)
  })
  const total = table.n.reduce((a, b) => a + b, 0)
  sink.put('worst_accuracy_drop', OVERALL, worstDrop, total, 'no perturbations')
  sink.put('worst_flip_rate', OVERALL, worstFlip, total, 'no perturbations')
}

export const perturbationRefs = (table: RobustnessTable): ScopeRef[] =>
  table.perturbations.map(perturbation => ({ perturbation }))
