import { describe, expect, it } from '@jest/globals'
import { REGIMES, runRegime } from './intervals.js'

describe('interval coverage by simulation', () => {
  it('prints', () => {
    const rows = REGIMES.flatMap(runRegime)
    console.log(
      rows
        .map(
          r =>
            `${r.regime} | ${r.metric} | ${r.truth} | ${r.coverage} | ${r.meanWidth.toFixed(4)} | ${r.widthVsCp?.toFixed(2)} | ${r.kish?.toFixed(1)}`
        )
        .join('\n')
    )
    expect(rows.length).toBeGreaterThan(0)
  })
})
