/** The tool's identity as recorded in every report. Kept in step with package.json by a test. */
export const TOOL = { name: 'rai-gate', version: '1.0.0' } as const
export const SCHEMA_VERSION = 1
