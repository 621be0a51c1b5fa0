/**
 * Expands a gate into its scope instances (SPEC §3): one per group, attribute, perturbation or suite,
 * as the gate's metric and keys say. A named instance with no value (an attribute the manifest does
 * not declare, a suite the file does not hold) becomes a target with `missing` set.
 */
import type { MetricResult } from '../metrics/evaluate.js'
import type { MetricDef } from '../metrics/registry.js'
import { scopeOf, type ScopeRef } from '../metrics/sink.js'
import type { Gate } from '../policy/types.js'

export interface Target {
  scope: ScopeRef
  result?: MetricResult
  missing?: string
}

const ARTIFACT: Record<string, string> = {
  perturbation: 'robustness',
  robustness: 'robustness',
  suite: 'outcomes'
}

export function expandGate(gate: Gate, def: MetricDef, metrics: MetricResult[]): Target[] {
  let rows = metrics.filter(m => m.metric === gate.metric)
  const missing: Target[] = []
  const within = (
    key: 'class' | 'attribute' | 'group' | 'perturbation' | 'suite' | 'category',
    names: string[] | undefined
  ) => {
    if (names === undefined || names.includes('*')) return
    for (const name of names) {
      if (!rows.some(m => m[key] === name))
        missing.push({
          scope: { [key]: name },
          missing: `no ${gate.metric} for ${key} '${name}' in this run`
        })
    }
    rows = rows.filter(m => names.includes(m[key] as string))
  }
  // A multiclass model's classes: named ones; else a value over every class where the metric has one
  // (a disparity's worst class), or each class's own (every class: the worst decides).
  if (gate.classes === undefined) {
    if (rows.some(m => m.class === undefined)) rows = rows.filter(m => m.class === undefined)
  } else {
    rows = rows.filter(m => m.class !== undefined)
    within('class', gate.classes)
  }
  const scopes = def.scopes
  let kind: string
  if (scopes.includes('group') && (gate.attributes || gate.groups || !scopes.includes('overall'))) {
    kind = 'group'
    rows = rows.filter(m => m.group !== undefined)
    within('attribute', gate.attributes)
    within('group', gate.groups)
  } else if (scopes.includes('attribute')) {
    kind = 'attribute'
    rows = rows.filter(m => m.attribute !== undefined && m.group === undefined)
    within('attribute', gate.attributes)
  } else if (scopes.includes('suite') && (gate.suites || gate.categories || !scopes.includes('overall'))) {
    kind = 'suite'
    rows = rows.filter(
      m => m.suite !== undefined && (gate.categories ? m.category !== undefined : m.category === undefined)
    )
    within('suite', gate.suites)
    within('category', gate.categories)
  } else if (scopes.includes('perturbation')) {
    kind = 'perturbation'
    rows = rows.filter(m => m.perturbation !== undefined)
    within('perturbation', gate.perturbations)
  } else {
    kind = scopes[0]
    rows = rows.filter(
      m => m.attribute === undefined && m.perturbation === undefined && m.suite === undefined
    )
  }
  const targets: Target[] = rows.map(result => ({ scope: scopeOf(result), result }))
  if (targets.length === 0 && missing.length === 0) {
    const artifact = ARTIFACT[kind] ?? 'predictions'
    return [
      { scope: {}, missing: `${gate.metric} could not be computed: the run has no ${artifact} values for it` }
    ]
  }
  return [...targets, ...missing]
}
