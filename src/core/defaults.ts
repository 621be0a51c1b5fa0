/** The defaults that every entry point shares (the CLI, the Action, init), so that they never drift. */
export const DEFAULT_PATHS = {
  manifest: 'rai-gate.yml',
  policy: 'policies',
  report: 'rai-gate-report.json'
} as const
