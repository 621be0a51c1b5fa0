/** Every report a test produces is validated against the published schema. */
import { expect } from '@jest/globals'
import { Ajv } from 'ajv'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas/report.schema.json'), 'utf8'))
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema)

export function expectValidReport(report: unknown): void {
  const ok = validate(JSON.parse(JSON.stringify(report)))
  expect(validate.errors ?? []).toEqual([])
  expect(ok).toBe(true)
}
