/** Robustness metrics per perturbation, and the worst over perturbations (SPEC §2). */
import { DEFF_DROP, DEFF_FLIP, DEFF_PERTURBED, type RobustnessTable } from '../artifacts/kinds/robustness.js'
import type { ScopeRef, Sink } from './sink.js'
import { proportion, type PairedSupport, type ProportionSupport } from './support.js'

const OVERALL: ScopeRef = {}

/**
 * `counts` has the table's layout: counts[p·8 + (label·2 + clean)·2 + perturbed]. When an example
 * repeats within a perturbation, each interval's counts are divided by the metric's design effect
 * (the table's designEffects): the example, not the row, is the unit.
 */
export function computeRobustness(
  table: RobustnessTable,
  refs: ScopeRef[],
  counts: ArrayLike<number>,
  sink: Sink
): void {
  let worstDrop = -Infinity
  let worstFlip = -Infinity
  const detailed = sink.detailed
  const drops: PairedSupport[] = []
  const flipParts: ProportionSupport[] = []
  table.perturbations.forEach((_, p) => {
    let n = 0
    let cleanRight = 0
    let right = 0
    let flips = 0
    // Right only on the clean input (b), only on the perturbed one (c): the paired table's off-diagonal.
    let b = 0
    let c = 0
    for (let y = 0; y < 2; y++)
      for (let cl = 0; cl < 2; cl++)
        for (let q = 0; q < 2; q++) {
          const k = counts[p * 8 + (y * 2 + cl) * 2 + q]
          n += k
          if (cl === y) cleanRight += k
          if (q === y) right += k
          if (cl !== q) flips += k
          if (cl === y && q !== y) b += k
          if (cl !== y && q === y) c += k
        }
    const perturbed = n > 0 ? right / n : NaN
    const drop = n > 0 ? cleanRight / n - perturbed : NaN
    const flip = n > 0 ? flips / n : NaN
    const deff = (k: number) => table.designEffects?.[p * 3 + k] ?? 1
    const d = deff(DEFF_DROP)
    const paired: PairedSupport = { kind: 'paired', b: b / d, c: c / d, n: n / d }
    const flipped = proportion(flips / deff(DEFF_FLIP), n / deff(DEFF_FLIP))
    if (detailed && n > 0) {
      drops.push(paired)
      flipParts.push(flipped)
    }
    sink.put(
      'perturbed_accuracy',
      refs[p],
      perturbed,
      n,
      'no rows',
      detailed ? proportion(right / deff(DEFF_PERTURBED), n / deff(DEFF_PERTURBED)) : undefined
    )
    sink.put('accuracy_drop', refs[p], drop, n, 'no rows', detailed ? paired : undefined)
    sink.put('flip_rate', refs[p], flip, n, 'no rows', detailed ? flipped : undefined)
    worstDrop = Math.max(worstDrop, drop)
    worstFlip = Math.max(worstFlip, flip)
  })
  const total = table.n.reduce((a, b) => a + b, 0)
  sink.put(
    'worst_accuracy_drop',
    OVERALL,
    worstDrop,
    total,
    'no perturbations',
    detailed ? { kind: 'max', parts: drops } : undefined
  )
  sink.put(
    'worst_flip_rate',
    OVERALL,
    worstFlip,
    total,
    'no perturbations',
    detailed ? { kind: 'max', parts: flipParts } : undefined
  )
}

export const perturbationRefs = (table: RobustnessTable): ScopeRef[] =>
  table.perturbations.map(perturbation => ({ perturbation }))
