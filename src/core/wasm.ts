/**
 * The project's WebAssembly module (assembly/, built by scripts/wasm.js into wasm.generated.js): the
 * CSV fast path (artifacts/fast/rows-wasm.ts) and the bootstrap's draws (stats/draws-wasm.ts). Each user
 * takes an instance of its own, with its own memory, laid out by a WasmHeap.
 */
import { wasm } from './wasm.generated.js'

// What this module uses of the WebAssembly API (Node has it; the project's type libraries do not
// declare it without the DOM's).
// eslint-disable-next-line @typescript-eslint/no-namespace -- an ambient declaration of a global
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array)
  }
  class Instance {
    constructor(module: Module, imports: object)
    readonly exports: unknown
  }
  interface Memory {
    readonly buffer: ArrayBuffer
    grow(pages: number): number
  }
  interface Global {
    readonly value: unknown
  }
}

/** The module's exports (see assembly/rows.ts, draws.ts and ln.ts). */
export interface WasmExports {
  memory: WebAssembly.Memory
  heapBase(): number
  ln(x: number): number
  // The CSV fast path.
  taken: WebAssembly.Global
  stop: WebAssembly.Global
  offNegatives: WebAssembly.Global
  offPositives: WebAssembly.Global
  setOffGrid(scores: number, weights: number): void
  offGridTaken(): void
  /** The plain decimal in bytes [at, end) (assembly/decimal.ts), or NaN when it declines it. */
  decimal(at: number, end: number): number
  configure(
    score: number,
    weight: number,
    bins: number,
    edges: number,
    edgeCount: number,
    threshold: number,
    pow10: number
  ): void
  setFields(fields: number, roles: number, prediction: number, attributeTables: number): void
  addRow(combo: number, y: number, p: number, s: number, micros: number, w: number): number
  flush(): void
  setCombos(at: number, mask: number): void
  addRows(
    from: number,
    n: number,
    combos: number,
    labels: number,
    predictions: number,
    scores: number,
    weights: number
  ): number
  setAcc(at: number): void
  setGrid(counts: number, weights: number, queue: number, queueWeights: number): void
  addGroup(a: number, at: number, n: number, id: number): void
  addCombo(low: bigint, high: bigint, id: number): void
  rows(buf: number, pos: number, len: number, line: number): number
  // The row record (assembly/record.ts).
  setRecord(
    limit: number,
    keys: number,
    cells: number,
    codes: number,
    scores: number,
    weights: number,
    championCodes: number,
    championScores: number,
    slots: number,
    mask: number,
    columns: number
  ): void
  stopRecord(): void
  recordCount: WebAssembly.Global
  setPending(at: number, cap: number): void
  addPending(n: number): void
  pendingCount: WebAssembly.Global
  recordPending(): number
  appendRecord(n: number, keys: number, cells: number, codes: number, scores: number, weights: number): number
  recordStop: WebAssembly.Global
  // Parquet's dictionary indices (assembly/hybrid.ts).
  hybridIndices(at: number, end: number, width: number, out: number, count: number): number
  hybridMax: WebAssembly.Global
  dictionaryLookup(
    a: number,
    b: number,
    c: number,
    mb: number,
    mc: number,
    table: number,
    size: number,
    out: number,
    wide: number,
    from: number,
    n: number
  ): number
  // The sort of off-grid scores (assembly/sort.ts).
  SORT_COUNTS_BYTES: WebAssembly.Global
  radixSort(
    keys: number,
    payload: number,
    tmpKeys: number,
    tmpPayload: number,
    counts: number,
    n: number
  ): void
  sortedCounts(keys: number, n: number, bins: number, binCount: number): number
  // The merge of sorted runs of off-grid scores (assembly/merge.ts).
  MERGE_ENTRY_BYTES: WebAssembly.Global
  AUC_BLOCKS: WebAssembly.Global
  AUC_STATE_BYTES: WebAssembly.Global
  mergeRuns(table: number, k: number, heap: number, out: number, cap: number, auc: number): number
  gridAuc(counts: number, weights: number, slots: number, auc: number): void
  // The bootstrap's draws.
  seedStream(k: number, s0: number, s1: number, s2: number, s3: number): void
  setLogFactorials(at: number): void
  resampleCells(
    cells: number,
    n: number,
    c: number,
    mean: number,
    sd: number,
    beta: number,
    outN: number,
    outSum: number
  ): void
  drawBlocks(
    blocks: number,
    posN: number,
    posC: number,
    negN: number,
    negC: number,
    kPos: number,
    kNeg: number
  ): void
}

let compiled: WebAssembly.Module | null = null

/** A new instance of the module, with a memory of its own. */
export function wasmInstance(): WasmExports {
  compiled ??= new WebAssembly.Module(Buffer.from(wasm, 'base64'))
  return new WebAssembly.Instance(compiled, {}).exports as unknown as WasmExports
}

/**
 * An instance and a bump allocator over its memory: blocks are zeroed, 8-byte aligned, and never
 * freed (what a user outgrows is small). Views of the memory must be made after the last alloc(),
 * because growing the memory detaches them.
 */
export class WasmHeap {
  readonly x = wasmInstance()
  private top = this.x.heapBase()

  alloc(bytes: number): number {
    const at = Math.ceil(this.top / 8) * 8
    this.top = at + bytes
    const memory = this.x.memory
    if (this.top > memory.buffer.byteLength)
      memory.grow(Math.ceil((this.top - memory.buffer.byteLength) / 65536))
    return at
  }

  f64(at: number, length: number): Float64Array {
    return new Float64Array(this.x.memory.buffer, at, length)
  }

  /** A block holding a copy of `values`. */
  f64Of(values: ArrayLike<number>): number {
    const at = this.alloc(8 * Math.max(1, values.length))
    this.f64(at, values.length).set(values)
    return at
  }
}

let scratch: { x: WasmExports; base: number } | null = null

/**
 * This thread's instance for short jobs on copies (the sort of off-grid scores, Parquet's dictionary
 * indices), with `bytes` of memory from `at` for the job: its memory grows to the largest job and is
 * kept for the next. Views of it must be made after this call.
 */
export function scratchMemory(bytes: number): { x: WasmExports; at: number } {
  if (scratch === null) {
    const x = wasmInstance()
    scratch = { x, base: Math.ceil(x.heapBase() / 8) * 8 }
  }
  const memory = scratch.x.memory
  const need = scratch.base + bytes
  if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536))
  return { x: scratch.x, at: scratch.base }
}
