/**
 * How each artifact is compared with the baseline, and the changes that follow:
 * - identical: the same input file (sha256) gave the same numbers, so every change is exactly 0;
 * - paired: outcomes whose cases both runs evaluated, matched by id (metrics/paired.ts);
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
import { pairOutcomes } from '../metrics/paired.js'
import type { Baseline } from './load.js'

export interface BaselineComparison {
  kind: ArtifactKind
  comparison: Comparison
  shared?: number
  onlyBaseline?: number
  onlyRun?: number
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
    if (kind !== 'outcomes') comparisons.push({ kind, comparison: 'independent' })
  }
  const o = inputs.outcomes
  const bo = baseline.outcomes
  let paired: ((confidence: number) => Map<string, Change>) | null = null
  if (o && bo && !identical.has('outcomes') && !comparisons.some(c => c.kind === 'outcomes')) {
    const p = pairOutcomes(o, bo)
    if (p.paired) {
      paired = p.changes
      comparisons.push({ kind: 'outcomes', comparison: 'paired', ...p.overlap })
      if (p.overlap.onlyBaseline > 0 || p.overlap.onlyRun > 0)
        notes.push(
          `The test cases changed since the baseline: outcomes are compared case by case on the ${p.overlap.shared} cases both runs evaluated (${p.overlap.onlyBaseline} only in the baseline, ${p.overlap.onlyRun} only in this run).`
        )
    } else {
      comparisons.push({ kind: 'outcomes', comparison: 'independent', ...p.overlap, reason: p.reason })
      if (p.overlap)
        notes.push(`Outcomes are compared with the baseline as independent samples: ${p.reason}.`)
    }
  }
  return {
    changes: confidence => {
      const out = run.changes(base, confidence, identical)
      if (paired) for (const [key, change] of paired(confidence)) if (out.has(key)) out.set(key, change)
      return out
    },
    comparisons,
    notes
  }
}
