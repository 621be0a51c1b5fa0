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
    const e = err as { reason?: string; mark?: { line: number }; message: string }
    throw new InputError(`not valid YAML: ${e.reason ?? e.message}`, {
      file,
      line: e.mark ? e.mark.line + 1 : undefined
    })
  }
  const lines = text.split(/\r?\n/)
  return { data, lineOf: path => findLine(lines, path) }
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
