/**
 * The byte-level field decoding of the regression and multiclass readers (decode/fields.ts) reads
 * every value a CSV file can spell as the row rules read its text: signs, exponents, 17 to 20 digits,
 * leading zeros, quoted fields and group values. A regression file written in random spellings gives
 * the same moment table as its JSON Lines twin (typed values), sum for sum; and a spelling the rules
 * refuse is refused with the same message.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { join } from 'node:path'
import { readRegression } from '../../../src/core/artifacts/kinds/regression.js'
import type { ArtifactSpec } from '../../../src/core/manifest/types.js'
import { workspace } from '../../helpers/check.js'

const spec = (path: string): ArtifactSpec => ({
  kind: 'predictions',
  path,
  absPath: path,
  display: path,
  columns: {},
  positiveLabel: 1,
  threshold: 0.5
})

/** One number's spellings in CSV: as JSON writes it, fixed, exponent, leading zeros, signed, quoted. */
const spelled = (x: number, how: number): string => {
  switch (how) {
    case 0:
      return String(x)
    case 1:
      return x.toFixed(3)
    case 2:
      return x.toExponential()
    case 3:
      return x >= 0 ? `00${x}` : `-00${-x}`
    case 4:
      return x >= 0 ? `+${x}` : String(x)
    default:
      return `"${x}"`
  }
}
/** The number the spelling stands for. */
const valueOf = (text: string): number => Number(text.replaceAll('"', ''))

describe('the byte-level decoding of regression rows', () => {
  it('gives the table of the same values typed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            label: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
            prediction: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
            group: fc.constantFrom('a', 'b', '"a"', '', '"c,d"'),
            how: fc.tuple(fc.nat(5), fc.nat(5))
          }),
          { minLength: 1, maxLength: 40 }
        ),
        async rows => {
          const csv = rows.map(
            r => `${spelled(r.label, r.how[0])},${spelled(r.prediction, r.how[1])},${r.group}`
          )
          const jsonl = rows.map((r, i) =>
            JSON.stringify({
              label: valueOf(csv[i].split(',')[0]),
              prediction: valueOf(spelled(r.prediction, r.how[1])),
              g: r.group.replaceAll('"', '')
            })
          )
          const dir = workspace({
            'p.csv': ['label,prediction,g', ...csv].join('\n') + '\n',
            'p.jsonl': jsonl.join('\n') + '\n'
          })
          const a = await readRegression(spec(join(dir, 'p.csv')), ['g'])
          const b = await readRegression(spec(join(dir, 'p.jsonl')), ['g'])
          expect(a.table.groups).toEqual(b.table.groups)
          expect(Array.from(a.table.sums)).toEqual(Array.from(b.table.sums))
        }
      ),
      { numRuns: 60, seed: 31 }
    )
  })

  it.each([
    ['1,5', /label '1,5' is not a finite number/],
    ['1.5x', /label '1.5x' is not a finite number/],
    ['--1', /label '--1' is not a finite number/],
    ['-', /label '-' is not a finite number/],
    ['Infinity', /label 'Infinity' is not a finite number/],
    ['0x10', /label '0x10' is not a finite number/]
  ])('refuses the label %s as the row rules do', async (label, message) => {
    const dir = workspace({
      'p.csv': `label,prediction,g\n${label.includes(',') ? `"${label}"` : label},1,a\n`
    })
    await expect(readRegression(spec(join(dir, 'p.csv')), ['g'])).rejects.toThrow(message)
  })
})
