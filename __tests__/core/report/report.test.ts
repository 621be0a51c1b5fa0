/** The report file's layout: JSON that parses to what JSON.stringify gives, one line per record. */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { join } from 'node:path'
import { check } from '../../../src/core/check.js'
import { formatJson, serializeReport } from '../../../src/core/report/report.js'

const ROOT = join(import.meta.dirname, '../../..')

describe('the report file', () => {
  it('parses to the value JSON.stringify writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), v => {
        expect(JSON.parse(formatJson(v))).toEqual(JSON.parse(JSON.stringify(v)))
      }),
      { seed: 14, numRuns: 2000 }
    )
    // Keys whose value is undefined are left out, as JSON.stringify leaves them.
    expect(formatJson({ a: { b: [{ c: undefined, d: 1 }] }, e: undefined })).toBe(
      '{\n "a": {\n  "b": [\n   {"d":1}\n  ]\n }\n}\n'
    )
  })

  it('puts each metric, check and cell on a line of its own', async () => {
    const report = await check({
      manifest: 'examples/adult/rai-gate.yml',
      policy: 'examples/adult/policies',
      cwd: ROOT,
      workspace: ROOT,
      now: new Date('2026-11-27T12:00:00Z')
    })
    const text = serializeReport(report)
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)))
    const lines = text.split('\n')
    const cells = report.stats.predictions!.cells
    const starts = (s: string) => lines.filter(l => l.trimStart().startsWith(s)).length
    expect(starts('{"metric":')).toBe(report.metrics.length)
    expect(lines.filter(l => /^ {4}\[\d+,[01],[01],\d+,/.test(l))).toHaveLength(cells.length)
  })
})
