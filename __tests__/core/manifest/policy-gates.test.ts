/**
 * Invalid policies, one defect per file in __fixtures__/policies/invalid/: each must be an error that
 * names the file, the path (and line) and what was expected. The first line of each file holds the
 * expected message as a regular expression.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadPolicy } from '../../../src/core/policy/load.js'

const ROOT = join(import.meta.dirname, '../../..')
const DIR = join(ROOT, '__fixtures__/policies/invalid')
const cases = readdirSync(DIR)
  .filter(f => f.endsWith('.yml'))
  .map(f => [f, new RegExp(/^# expect: (.*)$/m.exec(readFileSync(join(DIR, f), 'utf8'))![1])] as const)

describe('invalid policies', () => {
  it('has a fixture per defect', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15)
  })

  it.each(cases)('%s', (file, message) => {
    // Line numbers count the expectation comment: the fixtures are read exactly as users' files are.
    expect(() => loadPolicy(join(DIR, file), 'medium', join(ROOT, '__fixtures__/policies'))).toThrow(message)
  })
})
