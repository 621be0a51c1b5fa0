/**
 * The published schemas are valid draft-07 schemas that ajv compiles in strict mode. The product runs
 * validators compiled ahead of time (scripts/validators.js, checked by CI to be current); this test
 * checks every published schema against the meta-schema, the report schema included.
 */
import { describe, expect, it } from '@jest/globals'
import { Ajv } from 'ajv'
import { readFileSync } from 'node:fs'

const SCHEMAS = [
  'schemas/manifest.schema.json',
  'schemas/report.schema.json',
  'policies/schema/policy.schema.json'
]

describe('published JSON schemas', () => {
  it.each(SCHEMAS)('%s is a valid draft-07 schema and compiles strictly', file => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as object
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true })
    expect(ajv.validateSchema(schema)).toBe(true)
    expect(ajv.errors ?? null).toBeNull()
    expect(() => ajv.compile(schema)).not.toThrow()
  })

  it('rejects a schema that breaks the meta-schema (the check is live)', () => {
    const ajv = new Ajv({ strict: true })
    expect(ajv.validateSchema({ type: 'object', properties: { a: { type: 'nonsense' } } })).toBe(false)
  })
})
