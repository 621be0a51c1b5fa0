/**
 * The layers of src/ import downward only: no file reaches itself through its imports (type-only
 * imports included, since they tie the files' designs together as much as values do).
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const SRC = join(import.meta.dirname, '../src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : []
  )
}

/** Each file's relative imports and re-exports, as files of src/. */
function graph(): Map<string, string[]> {
  const files = sources(SRC)
  const known = new Set(files)
  const out = new Map<string, string[]>()
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const targets = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gms)]
      .map(m => resolve(dirname(file), m[1].replace(/\.js$/, '.ts')))
      .filter(t => known.has(t))
    out.set(file, [...new Set(targets)])
  }
  return out
}

/** The strongly connected components of more than one file, or of a file that imports itself (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const on = new Set<string>()
  const found: string[][] = []
  const visit = (v: string) => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    on.add(v)
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        scc.push(w)
      } while (w !== v)
      if (scc.length > 1 || (g.get(v) ?? []).includes(v)) found.push(scc.map(f => relative(SRC, f)).sort())
    }
  }
  for (const v of g.keys()) if (!index.has(v)) visit(v)
  return found
}

describe('src/ imports', () => {
  it('read every relative import (the reader of this test is not blind)', () => {
    const g = graph()
    expect(g.get(join(SRC, 'core/check.ts'))).toContain(join(SRC, 'core/manifest/load.ts'))
    expect([...g.values()].flat().length).toBeGreaterThan(300)
  })

  it('has no cycles', () => {
    expect(cycles(graph())).toEqual([])
  })

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a']]
    ])
    expect(cycles(g).map(c => c.length)).toEqual([3, 1])
  })
})
