/**
 * How each artifact is compared with the baseline, and the changes that follow:
 * - identical: the same input file (sha256) gave the same numbers, so every change is exactly 0;
 * - paired: outcomes and robustness rows both runs evaluated, matched by id (metrics/paired.ts);
 * - independent: the two runs as independent samples (metrics/evaluate.ts).
 * Each decision is recorded for the report, and a changed evaluation set is a note for reviewers.
 */
import type { Inputs } from '../check.js'
import {
  agrees,
  type ArtifactKind,
  type Change,
  type Comparison,
  type Evaluation
} from '../metrics/evaluate.js'
import { pairOutcomes, pairRobustness, type Pairing } from '../metrics/paired.js'
import type { Baseline } from './load.js'

export interface BaselineComparison {
  kind: ArtifactKind
  comparison: Comparison
  shared?: number
  onlyBaseline?: number
  onlyRun?: number
  labelsDiffer?: number
  /** Why the artifact is not paired or identical, when it could have been. */
  reason?: string
}

export interface Comparing {
  changes: (confidence: number) => Map<string, Change>
  comparisons: BaselineComparison[]
  notes: string[]
}

const KINDS: readonly ArtifactKind[] = ['predictions', 'robustness', 'outcomes']

export function compareWithBaseline(
  run: Evaluation,
  base: Evaluation,
  inputs: Pick<Inputs, ArtifactKind>,
  baseline: Baseline
): Comparing {
  const comparisons: BaselineComparison[] = []
  const notes: string[] = []
  const identical = new Set<ArtifactKind>()
  for (const kind of KINDS) {
    const sha = baseline[kind]?.sha256
    if (inputs[kind] === undefined || baseline[kind] === undefined) continue
    if (sha && sha === inputs[kind]!.sha256) {
      if (agrees(run, base, kind)) {
        identical.add(kind)
        comparisons.push({ kind, comparison: 'identical' })
        continue
      }
      comparisons.push({
        kind,
        comparison: 'independent',
        reason: 'the same input file gave other numbers: the manifest or policy settings changed'
      })
      continue
    }
    if (kind === 'predictions') comparisons.push({ kind, comparison: 'independent' })
  }
  const paired: ((confidence: number) => Map<string, Change>)[] = []
  for (const kind of ['robustness', 'outcomes'] as const) {
    if (comparisons.some(c => c.kind === kind)) continue
    const p = pairingOf(kind, inputs, baseline)
    if (p === null) continue
    const what = kind === 'outcomes' ? 'test cases' : 'robustness rows'
    if (p.paired) {
      paired.push(p.changes)
      comparisons.push({ kind, comparison: 'paired', ...p.overlap })
      const { shared, onlyBaseline, onlyRun, labelsDiffer } = p.overlap
      if (onlyBaseline > 0 || onlyRun > 0)
        notes.push(
          `The ${what} changed since the baseline: ${kind} is compared case by case on the ${shared} ${what} both runs evaluated (${onlyBaseline} only in the baseline, ${onlyRun} only in this run).`
        )
      if (labelsDiffer)
        notes.push(`${labelsDiffer} of the ${what} shared with the baseline have another label now.`)
    } else {
      comparisons.push({ kind, comparison: 'independent', ...p.overlap, reason: p.reason })
      if (p.overlap) notes.push(`${kind} is compared with the baseline as independent samples: ${p.reason}.`)
    }
  }
  return {
    changes: confidence => {
      const out = run.changes(base, confidence, identical)
      for (const changes of paired)
        for (const [key, change] of changes(confidence)) if (out.has(key)) out.set(key, change)
      return out
    },
    comparisons,
    notes
  }
}

function pairingOf(
  kind: 'robustness' | 'outcomes',
  inputs: Pick<Inputs, ArtifactKind>,
  baseline: Baseline
): Pairing | null {
  if (kind === 'outcomes') {
    const run = inputs.outcomes
    const base = baseline.outcomes
    return run && base ? pairOutcomes(run, base) : null
  }
  const run = inputs.robustness
  const base = baseline.robustness
  return run && base ? pairRobustness(run, base) : null
}
