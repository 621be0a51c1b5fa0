/**
 * Every package bundled into dist/ runs on the Node that runs it: the CLI's (package.json `engines`,
 * from its lowest version) and the Action's (action.yml `runs.using`). The packages are those that
 * src/ imports, with everything they depend on (package-lock.json), for each entry: the CLI and its
 * helper thread (src/cli.ts, src/cli, src/worker.ts, src/core) and the Action (src/index.ts, src/github too).
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import yaml from 'js-yaml'
import semver from 'semver'

const ROOT = join(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dependencies?: Record<string, string>; engines?: { node?: string } }>
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
  )
}

/** The packages the files import by name (type-only imports leave nothing in the bundle). */
function imported(files: string[]): Set<string> {
  const out = new Set<string>()
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/^import (?!type )[^'"]*?['"]([^'".][^'"]*)['"]/gm)) {
      if (m[1].startsWith('node:')) continue
      const parts = m[1].split('/')
      out.add(m[1].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0])
    }
  }
  return out
}

/** Lock entries of the packages and all they depend on, resolved as Node resolves them. */
function closure(names: Set<string>): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>()
  const visit = (from: string, name: string) => {
    // The nearest node_modules/name up from the depending package's folder.
    let at = from
    for (;;) {
      const key = `${at ? `${at}/` : ''}node_modules/${name}`
      if (lock.packages[key] !== undefined) {
        if (out.has(key)) return
        out.set(key, lock.packages[key].engines?.node)
        for (const dep of Object.keys(lock.packages[key].dependencies ?? {})) visit(key, dep)
        return
      }
      if (at === '') throw new Error(`${name} (from ${from || 'the root'}) is not in package-lock.json`)
      const i = at.lastIndexOf('/node_modules/')
      at = i < 0 ? '' : at.slice(0, i)
    }
  }
  for (const name of names) visit('', name)
  return out
}

const cliNode = semver.minVersion(pkg.engines.node)!.version
const action = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string } }
const actionNode = `${/^node(\d+)$/.exec(action.runs.using)![1]}.0.0`
const cliFiles = [
  join(ROOT, 'src/cli.ts'),
  join(ROOT, 'src/worker.ts'),
  ...sources(join(ROOT, 'src/cli')),
  ...sources(join(ROOT, 'src/core'))
]
const actionFiles = [join(ROOT, 'src/index.ts'), ...sources(join(ROOT, 'src/github')), ...cliFiles]

describe.each([
  ['the CLI', cliFiles, cliNode],
  ['the Action', actionFiles, actionNode]
])('the packages bundled into %s', (_, files, node) => {
  it(`all run on Node ${node}`, () => {
    const packages = closure(imported(files))
    expect(packages.size).toBeGreaterThan(3)
    const refusing = [...packages]
      .filter(([, range]) => range !== undefined && !semver.satisfies(node, range))
      .map(([key, range]) => `${key.replace(/^.*node_modules\//, '')} (${range})`)
    expect(refusing).toEqual([])
  })
})

it('the check can fail: a package that asks for a newer Node is found', () => {
  expect(semver.satisfies(cliNode, '>=22')).toBe(false)
  expect(closure(new Set(['@actions/artifact'])).get('node_modules/content-type')).toBe('>=22')
})
