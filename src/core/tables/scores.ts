/**
 * The distribution of scores by label, which exact ROC AUC and quantile calibration bins need (they
 * are the two metrics the cell table cannot give, SPEC §6). Scores written with at most 6 decimals
 * (the common case) fall on a fixed grid of 1,000,001 slots. Any other score (full precision, as
 * pandas writes a float64) goes into compact sorted runs: chunks of rows, sorted when full and
 * collapsed to distinct scores. A run takes 8 bytes per distinct score (16 weighted), and 4 more when
 * scores repeat inside it (their row counts). The runs are merged only while they are walked, so the
 * distribution is never built in memory.
 */
import { InputError } from '../errors.js'
import { scratchMemory } from '../wasm.js'

export const GRID = 1_000_000

/** Distinct scores in ascending order with the weight and row count of each label at that score. */
export interface ScoreDistribution {
  score: Float64Array
  posW: Float64Array
  negW: Float64Array
  posN: Float64Array
  negN: Float64Array
}

/** Called for each distinct score in ascending order, with the weight and rows of each label there. */
export type Visit = (score: number, posW: number, negW: number, posN: number, negN: number) => void

/**
 * A reader's scores: the grid itself when every score fell on it, and a walk over the distinct scores
 * in ascending order. distribution() makes the arrays (40 bytes per distinct score), for small data
 * and tests; the metrics walk.
 */
export interface ScoreSource {
  /** counts[micros·2 + label], weights likewise (null when unweighted); null when some score is off the grid. */
  readonly grid: { counts: Uint32Array; weights: Float64Array | null } | null
  /** The rows with a score. */
  readonly rows: number
  /** The sorted runs of distinct scores (shared memory, so another thread can walk them); null with a grid. */
  readonly runs: Runs | null
  walk(visit: Visit): void
  distribution(): ScoreDistribution
}

/**
 * Off-grid scores of one label, sorted and distinct, with the rows at each (null when every score
 * has one row, as at full precision) and their weight (null when unweighted: the rows are the weight).
 */
export interface Run {
  score: Float64Array
  count: Uint32Array | null
  weight: Float64Array | null
  /** Its rows per bin of width 1/SPLIT_BINS (splitRuns adds them up), counted by the thread that made it. */
  bins: Float64Array
}

/**
 * Score bins of the split's histogram (see splitRuns): score·4096 is exact, so a score is below b/4096
 * exactly when its bin, ⌊score·4096⌋, is below b.
 */
const SPLIT_BINS = 4096

/**
 * At most this many distinct off-grid scores are kept (summed over the runs): 0.5 to 0.8 GB, 1 to
 * 1.3 GB weighted. Past it the run stops with an error that says what to do, rather than growing until the
 * process dies.
 */
export const MAX_OFF_GRID = 64_000_000
/** Rows per label gathered before they are sorted into a run. */
const CHUNK = 1 << 20

// Runs live in shared memory: the helper thread's are passed to the main thread without a copy, and
// both threads walk all of them for the AUC (metrics/auc.ts).
const sharedF64 = (n: number) => new Float64Array(new SharedArrayBuffer(8 * n))
const sharedU32 = (n: number) => new Uint32Array(new SharedArrayBuffer(4 * n))

function distributionOf(walk: (visit: Visit) => void): ScoreDistribution {
  let k = 0
  walk(() => k++)
  const out = alloc(k)
  let j = 0
  walk((score, posW, negW, posN, negN) => {
    out.score[j] = score
    out.posW[j] = posW
    out.negW[j] = negW
    out.posN[j] = posN
    out.negN[j] = negN
    j++
  })
  return out
}

function gridSource(counts: Uint32Array, weights: Float64Array | null): ScoreSource {
  const walk = (visit: Visit) => walkGrid(counts, weights, visit)
  let dist: ScoreDistribution | null = null
  let rows = 0
  for (let i = 0; i < counts.length; i++) rows += counts[i]
  return {
    grid: { counts, weights },
    rows,
    runs: null,
    walk,
    distribution: () => (dist ??= distributionOf(walk))
  }
}

function runsSource(runs: Runs): ScoreSource {
  const walk = (visit: Visit) => walkRuns(runs, visit)
  let rows = 0
  for (const run of [...runs[0], ...runs[1]]) {
    if (run.count === null) rows += run.score.length
    else for (let i = 0; i < run.count.length; i++) rows += run.count[i]
  }
  return { grid: null, rows, runs, walk, distribution: () => distributionOf(walk) }
}

/** The runs of each label: [negatives, positives]. */
export type Runs = [Run[], Run[]]

/** What a merge reads of runs: their scores, counts and weights (see Run), by label. */
export type SortedRuns = [Sorted[], Sorted[]]
type Sorted = Omit<Run, 'bins'>

/** Off-grid rows: gathered per label, sorted into runs when a chunk is full. */
class OffGrid {
  readonly runs: Runs = [[], []]
  private keys: [Float64Array, Float64Array]
  private ws: [Float64Array, Float64Array] | null
  private readonly fill = [0, 0]
  /** Distinct scores in the runs. */
  stored = 0

  constructor(
    weighted: boolean,
    private readonly file: string | undefined,
    private readonly limit: number,
    private readonly chunk = CHUNK
  ) {
    // Small first: most files with an off-grid score have few rows, or all of them off the grid.
    this.keys = [sharedF64(1024), sharedF64(1024)]
    this.ws = weighted ? [sharedF64(1024), sharedF64(1024)] : null
  }

  /** Adds rows of one label (weights null: 1 each), copied a chunk's room at a time. */
  add(label: number, scores: Float64Array, weights: Float64Array | null): void {
    for (let from = 0; from < scores.length;) {
      if (this.fill[label] === this.keys[label].length) this.room(label)
      const at = this.fill[label]
      const n = Math.min(this.keys[label].length - at, scores.length - from)
      this.keys[label].set(scores.subarray(from, from + n), at)
      const ws = this.ws?.[label]
      if (ws) {
        if (weights === null) ws.fill(1, at, at + n)
        else ws.set(weights.subarray(from, from + n), at)
      }
      this.fill[label] = at + n
      from += n
    }
  }

  /** Room for one more row of `label`: a full chunk is sealed into a run, a smaller array grown. */
  private room(label: number): void {
    const n = this.fill[label]
    if (n === this.chunk) return this.seal(label)
    this.keys[label] = grow(this.keys[label], Math.min(this.chunk, n * 4))
    if (this.ws) this.ws[label] = grow(this.ws[label], this.keys[label].length)
  }

  /** Sorts the gathered rows of `label` into a run of distinct scores. */
  seal(label: number): void {
    const n = this.fill[label]
    if (n === 0) return
    const keys = this.keys[label]
    const ws = this.ws?.[label] ?? null
    const { distinct: d, bins } = sortScores(keys, ws, n)
    this.stored += d
    if (this.stored > this.limit)
      throw new InputError(
        `more than ${this.limit.toLocaleString('en-US')} distinct scores that are not multiples of 0.000001: the exact AUC cannot be kept in bounded memory. Round the scores to 6 decimals (the AUC is then exact for the rounded scores; docs/inputs.md)`,
        { file: this.file }
      )
    if (d === n) {
      // Every score once: the sorted rows are the run (8 bytes a score, 16 weighted); a full chunk's
      // arrays are taken as they are, and the next rows get new ones.
      const taken = n === keys.length
      const score = taken ? keys : copy(keys, n)
      this.runs[label].push({
        score,
        count: null,
        weight: taken ? ws : ws && copy(ws, n),
        bins
      })
      if (taken) {
        this.keys[label] = sharedF64(n)
        if (this.ws) this.ws[label] = sharedF64(n)
      }
      this.fill[label] = 0
      return
    }
    const score = sharedF64(d)
    const count = sharedU32(d)
    const weight = ws ? sharedF64(d) : null
    let j = -1
    for (let i = 0; i < n; i++) {
      if (i === 0 || keys[i] !== keys[i - 1]) score[++j] = keys[i]
      count[j]++
      if (weight) weight[j] += ws![i]
    }
    this.runs[label].push({ score, count, weight, bins })
    this.fill[label] = 0
  }

  finish(): Runs {
    this.seal(0)
    this.seal(1)
    return this.runs
  }
}

function grow(a: Float64Array, size: number): Float64Array {
  const out = sharedF64(size)
  out.set(a)
  return out
}

/** The first n of a, in shared memory of their own. */
function copy(a: Float64Array, n: number): Float64Array {
  const out = sharedF64(n)
  out.set(a.subarray(0, n))
  return out
}

/**
 * Sorts keys[0..n) ascending (non-negative finite doubles, as scores are), carrying payload along when
 * given: the WebAssembly radix sort (assembly/sort.ts), on copies in this thread's scratch memory
 * (wasm.ts; 16 MB for a chunk, 32 MB weighted). Returns how many of them are distinct, and their rows
 * per split bin, counted there too.
 */
export function sortScores(
  keys: Float64Array,
  payload: Float64Array | null,
  n: number
): { distinct: number; bins: Float64Array } {
  const words = payload === null ? 2 : 4
  const countBytes = scratchMemory(0).x.SORT_COUNTS_BYTES.value as number
  const binBytes = 8 * (SPLIT_BINS + 1)
  const { x, at } = scratchMemory(8 * words * n + Math.max(countBytes, binBytes))
  const memory = x.memory.buffer
  const [k, k2, v, v2] = [0, 1, 2, 3].map(i => at + 8 * i * n)
  const counts = at + 8 * words * n
  new Float64Array(memory, k, n).set(keys.subarray(0, n))
  if (payload !== null) new Float64Array(memory, v, n).set(payload.subarray(0, n))
  x.radixSort(k, payload === null ? 0 : v, k2, v2, counts, n)
  keys.set(new Float64Array(memory, k, n))
  if (payload !== null) payload.set(new Float64Array(memory, v, n))
  // The counters' room holds the bins now.
  const bins = new Float64Array(memory, counts, SPLIT_BINS + 1)
  bins.fill(0)
  const distinct = x.sortedCounts(k, n, counts, SPLIT_BINS)
  return { distinct, bins: bins.slice() }
}

/**
 * A histogram that keeps memory bounded by giving up exactness: past `distinct` off-grid scores it
 * puts them on the 6-decimal grid, each floored to its millionth, so that a score shares a slot only
 * with scores within 1e-6 of it (metrics/auc.ts states the bound that puts on the AUC). `chunk`: rows
 * per label gathered before a sort (smaller than a single histogram's, when many are kept).
 */
export interface Bounded {
  distinct: number
  chunk: number
}

/** A histogram's grid before it is made (see ScoreHistogram.counts). */
const EMPTY_GRID = new Uint32Array(0)

export class ScoreHistogram {
  /**
   * counts[micros·2 + label]; weights likewise when weighted. Made with the first row, unless the
   * grid is shared before it (12 MB, 24 MB weighted, that a shared grid does not need).
   */
  private counts: Uint32Array = EMPTY_GRID
  private weights: Float64Array | null = null
  /** Rows whose score is off the grid; made on the first. */
  private off: OffGrid | null = null
  /**
   * Set while the grid lives in another's memory (the WebAssembly reader's, which adds its rows to it
   * directly): gives current views of it, since that memory's views go stale when it grows.
   */
  private views: (() => [Uint32Array, Float64Array | null]) | null = null
  /**
   * Set once off-grid scores were put on the grid (see Bounded): the AUC is then within aucBound of
   * the grid (metrics/auc.ts) of the scores' own.
   */
  coarse = false

  /**
   * file: named in the error for more than maxOffGrid distinct off-grid scores. bounded: past them,
   * fold every score onto the grid instead.
   */
  constructor(
    private readonly weighted: boolean,
    private readonly file?: string,
    private readonly maxOffGrid = MAX_OFF_GRID,
    private readonly bounded: Bounded | null = null
  ) {}

  /**
   * Keeps the grid where views() says from now on, before any row is added: the readers' WebAssembly
   * cells add every row there (artifacts/fast/rows-wasm.ts).
   */
  shareGrid(views: () => [Uint32Array, Float64Array | null]): void {
    if (this.counts !== EMPTY_GRID) throw new Error('a histogram shares its grid before its first row')
    this.views = views
  }

  /** Makes this.counts and this.weights current (see views), or makes them on first use. */
  private refresh(): void {
    if (this.views !== null) [this.counts, this.weights] = this.views()
    else if (this.counts === EMPTY_GRID) {
      this.counts = new Uint32Array(2 * (GRID + 1))
      this.weights = this.weighted ? new Float64Array(2 * (GRID + 1)) : null
    }
  }

  /** add()'s row as addOffGrid takes rows. */
  private readonly one = { score: new Float64Array(1), weight: new Float64Array(1) }

  /** Adds one row's score (the test builders' way; the readers add theirs in WebAssembly). */
  add(score: number, label: number, weight: number): void {
    const micros = Math.round(score * GRID)
    if (micros / GRID !== score) {
      const one = this.one
      one.score[0] = score
      one.weight[0] = weight
      this.addOffGrid(label, one.score, one.weight)
      return
    }
    this.refresh()
    this.counts[micros * 2 + label]++
    if (this.weights !== null) this.weights[micros * 2 + label] += weight
  }

  /** Adds scores known to be off the grid (add() would have said so), with their labels and weights. */
  addOffGrid(label: number, scores: Float64Array, weights: Float64Array | null): void {
    if (this.coarse) {
      for (let i = 0; i < scores.length; i++) this.toGrid(scores[i], label, 1, weights ? weights[i] : 1)
      return
    }
    const b = this.bounded
    const off = (this.off ??= b
      ? new OffGrid(this.weighted, this.file, Infinity, b.chunk)
      : new OffGrid(this.weighted, this.file, this.maxOffGrid))
    off.add(label, scores, weights)
    if (b !== null && off.stored > b.distinct) this.fold()
  }

  /** Adds rows of one score, floored to its millionth, to the grid. */
  private toGrid(score: number, label: number, rows: number, weight: number): void {
    const slot = Math.floor(score * GRID) * 2 + label
    this.counts[slot] += rows
    if (this.weights !== null) this.weights[slot] += weight
  }

  /** Puts the off-grid runs on the grid, and every later off-grid score. */
  private fold(): void {
    this.refresh()
    const runs = this.off!.finish()
    runs.forEach((label, y) => {
      for (const run of label)
        for (let i = 0; i < run.score.length; i++) {
          const rows = run.count ? run.count[i] : 1
          this.toGrid(run.score[i], y, rows, run.weight ? run.weight[i] : rows)
        }
    })
    this.off = null
    this.coarse = true
  }

  /**
   * What a reader of one part of a file sends back: the grid itself (transferred between threads,
   * not copied, and added slot by slot to the other part's), and the off-grid runs.
   */
  part(): HistogramPart {
    this.refresh()
    if (this.views !== null) {
      // Copied out of the reader's memory (12 MB), which can then be freed: with many groups its cell
      // sums take hundreds of MB.
      this.counts = this.counts.slice()
      this.weights = this.weights?.slice() ?? null
      this.views = null
    }
    return { grid: this.counts, weights: this.weights, runs: this.off?.finish() ?? null }
  }

  finish(): ScoreSource {
    return mergeParts([this.part()])
  }
}

/** A histogram's part of the rows: its grid (counts[micros·2 + label], weights likewise or null) and its off-grid runs. */
export interface HistogramPart {
  grid: Uint32Array
  weights: Float64Array | null
  runs: Runs | null
}

/** The scores of the rows of all parts (each part's rows disjoint from the others'). */
export function mergeParts(parts: HistogramPart[]): ScoreSource {
  const [first, ...rest] = parts
  const grid = first.grid
  const weights = first.weights
  for (const p of rest) {
    const more = p.grid
    for (let i = 0; i < grid.length; i++) grid[i] += more[i]
    if (weights !== null && p.weights !== null)
      for (let i = 0; i < weights.length; i++) weights[i] += p.weights[i]
  }
  const runs: Runs = [[], []]
  for (const p of parts) if (p.runs) for (const label of [0, 1]) runs[label].push(...p.runs[label])
  if (runs[0].length + runs[1].length === 0) return gridSource(grid, weights)
  const [neg, pos] = gridRuns(grid, weights)
  if (neg.score.length > 0) runs[0].push(neg)
  if (pos.score.length > 0) runs[1].push(pos)
  return runsSource(runs)
}

/**
 * The scores of a histogram of `scoreBins` equal-width bins (a stats table's), each bin's rows at its
 * lower edge: counts[2·bin + label], weights likewise (null when unweighted).
 */
export function binnedSource(
  counts: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  scoreBins: number
): ScoreSource {
  const runs = [0, 1].map(label => {
    let d = 0
    for (let b = 0; b < scoreBins; b++) if (counts[2 * b + label] !== 0) d++
    const run: Run = {
      score: sharedF64(d),
      count: sharedU32(d),
      weight: weights ? sharedF64(d) : null,
      bins: new Float64Array(SPLIT_BINS + 1)
    }
    let j = 0
    for (let b = 0; b < scoreBins; b++) {
      const c = counts[2 * b + label]
      if (c === 0) continue
      run.score[j] = b / scoreBins
      run.count![j] = c
      run.bins[Math.floor(run.score[j] * SPLIT_BINS)] += c
      if (run.weight) run.weight[j] = weights![2 * b + label]
      j++
    }
    return d > 0 ? [run] : []
  }) as Runs
  return runsSource(runs)
}

/** The occupied grid slots of each label as runs. */
function gridRuns(counts: Uint32Array, weights: Float64Array | null): [Run, Run] {
  return [0, 1].map(label => {
    let d = 0
    for (let m = 0; m <= GRID; m++) if (counts[2 * m + label] !== 0) d++
    const score = sharedF64(d)
    const count = sharedU32(d)
    const weight = weights ? sharedF64(d) : null
    const bins = new Float64Array(SPLIT_BINS + 1)
    let j = 0
    for (let m = 0; m <= GRID; m++) {
      const c = counts[2 * m + label]
      if (c === 0) continue
      score[j] = m / GRID
      count[j] = c
      bins[Math.floor(score[j] * SPLIT_BINS)] += c
      if (weight) weight[j] = weights![2 * m + label]
      j++
    }
    return { score, count, weight, bins }
  }) as [Run, Run]
}

/** The grid's occupied slots in ascending order. */
function walkGrid(counts: Uint32Array, weights: Float64Array | null, visit: Visit): void {
  const w = weights ?? counts
  for (let m = 0; m <= GRID; m++) {
    const negN = counts[2 * m]
    const posN = counts[2 * m + 1]
    if ((negN | posN) === 0) continue
    visit(m / GRID, w[2 * m + 1], w[2 * m], posN, negN)
  }
}

/** The first index in [lo, hi) of sorted `a` whose value is at least v (hi when none is). */
function lowerBound(a: Float64Array, v: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid] < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Rows of the runs merged at a time (plus one per run at most): about 5 MB of the thread's scratch
 * memory (16 MB when the entries are handed on), within what a chunk's sort already takes.
 */
const WINDOW = 1 << 18

/**
 * Merges the distinct scores in [from, to) of all runs in ascending order, equal scores of several
 * runs (and both labels) one entry. With `auc`, the AUC's sums (AUC_STATE_BYTES of doubles, laid out
 * by assembly/merge.ts), the entries are added to those sums; else they are handed to `each` a window
 * at a time, as the first n entries of d (views valid during the call). Each window is cut at a
 * score, so that no score spans two, and its slices of the runs are copied into this thread's scratch
 * memory (wasm.ts) and merged there. Windows of any size give the same entries and sums.
 */
function mergeWindows(
  runs: SortedRuns,
  from: number,
  to: number,
  target: { auc: Float64Array } | { each: (d: ScoreDistribution, n: number) => void }
): void {
  const all = [...runs[0], ...runs[1]]
  const k = all.length
  const at = Int32Array.from(all, r => lowerBound(r.score, from, 0, r.score.length))
  const end = Int32Array.from(all, r => lowerBound(r.score, to, 0, r.score.length))
  const cut = new Int32Array(k)
  const cap = WINDOW + k
  const module = scratchMemory(0).x
  const entry = (module.MERGE_ENTRY_BYTES.value as number) / 4
  // The AUC's sums, the table, the heap, the output's five columns (when handed on), then the
  // window's scores, weights and counts.
  const aucBytes = module.AUC_STATE_BYTES.value as number
  const tableBytes = Math.ceil((4 * entry * k) / 8) * 8
  const sums = 'auc' in target ? target.auc : null
  const each = 'each' in target ? target.each : null
  const outBytes = each === null ? 0 : 8 * cap * 5
  const { x, at: base } = scratchMemory(aucBytes + tableBytes + 16 * k + outBytes + 20 * cap)
  const memory = x.memory.buffer
  const f64 = new Float64Array(memory)
  const u32 = new Uint32Array(memory)
  const auc = sums === null ? 0 : base
  const table = base + aucBytes
  const heap = table + tableBytes
  const out = heap + 16 * k
  const scoresAt = out + outBytes
  const weightsAt = scoresAt + 8 * cap
  const countsAt = weightsAt + 8 * cap
  const column = (j: number) => new Float64Array(memory, out + 8 * cap * j, cap)
  const d: ScoreDistribution | null =
    each === null
      ? null
      : { score: column(0), posW: column(1), negW: column(2), posN: column(3), negN: column(4) }
  if (sums !== null) f64.set(sums, auc / 8)
  for (;;) {
    let total = 0
    for (let r = 0; r < k; r++) total += end[r] - at[r]
    if (total === 0) break
    windowCut(all, at, end, total, cut)
    let n = 0
    for (let r = 0; r < k; r++) {
      const run = all[r]
      const len = cut[r] - at[r]
      const e = table / 4 + entry * r
      u32[e] = scoresAt + 8 * n
      u32[e + 1] = run.count === null ? 0 : countsAt + 4 * n
      u32[e + 2] = run.weight === null ? 0 : weightsAt + 8 * n
      u32[e + 3] = len
      u32[e + 4] = r < runs[0].length ? 0 : 1
      if (len > 0) {
        f64.set(run.score.subarray(at[r], cut[r]), scoresAt / 8 + n)
        if (run.count !== null) u32.set(run.count.subarray(at[r], cut[r]), countsAt / 4 + n)
        if (run.weight !== null) f64.set(run.weight.subarray(at[r], cut[r]), weightsAt / 8 + n)
      }
      n += len
    }
    const entries = x.mergeRuns(table, k, heap, out, cap, auc)
    if (each !== null) each(d!, entries)
    at.set(cut)
  }
  if (sums !== null) sums.set(f64.subarray(auc / 8, auc / 8 + sums.length))
}

/** Adds the distinct scores in [from, to) of all runs to the AUC's sums `auc` (see mergeWindows). */
export function runsAuc(runs: SortedRuns, auc: Float64Array, from = -Infinity, to = Infinity): void {
  mergeWindows(runs, from, to, { auc })
}

/**
 * Adds the grid's occupied slots (counts[micros·2 + label], weights likewise or null) to the AUC's
 * sums `auc`, in WebAssembly (assembly/merge.ts) on copies in this thread's scratch memory.
 */
export function gridAuc(counts: Uint32Array, weights: Float64Array | null, auc: Float64Array): void {
  const countsBytes = Math.ceil((4 * counts.length) / 8) * 8
  const { x, at } = scratchMemory(8 * auc.length + countsBytes + (weights === null ? 0 : 8 * weights.length))
  const memory = x.memory.buffer
  const countsAt = at + 8 * auc.length
  const weightsAt = weights === null ? 0 : countsAt + countsBytes
  new Float64Array(memory, at, auc.length).set(auc)
  new Uint32Array(memory, countsAt, counts.length).set(counts)
  if (weights !== null) new Float64Array(memory, weightsAt, weights.length).set(weights)
  x.gridAuc(countsAt, weightsAt, counts.length / 2, at)
  auc.set(new Float64Array(memory, at, auc.length))
}

/**
 * Where the next window ends in each run (of `total` entries left, more than WINDOW): below a score v
 * that holds each run's share to its part of WINDOW (at least one entry). v is the least, over the
 * runs, of the score at that share's end, so every run has at most its share below v, and the run that
 * gives v has at least one (its scores are distinct and ascending).
 */
function windowCut(all: Sorted[], at: Int32Array, end: Int32Array, total: number, cut: Int32Array): void {
  if (total <= WINDOW) {
    cut.set(end)
    return
  }
  let v = Infinity
  for (let r = 0; r < all.length; r++) {
    const p = at[r] + Math.max(1, Math.floor(((end[r] - at[r]) * WINDOW) / total))
    if (p < end[r]) v = Math.min(v, all[r].score[p])
  }
  for (let r = 0; r < all.length; r++) cut[r] = lowerBound(all[r].score, v, at[r], end[r])
}

/** The distinct scores of all runs in ascending order, one call each (see mergeWindows). */
function walkRuns(runs: Runs, visit: Visit): void {
  mergeWindows(runs, -Infinity, Infinity, {
    each: (d, n) => {
      for (let i = 0; i < n; i++) visit(d.score[i], d.posW[i], d.negW[i], d.posN[i], d.negN[i])
    }
  })
}

/**
 * Where the runs' rows are cut in two for a walk in halves (metrics/auc.ts): the boundary b/4096 that
 * puts nearest half of the rows below it, and the rows below it. It depends only on the scores, not on
 * how they fell into runs, so a file gives the same halves on one thread as on two.
 */
export function splitRuns(runs: Runs): { score: number; rowsBelow: number } {
  const bins = new Float64Array(SPLIT_BINS + 1)
  let rows = 0
  for (const r of [...runs[0], ...runs[1]])
    for (let b = 0; b <= SPLIT_BINS; b++) {
      bins[b] += r.bins[b]
      rows += r.bins[b]
    }
  let best = 0
  let bestBelow = 0
  let below = 0
  for (let b = 0; b <= SPLIT_BINS; b++) {
    if (Math.abs(below - rows / 2) < Math.abs(bestBelow - rows / 2)) {
      best = b
      bestBelow = below
    }
    below += bins[b]
  }
  return { score: best / SPLIT_BINS, rowsBelow: bestBelow }
}

function alloc(k: number): ScoreDistribution {
  return {
    score: new Float64Array(k),
    posW: new Float64Array(k),
    negW: new Float64Array(k),
    posN: new Float64Array(k),
    negN: new Float64Array(k)
  }
}

/**
 * Interior quantile edges for `bins` equal-count calibration bins: the overall score quantiles at
 * b/bins (b = 1..bins−1) by linear interpolation between order statistics (numpy's default), as
 * scikit-learn's calibration_curve(strategy='quantile') takes them. Unweighted, as there.
 */
export function quantileEdges(scores: ScoreSource, bins: number): number[] {
  const { at, value } = edgeOrderStatistics(scores, bins)
  return at.map((h, b) => value[2 * b] + (h - Math.floor(h)) * (value[2 * b + 1] - value[2 * b]))
}

/**
 * The order statistics each quantile edge interpolates between: edge b at rank at[b] lies between
 * value[2b] and value[2b + 1] (ascending, as the edges are), found in one walk.
 */
export function edgeOrderStatistics(
  scores: ScoreSource,
  bins: number
): { at: number[]; value: Float64Array } {
  const last = scores.rows - 1
  const at = Array.from({ length: bins - 1 }, (_, b) => last * ((b + 1) / bins))
  const wanted = at.flatMap(h => [Math.floor(h), Math.min(Math.floor(h) + 1, last)])
  const value = new Float64Array(wanted.length)
  let next = 0
  let cum = 0
  scores.walk((score, _pw, _nw, posN, negN) => {
    cum += posN + negN
    while (next < wanted.length && wanted[next] < cum) value[next++] = score
  })
  return { at, value }
}

/** The calibration bin of a score: uniform min(floor(s·B), B−1), or the count of quantile edges below s. */
export function binOf(score: number, bins: number, edges: number[] | null): number {
  if (edges === null) {
    const b = Math.floor(score * bins)
    return b < bins ? b : bins - 1
  }
  let b = 0
  while (b < edges.length && edges[b] < score) b++
  return b
}
