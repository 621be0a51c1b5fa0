/** Where metric computations write: the point run records everything, bootstrap runs only values. */
import type { Support } from './support.js'

export interface ScopeRef {
  attribute?: string
  group?: string
  perturbation?: string
  suite?: string
  category?: string
  /** A multiclass model's class (one-vs-rest metrics, and disparities of one class). */
  class?: string
}

/** The scope keys, in the order reports and renderings list them. */
export const SCOPE_KEYS = ['class', 'attribute', 'group', 'perturbation', 'suite', 'category'] as const

/** The scope part of a metric, check or regression (only the keys it has). */
export function scopeOf(m: ScopeRef): ScopeRef {
  const scope: ScopeRef = {}
  for (const key of SCOPE_KEYS) if (m[key] !== undefined) scope[key] = m[key]
  return scope
}

/**
 * Why a value is undefined, when a decision depends on it: its code decides (the gate reads the code,
 * never the words), the text explains. A reason that decides nothing is plain text.
 */
export type ReasonCode = 'too-few-groups'
export interface Reason {
  code: ReasonCode
  text: string
}

/** A disparity needs two groups of at least minGroupSize rows: with fewer, its data are insufficient. */
export const tooFewGroups = (minGroupSize: number): Reason => ({
  code: 'too-few-groups',
  text: `fewer than two groups have at least ${minGroupSize} rows`
})

export interface Sink {
  /** True when the sink keeps supports: computations build them only then (the point run). */
  readonly detailed: boolean
  /** value is NaN when undefined; reason then says why. support feeds an analytic interval. */
  put(
    metric: string,
    scope: ScopeRef,
    value: number,
    n: number,
    reason?: string | Reason,
    support?: Support
  ): void
}

export interface PointValue {
  metric: string
  scope: ScopeRef
  value: number
  n: number
  reason?: string
  code?: ReasonCode
  support?: Support
}

/** Records every value with its metric and scope (the point estimates). */
export class RecordingSink implements Sink {
  readonly detailed = true
  readonly values: PointValue[] = []
  put: Sink['put'] = (metric, scope, value, n, reason, support) => {
    const why = typeof reason === 'object' ? { reason: reason.text, code: reason.code } : { reason }
    this.values.push({ metric, scope, value, n, ...why, ...(support && { support }) })
  }
}

/** Writes the k-th value put into column slots[k] of one row of a replicate matrix (-1: not kept). */
export class RowSink implements Sink {
  readonly detailed = false
  private k = 0
  private offset = 0
  constructor(
    private readonly out: Float64Array,
    private readonly slots: Int32Array
  ) {}
  reset(offset: number): void {
    this.offset = offset
    this.k = 0
  }
  put(_metric: string, _scope: ScopeRef, value: number): void {
    const slot = this.slots[this.k++]
    if (slot >= 0) this.out[this.offset + slot] = value
  }
}
