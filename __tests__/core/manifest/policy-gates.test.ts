/** Invalid policies, one defect each: every one is an error naming the file, path and line. */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { loadPolicy } from '../../../src/core/policy/load.js'
import { policyYaml, workspace } from '../../helpers/check.js'

const load = (body: string) => {
  const dir = workspace({ 'p/medium.yml': policyYaml(body) })
  return () => loadPolicy(join(dir, 'p'), 'medium', dir)
}

describe('invalid policies', () => {
  it.each([
    [
      'an unknown metric, with a suggestion',
      'gates:\n  - { id: a, metric: demographic_parity_diference, max: 0.1 }\n',
      /p\/medium\.yml, line 7, gates\[0\]\.metric: unknown metric 'demographic_parity_diference'; did you mean 'demographic_parity_difference'\?/
    ],
    [
      'an unknown key in a gate',
      'gates:\n  - id: a\n    metric: auc\n    minimum: 0.8\n',
      /line 9, gates\[0\]\.minimum: unknown key 'minimum'/
    ],
    [
      'a wrong type',
      'gates:\n  - { id: a, metric: auc, min: high }\n',
      /gates\[0\]\.min: found 'high', expected number/
    ],
    [
      'a duplicate gate id',
      'gates:\n  - { id: a, metric: auc, min: 0.8 }\n  - { id: a, metric: f1, min: 0.5 }\n',
      /line 8, gates\[1\]\.id: duplicate gate id 'a' \(also gates\[0\]\)/
    ],
    ['no threshold', 'gates:\n  - { id: a, metric: auc }\n', /gates\[0\]: gate 'a' has no threshold/],
    [
      'min above max',
      'gates:\n  - { id: a, metric: auc, min: 0.9, max: 0.8 }\n',
      /gates\[0\]\.min: min 0\.9 is above max 0\.8/
    ],
    [
      'a scope key that does not fit the metric',
      'gates:\n  - { id: a, metric: auc, perturbations: [x], min: 0.8 }\n',
      /gates\[0\]\.perturbations: 'perturbations' does not apply to auc, which is computed per overall/
    ],
    [
      'a waiver for an unknown gate',
      'gates:\n  - { id: fairness.dp, metric: demographic_parity_difference, max: 0.1 }\nwaivers:\n  - { gate: fairness.pd, reason: r, approvedBy: b }\n',
      /line 9, waivers\[0\]\.gate: waiver for unknown gate 'fairness\.pd'; did you mean 'fairness\.dp'\?/
    ],
    [
      'a waiver without approver',
      'gates:\n  - { id: a, metric: auc, min: 0.8 }\nwaivers:\n  - { gate: a, reason: r }\n',
      /waivers\[0\]: missing required key 'approvedBy'/
    ],
    [
      'a malformed expiry',
      'gates:\n  - { id: a, metric: auc, min: 0.8 }\nwaivers:\n  - { gate: a, reason: r, approvedBy: b, expires: 31/01/2027 }\n',
      /waivers\[0\]\.expires: found '31\/01\/2027'; it must match pattern/
    ],
    [
      'an unknown severity',
      'gates:\n  - { id: a, metric: auc, min: 0.8, severity: critical }\n',
      /gates\[0\]\.severity: found 'critical', expected one of 'block', 'warn'/
    ]
  ])('%s', (_, body, message) => {
    expect(load(body)).toThrow(message)
  })
})
