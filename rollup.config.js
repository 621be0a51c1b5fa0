// Bundles the entry points (the Action, the CLI, and the worker threads both start) into self-contained ESM files under dist/ (committed, so that
// `node dist/cli.js` and the Action run without an install).
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

/** @returns {import('rollup').RollupOptions} */
const entry = (input, file, banner) => ({
  input,
  output: { file, format: 'es', sourcemap: false, banner, inlineDynamicImports: true },
  plugins: [
    typescript({ tsconfig: 'tsconfig.build.json' }),
    json(),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs()
  ],
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return
    warn(warning)
  }
})

export default [
  entry('src/index.ts', 'dist/index.js'),
  entry('src/cli.ts', 'dist/cli.js', '#!/usr/bin/env node'),
  entry('src/worker.ts', 'dist/worker.js')
]
