/**
 * Keeps a generated section of a doc equal to what a simulation prints: the section sits between
 * `<!-- simulation:NAME -->` and `<!-- /simulation:NAME -->`. With UPDATE_DOCS=1 (npm run simulate)
 * the section is rewritten; otherwise the test compares and fails on any difference.
 */
import { expect } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '../..')

export function expectDocSection(doc: string, name: string, body: string): void {
  const file = join(ROOT, doc)
  const text = readFileSync(file, 'utf8')
  const open = `<!-- simulation:${name} -->`
  const close = `<!-- /simulation:${name} -->`
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

/** A Markdown table. */
export const table = (head: string[], rows: string[][]): string =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map(r => `| ${r.join(' | ')} |`)
  ].join('\n')

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
