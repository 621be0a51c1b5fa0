// The WebAssembly module's entry: the CSV fast path, the bootstrap's draws, and the logarithm both use.
export * from './rows'
export * from './draws'
export { ln } from './ln'
export { decimal } from './decimal'
