/** The base commit's manifest binds a pull request's: tier, identity and fairness scope (manifest/trust.ts). */
import { describe, expect, it } from '@jest/globals'
import { parseManifest } from '../../../src/core/manifest/load.js'
import { manifestDifferences, trustManifest } from '../../../src/core/manifest/trust.js'

const yaml = (o: {
  name?: string
  tier?: string
  attrs?: string
  inter?: string
  columns?: string
  more?: string
}) => `apiVersion: rai-gate/v1
kind: Evaluation
model: { name: ${o.name ?? 'm'}, version: 1.0.0 }
riskTier: ${o.tier ?? 'medium'}
task: binary-classification
sensitiveAttributes: ${o.attrs ?? '[race, sex]'}
intersections: ${o.inter ?? '[[race, sex]]'}
artifacts:
  - { kind: predictions, path: p.csv, columns: ${o.columns ?? '{ id: id }'} }
${o.more ?? ''}`
const load = (text: string) => parseManifest(text, '/w/rai-gate.yml', { cwd: '/w', workspace: '/w' })

describe('trustManifest', () => {
  it("keeps the base commit's task: a pull request cannot trade the binary gates for a regression's", () => {
    const t = trustManifest(
      load(yaml({})),
      load(yaml({}).replace('task: binary-classification', 'task: regression'))
    )
    expect(t.manifest.task).toBe('binary-classification')
    expect(t.notes[0]).toBe(
      "This pull request changes task from 'binary-classification' to 'regression'; the base commit's task 'binary-classification' applies (change it on the base branch first)."
    )
  })

  it('changes nothing, and says nothing, when the PR keeps the base manifest', () => {
    const t = trustManifest(load(yaml({})), load(yaml({})))
    expect(t.notes).toEqual([])
    expect(t.identity).toBe('m')
    expect(t.manifest).toEqual(load(yaml({})))
  })

  it('keeps the base commit’s attributes, intersections and attribute columns; lets the PR add its own', () => {
    const base = load(yaml({ columns: '{ id: id, race: ethnicity }' }))
    const pr = load(
      yaml({ attrs: '[sex, age_band]', inter: '[[sex, age_band]]', columns: '{ id: id, sex: id }' })
    )
    const t = trustManifest(base, pr)
    expect(t.manifest.sensitiveAttributes).toEqual(['race', 'sex', 'age_band'])
    expect(t.manifest.intersections).toEqual([
      ['race', 'sex'],
      ['sex', 'age_band']
    ])
    // race from the base's column, sex from its own name (the base maps it to nothing else).
    expect(t.manifest.artifacts[0].columns).toEqual({ id: 'id', race: 'ethnicity' })
    expect(t.notes).toEqual([
      'This pull request changes the manifest; the base commit\'s sensitive attributes, intersections and attribute columns still apply. Changes: sensitiveAttributes: ["race","sex"] → ["sex","age_band"]; intersections: ["race*sex"] → ["sex*age_band"]; artifact predictions columns.race: "ethnicity" → unset; artifact predictions columns.sex: unset → "id".'
    ])
  })

  it('applies the base tier when the PR lowers it, and the base name as the identity', () => {
    const t = trustManifest(load(yaml({ tier: 'high' })), load(yaml({ tier: 'low', name: 'other' })))
    expect(t.manifest.riskTier).toBe('high')
    expect(t.identity).toBe('m')
    expect(t.notes).toEqual([
      "This pull request renames the model from 'm' to 'other'; waivers, the baseline and this comment follow 'm', its name at the base commit.",
      "This pull request changes riskTier from 'high' to 'low'; the base commit's tier 'high' applies."
    ])
    // A raised tier applies.
    expect(trustManifest(load(yaml({ tier: 'low' })), load(yaml({ tier: 'high' }))).manifest.riskTier).toBe(
      'high'
    )
  })

  it('lists every change that could weaken the gate: positive label, threshold, artifacts, documents', () => {
    const base = load(
      yaml({ more: '  - { kind: robustness, path: r.csv }\ndocuments: { modelCard: CARD.md }\n' })
    )
    const pr = load(yaml({ columns: '{ id: id }, positiveLabel: yes, threshold: 0.9' }))
    expect(manifestDifferences(base, pr)).toEqual([
      'artifact predictions positiveLabel: 1 → "yes"',
      'artifact predictions threshold: 0.5 → 0.9',
      'artifact robustness removed',
      'documents.modelCard removed'
    ])
  })
})
