// The WebAssembly module's entry: the CSV fast path, the bootstrap's draws, the sort and merge of
// off-grid scores, and the logarithm and decimals they use.
export * from './rows'
export * from './draws'
export * from './sort'
export * from './hybrid'
export * from './merge'
export * from './record'
export { ln } from './ln'
export { decimal } from './decimal'
