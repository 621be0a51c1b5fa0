/**
 * The npm package as a user gets it: `npm pack`, installed into an empty folder (no network: the
 * bundled dist/ needs no dependencies), and `npx rai-gate check` run there on a copy of the example.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../helpers/check.js'
import { expectValidReport } from '../helpers/report-schema.js'

const ROOT = join(import.meta.dirname, '../..')
const npm = (args: string[], cwd: string) => {
  const r = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' }
  })
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${r.stderr}`)
  return r.stdout
}

describe('the npm package', () => {
  it('holds what the CLI needs, installs with no dependencies, and runs npx rai-gate check', () => {
    const dir = tempDir('rai-gate-pack-')
    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT))[0]
    const files = (packed.files as { path: string }[]).map(f => f.path).sort()
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'CHANGELOG.md',
        'dist/cli.js',
        'dist/worker.js',
        'dist/index.js',
        'schemas/report.schema.json',
        'policies/medium.yml',
        'policies/schema/policy.schema.json',
        'package.json'
      ])
    )
    // Nothing else: no sources, tests, fixtures or build scripts.
    expect(
      files.filter(
        f => !/^(dist|schemas|policies)\/|^(LICENSE|README\.md|CHANGELOG\.md|package\.json)$/.test(f)
      )
    ).toEqual([])
    const app = join(dir, 'app')
    cpSync(join(ROOT, 'examples/adult'), join(app, 'adult'), { recursive: true })
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }))
    npm(['install', '--offline', '--no-audit', '--no-fund', join(dir, packed.filename)], app)
    const r = spawnSync(
      'npx',
      ['--no-install', 'rai-gate', 'check', '--report', 'out.json', '--format', 'text'],
      {
        cwd: join(app, 'adult'),
        encoding: 'utf8'
      }
    )
    // The example fails two gates by design: exit 1, the decision, and the report.
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^Decision: FAIL\nrai-gate 1\.0\.0: adult-income/)
    const report = JSON.parse(readFileSync(join(app, 'adult/out.json'), 'utf8'))
    expectValidReport(report)
    expect(report.decision).toBe('fail')

    // The README's Quick start, as written: a folder that holds only a predictions file installs the
    // packed package as a development dependency, then `npx rai-gate init` and `npx rai-gate check`.
    const model = join(dir, 'model')
    mkdirSync(join(model, 'eval'), { recursive: true })
    cpSync(join(ROOT, '__fixtures__/adult/predictions.csv'), join(model, 'eval/predictions.csv'))
    writeFileSync(join(model, 'package.json'), JSON.stringify({ name: 'model', private: true }))
    npm(['install', '--save-dev', '--offline', '--no-audit', '--no-fund', join(dir, packed.filename)], model)
    const npx = (args: string[]) =>
      spawnSync('npx', ['--no-install', 'rai-gate', ...args], { cwd: model, encoding: 'utf8' })
    const init = npx(['init'])
    expect(init.stderr).toBe('')
    expect(init.status).toBe(0)
    expect(readdirSync(model, { recursive: true }).map(String).sort()).toEqual(
      expect.arrayContaining([
        'rai-gate.yml',
        'policies/medium.yml',
        'policies/low.yml',
        '.github/workflows/rai-gate.yml'
      ])
    )
    const gate = npx(['check', '--junit', 'junit.xml'])
    expect(gate.stderr).toBe('')
    expect(gate.status).toBe(1)
    expect(gate.stdout).toMatch(/^Decision: FAIL\nrai-gate 1\.0\.0: model 0\.1\.0 \(risk tier medium\)/)
    expect(readFileSync(join(model, 'junit.xml'), 'utf8')).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /
    )
  })
})
