/**
 * Jest in native ESM mode: ts-jest compiles TypeScript, modules are mocked with jest.unstable_mockModule.
 * The simulation suite (__tests__/sim) runs a tenth of its replications here; `npm run simulate`
 * (RAI_GATE_SIMULATE=1, which .ci/run runs) runs all of them (__tests__/sim/scale.ts).
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }
    ]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  verbose: false
}
