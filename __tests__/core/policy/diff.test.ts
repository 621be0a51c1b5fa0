/** What a pull request changes in its policy: every difference the reviewer must see, none invented. */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { policyDifferences } from '../../../src/core/policy/diff.js'
import { loadPolicy } from '../../../src/core/policy/load.js'
import { policyYaml, workspace } from '../../helpers/check.js'

const BASE = `defaults: { minGroupSize: 30, bootstrap: { resamples: 1000, seed: 0 }, calibration: { bins: 10 } }
requires:
  artifacts: [predictions, robustness]
  documents: [{ doc: modelCard, sections: [Intended use, Limitations] }]
gates:
  - { id: dpd, metric: selection_rate, attributes: [sex, race], groups: [a, b, c], min: 0.1 }
  - { id: flip, metric: flip_rate, perturbations: [typo, case], max: 0.05 }
  - { id: tox, metric: failure_rate, suites: [toxicity, jailbreak], categories: [hate, self-harm], max: 0.01 }
  - { id: acc, metric: accuracy, min: 0.8, maxWorsening: 0.02 }
  - { id: brier, metric: brier, max: 0.2 }
waivers:
  - { gate: acc, models: [credit-*], reason: r, approvedBy: board, expires: '2027-01-31' }
`

function load(body: string) {
  const dir = workspace({ 'policies/medium.yml': policyYaml(body) })
  return loadPolicy(join(dir, 'policies'), 'medium', dir)
}

describe('policyDifferences', () => {
  it('is empty for the same policy read from another place', () => {
    expect(policyDifferences(load(BASE), load(BASE))).toEqual([])
  })

  it('shows every loosening: scopes narrowed, requirements dropped, settings and waivers changed', () => {
    const proposed = BASE.replace('groups: [a, b, c]', 'groups: [a]')
      .replace('suites: [toxicity, jailbreak]', 'suites: [toxicity]')
      .replace('categories: [hate, self-harm]', 'categories: [hate]')
      .replace('artifacts: [predictions, robustness]', 'artifacts: [predictions]')
      .replace('sections: [Intended use, Limitations]', 'sections: [Intended use]')
      .replace('resamples: 1000', 'resamples: 100')
      .replace('calibration: { bins: 10 }', "calibration: { bins: 2, strategy: 'quantile' }")
      .replace("expires: '2027-01-31'", "expires: '2099-01-31'")
      .replace('min: 0.8, maxWorsening: 0.02', 'min: 0.8')
      .replace('perturbations: [typo, case]', 'perturbations: [case]')
      .replace(/ {2}- { id: brier.*\n/, '')
    expect(policyDifferences(load(BASE), load(proposed))).toEqual([
      'defaults.bootstrap.resamples: 1000 → 100',
      'defaults.calibration.bins: 10 → 2',
      'defaults.calibration.strategy: "uniform" → "quantile"',
      'requires.artifacts: ["predictions","robustness"] → ["predictions"]',
      'requires.documents.modelCard.sections: ["Intended use","Limitations"] → ["Intended use"]',
      'gate dpd groups: ["a","b","c"] → ["a"]',
      'gate flip perturbations: ["typo","case"] → ["case"]',
      'gate tox suites: ["toxicity","jailbreak"] → ["toxicity"]',
      'gate tox categories: ["hate","self-harm"] → ["hate"]',
      'gate acc maxWorsening: 0.02 → unset',
      'gate brier removed',
      'waiver for acc (models credit-*) expires: "2027-01-31" → "2099-01-31"'
    ])
  })

  it('names added gates, waivers and documents with what they hold, waivers told apart by gate and models', () => {
    const proposed = BASE.replace(
      'waivers:\n',
      'waivers:\n  - { gate: dpd, reason: new, approvedBy: me }\n  - { gate: acc, reason: second, approvedBy: me }\n'
    ).replace(
      'documents: [{ doc: modelCard, sections: [Intended use, Limitations] }]',
      'documents: [{ doc: modelCard, sections: [Intended use, Limitations] }, { doc: dataSheet }]'
    )
    expect(policyDifferences(load(BASE), load(proposed))).toEqual([
      'requires.documents.dataSheet added: {"doc":"dataSheet"}',
      'waiver for dpd added: {"gate":"dpd","reason":"new","approvedBy":"me"}',
      'waiver for acc added: {"gate":"acc","reason":"second","approvedBy":"me"}'
    ])
  })
})
