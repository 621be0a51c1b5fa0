/** The defaults that every entry point shares (the CLI, the Action, init), so that they never drift. */
export const DEFAULT_PATHS = {
  manifest: 'rai-gate.yml',
  policy: 'policies',
  report: 'rai-gate-report.json'
} as const

/** The score bins a stats table has by default: 10,000 (a resolution of 0.0001). */
export const DEFAULT_RESOLUTION = 0.0001
