/**
 * `rai-gate init`: a folder holding only a predictions file gets a manifest, the tier's policy and a
 * workflow, and `rai-gate check` then runs on them. It never overwrites a file.
 */
import { describe, expect, it } from '@jest/globals'
import { validateWorkflow } from '@action-validator/core'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import yaml from 'js-yaml'
import { runCli, SHIPPED_POLICIES as POLICIES } from '../helpers/cli.js'
import { guessColumns } from '../../src/core/manifest/guess.js'
import { ADULT, workspace } from '../helpers/check.js'
import { writeParquet } from '../helpers/duckdb.js'
import { expectValidReport } from '../helpers/report-schema.js'

const cli = (args: string[], cwd: string) => runCli(args, cwd)

/** A folder with the adult fixture's predictions at eval/predictions.csv, and nothing else. */
function adultFolder(): string {
  const dir = workspace({})
  mkdirSync(join(dir, 'eval'))
  copyFileSync(join(ADULT, 'predictions.csv'), join(dir, 'eval/predictions.csv'))
  return dir
}

interface Written {
  riskTier: string
  sensitiveAttributes: string[]
  artifacts: { columns: Record<string, string>; [key: string]: unknown }[]
}
const manifestOf = (dir: string) => yaml.load(readFileSync(join(dir, 'rai-gate.yml'), 'utf8')) as Written

async function expectCheckRuns(dir: string) {
  const r = await cli(['check', '--fail-on', 'never'], dir)
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  const report = JSON.parse(readFileSync(join(dir, 'rai-gate-report.json'), 'utf8'))
  expectValidReport(report)
  expect(report.checks.length).toBeGreaterThan(0)
  return report
}

describe('rai-gate init on the adult fixture', () => {
  it('finds the file, guesses every column, writes the three files, and check runs on them', async () => {
    const dir = adultFolder()
    const r = await cli(['init'], dir)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Read the header and 2000 rows of eval\/predictions\.csv\. Chose:/)
    expect(r.stdout).toContain("label: 'label' (its name, and it holds two values)")
    expect(r.stdout).toContain("sensitive attribute: 'sex' (its name; 2 groups in the rows read)")
    expect(r.stdout).toMatch(/Next: npx rai-gate check/)
    const m = manifestOf(dir)
    expect(m.riskTier).toBe('medium')
    expect(m.sensitiveAttributes).toEqual(['sex', 'race', 'age_band'])
    expect(m.artifacts).toEqual([
      {
        kind: 'predictions',
        path: 'eval/predictions.csv',
        columns: { label: 'label', score: 'score', prediction: 'prediction', id: 'id' },
        positiveLabel: 1
      }
    ])
    // The tier's policy and the file it extends, as shipped.
    expect(readdirSync(join(dir, 'policies')).sort()).toEqual(['low.yml', 'medium.yml'])
    expect(readFileSync(join(dir, 'policies/medium.yml'), 'utf8')).toBe(
      readFileSync(join(POLICIES, 'medium.yml'), 'utf8')
    )
    const workflow = readFileSync(join(dir, '.github/workflows/rai-gate.yml'), 'utf8')
    expect(validateWorkflow(workflow.replace('<owner>/', 'example/')).errors).toEqual([])
    expect(workflow).toContain('uses: <owner>/rai-gate@v1')
    const report = await expectCheckRuns(dir)
    expect(report.policy.name).toBe('default-medium')
    expect(report.inputs[0]).toMatchObject({ kind: 'predictions', path: 'eval/predictions.csv', rows: 9049 })
  })

  it('recognises a regression file, writes task: regression and copies the regression policies', async () => {
    const dir = workspace({})
    mkdirSync(join(dir, 'eval'))
    copyFileSync(join(ADULT, '../diabetes/predictions.csv'), join(dir, 'eval/predictions.csv'))
    const r = await cli(['init'], dir)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      "task: regression ('label' and 'prediction' are named as the label and the prediction"
    )
    const text = readFileSync(join(dir, 'rai-gate.yml'), 'utf8')
    const m = yaml.load(text) as Written & { task: string }
    expect(m.task).toBe('regression')
    expect(m.sensitiveAttributes).toEqual(['sex', 'age_band'])
    expect(m.artifacts).toEqual([
      {
        kind: 'predictions',
        path: 'eval/predictions.csv',
        columns: {
          label: 'label',
          prediction: 'prediction',
          lower: 'lower',
          upper: 'upper',
          weight: 'weight',
          id: 'id'
        }
      }
    ])
    expect(readdirSync(join(dir, 'policies')).sort()).toEqual(['regression-low.yml', 'regression-medium.yml'])
    const report = await expectCheckRuns(dir)
    expect(report.policy.name).toBe('default-regression-medium')
    expect(report.task).toBe('regression')
  })

  it('recognises a multiclass file by its class probability columns', async () => {
    const dir = workspace({})
    mkdirSync(join(dir, 'eval'))
    copyFileSync(join(ADULT, '../multiclass/predictions.csv'), join(dir, 'eval/predictions.csv'))
    const r = await cli(['init'], dir)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('task: multiclass-classification (4 columns p_<class> of probabilities')
    const m = yaml.load(readFileSync(join(dir, 'rai-gate.yml'), 'utf8')) as Written & { task: string }
    expect(m.task).toBe('multiclass-classification')
    // region is no protected attribute by its name: init proposes sex alone.
    expect(m.sensitiveAttributes).toEqual(['sex'])
    expect(m.artifacts).toEqual([
      {
        kind: 'predictions',
        path: 'eval/predictions.csv',
        columns: { label: 'label', weight: 'weight', id: 'id' },
        scorePrefix: 'p_'
      }
    ])
    expect(readdirSync(join(dir, 'policies')).sort()).toEqual(['multiclass-low.yml', 'multiclass-medium.yml'])
    const report = await expectCheckRuns(dir)
    expect(report.policy.name).toBe('default-multiclass-medium')
  })

  it('reads the header of JSON Lines and Parquet files too', async () => {
    const csv = readFileSync(join(ADULT, 'predictions.csv'), 'utf8').trim().split('\n')
    const header = csv[0].split(',')
    const jsonl = csv
      .slice(1, 500)
      .map(line => {
        const v = line.split(',')
        return JSON.stringify(
          Object.fromEntries(
            header.map((h, i) => [
              h,
              ['label', 'prediction', 'id'].includes(h) ? Number(v[i]) : h === 'score' ? Number(v[i]) : v[i]
            ])
          )
        )
      })
      .join('\n')
    const j = workspace({ 'eval/predictions.jsonl': jsonl + '\n' })
    expect((await cli(['init', '--tier', 'low'], j)).code).toBe(0)
    expect(manifestOf(j).artifacts[0].columns).toEqual({
      label: 'label',
      score: 'score',
      prediction: 'prediction',
      id: 'id'
    })
    await expectCheckRuns(j)

    const p = workspace({})
    await writeParquet(
      `SELECT * FROM read_csv('${join(ADULT, 'predictions.csv')}')`,
      join(p, 'preds.parquet'),
      {
        rowGroup: 1000
      }
    )
    expect((await cli(['init'], p)).code).toBe(0)
    expect(manifestOf(p).sensitiveAttributes).toEqual(['sex', 'race', 'age_band'])
    await expectCheckRuns(p)
  })
})

describe('rai-gate init on a file whose column names say nothing', () => {
  // ref: an id nobody named; seg: a grouping; y1: the outcome; q: the score; d: score >= 0.5.
  const rows = Array.from({ length: 600 }, (_, i) => {
    const q = ((i * 7919) % 1000) / 1000
    const y = (i * 31) % 7 < 3 ? 1 : 0
    return [`r${i}`, ['north', 'south', 'east'][i % 3], y, q.toFixed(3), q >= 0.5 ? 1 : 0]
  })
  const csv = ['ref,seg,y1,q,d', ...rows.map(r => r.join(','))].join('\n') + '\n'

  it('chooses by values, says so, writes only with --yes, and check runs', async () => {
    const dir = workspace({ 'out/scored.csv': csv })
    const unconfirmed = await cli(['init'], dir)
    expect(unconfirmed.code).toBe(2)
    expect(unconfirmed.stdout).toContain(
      "Wrote nothing: no column's name says which is the score, the label, the prediction, the sensitive attributes"
    )
    expect(unconfirmed.stdout).toContain("label: 'y1'")
    expect(readdirSync(dir)).toEqual(['out'])
    const r = await cli(['init', '--yes'], dir)
    expect(r.code).toBe(0)
    const m = manifestOf(dir)
    expect(m.artifacts[0].columns).toEqual({ label: 'y1', score: 'q', prediction: 'd' })
    expect(m.sensitiveAttributes).toEqual(['seg'])
    expect(r.stdout).toContain("score: 'q' (the only column of values in [0, 1])")
    expect(r.stdout).toContain(
      "prediction: 'd' (it holds two values, and equals score >= 0.5 on every row read)"
    )
    expect(r.stdout).toMatch(
      /Check these before you rely on a gate:[\s\S]*label 'y1' was chosen by its values/
    )
    expect(r.stdout).toContain("'seg' was chosen by their values")
    await expectCheckRuns(dir)
  })

  it('takes a text label with its positive value, and --attributes over the guess', async () => {
    const text = csv.replace(
      /,(\d),(0\.\d+),(\d)$/gm,
      (_, y, q, d) => `,${y === '1' ? 'yes' : 'no'},${q},${d === '1' ? 'yes' : 'no'}`
    )
    const dir = workspace({ 'scored.csv': text })
    expect((await cli(['init', '--attributes', 'seg'], dir)).code).toBe(2)
    const r = await cli(['init', '--attributes', 'seg', '--yes'], dir)
    expect(r.code).toBe(0)
    const m = manifestOf(dir)
    expect(m.artifacts[0]).toMatchObject({ columns: { label: 'y1', score: 'q' }, positiveLabel: 'yes' })
    expect(m.sensitiveAttributes).toEqual(['seg'])
    expect(r.stdout).toContain("the positive label is 'yes'")
    await expectCheckRuns(dir)
  })

  it('takes --attributes where no column looks like an attribute', async () => {
    const coded =
      'label,score,zone\n' +
      Array.from({ length: 300 }, (_, i) => `${i % 2},0.${(i * 7) % 10}1,${i % 4}`).join('\n') +
      '\n'
    const dir = workspace({ 'predictions.csv': coded })
    expect((await cli(['init'], dir)).stderr).toMatch(/no column looks like a sensitive attribute/)
    const r = await cli(['init', '--attributes', 'zone'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('sensitive attributes: zone (--attributes)')
    expect(manifestOf(dir).sensitiveAttributes).toEqual(['zone'])
    await expectCheckRuns(dir)
  })

  it('does not take a sensitive attribute of two values for the label, and ranks labels by the score', () => {
    // As in a census file: the sensitive column comes first, and no column is named like a label.
    const rows = Array.from({ length: 400 }, (_, i) => {
      const y = (i * 13) % 5 < 2 ? 1 : 0
      const s = Math.min(0.99, Math.max(0.01, 0.3 + 0.4 * y + (((i * 7919) % 100) / 100 - 0.5) * 0.5))
      // flag: a 0/1 column that does not follow the score.
      return [i % 2 ? 'Female' : 'Male', (i * 17) % 3 === 0 ? 1 : 0, y, s]
    })
    const g = guessColumns('f.csv', ['applicant_gender', 'flag', 'income_gt_50k', 'prob_income'], rows)
    expect(g.columns.label).toBe('income_gt_50k')
    expect(g.sensitiveAttributes).toEqual(['applicant_gender'])
    expect(g.byValues).toEqual(['label'])
    expect(g.reasons.join('\n')).toMatch(
      /label: 'income_gt_50k' \(it holds two values; the score ranks its value '1' with AUC 0\.\d\d/
    )
    expect(g.toCheck.join('\n')).toContain("(other columns of two values: 'flag', 'applicant_gender')")
    // Named like a sensitive attribute, it is still the label when no other column can be.
    const only = guessColumns(
      'f.csv',
      ['gender', 'region', 'prob_income'],
      rows.map((r, i) => [r[0], ['n', 's', 'e'][i % 3], r[3]])
    )
    expect(only.columns.label).toBe('gender')
    expect(only.reasons.join('\n')).toContain(
      'named like a sensitive attribute, as is every column of two values left'
    )
  })

  it('keeps a numeric age out of the attributes, and says to band it', () => {
    const g = guessColumns(
      'f.csv',
      ['label', 'score', 'age', 'sex'],
      Array.from({ length: 200 }, (_, i) => [i % 2, (i % 10) / 10 + 0.05, 18 + (i % 60), i % 3 ? 'F' : 'M'])
    )
    expect(g.sensitiveAttributes).toEqual(['sex'])
    expect(g.toCheck.join('\n')).toMatch(
      /'age' is named like a sensitive attribute but has more than 20 values/
    )
  })
})

describe('rai-gate init never overwrites', () => {
  for (const existing of [
    'rai-gate.yml',
    'policies/medium.yml',
    'policies/mine.yaml',
    '.github/workflows/rai-gate.yml'
  ])
    it(`stops, and writes nothing, when ${existing} exists`, async () => {
      const dir = adultFolder()
      mkdirSync(join(dir, existing, '..'), { recursive: true })
      writeFileSync(join(dir, existing), 'mine\n')
      const before = readdirSync(dir, { recursive: true }).sort()
      const r = await cli(['init'], dir)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(
        existing.startsWith('policies/')
          ? /^rai-gate: error: policies\/(medium\.yml: already exists|: already holds policy files)/
          : new RegExp(
              `^rai-gate: error: ${existing.replace(/\./g, '\\.')}: already exists; rai-gate init never overwrites a file`
            )
      )
      expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before)
      expect(readFileSync(join(dir, existing), 'utf8')).toBe('mine\n')
    })
})

describe('rai-gate init for other CIs, and its errors', () => {
  it('prints the GitLab and Azure pipelines instead of writing a workflow', async () => {
    const gitlab = adultFolder()
    const r = await cli(['init', '--ci', 'gitlab'], gitlab)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /Add this to your \.gitlab-ci\.yml:[\s\S]*reports:\n {6}junit: rai-gate-junit\.xml/
    )
    expect(existsSync(join(gitlab, '.github'))).toBe(false)
    const azure = adultFolder()
    const a = await cli(['init', '--ci', 'azure', '--tier', 'high'], azure)
    expect(a.stdout).toMatch(/Add this to your azure-pipelines\.yml:[\s\S]*PublishTestResults@2/)
    expect(readdirSync(join(azure, 'policies')).sort()).toEqual(['high.yml', 'low.yml', 'medium.yml'])
    // The high tier requires a robustness artifact and a model card: check runs, and says so.
    const report = await expectCheckRuns(azure)
    expect(report.decision).toBe('fail')
  })

  it('exits 2 with a message on a bad tier, CI, file or attribute', async () => {
    const dir = adultFolder()
    expect((await cli(['init', '--tier', 'extreme'], dir)).stderr).toMatch(
      /--tier 'extreme' has no shipped policy; expected low, medium, high|expected .*high/
    )
    expect((await cli(['init', '--ci', 'travis'], dir)).stderr).toMatch(
      /--ci 'travis' is not supported; expected github, gitlab, azure/
    )
    expect((await cli(['init', '--attributes', 'zip'], dir)).stderr).toMatch(
      /--attributes names 'zip', which eval\/predictions\.csv does not have/
    )
    expect((await cli(['init', '--predictions', 'nope.csv'], dir)).stderr).toMatch(
      /nope\.csv: file not found/
    )
    expect((await cli(['init'], workspace({}))).stderr).toMatch(
      /no predictions file .* in this folder; pass --predictions FILE/
    )
    const two = workspace({ 'a_preds.csv': 'x\n1\n', 'b_preds.csv': 'x\n1\n' })
    expect((await cli(['init'], two)).stderr).toMatch(
      /more than one file could be the predictions \(a_preds\.csv, b_preds\.csv\)/
    )
    const bad = workspace({ 'p.csv': 'a,b\nx,y\n' })
    expect((await cli(['init'], bad)).stderr).toMatch(
      /^rai-gate: error: p\.csv: no column looks like the label/
    )
    for (const args of [['init', '--tier', 'extreme'], ['init'], ['init', '--ci', 'travis']])
      expect((await cli(args, workspace({}))).code).toBe(2)
    expect(readdirSync(dir).sort()).toEqual(['eval'])
  })
})
