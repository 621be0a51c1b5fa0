/**
 * The row record of a predictions file (see cases.ts for what a record is for), kept in the
 * WebAssembly memory of the file's cell sums (assembly/record.ts): every path queues its rows there in
 * file order, and one store records them. The CSV fast path queues the rows it reads itself, their ids
 * hashed from the bytes; the checked CSV path, JSON Lines and Parquet queue theirs through add(). So
 * mapping `id` keeps every fast path, and the record and its reasons are the same whichever path read
 * a row (the rules are CaseRecorder's: a missing id, a full record, a repeat, in file order).
 *
 * Each row keeps its key, cell, prediction code, exact score and weight, and (champion/challenger
 * files) the champion's code and score: 44 bytes a row, and 16 in the set of keys. The
 * columns are made once for the bound (MAX_CASES rows); the memory behind them is only touched as rows
 * arrive, so a small file does not pay for the bound.
 */
import type { WasmHeap } from '../wasm.js'
import {
  caseKey,
  caseName,
  dropText,
  MAX_CASES,
  noCaseId,
  rowName,
  type CaseRecord,
  type Drop
} from './cases.js'

/**
 * The constants of assembly/record.ts (a test checks that they agree): the bytes of a queued row, the
 * kinds of its id, the stop that means the record is full (the other is a repeat), and the bits of the
 * optional columns kept.
 */
export const RECORD_CONSTANTS = {
  PENDING_BYTES: 64,
  FRAMED_ID: 0,
  JSON_ID: 1,
  KEY_GIVEN: 2,
  FULL: 1,
  KEEP_SCORES: 1,
  KEEP_WEIGHTS: 2,
  KEEP_CHAMPION: 4
} as const
const { PENDING_BYTES, FRAMED_ID, JSON_ID, KEY_GIVEN, FULL, KEEP_SCORES, KEEP_WEIGHTS, KEEP_CHAMPION } =
  RECORD_CONSTANTS
/** Rows queued before they are recorded, and bytes of their ids' JSON. */
const PENDING_ROWS = 4096
const ARENA_BYTES = 1 << 18
/** Rows of another part appended at a time. */
const APPEND_ROWS = 1 << 16

/** A row of the record as the reader decoded it. */
export interface RecordedRow {
  cell: number
  code: number
  line: number
  /** The exact score (NaN without a score column) and the weight (1 unweighted). */
  score: number
  weight: number
  /** The champion's prediction code (0 when the file has none) and score (NaN when none). */
  championCode: number
  championScore: number
}

/** Which of the optional columns a file's record keeps (the others are not copied out). */
export interface RecordWants {
  scores: boolean
  weights: boolean
  champion: boolean
}

/** The record as a part of a file read on another thread hands it over (transferable arrays). */
export interface RecordPart {
  count: number
  keys: Uint32Array
  cells: Uint32Array
  codes: Uint32Array
  scores: Float64Array | null
  weights: Float64Array | null
  drop: Drop | null
}

/** The record's columns, once finished: the optional ones null where not wanted. */
export interface RecordColumns {
  cases: CaseRecord
  scores: Float64Array | null
  weights: Float64Array | null
  championCodes: Uint32Array | null
  championScores: Float64Array | null
}

const encoder = new TextEncoder()

export class RowRecord {
  private readonly columns: Record<
    'keys' | 'cells' | 'codes' | 'scores' | 'weights' | 'championCodes' | 'championScores',
    number
  >
  private readonly pendingAt: number
  private readonly arenaAt: number
  private arenaUsed = 0
  /** The names of queued rows whose key was given (by pending index), for a repeat's reason. */
  private names = new Map<number, string>()
  drop: Drop | null = null
  /** Views of the memory, made again when it grows. */
  private views = {
    buffer: new ArrayBuffer(0),
    u8: new Uint8Array(0),
    u32: new Uint32Array(0),
    f64: new Float64Array(0)
  }

  constructor(
    private readonly heap: WasmHeap,
    private readonly wants: RecordWants = { scores: true, weights: true, champion: true },
    readonly limit = MAX_CASES
  ) {
    this.pendingAt = heap.alloc(PENDING_ROWS * PENDING_BYTES)
    this.arenaAt = heap.alloc(ARENA_BYTES)
    heap.x.setPending(this.pendingAt, PENDING_ROWS)
    const c = (this.columns = {
      keys: heap.alloc(8 * limit),
      cells: heap.alloc(4 * limit),
      codes: heap.alloc(4 * limit),
      scores: heap.alloc(8 * limit),
      weights: heap.alloc(8 * limit),
      championCodes: heap.alloc(4 * limit),
      championScores: heap.alloc(8 * limit)
    })
    let slots = 16
    while (slots < 2 * limit) slots *= 2
    const slotsAt = heap.alloc(4 * slots)
    heap.x.setRecord(
      limit,
      c.keys,
      c.cells,
      c.codes,
      c.scores,
      c.weights,
      c.championCodes,
      c.championScores,
      slotsAt,
      slots - 1,
      (wants.scores ? KEEP_SCORES : 0) |
        (wants.weights ? KEEP_WEIGHTS : 0) |
        (wants.champion ? KEEP_CHAMPION : 0)
    )
  }

  get dropped(): boolean {
    return this.drop !== null
  }

  private get count(): number {
    return this.heap.x.recordCount.value as number
  }

  private get pending(): number {
    return this.heap.x.pendingCount.value as number
  }

  /** Queues a row with an id (undefined, null or '' gives the record up: the row has none). */
  add(id: unknown, row: RecordedRow): void {
    if (this.drop !== null) return
    if (noCaseId(id)) {
      this.flush()
      this.give({ kind: 'no-id', line: row.line })
      return
    }
    const json = JSON.stringify([String(id)])
    if (this.pending === PENDING_ROWS || this.arenaUsed + 3 * json.length > ARENA_BYTES) this.flush()
    if (this.drop !== null) return
    const at = this.arenaAt + this.arenaUsed
    const n =
      3 * json.length > ARENA_BYTES
        ? -1
        : encoder.encodeInto(json, this.view().u8.subarray(at, this.arenaAt + ARENA_BYTES)).written
    if (n < 0) {
      // An id longer than the arena (tens of kB): hashed by node:crypto.
      this.queueKey(...caseKey([], String(id)), row, caseName(id))
      return
    }
    this.arenaUsed += n
    this.queue(at, n, JSON_ID, row)
  }

  /** Queues a row without an id of its own, keyed by its position (champion/challenger columns). */
  addPosition(row: RecordedRow): void {
    if (this.drop !== null) return
    if (this.pending === PENDING_ROWS) this.flush()
    const position = this.count + this.pending
    this.queueKey(0, position, row, rowName(position))
  }

  private queueKey(hi: number, lo: number, row: RecordedRow, name: string | undefined): void {
    if (this.pending === PENDING_ROWS) this.flush()
    if (this.drop !== null) return
    if (name !== undefined) this.names.set(this.pending, name)
    this.queue(hi, lo, KEY_GIVEN, row)
  }

  private queue(a: number, b: number, kind: number, row: RecordedRow): void {
    const j = this.pending
    const { u32, f64 } = this.view()
    const w = (this.pendingAt + j * PENDING_BYTES) / 4
    u32[w] = a
    u32[w + 1] = b
    u32[w + 2] = kind
    u32[w + 3] = row.line
    u32[w + 4] = row.cell
    u32[w + 5] = row.code
    u32[w + 12] = row.championCode
    f64[w / 2 + 3] = row.score
    f64[w / 2 + 4] = row.weight
    f64[w / 2 + 5] = row.championScore
    this.heap.x.addPending(1)
  }

  /** Views of the memory as it is now. */
  private view(): RowRecord['views'] {
    const buffer = this.heap.x.memory.buffer
    if (this.views.buffer !== buffer)
      this.views = {
        buffer,
        u8: new Uint8Array(buffer),
        u32: new Uint32Array(buffer),
        f64: new Float64Array(buffer)
      }
    return this.views
  }

  /**
   * Records every queued row (the fast path's too): call before the bytes its rows point to are
   * replaced, and before the record is read. Gives the record up at the first row it cannot keep.
   */
  flush(): void {
    const x = this.heap.x
    const pending = this.pending
    if (pending === 0 || this.drop !== null) return
    const stopped = x.recordPending()
    if (stopped < pending) {
      if ((x.recordStop.value as number) === FULL) this.give({ kind: 'full', limit: this.limit })
      else {
        const words = new Uint32Array(x.memory.buffer, this.pendingAt + stopped * PENDING_BYTES, 4)
        // The id from its bytes (framed: the id itself; JSON: `["id"]`), or the name given with its key.
        const text = () => Buffer.from(x.memory.buffer, words[0], words[1]).toString('utf8')
        const name =
          words[2] === FRAMED_ID
            ? caseName(text())
            : words[2] === JSON_ID
              ? caseName((JSON.parse(text()) as string[])[0])
              : this.names.get(stopped)
        this.give({ kind: 'repeat', what: name ?? rowName(this.count), line: words[3] })
      }
    }
    this.names.clear()
    this.arenaUsed = 0
  }

  /** Gives the record up (the first reason met is the one kept). */
  give(drop: Drop): void {
    if (this.drop !== null) return
    this.drop = drop
    this.heap.x.stopRecord()
    this.names.clear()
    this.arenaUsed = 0
  }

  /** Copies of the record's columns (null when it was given up). */
  finish(): RecordColumns | null {
    this.flush()
    return this.drop !== null ? null : this.columnsCopy()
  }

  /** Copies of the rows recorded so far (those before the reason, if the record was given up). */
  private columnsCopy(): RecordColumns {
    const count = this.count
    const buffer = this.heap.x.memory.buffer
    const c = this.columns
    const u32 = (at: number, n: number) => new Uint32Array(buffer, at, n).slice()
    const f64 = (at: number, wanted: boolean) => (wanted ? new Float64Array(buffer, at, count).slice() : null)
    const w = this.wants
    return {
      cases: { count, keys: u32(c.keys, 2 * count), cells: u32(c.cells, count), codes: u32(c.codes, count) },
      scores: f64(c.scores, w.scores),
      weights: f64(c.weights, w.weights),
      championCodes: w.champion ? u32(c.championCodes, count) : null,
      championScores: f64(c.championScores, w.champion)
    }
  }

  /**
   * The record as a part of a file read elsewhere hands it over: the rows recorded, and why the
   * record was given up after them, if it was (the part that reads on from the first decides).
   */
  part(): RecordPart {
    this.flush()
    const r = this.columnsCopy()
    return {
      count: r.cases.count,
      keys: r.cases.keys,
      cells: r.cases.cells!,
      codes: r.cases.codes,
      scores: r.scores,
      weights: r.weights,
      drop: this.drop
    }
  }

  /**
   * Appends the record of the next part of the file: its rows' cells mapped to this table's by
   * `cells`, its lines shifted by `lines`. False when a row of it repeats a key of this part: the
   * reason would name an id that neither side kept, so the caller reads the file on one thread.
   */
  append(part: RecordPart, cells: ArrayLike<number>, lines: number): boolean {
    this.flush()
    if (this.drop !== null) return true
    const x = this.heap.x
    const n = Math.min(part.count, APPEND_ROWS)
    const at = {
      keys: this.heap.alloc(8 * n),
      cells: this.heap.alloc(4 * n),
      codes: this.heap.alloc(4 * n),
      scores: this.heap.alloc(8 * n),
      weights: this.heap.alloc(8 * n)
    }
    for (let from = 0; from < part.count; from += n) {
      const m = Math.min(n, part.count - from)
      const buffer = x.memory.buffer
      new Uint32Array(buffer, at.keys, 2 * m).set(part.keys.subarray(2 * from, 2 * (from + m)))
      const mapped = new Uint32Array(buffer, at.cells, m)
      for (let i = 0; i < m; i++) mapped[i] = cells[part.cells[from + i]]
      new Uint32Array(buffer, at.codes, m).set(part.codes.subarray(from, from + m))
      if (part.scores !== null)
        new Float64Array(buffer, at.scores, m).set(part.scores.subarray(from, from + m))
      if (part.weights !== null)
        new Float64Array(buffer, at.weights, m).set(part.weights.subarray(from, from + m))
      if (x.appendRecord(m, at.keys, at.cells, at.codes, at.scores, at.weights) < m) {
        // A repeat names an id that neither side kept: the caller reads the file on one thread.
        if ((x.recordStop.value as number) !== FULL) return false
        this.give({ kind: 'full', limit: this.limit })
        return true
      }
    }
    if (part.drop === null) return true
    // The part's own reason, where this part left off: past the bound, the bound is the reason.
    if (part.drop.kind === 'repeat' && this.count >= this.limit)
      this.give({ kind: 'full', limit: this.limit })
    else this.give(part.drop.kind === 'full' ? part.drop : { ...part.drop, line: part.drop.line + lines })
    return true
  }

  /** Why the record was given up, as reports say it. */
  get reason(): string | undefined {
    return this.drop === null ? undefined : dropText(this.drop)
  }
}
