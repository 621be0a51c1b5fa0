/**
 * Keeps a generated section of a doc equal to what a test computes (a simulation, the registry): the
 * section sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. With UPDATE_DOCS=1
 * (npm run simulate) the section is rewritten; otherwise the test compares and fails on any difference.
 */
import { expect } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '../..')

export function expectDocSection(doc: string, name: string, body: string): void {
  const file = join(ROOT, doc)
  const text = readFileSync(file, 'utf8')
  const open = `<!-- generated:${name} -->`
  const close = `<!-- /generated:${name} -->`
  const a = text.indexOf(open)
  const b = text.indexOf(close)
  if (a < 0 || b < a) throw new Error(`${doc} has no section ${open} … ${close}`)
  // Prettier would realign the tables: the section is left as printed.
  const section = `${open}\n<!-- prettier-ignore-start -->\n\n${body.trim()}\n\n<!-- prettier-ignore-end -->\n${close}`
  if (process.env.UPDATE_DOCS === '1') {
    writeFileSync(file, text.slice(0, a) + section + text.slice(b + close.length))
    process.stdout.write(`${doc} (${name}):\n${body.trim()}\n\n`)
    return
  }
  expect(text.slice(a, b + close.length)).toBe(section)
}

/** A Markdown table; a | inside a cell is escaped. */
export const table = (head: string[], rows: string[][]): string => {
  const line = (cells: string[]) => `| ${cells.map(c => c.replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n')
}

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
