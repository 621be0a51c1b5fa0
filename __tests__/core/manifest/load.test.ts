/** The manifest and policy selection: every defect is an error that names the file, path and line. */
import { describe, expect, it } from '@jest/globals'
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { check } from '../../../src/core/check.js'
import { loadManifest } from '../../../src/core/manifest/load.js'
import { loadPolicy } from '../../../src/core/policy/load.js'
import { manifestYaml, policyYaml, workspace } from '../../helpers/check.js'

const CSV = 'g,label,score\na,1,0.9\nb,0,0.2\n'
const load = (yaml: string, files: Record<string, string> = {}) => {
  const dir = workspace({ 'm/rai-gate.yml': yaml, ...files })
  return () => loadManifest(join(dir, 'm/rai-gate.yml'), { cwd: dir, workspace: dir })
}

describe('manifest errors', () => {
  it('names the path and line of a schema violation', () => {
    const yaml = manifestYaml('  - kind: predictions\n    path: p.csv\n    threshold: high\n')
    expect(load(yaml)).toThrow(
      "m/rai-gate.yml, line 10, artifacts[0].threshold: found 'high', expected number"
    )
  })

  it('rejects an unknown key', () => {
    expect(load(manifestYaml('  - { kind: predictions, path: p.csv }', 'sensitiveAttribute: [g]'))).toThrow(
      /line 6, sensitiveAttribute: unknown key 'sensitiveAttribute'/
    )
  })

  it('rejects another task', () => {
    expect(
      load(manifestYaml('  - { kind: predictions, path: p.csv }').replace('binary-classification', 'ranking'))
    ).toThrow(/line 5, task: found 'ranking', expected one of/)
  })

  it('rejects YAML that does not parse, with its line and column', () => {
    expect(load('apiVersion: rai-gate/v1\nmodel: { name: [\n')).toThrow(
      /m\/rai-gate\.yml, line 3, column 1: not valid YAML: unexpected end of the stream/
    )
  })

  it('lists every problem when there are several', () => {
    expect(load('apiVersion: rai-gate/v2\nkind: Evaluation\n')).toThrow(
      /problems:\n.*apiVersion \(line 1\): found 'rai-gate\/v2', expected 'rai-gate\/v1'/s
    )
  })

  it('rejects an intersection of undeclared attributes', () => {
    expect(
      load(
        manifestYaml(
          '  - { kind: predictions, path: p.csv }',
          'sensitiveAttributes: [g]\nintersections: [[g, h]]'
        )
      )
    ).toThrow(/intersections\[0\]\[1\]: 'h' is not a sensitive attribute; expected one of: g/)
  })

  it('rejects an artifact path that leaves the workspace', () => {
    expect(load(manifestYaml('  - { kind: predictions, path: ../../etc/passwd }'))).toThrow(
      /artifacts\[0\]\.path: path '\.\.\/\.\.\/etc\/passwd' leaves the workspace/
    )
  })

  it('rejects an absolute artifact path outside the workspace, and a symbolic link that leads out', () => {
    const outside = join(workspace({ 'secret.csv': CSV }), 'secret.csv')
    expect(load(manifestYaml(`  - { kind: predictions, path: '${outside}' }`))).toThrow(
      /artifacts\[0\]\.path: path '.*secret\.csv' leaves the workspace/
    )
    const dir = workspace({ 'm/rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }') })
    symlinkSync(outside, join(dir, 'm/p.csv'))
    expect(() => loadManifest(join(dir, 'm/rai-gate.yml'), { cwd: dir, workspace: dir })).toThrow(
      /artifacts\[0\]\.path: path 'p\.csv' leaves the workspace/
    )
    // A link that stays inside is followed.
    const inside = workspace({
      'm/rai-gate.yml': manifestYaml('  - { kind: predictions, path: p.csv }'),
      'data.csv': CSV
    })
    symlinkSync(join(inside, 'data.csv'), join(inside, 'm/p.csv'))
    expect(
      loadManifest(join(inside, 'm/rai-gate.yml'), { cwd: inside, workspace: inside }).artifacts
    ).toHaveLength(1)
  })

  it('rejects two artifacts of one kind', () => {
    expect(
      load(manifestYaml('  - { kind: predictions, path: a.csv }\n  - { kind: predictions, path: b.csv }'))
    ).toThrow(/artifacts\[1\]\.kind: a second 'predictions' artifact/)
  })

  it('reports a missing manifest', () => {
    const dir = workspace({})
    expect(() => loadManifest(join(dir, 'nope.yml'), { cwd: dir, workspace: dir })).toThrow(
      /nope\.yml: manifest not found/
    )
  })
})

describe('policy selection by tier', () => {
  const dir = workspace({
    'policies/low.yml': policyYaml('', 'low'),
    'policies/medium.yml': policyYaml('defaults: { confidence: 0.9, bootstrap: { seed: 3 } }', 'medium'),
    'dup/a.yml': policyYaml('', 'high'),
    'dup/b.yml': policyYaml('', 'high'),
    'bad/medium.yml': policyYaml('defaults: { confidence: 2 }'),
    'ext/base.yml': policyYaml('defaults: { minGroupSize: 77, confidence: 0.9 }', 'base'),
    'ext/medium.yml': policyYaml('extends: ./base.yml\ndefaults: { confidence: 0.99 }'),
    'cycle/a.yml': policyYaml('extends: ./b.yml', 'medium'),
    'cycle/b.yml': policyYaml('extends: ./a.yml', 'other')
  })

  it('picks the policy whose tier is the riskTier, defaults filled in', () => {
    const p = loadPolicy(join(dir, 'policies'), 'medium', dir)
    expect(p).toMatchObject({
      name: 'test-medium',
      tier: 'medium',
      defaults: { confidence: 0.9, bootstrap: { seed: 3, resamples: 1000 }, minGroupSize: 30 }
    })
    expect(p.files[0]).toMatchObject({ path: 'policies/medium.yml' })
    expect(p.files[0].sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('is an error for a tier with no policy, never "no gates"', () => {
    expect(() => loadPolicy(join(dir, 'policies'), 'high', dir)).toThrow(
      /policies: no policy for risk tier 'high'; this folder has: low \(policies\/low\.yml\), medium \(policies\/medium\.yml\)/
    )
  })

  it('is an error for an ambiguous tier', () => {
    expect(() => loadPolicy(join(dir, 'dup'), 'high', dir)).toThrow(
      /risk tier 'high' is ambiguous: dup\/a\.yml and dup\/b\.yml/
    )
  })

  it('is an error for an invalid setting', () => {
    expect(() => loadPolicy(join(dir, 'bad'), 'medium', dir)).toThrow(
      /bad\/medium\.yml, line 6, defaults\.confidence: found '2'; it must be < 1/
    )
  })

  it('merges extended defaults, the child winning', () => {
    const p = loadPolicy(join(dir, 'ext'), 'medium', dir)
    expect(p.defaults).toMatchObject({ minGroupSize: 77, confidence: 0.99 })
    expect(p.files.map(f => f.path)).toEqual(['ext/medium.yml', 'ext/base.yml'])
  })

  it('detects an extends cycle', () => {
    expect(() => loadPolicy(join(dir, 'cycle'), 'medium', dir)).toThrow(
      /extends cycle: cycle\/a\.yml -> cycle\/b\.yml -> cycle\/a\.yml/
    )
  })
})

describe('artifacts of a kind rai-gate does not know', () => {
  it('are errors, never silently skipped', async () => {
    const dir = workspace({
      'rai-gate.yml': manifestYaml(
        '  - { kind: predictions, path: p.csv }\n  - { kind: embeddings, path: e.csv }'
      ),
      'p.csv': CSV,
      'e.csv': 'x\n1\n',
      'policies/p.yml': policyYaml()
    })
    await expect(
      check({ manifest: join(dir, 'rai-gate.yml'), policy: join(dir, 'policies'), cwd: dir, workspace: dir })
    ).rejects.toThrow(
      /rai-gate\.yml, line \d+, artifacts\[1\]\.kind: found 'embeddings', expected one of 'predictions', 'robustness', 'outcomes', 'metrics', 'stats'/
    )
  })
})
