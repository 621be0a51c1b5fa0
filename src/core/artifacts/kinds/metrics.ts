/**
 * Reads a metrics artifact ("bring your own", SPEC §1): metrics that other tools computed (LLM-judge
 * scores, toxicity rates, business metrics), each with its value and, optionally, its interval, its
 * sample size and its direction. Gates, baselines and renderings then treat them like any other
 * metric (metrics/provided.ts). The file is JSON, validated by schemas/metrics.schema.json; every
 * error names the file, the entry's line and path, the value and what was expected.
 */
import { createHash } from 'node:crypto'
import { InputError, quote } from '../../errors.js'
import { readText } from '../../files.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { metricDef } from '../../metrics/registry.js'
import { SCOPE_KEYS, type ScopeRef } from '../../metrics/sink.js'
import { metricsValidator, validate } from '../../schema.js'

export interface ProvidedMetric extends ScopeRef {
  metric: string
  value: number
  ci?: [number, number]
  n?: number
  higherIsBetter?: boolean
}

export interface MetricsData {
  entries: ProvidedMetric[]
  /** Each entry's line in the file (for errors found later, such as a gate that needs an interval). */
  lines: number[]
  file: string
  rows: number
  sha256: string
}

/**
 * The 1-based line where each element of the top-level `metrics` array starts. JSON.parse gives no
 * positions, and the YAML loader's line finder follows indentation, which JSON need not have: this
 * walks the text once, tracking strings and nesting.
 */
function entryLines(text: string): number[] {
  const lines: number[] = []
  let line = 1
  let depth = 0
  let inString = false
  let key = ''
  let lastString = ''
  let metricsDepth = -1
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') {
        inString = false
        lastString = text.slice(start, i)
      }
      continue
    }
    if (c === '"') {
      inString = true
      start = i + 1
    } else if (c === ':' && depth === 1) key = lastString
    else if (c === '{' || c === '[') {
      if (depth === metricsDepth) lines.push(line)
      depth++
      if (c === '[' && depth === 2 && key === 'metrics') metricsDepth = 2
    } else if (c === '}' || c === ']') {
      depth--
      if (depth < 2) metricsDepth = -1
    }
  }
  return lines
}

/** Where JSON.parse stopped, as a line and column, from its message's position. */
function parseError(text: string, err: Error, file: string): InputError {
  const at = /position (\d+)/.exec(err.message)
  const where = { file } as { file: string; line?: number; column?: number }
  if (at) {
    const before = text.slice(0, Number(at[1])).split('\n')
    where.line = before.length
    where.column = before[before.length - 1].length + 1
  }
  return new InputError(`not valid JSON: ${err.message.replace(/ in JSON at position \d+.*$/, '')}`, where)
}

export function readMetrics(spec: ArtifactSpec): MetricsData {
  const file = spec.display
  if (!/\.json$/i.test(spec.path))
    throw new InputError(`a metrics artifact is a .json file; expected a path ending in .json`, { file })
  const text = readText(spec.absPath, file, 'metrics file')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw parseError(text, err as Error, file)
  }
  const lines = entryLines(text)
  const lineOf = (path: string) => {
    const i = /^metrics\[(\d+)\]/.exec(path)
    return i ? lines[Number(i[1])] : 1
  }
  const { metrics: entries } = validate<{ metrics: ProvidedMetric[] }>(
    metricsValidator,
    { data, lineOf },
    file
  )
  const where = (i: number, key: string) => ({ file, line: lines[i], path: `metrics[${i}].${key}` })
  const seen = new Map<string, number>()
  const direction = new Map<string, { higher: boolean; at: number }>()
  entries.forEach((e, i) => {
    if (!Number.isFinite(e.value))
      throw new InputError(`value ${quote(e.value)} is not a finite number`, where(i, 'value'))
    if (e.ci !== undefined) {
      const [lo, hi] = e.ci
      if (!(lo <= e.value && e.value <= hi))
        throw new InputError(
          `ci [${lo}, ${hi}] does not hold the value ${e.value}; expected [low, high] around it`,
          where(i, 'ci')
        )
    }
    if (e.group !== undefined && e.attribute === undefined)
      throw new InputError(
        `a group needs its attribute; expected "attribute" beside "group"`,
        where(i, 'group')
      )
    if (e.category !== undefined && e.suite === undefined)
      throw new InputError(
        `a category needs its suite; expected "suite" beside "category"`,
        where(i, 'category')
      )
    const def = metricDef(e.metric)
    if (def !== undefined) {
      const registry = def.direction === 'higher' ? true : def.direction === 'lower' ? false : undefined
      if (e.higherIsBetter !== undefined && e.higherIsBetter !== registry)
        throw new InputError(
          `higherIsBetter ${e.higherIsBetter} contradicts rai-gate's ${e.metric}, for which ${def.direction === 'none' ? 'neither direction is better' : `${def.direction} is better`}; expected it left out`,
          where(i, 'higherIsBetter')
        )
    } else {
      if (e.higherIsBetter === undefined)
        throw new InputError(
          `metric '${e.metric}' is not one rai-gate computes, so its direction must be given; expected "higherIsBetter": true or false`,
          where(i, 'metric')
        )
      const known = direction.get(e.metric)
      if (known !== undefined && known.higher !== e.higherIsBetter)
        throw new InputError(
          `higherIsBetter ${e.higherIsBetter} contradicts line ${known.at}, where ${e.metric} has ${known.higher}; expected one direction per metric`,
          where(i, 'higherIsBetter')
        )
      direction.set(e.metric, { higher: e.higherIsBetter, at: lines[i] })
    }
    const key = JSON.stringify([e.metric, ...SCOPE_KEYS.map(k => e[k])])
    const before = seen.get(key)
    if (before !== undefined)
      throw new InputError(
        `${e.metric} for this scope is also at line ${before}; expected one value per metric and scope`,
        where(i, 'metric')
      )
    seen.set(key, lines[i])
  })
  return {
    entries,
    lines,
    file,
    rows: entries.length,
    sha256: createHash('sha256').update(text).digest('hex')
  }
}
