/** A multiclass report's classes, for the renderings: each class's metrics, and its disparities worst first. */
import type { MetricResult } from '../metrics/evaluate.js'
import { directionOf } from '../metrics/registry.js'

/** The per-class metrics a rendering shows in a class's row. */
export const CLASS_SUMMARY = ['selection_rate', 'recall', 'precision', 'auc'] as const

/** The classes a report's metrics name, in the order they appear (the score columns'). */
export const classesOf = (metrics: MetricResult[]): string[] => [
  ...new Set(metrics.flatMap(m => (m.class === undefined ? [] : [m.class])))
]

/** The disparities measured per class and attribute, in the order they appear. */
export const classDisparities = (metrics: MetricResult[]): string[] => [
  ...new Set(
    metrics
      .filter(m => m.class !== undefined && m.attribute !== undefined && m.group === undefined)
      .map(m => m.metric)
  )
]

/** One disparity's classes for an attribute, the worst first (undefined values last). */
export function worstFirst(metrics: MetricResult[], metric: string, attribute: string): MetricResult[] {
  const worse = directionOf({ metric }) === 'higher' ? 1 : -1
  return metrics
    .filter(
      m => m.metric === metric && m.attribute === attribute && m.group === undefined && m.class !== undefined
    )
    .sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : worse * (a.value - b.value)))
}
