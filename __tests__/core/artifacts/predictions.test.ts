/**
 * Reading predictions: every way a row can be wrong is an error that names the file, the line, the
 * column, the value and what was expected; the accepted spellings are read as documented.
 */
import { describe, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import type { MetricResult } from '../../../src/core/metrics/evaluate.js'
import { createRng } from '../../../src/core/stats/rng.js'
import { checkFiles, manifestYaml, policyYaml } from '../../helpers/check.js'

const run = (files: Record<string, string | Buffer>, artifacts: string, extra?: string) =>
  checkFiles({
    'rai-gate.yml': manifestYaml(artifacts, extra),
    'policies/p.yml': policyYaml('defaults: { minGroupSize: 1, bootstrap: { resamples: 200 } }'),
    ...files
  })
const predictions = (path = 'p.csv', more = '') => `  - { kind: predictions, path: ${path}${more} }`
const value = (metrics: MetricResult[], metric: string, scope: Partial<MetricResult> = {}) =>
  metrics.find(
    m =>
      m.metric === metric &&
      Object.entries(scope).every(([k, v]) => m[k as keyof MetricResult] === v) &&
      (scope.group !== undefined || m.group === undefined) &&
      (scope.attribute !== undefined || m.attribute === undefined)
  )

const GOOD = 'g,label,score,prediction\na,1,0.9,1\na,0,0.2,0\nb,1,0.4,0\nb,0,0.6,1\n'

describe('bad rows are errors with file, line, column, value and expectation', () => {
  it.each([
    [
      'a score that is not a number',
      'g,label,score\na,1,high\n',
      /p\.csv, line 2, score: score 'high' is not a probability; expected a number in \[0, 1\]/
    ],
    ['a NaN score', 'g,label,score\na,1,0.5\na,0,NaN\n', /line 3, score: score 'NaN' is not a probability/],
    [
      'a header that names a mapped column twice',
      'g,label,score,label\na,1,0.5,0\n',
      /p\.csv, line 1, label: column 'label' appears 2 times in the header \(fields 2, 4\), so which one is meant is ambiguous/
    ],
    ['a score above 1', 'g,label,score\na,1,1.5\n', /line 2, score: score '1\.5' is not a probability/],
    ['a negative score', 'g,label,score\na,1,-0.1\n', /line 2, score: score '-0\.1'/],
    ['an empty score', 'g,label,score\na,1,\n', /line 2, score: score '' is not a probability/],
    [
      'a label that is not binary',
      'g,label,score\na,2,0.5\n',
      /line 2, label: label '2' is not binary; expected 0 or 1/
    ],
    [
      'a prediction that is not binary',
      'g,label,prediction\na,1,yes\n',
      /line 2, prediction: prediction 'yes' is not binary/
    ],
    [
      'a row with too many fields',
      'g,label,score\na,1,0.5\na,1,0.5,9\n',
      /p\.csv, line 3: expected 3 fields as in the header, found 4/
    ],
    [
      'a row with too few fields',
      'g,label,score\na,1\n',
      /line 2: expected 3 fields as in the header, found 2/
    ],
    ['a file with no data rows', 'g,label,score\n', /p\.csv: the file has no data rows/],
    ['an empty file', '', /p\.csv: the file is empty; expected a header and data rows/],
    [
      'no label column',
      'g,y,score\na,1,0.5\n',
      /p\.csv, line 1, label: column 'label' is not in the file; found: g, y, score/
    ],
    ['no score and no prediction', 'g,label\na,1\n', /neither a score nor a prediction column/],
    ['an absent sensitive attribute', 'h,label,score\na,1,0.5\n', /line 1, g: column 'g' is not in the file/],
    [
      'a text label without positiveLabel',
      'g,label,score\na,yes,0.5\n',
      /line 2, label: label 'yes' is not binary; expected 0 or 1 \(for a column of two text values, set positiveLabel on the artifact in the manifest to the positive one, such as positiveLabel: 'yes'\)/
    ],
    [
      'a mistyped label column',
      'g,lable,score\na,1,0.5\n',
      /line 1, label: column 'label' is not in the file; did you mean 'lable'\?; found: g, lable, score/
    ],
    [
      'a file separated by semicolons',
      'g;label;score\na;1;0.5\n',
      /line 1, label: column 'label' is not in the file; its header is one field, "g;label;score": the file is separated by semicolons, and rai-gate reads comma-separated CSV/
    ]
  ])('%s', async (_, csv, message) => {
    await expect(run({ 'p.csv': csv }, predictions())).rejects.toThrow(message)
  })

  it('a negative weight', async () => {
    await expect(
      run(
        { 'p.csv': 'g,label,score,w\na,1,0.5,1\na,0,0.5,-2\n' },
        predictions('p.csv', ', columns: { weight: w }')
      )
    ).rejects.toThrow(/line 3, w: weight '-2' is not a valid sample weight; expected a finite number >= 0/)
  })

  it('a mapped column that is absent names the mapping', async () => {
    await expect(run({ 'p.csv': GOOD }, predictions('p.csv', ', columns: { score: prob }'))).rejects.toThrow(
      /column 'prob' \(columns\.score in the manifest\) is not in the file; found: g, label, score, prediction/
    )
  })

  it('an error in a gzip file names the line of the decompressed data', async () => {
    await expect(
      run({ 'p.csv.gz': gzipSync('g,label,score\na,1,0.5\na,1,x\n') }, predictions('p.csv.gz'))
    ).rejects.toThrow(/p\.csv\.gz, line 3, score/)
  })

  it('a file that is not gzip', async () => {
    await expect(run({ 'p.csv.gz': 'g,label\n' }, predictions('p.csv.gz'))).rejects.toThrow(
      /p\.csv\.gz: not valid gzip data/
    )
  })

  it('gzip cut short, without its trailer, or damaged: never the rows it got', async () => {
    const [header, ...rows] = GOOD.split(/(?<=\n)/)
    const gz = gzipSync(header + rows.join('').repeat(2000))
    const flipped = (at: number) => {
      const b = Buffer.from(gz)
      b[at] ^= 0xff
      return b
    }
    for (const [what, bytes] of [
      ['cut in its deflate data', gz.subarray(0, gz.length >> 1)],
      ['without its 8-byte trailer', gz.subarray(0, gz.length - 8)],
      ['without its length', gz.subarray(0, gz.length - 4)],
      ['with a wrong CRC', flipped(gz.length - 6)],
      ['with a wrong length', flipped(gz.length - 2)],
      ['damaged inside', flipped(gz.length >> 1)]
    ] as const)
      await expect([
        what,
        await run({ 'p.csv.gz': bytes }, predictions('p.csv.gz')).catch(e => String(e))
      ]).toEqual([what, expect.stringMatching(/p\.csv\.gz: not valid gzip data/)])
  })

  it('a file whose bytes are not text says what they are, in words, with none of its bytes', async () => {
    const text = 'g,label,score\n' + 'a,1,0.5\nb,0,0.2\n'.repeat(50)
    const utf16 = Buffer.from(text, 'utf16le')
    const noise = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) & 0xff))
    for (const [bytes, why] of [
      [
        gzipSync(text),
        /is gzip-compressed data; expected plain text \(a compressed file is read when its name ends in \.gz\)/
      ],
      [Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), noise]), /is a zip archive/],
      [Buffer.concat([Buffer.from('PAR1'), noise]), /is a Parquet file; .*\.parquet/],
      [Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), noise]), /is zstd-compressed data/],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]), /is UTF-16 text; expected UTF-8/],
      [utf16, /NUL byte at byte 2: binary data or UTF-16 text; expected UTF-8 text/],
      [noise, /NUL byte|not UTF-8 text/],
      [Buffer.from('g,label,score\nMünchen,1,0.5\n', 'latin1'), /not UTF-8 text .*Latin-1.*; expected UTF-8/]
    ] as const) {
      const message = await run({ 'p.csv': bytes }, predictions()).then(
        () => 'passed',
        (e: Error) => e.message
      )
      expect(message).toMatch(/^p\.csv: the file /)
      expect(message).toMatch(why)
      // Printable text only: no byte of the file in the message.
      expect(message).toMatch(/^[\x20-\x7e]*$/)
    }
  })

  it('a row of tens of MB is a bounded error', async () => {
    const long = 'g,label,score\n' + 'a'.repeat(20_000_000) + ',1,0.5\n'
    await expect(run({ 'p.csv': long }, predictions())).rejects.toThrow(
      /p\.csv, line 2: a row is longer than 16777216 bytes/
    )
  })

  it('a missing file', async () => {
    await expect(run({}, predictions('nope.csv'))).rejects.toThrow(/nope\.csv: file not found/)
  })

  it('a JSON Lines row with a missing field, or not JSON', async () => {
    await expect(
      run({ 'p.jsonl': '{"g":"a","label":1,"score":0.5}\n{"g":"a","label":1}\n' }, predictions('p.jsonl'))
    ).rejects.toThrow(/p\.jsonl, line 2, score: field 'score' is missing/)
    await expect(
      run({ 'p.jsonl': '{"g":"a","label":1,"score":0.5}\n{oops\n' }, predictions('p.jsonl'))
    ).rejects.toThrow(/p\.jsonl, line 2: not valid JSON/)
  })

  it('a JSON Lines group or id that is an object or an array, never its text', async () => {
    // pandas writes a pd.cut Interval as an object: every row's text would be '[object Object]'.
    const band = '{"closed":"right","closed_left":false,"closed_right":true,"left":20,"length":10,"right":30}'
    await expect(
      run(
        { 'p.jsonl': `{"g":"a","label":1,"score":0.5}\n{"g":${band},"label":1,"score":0.5}\n` },
        predictions('p.jsonl')
      )
    ).rejects.toThrow(
      /^p\.jsonl, line 2, g: value '\{"closed":"right".*' is an object; expected a text, number or boolean/
    )
    await expect(
      run({ 'p.jsonl': '{"g":["a","b"],"label":1,"score":0.5}\n' }, predictions('p.jsonl'))
    ).rejects.toThrow(/^p\.jsonl, line 1, g: value '\["a","b"\]' is an array/)
    await expect(
      run(
        { 'p.jsonl': '{"id":{"n":1},"g":"a","label":1,"score":0.5}\n' },
        predictions('p.jsonl', ', columns: { id: id }')
      )
    ).rejects.toThrow(/^p\.jsonl, line 1, id: case id '\{"n":1\}' is an object/)
  })
})

describe('reading values', () => {
  it('reads CSV, gzip CSV, JSON Lines and gzip JSON Lines to the same metrics', async () => {
    const jsonl = GOOD.trim()
      .split('\n')
      .slice(1)
      .map(l => {
        const [g, label, score, prediction] = l.split(',')
        return JSON.stringify({
          g,
          label: Number(label),
          score: Number(score),
          prediction: Number(prediction)
        })
      })
      .join('\n')
    const reports = await Promise.all([
      run({ 'p.csv': GOOD }, predictions('p.csv')),
      run({ 'p.csv.gz': gzipSync(GOOD) }, predictions('p.csv.gz')),
      run({ 'p.jsonl': jsonl }, predictions('p.jsonl')),
      run({ 'p.jsonl.gz': gzipSync(jsonl) }, predictions('p.jsonl.gz'))
    ])
    const values = reports.map(r => r.metrics.map(m => [m.metric, m.attribute, m.group, m.value]))
    for (const v of values.slice(1)) expect(v).toEqual(values[0])
    // Hand-computed: accuracy 2/4, AUC: positives (0.9, 0.4) vs negatives (0.2, 0.6): 3 of 4 pairs.
    expect(value(reports[0].metrics, 'accuracy')?.value).toBe(0.5)
    expect(value(reports[0].metrics, 'auc')?.value).toBe(0.75)
  })

  it('treats an empty attribute value as the group (missing), never dropping the row', async () => {
    const report = await run({ 'p.csv': 'g,label,score\na,1,0.9\n,0,0.2\n"",1,0.7\n' }, predictions())
    expect(value(report.metrics, 'count', { attribute: 'g', group: '(missing)' })?.value).toBe(2)
    expect(value(report.metrics, 'count')?.value).toBe(3)
  })

  it('predicts score >= threshold when there is no prediction column', async () => {
    const report = await run(
      { 'p.csv': 'g,label,score\na,1,0.7\na,0,0.69\na,1,0.2\n' },
      predictions('p.csv', ', threshold: 0.7')
    )
    expect(value(report.metrics, 'selection_rate')?.value).toBeCloseTo(1 / 3, 15)
  })

  it('reads a non-numeric positive label and rejects a third value', async () => {
    const report = await run(
      { 'p.csv': 'g,label,prediction\na,>50K,>50K\na,<=50K,>50K\n' },
      predictions('p.csv', ", positiveLabel: '>50K'")
    )
    expect(value(report.metrics, 'precision')?.value).toBe(0.5)
    await expect(
      run(
        { 'p.csv': 'g,label,prediction\na,>50K,>50K\na,<=50K,>50K\na,unknown,>50K\n' },
        predictions('p.csv', ", positiveLabel: '>50K'")
      )
    ).rejects.toThrow(
      /line 4, label: label 'unknown' is not binary; this column already holds '>50K' \(positive\) and '<=50K'/
    )
  })

  it('applies sample weights to every metric, and counts rows unweighted', async () => {
    // Weighted by hand: accuracy = (2·1 + 1·0 + 1·1) / 4 = 0.75.
    const report = await run(
      { 'p.csv': 'g,label,prediction,w\na,1,1,2\na,0,1,1\nb,1,1,1\n' },
      predictions('p.csv', ', columns: { weight: w }')
    )
    expect(value(report.metrics, 'accuracy')?.value).toBe(0.75)
    expect(value(report.metrics, 'count')?.value).toBe(3)
    expect(value(report.metrics, 'selection_rate', { attribute: 'g', group: 'a' })?.value).toBe(1)
    expect(value(report.metrics, 'precision', { attribute: 'g', group: 'a' })?.value).toBeCloseTo(2 / 3, 15)
  })

  it('gives the same metrics through the fast path and the checked path', async () => {
    // Plain rows take the one-pass fast path; quoted fields, CRLF, exponents and blank lines take the
    // checked path. Both must read the same values.
    const plain = 'g,label,score,prediction\na,1,0.9,1\nb,0,0.25,0\n,1,0.5,1\nb,1,1,0\n'
    const awkward =
      '"g","label","score","prediction"\r\n"a",1,9e-1,"1"\r\n\r\nb,0,0.250,0\r\n"",1,5E-1,1\r\nb,"1",1.0,0\r\n'
    const [a, b] = await Promise.all([
      run({ 'p.csv': plain }, predictions()),
      run({ 'p.csv': awkward }, predictions())
    ])
    const strip = (ms: MetricResult[]) => ms.map(m => [m.metric, m.attribute, m.group, m.value])
    expect(strip(b.metrics)).toEqual(strip(a.metrics))
    expect(
      a.metrics.filter(m => m.metric === 'count' && m.attribute === 'g').map(m => [m.group, m.value])
    ).toEqual([
      ['a', 1],
      ['b', 2],
      ['(missing)', 1]
    ])
  })

  it('reads full-precision scores (as pandas writes them) to the same metrics as CSV and JSON Lines, with the exact AUC', async () => {
    const r = createRng(21)
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const score = r.next()
      return { g: i % 3 === 0 ? 'a' : 'b', label: r.next() < score ? 1 : 0, score }
    })
    const csv = ['g,label,score', ...rows.map(x => `${x.g},${x.label},${x.score}`)].join('\n') + '\n'
    const jsonl = rows.map(x => JSON.stringify(x)).join('\n') + '\n'
    const [a, b] = await Promise.all([
      run({ 'p.csv': csv }, predictions()),
      run({ 'p.jsonl': jsonl }, predictions('p.jsonl'))
    ])
    const strip = (ms: MetricResult[]) => ms.map(m => [m.metric, m.attribute, m.group, m.value])
    expect(strip(a.metrics)).toEqual(strip(b.metrics))
    // The AUC by its definition, every positive against every negative (no ties at full precision).
    const pos = rows.filter(x => x.label === 1).map(x => x.score)
    const neg = rows.filter(x => x.label === 0).map(x => x.score)
    let concordant = 0
    for (const p of pos) for (const q of neg) concordant += p > q ? 1 : p === q ? 0.5 : 0
    expect(Math.abs(value(a.metrics, 'auc')!.value! - concordant / (pos.length * neg.length))).toBeLessThan(
      1e-12
    )
  })

  it('keeps every row when 6-decimal scores are followed by full-precision ones (the grid is never left)', async () => {
    // The first rows take the WebAssembly path, whose grid updates are queued; the full-precision rows
    // after them take the JavaScript path. Every row must reach the AUC.
    const r = createRng(22)
    const rows = Array.from({ length: 12_000 }, (_, i) => {
      const u = r.next()
      const score = i < 6000 ? Math.round(u * 1e6) / 1e6 : u
      return { g: 'a', label: r.next() < score ? 1 : 0, score }
    })
    const csv = ['g,label,score', ...rows.map(x => `${x.g},${x.label},${x.score}`)].join('\n') + '\n'
    const report = await run({ 'p.csv': csv }, predictions())
    const pos = rows.filter(x => x.label === 1).map(x => x.score)
    const neg = rows.filter(x => x.label === 0).map(x => x.score)
    let concordant = 0
    for (const p of pos) for (const q of neg) concordant += p > q ? 1 : p === q ? 0.5 : 0
    expect(
      Math.abs(value(report.metrics, 'auc')!.value! - concordant / (pos.length * neg.length))
    ).toBeLessThan(1e-12)
  })
})
