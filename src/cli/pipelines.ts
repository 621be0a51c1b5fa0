/**
 * The CI pipelines that run rai-gate: the GitHub workflow that `init` writes, and the GitLab CI, Azure
 * Pipelines and Jenkins pipelines that it prints. docs/ci.md shows the same text (a test keeps them
 * equal). Outside GitHub every pipeline runs the same command (checkCommand), and takes main's last
 * report as the baseline when there is one.
 */
import { posix } from 'node:path'
import { TOOL } from '../core/version.js'

export const CIS = ['github', 'gitlab', 'azure', 'jenkins'] as const
export type Ci = (typeof CIS)[number]

export interface PipelineFiles {
  manifest: string
  policy: string
  /** The predictions file, which the GitHub workflow's evaluation job hands to the gate job. */
  predictions: string
}

/** Where a GitHub workflow takes the Action from; `<owner>` is the repository that publishes it. */
export const ACTION = '<owner>/rai-gate@v1'

const major = TOOL.version.split('.')[0]

/** The command every other CI runs; $BASELINE holds `--baseline FILE` when main's report was fetched. */
export const checkCommand = (f: PipelineFiles): string =>
  `npx --yes rai-gate@${major} check --manifest ${f.manifest} --policy ${f.policy} $BASELINE --report rai-gate-report.json --markdown rai-gate-summary.md --junit rai-gate-junit.xml --fail-on block`

/**
 * Two jobs: the evaluation runs the pull request's code with a read-only token and no credentials
 * kept, and hands its outputs over as an artifact; the gate holds the write token and runs no code
 * from the pull request (SECURITY.md, "Where the pull request's code runs").
 */
const github = (f: PipelineFiles) => {
  const folder = posix.dirname(f.predictions)
  return `# rai-gate: the release gate for this model (see its README for every input).
name: rai-gate
on:
  pull_request:
    types: [opened, synchronize, reopened, edited] # edited: a changed base branch is judged again
  merge_group: # a merge queue is judged by its base commit
  push:
    branches: [main] # main's reports are the next pull requests' baselines
permissions: {}
jobs:
  evaluate:
    # Runs the pull request's code: a read-only token, and no credentials kept in the checkout.
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      # Your evaluation writes the files ${f.manifest} names here, unless they are committed.
      - uses: actions/upload-artifact@v4
        with:
          name: evaluation
          path: ${f.predictions}
  rai-gate:
    # Holds the token that writes the comment, and runs no code from the pull request.
    needs: evaluate
    runs-on: ubuntu-latest
    permissions:
      contents: read # the policy and manifest at the PR's base commit
      pull-requests: write # the sticky comment
      actions: read # main's last report, the baseline
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - uses: actions/download-artifact@v4
        with:
          name: evaluation
          path: ${folder}
      - uses: ${ACTION}
        with:
          manifest: ${f.manifest}
          policy: ${f.policy}
          fail-on: block
`
}

const gitlab = (f: PipelineFiles) => `# .gitlab-ci.yml: the release gate for this model.
rai-gate:
  image: node:24
  script:
    # main's last report, the baseline (none on the first run, or when main has no report yet)
    - >
      curl --fail --silent --location --output baseline.json
      --header "JOB-TOKEN: $CI_JOB_TOKEN"
      "$CI_API_V4_URL/projects/$CI_PROJECT_ID/jobs/artifacts/$CI_DEFAULT_BRANCH/raw/rai-gate-report.json?job=rai-gate"
      && BASELINE="--baseline baseline.json" || BASELINE=""
    - ${checkCommand(f)}
  artifacts:
    when: always
    paths: [rai-gate-report.json, rai-gate-summary.md]
    reports:
      junit: rai-gate-junit.xml
`

const azure = (f: PipelineFiles) => `# azure-pipelines.yml: the release gate for this model.
steps:
  # main's last report, the baseline (none on the first run, or when main has no report yet)
  - task: DownloadPipelineArtifact@2
    continueOnError: true
    inputs:
      source: specific
      project: $(System.TeamProjectId)
      pipeline: $(System.DefinitionId)
      runVersion: latestFromBranch
      runBranch: refs/heads/main
      artifact: rai-gate-report
      path: $(Pipeline.Workspace)/baseline
  - bash: |
      BASELINE=""
      report="$(Pipeline.Workspace)/baseline/rai-gate-report.json"
      if [ -f "$report" ]; then BASELINE="--baseline $report"; fi
      ${checkCommand(f)}
    displayName: rai-gate check
  - task: PublishTestResults@2
    condition: always()
    inputs:
      testResultsFormat: JUnit
      testResultsFiles: rai-gate-junit.xml
      testRunTitle: rai-gate
  - publish: rai-gate-report.json
    artifact: rai-gate-report
    condition: always()
`

const jenkins = (
  f: PipelineFiles
) => `// Jenkinsfile: the release gate for this model (a multibranch pipeline).
pipeline {
  agent { docker { image 'node:24' } }
  // Lets the other branches' builds copy this job's report (the Copy Artifact plugin).
  options { copyArtifactPermission('*') }
  stages {
    stage('rai-gate') {
      steps {
        script {
          // main's last report, the baseline (none on the first run, or when main has no report yet)
          if (env.BRANCH_NAME != 'main') {
            copyArtifacts(projectName: env.JOB_NAME.replaceAll('/[^/]+$', '/main'), selector: lastSuccessful(),
                          filter: 'rai-gate-report.json', target: 'baseline', optional: true)
          }
        }
        sh '''
          BASELINE=""
          if [ -f baseline/rai-gate-report.json ]; then BASELINE="--baseline baseline/rai-gate-report.json"; fi
          ${checkCommand(f)}
        '''
      }
      post {
        always {
          junit 'rai-gate-junit.xml'
          archiveArtifacts artifacts: 'rai-gate-report.json, rai-gate-summary.md', allowEmptyArchive: true
        }
      }
    }
  }
}
`

export const PIPELINES: Record<Ci, (files: PipelineFiles) => string> = { github, gitlab, azure, jenkins }

/** Where each pipeline lives; `init` writes the GitHub workflow, and prints the others to add to theirs. */
export const PIPELINE_FILES: Record<Ci, { path: string; written: boolean }> = {
  github: { path: '.github/workflows/rai-gate.yml', written: true },
  gitlab: { path: '.gitlab-ci.yml', written: false },
  azure: { path: 'azure-pipelines.yml', written: false },
  jenkins: { path: 'Jenkinsfile', written: false }
}
