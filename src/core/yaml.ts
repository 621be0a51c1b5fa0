/**
 * YAML loading for manifests and policies: js-yaml's core schema (plain data only: no custom tags,
 * and dates stay strings so that `expires: 2027-01-31` is compared as written), plus the line of each
 * mapping key so that schema errors can point at a line.
 */
import yaml from 'js-yaml'
import { InputError } from './errors.js'

export interface LoadedYaml {
  data: unknown
  /** 1-based line of the node at a JSON path like `artifacts[1].columns`, where it can be found. */
  lineOf(path: string): number | undefined
}

export function loadYaml(text: string, file: string): LoadedYaml {
  let data: unknown
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file, json: false })
  } catch (err) {
    const e = err as { reason?: string; mark?: { line: number; column: number }; message: string }
    throw new InputError(`not valid YAML: ${e.reason ?? e.message}`, {
      file,
      line: e.mark ? e.mark.line + 1 : undefined,
      column: e.mark ? e.mark.column + 1 : undefined
    })
  }
  const lines = text.split(/\r?\n/)
  const lineOf = (path: string) => findLine(lines, path)
  const over = expandsPast(data, MAX_VALUES)
  if (over !== null)
    throw new InputError(
      `the document expands to more than ${MAX_VALUES.toLocaleString('en-US')} values through its aliases (*name); expected a document of at most that many`,
      { file, line: lineOf(over), path: over }
    )
  return { data, lineOf }
}

/**
 * Values a document may hold, counting each alias at every place it is used. js-yaml keeps an alias
 * as one shared object, so ten levels of ten aliases each (a "billion laughs") load in a moment but
 * make 10^10 values for whatever walks them next: the schema check, an error message, the report.
 * A hand-written manifest or policy holds a few hundred.
 */
const MAX_VALUES = 100_000

/** The path of the top-level key at which walking `data` passes `limit` values, or null. */
function expandsPast(data: unknown, limit: number): string | null {
  let count = 0
  const walk = (v: unknown): boolean => {
    if (++count > limit) return true
    if (v === null || typeof v !== 'object') return false
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (walk(child)) return true
    return false
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return walk(data) ? '' : null
  for (const [key, value] of Object.entries(data)) if (walk(value)) return key
  return null
}

/**
 * Finds a path's line by walking the keys and list items by indentation. Good enough for the block
 * style that people write by hand; flow style (`{ a: 1 }`) resolves to the enclosing key's line.
 */
function findLine(lines: string[], path: string): number | undefined {
  const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? []
  let from = 0
  let indent = -1
  let found: number | undefined
  for (const part of parts) {
    let hit = -1
    if (part.startsWith('[')) {
      const want = Number(part.slice(1, -1))
      let seen = -1
      for (let i = from; i < lines.length; i++) {
        const m = /^(\s*)-(?:\s|$)/.exec(lines[i])
        if (!m || m[1].length < indent) continue
        if (++seen === want) {
          hit = i
          indent = m[1].length
          break
        }
      }
    } else {
      const key = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      const re = new RegExp(`^(\\s*(?:- )?)["']?${key}["']?\\s*:`)
      for (let i = from; i < lines.length; i++) {
        const m = re.exec(lines[i])
        if (m && m[1].length > indent) {
          hit = i
          indent = m[1].length
          break
        }
      }
    }
    if (hit < 0) return found
    found = hit + 1
    from = part.startsWith('[') ? hit : hit + 1
  }
  return found
}
