/**
 * Jest in native ESM mode: ts-jest compiles TypeScript, modules are mocked with jest.unstable_mockModule.
 * The simulation suite (__tests__/sim: thousands of replications, about 17 minutes on two cores) runs
 * with RAI_GATE_SIMULATE=1, which `npm run simulate` sets (and .ci/run runs); `npm test` runs the rest.
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
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    ...(process.env.RAI_GATE_SIMULATE === '1' ? [] : ['/__tests__/sim/'])
  ],
  testTimeout: 60000,
  verbose: false
}
