/**
 * The predictions bootstrap's random draws in WebAssembly (assembly/draws.ts): each resample of the
 * cell table (as resampleCells in bootstrap.ts) and of the AUC blocks' Poisson weights. The streams,
 * the order of the draws and every operation are the JavaScript ones, so each draw is equal, not just
 * alike (a test compares them draw by draw); the JavaScript versions stay as the reference.
 */
import type { CellTable } from '../tables/cells.js'
import type { AucBlocks } from '../metrics/auc.js'
import type { CellView } from '../metrics/aggregate.js'
import { WasmHeap } from '../wasm.js'
import type { CellMoments } from './bootstrap.js'
import { LOG_FACT, PoissonDraws } from './distributions.js'
import { rngState } from './rng.js'

export class WasmDraws {
  private readonly heap = new WasmHeap()
  private readonly cells: number
  private readonly at: Record<'n' | 'c' | 'mean' | 'sd' | 'beta' | 'outN' | 'outSum', number>
  private readonly blocks: {
    count: number
    posN: number
    posC: number
    negN: number
    negC: number
    kPos: number
    kNeg: number
  } | null
  /** The latest resample of the table (views of this instance's memory). */
  readonly view: CellView
  /** The latest AUC block draws, positives and negatives (empty without blocks). */
  readonly kPos: Float64Array
  readonly kNeg: Float64Array

  /**
   * cellStream and blockStream: the (seed, stream) pairs of createRng that the JavaScript drawer would
   * use for the cells and for the AUC blocks.
   */
  constructor(
    table: CellTable,
    moments: CellMoments,
    blocks: AucBlocks | null,
    cellStream: [number, number],
    blockStream: [number, number]
  ) {
    const h = this.heap
    this.cells = table.n.length
    const copies = moments.copies
    this.at = {
      n: h.f64Of(copies.lambdas),
      c: h.f64Of(copies.c),
      mean: h.f64Of(moments.mean),
      sd: h.f64Of(moments.sd),
      beta: h.f64Of(moments.beta),
      outN: h.alloc(8 * this.cells),
      outSum: h.alloc(8 * table.sum.length)
    }
    const logFactorials = h.f64Of(LOG_FACT)
    if (blocks) {
      const pos = new PoissonDraws(blocks.posN)
      const neg = new PoissonDraws(blocks.negN)
      this.blocks = {
        count: blocks.posN.length,
        posN: h.f64Of(pos.lambdas),
        posC: h.f64Of(pos.c),
        negN: h.f64Of(neg.lambdas),
        negC: h.f64Of(neg.c),
        kPos: h.alloc(8 * blocks.posN.length),
        kNeg: h.alloc(8 * blocks.posN.length)
      }
    } else this.blocks = null
    // Views last: allocating may grow the memory, which detaches earlier views.
    this.view = { n: h.f64(this.at.outN, this.cells), sum: h.f64(this.at.outSum, table.sum.length) }
    this.kPos = this.blocks ? h.f64(this.blocks.kPos, this.blocks.count) : new Float64Array(0)
    this.kNeg = this.blocks ? h.f64(this.blocks.kNeg, this.blocks.count) : new Float64Array(0)
    h.x.setLogFactorials(logFactorials)
    h.x.seedStream(0, ...rngState(...cellStream))
    h.x.seedStream(1, ...rngState(...blockStream))
  }

  /** Draws the next resample of the table into view. */
  resample(): void {
    const a = this.at
    this.heap.x.resampleCells(this.cells, a.n, a.c, a.mean, a.sd, a.beta, a.outN, a.outSum)
  }

  /** Draws the next AUC block weights into kPos and kNeg. */
  drawBlocks(): void {
    const b = this.blocks
    if (b) this.heap.x.drawBlocks(b.count, b.posN, b.posC, b.negN, b.negC, b.kPos, b.kNeg)
  }
}
