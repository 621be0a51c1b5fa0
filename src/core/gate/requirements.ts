/**
 * `requires` in a policy: artifact kinds the run must include ("evaluation coverage") and documents
 * that must exist with given section headings. Each requirement is a blocking check.
 */
import type { Manifest } from '../manifest/types.js'
import type { Requires } from '../policy/types.js'
import type { Check } from './types.js'

/** Reads a document named in the manifest; null when it does not exist. */
export type ReadDocument = (path: string) => string | null

const base = { severity: 'block' as const, mode: 'point' as const, threshold: {}, value: null, ci: null }

export function checkRequirements(
  requires: Requires,
  manifest: Manifest,
  present: Set<string>,
  read: ReadDocument
): Check[] {
  const checks: Check[] = []
  for (const kind of requires.artifacts ?? []) {
    const ok = present.has(kind)
    checks.push({
      gate: `requires.artifacts.${kind}`,
      metric: 'artifact',
      ...base,
      status: ok ? 'pass' : 'fail',
      effect: ok ? 'none' : 'block',
      reason: ok
        ? `a ${kind} artifact was evaluated`
        : `the policy requires a ${kind} artifact and the manifest has none`
    })
  }
  for (const { doc, sections = [] } of requires.documents ?? []) {
    const gate = `requires.documents.${doc}`
    const fail = (reason: string): Check => ({
      ...base,
      gate,
      metric: 'document',
      status: 'fail',
      effect: 'block',
      reason
    })
    const path = manifest.documents[doc]
    if (path === undefined) {
      checks.push(
        fail(`the policy requires the document '${doc}' and the manifest's documents do not name it`)
      )
      continue
    }
    const text = read(path)
    if (text === null) {
      checks.push(fail(`document '${doc}' (${path}) does not exist`))
      continue
    }
    const headings = headingsOf(text)
    const absent = sections.filter(s => !headings.has(normalize(s)))
    checks.push(
      absent.length > 0
        ? fail(
            `document '${doc}' (${path}) lacks the section${absent.length > 1 ? 's' : ''} ${absent.map(s => `'${s}'`).join(', ')}`
          )
        : {
            ...base,
            gate,
            metric: 'document',
            status: 'pass',
            effect: 'none',
            reason: `document '${doc}' (${path}) has every required section`
          }
    )
  }
  return checks
}

const normalize = (heading: string) => heading.trim().toLowerCase().replace(/\s+/g, ' ')

/**
 * The ATX headings of a Markdown document (`## Limitations ##`), normalized. Scanned line by line
 * rather than with one multi-line RegExp: `^#{1,6}\s+(.+?)\s*#*\s*$` backtracks, and a heading built
 * for it took 40 s. Here each line is looked at a bounded number of times.
 */
export function headingsOf(text: string): Set<string> {
  const out = new Set<string>()
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    // Up to three spaces of indent, then 1 to 6 #, then a space or tab (CommonMark).
    let i = 0
    while (i < 3 && line[i] === ' ') i++
    let hashes = 0
    while (line[i + hashes] === '#') hashes++
    if (hashes < 1 || hashes > 6) continue
    const rest = line.slice(i + hashes)
    if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t') continue
    // A closing run of # counts only after a space or tab (or when it is all there is).
    let end = rest.trimEnd()
    let k = end.length
    while (k > 0 && end[k - 1] === '#') k--
    if (k === 0 || end[k - 1] === ' ' || end[k - 1] === '\t') end = end.slice(0, k)
    const heading = normalize(end)
    if (heading !== '') out.add(heading)
  }
  return out
}
