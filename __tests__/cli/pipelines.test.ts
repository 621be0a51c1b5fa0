/**
 * The pipelines that `init` writes and prints are the ones docs/ci.md shows (UPDATE_DOCS=1 rewrites
 * the doc from them), and each is well-formed: the GitHub workflow by @action-validator/core, the
 * GitLab and Azure pipelines as YAML of the shape their CI reads, and every one runs checkCommand.
 */
import { describe, expect, it } from '@jest/globals'
import { validateWorkflow } from '@action-validator/core'
import yaml from 'js-yaml'
import { checkCommand, CIS, PIPELINES } from '../../src/cli/pipelines.js'
import { expectDocSection } from '../helpers/docs.js'

const files = { manifest: 'rai-gate.yml', policy: 'policies', predictions: 'eval/predictions.csv' }
const command = checkCommand(files)

describe('the CI pipelines', () => {
  for (const ci of CIS.filter(c => c !== 'github'))
    it(`docs/ci.md shows the ${ci} pipeline that init prints`, () => {
      const lang = ci === 'jenkins' ? 'groovy' : 'yaml'
      expectDocSection('docs/ci.md', `pipeline-${ci}`, '```' + lang + '\n' + PIPELINES[ci](files) + '```')
    })

  it('docs/ci.md shows the command every pipeline runs', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync(new URL('../../docs/ci.md', import.meta.url), 'utf8')
    const shown = doc
      .match(/```sh\n([\s\S]*?)```/)![1]
      .replace(/ \\\n\s+/g, ' ')
      .trim()
    expect(shown).toBe(command)
    for (const ci of CIS.filter(c => c !== 'github')) expect(PIPELINES[ci](files)).toContain(command)
  })

  it('the GitHub workflow is valid and uses the Action at v1', () => {
    const workflow = PIPELINES.github(files)
    expect(validateWorkflow(workflow.replace('<owner>/', 'example/')).errors).toEqual([])
    expect(workflow).toContain('uses: <owner>/rai-gate@v1')
  })

  it('the GitHub workflow runs the evaluation without a token that writes, and the gate without the PR’s code', () => {
    const w = yaml.load(PIPELINES.github(files)) as {
      on: { pull_request: { types: string[] }; merge_group: unknown }
      permissions: Record<string, string>
      jobs: Record<
        string,
        {
          permissions: Record<string, string>
          needs?: string
          steps: { uses?: string; run?: string; with?: Record<string, unknown> }[]
        }
      >
    }
    expect(w.on.pull_request.types).toContain('edited')
    expect('merge_group' in w.on).toBe(true)
    expect(w.permissions).toEqual({})
    const { evaluate, 'rai-gate': gate } = w.jobs
    expect(evaluate.permissions).toEqual({ contents: 'read' })
    expect(gate.needs).toBe('evaluate')
    expect(gate.permissions['pull-requests']).toBe('write')
    for (const job of [evaluate, gate])
      expect(job.steps.find(s => s.uses === 'actions/checkout@v4')!.with).toEqual({
        'persist-credentials': false
      })
    // The gate job runs nothing: it only checks out, downloads and runs the Action.
    expect(gate.steps.filter(s => s.run !== undefined)).toEqual([])
    expect(evaluate.steps.at(-1)!.with).toEqual({ name: 'evaluation', path: 'eval/predictions.csv' })
    expect(gate.steps[1].with).toEqual({ name: 'evaluation', path: 'eval' })
  })

  it('GitLab: a job that runs the command and reports JUnit, always', () => {
    const job = (
      yaml.load(PIPELINES.gitlab(files)) as Record<string, { script: string[]; artifacts: unknown }>
    )['rai-gate']
    expect(job.script.at(-1)).toBe(command)
    expect(job.script[0]).toMatch(
      /jobs\/artifacts\/\$CI_DEFAULT_BRANCH\/raw\/rai-gate-report\.json\?job=rai-gate/
    )
    expect(job.artifacts).toEqual({
      when: 'always',
      paths: ['rai-gate-report.json', 'rai-gate-summary.md'],
      reports: { junit: 'rai-gate-junit.xml' }
    })
  })

  it('Azure: fetches main’s report, runs the command, publishes the results and the report', () => {
    type Step = { task?: string; bash?: string; publish?: string; inputs?: Record<string, string> }
    const steps = (yaml.load(PIPELINES.azure(files)) as { steps: Step[] }).steps
    expect(steps.map(s => s.task ?? (s.bash ? 'bash' : s.publish ? 'publish' : '?'))).toEqual([
      'DownloadPipelineArtifact@2',
      'bash',
      'PublishTestResults@2',
      'publish'
    ])
    expect(steps[0].inputs).toMatchObject({ runVersion: 'latestFromBranch', artifact: 'rai-gate-report' })
    expect(steps[1].bash).toContain(command)
    expect(steps[2]).toMatchObject({
      condition: 'always()',
      inputs: { testResultsFormat: 'JUnit', testResultsFiles: 'rai-gate-junit.xml' }
    })
    expect(steps[3]).toMatchObject({ publish: 'rai-gate-report.json', artifact: 'rai-gate-report' })
  })
})
