/**
 * What the JSON Schema cannot say about gates: unique ids, known metrics (with a suggestion), scope
 * keys that fit the metric, at least one threshold, min <= max.
 */
import type { InputError } from '../errors.js'
import { METRICS, metricDef, type MetricDef, type Scope } from '../metrics/registry.js'
import { didYouMean } from '../suggest.js'
import type { RawPolicy } from './types.js'

/** Which scope keys a gate may use, by the scopes its metric is computed at. */
const SCOPE_KEYS: Record<string, Scope[]> = {
  attributes: ['group', 'attribute'],
  groups: ['group'],
  perturbations: ['perturbation'],
  suites: ['suite'],
  categories: ['suite']
}

export function checkGates(
  raw: RawPolicy,
  error: (detail: string, path: string) => InputError,
  known: ReadonlyMap<string, MetricDef> = new Map()
): void {
  const ids = new Map<string, number>()
  raw.gates?.forEach((g, i) => {
    const at = (key: string) => `gates[${i}].${key}`
    if (ids.has(g.id))
      throw error(`duplicate gate id '${g.id}' (also gates[${ids.get(g.id)}]); expected unique ids`, at('id'))
    ids.set(g.id, i)
    const def = metricDef(g.metric) ?? known.get(g.metric)
    if (def === undefined) {
      const suggestion = didYouMean(g.metric, [...METRICS.map(m => m.id), ...known.keys()])
      throw error(
        `unknown metric '${g.metric}'${suggestion || '; a metric from another tool needs a metrics artifact that declares it (with higherIsBetter)'}`,
        at('metric')
      )
    }
    const task = raw.task ?? 'binary-classification'
    if (def.tasks !== undefined && !def.tasks.includes(task))
      throw error(
        `${g.metric} is a metric of ${def.tasks.join(' and ')} models, and this policy gates ${task} models (its task); expected a metric of ${task} models${raw.task === undefined ? ', or task: ' + def.tasks[0] + ' in this policy' : ''}`,
        at('metric')
      )
    if (g.classes !== undefined && task !== 'multiclass-classification')
      throw error(`'classes' is a multiclass model's scope; this policy gates ${task} models`, at('classes'))
    for (const [key, scopes] of Object.entries(SCOPE_KEYS)) {
      if (g[key as keyof typeof g] !== undefined && !def.scopes.some(s => scopes.includes(s))) {
        throw error(
          `'${key}' does not apply to ${g.metric}, which is computed per ${def.scopes.join(' and ')}`,
          at(key)
        )
      }
    }
    if (
      g.min === undefined &&
      g.max === undefined &&
      g.maxWorsening === undefined &&
      g.maxWorseningRelative === undefined
    ) {
      throw error(
        `gate '${g.id}' has no threshold; expected min, max, maxWorsening or maxWorseningRelative`,
        `gates[${i}]`
      )
    }
    if ((g.maxWorsening !== undefined || g.maxWorseningRelative !== undefined) && def.direction === 'none') {
      throw error(
        `${g.metric} has no better or worse direction, so it cannot have a change threshold; use min or max`,
        at(g.maxWorsening !== undefined ? 'maxWorsening' : 'maxWorseningRelative')
      )
    }
    if (g.min !== undefined && g.max !== undefined && g.min > g.max) {
      throw error(`min ${g.min} is above max ${g.max}; no value could pass`, at('min'))
    }
  })
}
