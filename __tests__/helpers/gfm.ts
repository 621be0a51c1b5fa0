/**
 * What GitHub would show for a comment: its Markdown engine, cmark-gfm (the Debian package that
 * .ci/run installs), with GitHub's extensions and raw HTML passed through as GitHub passes it, and the
 * checks that nothing from data became live or broke the layout.
 */
import { execFileSync } from 'node:child_process'
import type { Report } from '../../src/core/report/report.js'
import { reportProblem } from '../../src/core/schema.js'

const EXTENSIONS = ['table', 'autolink', 'strikethrough', 'tagfilter', 'tasklist']

export function gfm(markdown: string): string {
  try {
    return execFileSync('cmark-gfm', ['--unsafe', ...EXTENSIONS.flatMap(e => ['--extension', e])], {
      input: markdown,
      encoding: 'utf8',
      maxBuffer: 1 << 28
    })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('cmark-gfm is not installed; .ci/run installs it (apt-get install cmark-gfm)')
    throw err
  }
}

/** The elements rai-gate's own Markdown makes. Anything else came from data. */
const OURS = new Set([
  'p',
  'h2',
  'strong',
  'em',
  'code',
  'pre',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'ul',
  'li'
])

/** The text a reader sees, code elements left out (GitHub neither links nor mentions in code). */
export function visibleText(html: string): string {
  return html
    .replace(/<pre[^>]*>[\s\S]*?<\/pre>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

/**
 * Everything in rendered HTML that would be live or broken on GitHub: an element rai-gate does not
 * make (an image, a link, a heading), a link or image attribute, an @mention or #reference in text,
 * or more than the one heading. (A table cell split by a pipe does not show here, since cmark-gfm pads
 * and cuts rows to the header: check that the data's text comes out whole.)
 */
export function hazards(html: string): string[] {
  const out: string[] = []
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g))
    if (!OURS.has(m[1].toLowerCase())) out.push(`element <${m[1]}>`)
  for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g))
    for (const m of tag[0].matchAll(/\s(href|src|on\w+)=/gi)) out.push(`attribute ${m[1]}`)
  const text = visibleText(html)
  for (const m of text.matchAll(/(?<![\w`])@[A-Za-z0-9][\w/-]*/g)) out.push(`mention ${m[0]}`)
  for (const m of text.matchAll(/(?<![\w&])#\d+/g)) out.push(`reference ${m[0]}`)
  if ((html.match(/<h[1-6]/g) ?? []).length !== 1) out.push('a heading besides the headline')
  return [...new Set(out)]
}

/** Hostile Markdown and HTML: everything a string in a comment must not become. */
export const PAYLOAD =
  'x<img src=x onerror=alert(1)> [l](javascript:alert(1)) ![i](https://e.test/i.png) a|b **b** _i_ `c` ' +
  '<details open> @org/team @user #12 https://evil.test/x www.evil.test\n## injected heading'
/** PAYLOAD as a reader must see it: whole, on one line. */
export const SEEN = PAYLOAD.replace(/\n/g, ' ')

/** Sets every string of `report` that the schema lets be anything to `payload`; returns how many. */
export function poison(report: Report, payload = PAYLOAD): number {
  let count = 0
  const walk = (node: unknown): void => {
    if (Array.isArray(node) || (typeof node === 'object' && node !== null)) {
      const obj = node as Record<string, unknown>
      for (const key of Object.keys(obj)) {
        const value = obj[key]
        if (typeof value === 'string') {
          obj[key] = payload
          if (reportProblem(report) === null) count++
          else obj[key] = value
        } else walk(value)
      }
    }
  }
  walk(report)
  return count
}

/** The number of cells in each row of each table of rendered HTML, by table. */
export function tableShapes(html: string): number[][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(t =>
    [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(r => (r[1].match(/<t[dh][ >]/g) ?? []).length)
  )
}
