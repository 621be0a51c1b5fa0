// npm run screenshot: the README's picture of the PR comment (docs/img/pr-comment.png), drawn from the
// golden comment (__fixtures__/golden/adult.md) as GitHub shows it: GitHub's own Markdown engine
// (cmark-gfm, as the tests use it), GitHub's Markdown CSS, and headless Chromium (Debian's `chromium`,
// with `fonts-noto-color-emoji`), its <details> closed as a reviewer first sees them. It records the
// golden's SHA-256 beside the picture (docs/img/pr-comment.sha256); a test fails when the golden
// changes and the picture is not drawn again.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const GOLDEN = '__fixtures__/golden/adult.md'
const PNG = 'docs/img/pr-comment.png'
const WIDTH = 1000

const markdown = readFileSync(GOLDEN, 'utf8')
const body = execFileSync(
  'cmark-gfm',
  ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
  { input: markdown, encoding: 'utf8' }
)
const css = readFileSync(
  createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'),
  'utf8'
)
const dir = mkdtempSync(join(tmpdir(), 'rai-gate-screenshot-'))
try {
  const page = join(dir, 'comment.html')
  writeFileSync(
    page,
    `<!doctype html><meta charset="utf-8"><style>${css}
body { margin: 0; padding: 24px; background: #fff }
.markdown-body { max-width: ${WIDTH}px }</style><title></title><article class="markdown-body">${body}</article>
<script>document.title = String(document.documentElement.scrollHeight)</script>`
  )
  // The window is what Chromium draws: as tall as the comment, which the page measures into its title.
  const dom = execFileSync(
    'chromium',
    [...flags(dir), `--window-size=${WIDTH + 48},800`, '--dump-dom', `file://${page}`],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }
  )
  const height = Number(/<title>(\d+)<\/title>/.exec(dom)?.[1])
  if (!(height > 0)) throw new Error('the page did not measure its height')
  execFileSync(
    'chromium',
    [
      ...flags(dir),
      `--window-size=${WIDTH + 48},${height}`,
      `--screenshot=${join(process.cwd(), PNG)}`,
      `file://${page}`
    ],
    { stdio: 'ignore' }
  )
  const sha = createHash('sha256').update(markdown).digest('hex')
  writeFileSync(PNG.replace(/\.png$/, '.sha256'), `${sha}  ${GOLDEN}\n`)
  process.stdout.write(`${PNG} drawn from ${GOLDEN} (${sha.slice(0, 12)})\n`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}

function flags(dir) {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${join(dir, 'profile')}`
  ]
}
