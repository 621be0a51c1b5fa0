/**
 * The WebAssembly side (assembly/rows.ts; memory as in core/wasm.ts): the cell sums every row of a
 * predictions file is added to (WasmCells), and the CSV fast path that reads plain rows straight into
 * them (WasmRows). Every row the fast path declines takes the checked path.
 * Group values and combinations are registered here as the sink first meets them (the checked path
 * reads the row that introduces one), so the ids are the sink's own.
 */
import { MISSING_BYTES, type GroupIndex } from '../decode/groups.js'
import { WasmHeap, type WasmExports } from '../../wasm.js'
import { POW10 } from '../decode/decimal.js'
import { ACC, type CellAccumulator } from '../../tables/cells.js'
import { GRID, type ScoreHistogram } from '../../tables/scores.js'

/** Why rows() stopped (the constants of assembly/rows.ts). */
export const STOP_ROW = 0
export const STOP_NEW = 1
export const STOP_OFF_GRID = 2
export const STOP_ROOM = 3
/** Off-grid scores the reader queues (OFF_GRID_QUEUE in assembly/rows.ts). */
export const OFF_GRID_QUEUE = 8192

/** Attributes beyond this many do not fit the packed combination key (two words, 16 bits each). */
export const WASM_MAX_ATTRIBUTES = 8

/** Padding after the input bytes: the reader loads up to 64 bytes from a position before the end. */
const PAD = 72
const GROUP_SLOT = 32
const COMBO_SLOT = 32
/** Grid updates the reader queues (QUEUE in assembly/rows.ts). */
export const GRID_QUEUE = 4096

/**
 * The cell sums, score grid and off-grid queue of a predictions file in WebAssembly memory: the one
 * accumulator that every row goes to, whichever path decoded it (the CSV fast path below from bytes,
 * the checked CSV path, JSON Lines and Parquet through addRow and addColumns). So the sums are added
 * in file order, by the same code, whatever the format. The grid is the sink's histogram's own; the
 * off-grid scores go to the histogram's runs as the queue fills.
 */
export class WasmCells {
  readonly heap = new WasmHeap()
  readonly x: WasmExports = this.heap.x
  private accAt = 0
  private accCombos = 0
  /** Combinations the sums have room for (the sink's, as of the last room() call). */
  private combos = 0
  private gridAt = 0
  private gridWeightsAt = 0
  private offScoresAt = 0
  private offWeightsAt = 0
  private columnsAt = 0
  private columnsCap = 0
  private readonly cellNumbers: number
  /** Rows added, by every path. */
  rows = 0

  /**
   * acc: the combinations and the table the sums are laid out for; hist: the score histogram that
   * owns the grid (null without scores); edges: quantile bin edges (null: uniform bins).
   */
  constructor(
    private readonly acc: CellAccumulator,
    private readonly hist: ScoreHistogram | null,
    edges: number[] | null,
    threshold: number
  ) {
    this.cellNumbers = 4 * acc.bins * ACC
    const pow10 = this.heap.f64Of(POW10)
    const edgesAt = this.heap.f64Of(edges ?? [])
    this.x.configure(
      acc.hasScore ? 1 : 0,
      acc.weighted ? 1 : 0,
      acc.bins,
      edgesAt,
      edges?.length ?? 0,
      threshold,
      pow10
    )
    this.newAcc(16)
    if (acc.hasScore) {
      this.gridAt = this.heap.alloc(4 * 2 * (GRID + 1))
      this.gridWeightsAt = acc.weighted ? this.heap.alloc(8 * 2 * (GRID + 1)) : 0
      this.x.setGrid(
        this.gridAt,
        this.gridWeightsAt,
        this.heap.alloc(4 * GRID_QUEUE),
        this.heap.alloc(8 * GRID_QUEUE)
      )
      this.offScoresAt = this.heap.alloc(2 * 8 * OFF_GRID_QUEUE)
      this.offWeightsAt = acc.weighted ? this.heap.alloc(2 * 8 * OFF_GRID_QUEUE) : 0
      this.x.setOffGrid(this.offScoresAt, this.offWeightsAt)
      hist!.shareGrid(() => {
        this.x.flush()
        const memory = this.x.memory.buffer
        const weights =
          this.gridWeightsAt === 0 ? null : new Float64Array(memory, this.gridWeightsAt, 2 * (GRID + 1))
        return [new Uint32Array(memory, this.gridAt, 2 * (GRID + 1)), weights]
      })
    }
  }

  /** Adds one decoded row of combination combo; micros is its score in millionths, or -1. */
  addRow(combo: number, y: number, p: number, s: number, micros: number, w: number): void {
    if (combo >= this.combos) this.room()
    this.rows++
    if (this.x.addRow(combo, y, p, s, micros, w) !== 0) this.takeOffGrid()
  }

  /** Adds decoded rows (a Parquet row group's). */
  addColumns(rows: DecodedRows): void {
    const n = rows.combos.length
    this.room()
    if (n > this.columnsCap) {
      this.columnsCap = Math.max(n, 2 * this.columnsCap)
      this.columnsAt = this.heap.alloc(26 * this.columnsCap)
    }
    // Laid out as addRows expects: combos (i32), scores and weights (f64), labels and predictions (u8).
    const cap = this.columnsCap
    const memory = this.x.memory.buffer
    const combosAt = this.columnsAt
    const scoresAt = combosAt + 8 * cap
    const weightsAt = scoresAt + 8 * cap
    const labelsAt = weightsAt + 8 * cap
    const predictionsAt = labelsAt + cap
    new Int32Array(memory, combosAt, n).set(rows.combos)
    if (rows.scores !== null) new Float64Array(memory, scoresAt, n).set(rows.scores)
    if (rows.weights !== null) new Float64Array(memory, weightsAt, n).set(rows.weights)
    new Uint8Array(memory, labelsAt, n).set(rows.labels)
    new Uint8Array(memory, predictionsAt, n).set(rows.predictions)
    for (let from = 0; from < n;) {
      from = this.x.addRows(from, n, combosAt, labelsAt, predictionsAt, scoresAt, weightsAt)
      this.takeOffGrid()
    }
    this.rows += n
  }

  /** The cell sums of every row added (a view of this memory), in the accumulator's layout. */
  sums(): Float64Array {
    this.room()
    this.x.flush()
    this.takeOffGrid()
    return new Float64Array(this.x.memory.buffer, this.accAt, this.combos * this.cellNumbers)
  }

  /** Makes room in the sums for the accumulator's combinations so far. */
  room(): void {
    const combos = this.acc.combos.length
    if (combos > this.accCombos) this.newAcc(2 * combos)
    this.combos = combos
  }

  /** Adds the off-grid scores the reader queued to the sink's histogram. */
  takeOffGrid(): void {
    const memory = this.x.memory.buffer
    const counts = [this.x.offNegatives.value as number, this.x.offPositives.value as number]
    for (const label of [0, 1]) {
      const n = counts[label]
      if (n === 0) continue
      const at = 8 * OFF_GRID_QUEUE * label
      const weights = this.offWeightsAt === 0 ? null : new Float64Array(memory, this.offWeightsAt + at, n)
      this.hist!.addOffGrid(label, new Float64Array(memory, this.offScoresAt + at, n), weights)
    }
    this.x.offGridTaken()
  }

  private newAcc(combos: number): void {
    const at = this.heap.alloc(8 * combos * this.cellNumbers)
    const memory = new Uint8Array(this.x.memory.buffer)
    if (this.accCombos > 0)
      memory.copyWithin(at, this.accAt, this.accAt + 8 * this.accCombos * this.cellNumbers)
    this.accAt = at
    this.accCombos = combos
    this.x.setAcc(at)
  }
}

/** Decoded rows for WasmCells.addColumns: each row's combination, label, prediction, score and weight. */
export interface DecodedRows {
  combos: Int32Array
  labels: Uint8Array
  predictions: Uint8Array
  scores: Float64Array | null
  weights: Float64Array | null
}

/**
 * What the fast path takes from the predictions sink (kinds/prediction-sink.ts): its group indexes and
 * the combinations it has met, whose ids the fast path must share.
 */
export interface GroupsSeen {
  readonly indexes: readonly GroupIndex[]
  readonly acc: Pick<CellAccumulator, 'combos'>
}

/** The CSV fast path: plain rows read from bytes into the sink's WebAssembly cells. */
export class WasmRows {
  private readonly heap: WasmHeap
  private readonly x: WasmExports
  private bufAt = 0
  private bufCap = 0
  /** Per attribute: the registered values' addresses, lengths and ids, and the table. */
  private readonly groups: { at: number; n: number; id: number }[][]
  /** Per attribute: how many of its index's values are registered. */
  private readonly known: number[]
  private readonly tables: { at: number; size: number }[]
  private readonly tablesAt: number
  private registered = 0
  private comboSize = 0
  /** Rows taken in all, and by the last rows() call; why that call stopped. */
  rowsRead = 0
  taken = 0
  stop = STOP_ROW

  /**
   * roles: each field's role, as in predictions-csv.ts. The caller has checked that the layout suits
   * (0/1 labels, at most WASM_MAX_ATTRIBUTES attributes). record: records the rows the reader queued
   * (assembly/record.ts) when its queue is full; null when the file's rows are not recorded.
   */
  constructor(
    private readonly sink: GroupsSeen,
    private readonly cells: WasmCells,
    roles: Int32Array,
    hasPrediction: boolean,
    private readonly record: { flush(): void } | null
  ) {
    this.heap = cells.heap
    this.x = cells.x
    const attributes = sink.indexes.length
    const rolesAt = this.heap.alloc(roles.byteLength)
    new Int32Array(this.x.memory.buffer, rolesAt, roles.length).set(roles)
    this.tablesAt = this.heap.alloc(8 * Math.max(1, attributes))
    this.x.setFields(roles.length, rolesAt, hasPrediction ? 1 : 0, this.tablesAt)
    this.groups = sink.indexes.map(() => [])
    this.known = sink.indexes.map(() => 0)
    this.tables = sink.indexes.map((_, a) => this.newTable(a, 64))
    this.newCombos(64)
  }

  /** Copies a new buffer of rows in; rows() calls then read it until the next load(). */
  load(buf: Buffer): void {
    if (buf.length + PAD > this.bufCap) {
      this.bufCap = Math.max(buf.length + PAD, 2 * this.bufCap)
      this.bufAt = this.heap.alloc(this.bufCap)
    }
    new Uint8Array(this.x.memory.buffer, this.bufAt, buf.length).set(buf)
  }

  /** Reads plain rows of the loaded buffer from pos, the first on line `line`; see FastRow. */
  rows(pos: number, len: number, line: number): number {
    this.register()
    let taken = 0
    for (;;) {
      pos = this.x.rows(this.bufAt, pos, len, line + taken)
      taken += this.x.taken.value as number
      this.stop = this.x.stop.value as number
      this.cells.takeOffGrid()
      if (this.stop === STOP_ROOM) this.record!.flush()
      else if (this.stop !== STOP_OFF_GRID) break
    }
    this.taken = taken
    this.rowsRead += taken
    this.cells.rows += taken
    return pos
  }

  /** Registers the group values and combinations the sink has met since the last call. */
  private register(): void {
    const indexes = this.sink.indexes
    for (let a = 0; a < indexes.length; a++) {
      const values = indexes[a].values
      while (this.known[a] < values.length) {
        const { key, id } = values[this.known[a]++]
        this.addGroup(a, key, id)
        // An empty field is the group (missing) too.
        if (key.equals(MISSING_BYTES)) this.addGroup(a, Buffer.alloc(0), id)
      }
    }
    const combos = this.sink.acc.combos
    if (this.registered === combos.length) return
    if (2 * combos.length > this.comboSize) this.newCombos(2 * this.comboSize)
    this.cells.room()
    for (; this.registered < combos.length; this.registered++)
      this.x.addCombo(...comboKey(combos[this.registered]), this.registered)
  }

  private addGroup(a: number, key: Buffer, id: number): void {
    const list = this.groups[a]
    if (2 * (list.length + 1) > this.tables[a].size) {
      this.tables[a] = this.newTable(a, 2 * this.tables[a].size)
      for (const g of list) this.x.addGroup(a, g.at, g.n, g.id)
    }
    const at = this.heap.alloc(key.length + PAD)
    new Uint8Array(this.x.memory.buffer, at, key.length).set(key)
    list.push({ at, n: key.length, id })
    this.x.addGroup(a, at, key.length, id)
  }

  private newTable(a: number, size: number): { at: number; size: number } {
    const at = this.heap.alloc(size * GROUP_SLOT)
    new Int32Array(this.x.memory.buffer, at, (size * GROUP_SLOT) / 4).fill(-1)
    new Uint32Array(this.x.memory.buffer, this.tablesAt + 8 * a, 2).set([at, size - 1])
    return { at, size }
  }

  private newCombos(size: number): void {
    const at = this.heap.alloc(size * COMBO_SLOT)
    new Int32Array(this.x.memory.buffer, at, (size * COMBO_SLOT) / 4).fill(-1)
    this.comboSize = size
    this.x.setCombos(at, size - 1)
    const combos = this.sink.acc.combos
    for (let id = 0; id < this.registered; id++) this.x.addCombo(...comboKey(combos[id]), id)
  }
}

/** A combination's group ids packed 16 bits each into two words, as the reader builds them. */
function comboKey(ids: number[]): [bigint, bigint] {
  const key = [0n, 0n] as [bigint, bigint]
  ids.forEach((id, a) => (key[a >> 2] |= BigInt(id) << BigInt(16 * (a & 3))))
  return key
}
