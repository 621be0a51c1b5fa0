/**
 * JSON Schema validation (ajv, compiled ahead of time) with messages a person can act on: the file,
 * the path inside it in the form people write (`artifacts[1].columns.score`), the line where it can
 * be found, the value and what was expected.
 */
import type { ErrorObject, ValidateFunction } from 'ajv'
import { InputError, quote } from './errors.js'
import type { LoadedYaml } from './yaml.js'

// The manifest and policy validators are compiled ahead of time (scripts/validators.js), with
// allErrors and verbose set, so that every violation comes with the data that broke it.
import { report as reportValidator } from './validators.generated.js'
export {
  manifest as manifestValidator,
  policy as policyValidator,
  metrics as metricsValidator
} from './validators.generated.js'

/**
 * Why `data` is not a report of this schema (its first violation, by path), or null when it is one.
 * A report from another run (a baseline, an uploaded report) is used only after this says null.
 */
export function reportProblem(data: unknown): string | null {
  if (reportValidator(data)) return null
  const e = reportValidator.errors![0]
  return `${pathOf(e.instancePath) || 'the top level'}: ${e.message}`
}

/** `/artifacts/1/columns` -> `artifacts[1].columns`. */
export function pathOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '')
}

function describe(e: ErrorObject): { path: string; text: string } {
  const path = pathOf(e.instancePath)
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty)
      return { path: path ? `${path}.${key}` : key, text: `unknown key ${quote(key)}` }
    }
    case 'required':
      return { path, text: `missing required key ${quote(p.missingProperty)}` }
    case 'const':
      return { path, text: `found ${quote(e.data)}, expected ${quote(p.allowedValue)}` }
    case 'enum':
      return {
        path,
        text: `found ${quote(e.data)}, expected one of ${(p.allowedValues as unknown[]).map(v => quote(v)).join(', ')}`
      }
    case 'type':
      return { path, text: `found ${quote(e.data)}, expected ${String(p.type).replace(',', ' or ')}` }
    default:
      return { path, text: `found ${quote(e.data)}; it ${e.message ?? 'is not valid'}` }
  }
}

/** Throws one InputError listing every schema violation (the first one's location leads). */
export function validate<T>(fn: ValidateFunction, doc: LoadedYaml, file: string): T {
  if (fn(doc.data)) return doc.data as T
  const errors = (fn.errors ?? [])
    .filter(e => e.keyword !== 'if' && e.keyword !== 'oneOf' && e.keyword !== 'anyOf')
    .map(e => ({ ...describe(e), data: e.data }))
  const unique = errors.filter((e, i) => errors.findIndex(o => o.path === e.path && o.text === e.text) === i)
  const first = unique[0] ?? { path: '', text: 'does not match the schema' }
  const lines = unique.map(e => {
    const line = doc.lineOf(e.path)
    return `  ${e.path || '(top level)'}${line ? ` (line ${line})` : ''}: ${e.text}`
  })
  const detail = unique.length === 1 ? first.text : `${unique.length} problems:\n${lines.join('\n')}`
  throw new InputError(detail, {
    file,
    line: doc.lineOf(first.path),
    path: unique.length === 1 ? first.path || undefined : undefined
  })
}
