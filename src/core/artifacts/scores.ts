/**
 * The distribution of scores by label, which exact ROC AUC and quantile calibration bins need (they
 * are the two metrics the cell table cannot give, SPEC §6). Scores written with at most 6 decimals
 * (the common case) fall on a fixed grid of 1,000,001 slots; any other score switches the histogram
 * to a map of distinct values. Memory is bounded by the number of distinct scores, not rows.
 */
export const GRID = 1_000_000

/** Distinct scores in ascending order with the weight and row count of each label at that score. */
export interface ScoreDistribution {
  score: Float64Array
  posW: Float64Array
  negW: Float64Array
  posN: Float64Array
  negN: Float64Array
}

/**
 * A reader's scores: the grid itself when every score fell on it, and the distribution, made on first
 * use (a 10M-row file has about a million distinct scores: 40 MB that the exact AUC does not need, see
 * gridAucSummary in metrics/auc.ts).
 */
export interface ScoreSource {
  /** counts[micros·2 + label], weights likewise (null when unweighted); null in map mode. */
  readonly grid: { counts: Uint32Array; weights: Float64Array | null } | null
  distribution(): ScoreDistribution
}

function gridSource(counts: Uint32Array, weights: Float64Array | null, occupied = -1): ScoreSource {
  let dist: ScoreDistribution | null = null
  return {
    grid: { counts, weights },
    distribution: () => (dist ??= gridDistribution(counts, weights, occupied))
  }
}

const distributionSource = (dist: ScoreDistribution): ScoreSource => ({
  grid: null,
  distribution: () => dist
})

export class ScoreHistogram {
  /** counts[micros·2 + label]; weights likewise when weighted. Null once in map mode. */
  private counts: Uint32Array | null = new Uint32Array(2 * (GRID + 1))
  private weights: Float64Array | null
  /**
   * Set while the grid lives in another's memory (the WebAssembly reader's, which adds its rows to it
   * directly): gives current views of it, since that memory's views go stale when it grows.
   */
  private views: (() => [Uint32Array, Float64Array | null]) | null = null
  /**
   * Grid updates are queued and applied in a tight loop: each one is a cache miss in an 8 MB array,
   * and a loop with nothing else in it lets the processor overlap many misses at once.
   */
  private readonly queue = new Int32Array(1 << 14)
  private readonly queueW: Float64Array
  private queued = 0
  /**
   * The queue is flushed when it holds this many. The first flush comes early (in the first rows),
   * so that the flush has run before V8 optimizes the reader that calls it; a path first taken after
   * that would throw the optimized reader away (see warmUp in predictions-csv.ts).
   */
  private limit = 64
  private readonly map = new Map<number, number>()
  private values: number[] = []
  private mposW: number[] = []
  private mnegW: number[] = []
  private mposN: number[] = []
  private mnegN: number[] = []

  constructor(private readonly weighted: boolean) {
    this.weights = weighted ? new Float64Array(2 * (GRID + 1)) : null
    this.queueW = new Float64Array(weighted ? 1 << 14 : 0)
  }

  /**
   * Adds a score known to equal micros / 1e6 exactly as parsed (the CSV fast path). Returns false when
   * the histogram is in map mode, and the caller must use add().
   */
  addMicros(micros: number, label: number, weight: number): boolean {
    if (this.counts === null) return false
    const k = this.queued
    this.queue[k] = micros * 2 + label
    if (this.weighted) this.queueW[k] = weight
    this.queued = k + 1
    if (k + 1 === this.limit) this.flush()
    return true
  }

  /** Keeps the grid where views() says from now on (before any row is added). */
  shareGrid(views: () => [Uint32Array, Float64Array | null]): void {
    if (this.queued > 0 || this.counts === null)
      throw new Error('a histogram shares its grid before its first row')
    this.views = views
  }

  /** Makes this.counts and this.weights current (see views); grid mode only. */
  private refresh(): void {
    if (this.views !== null) [this.counts, this.weights] = this.views()
  }

  private flush(): void {
    this.refresh()
    const counts = this.counts!
    const q = this.queue
    const n = this.queued
    for (let i = 0; i < n; i++) counts[q[i]]++
    const w = this.weights
    if (w !== null) for (let i = 0; i < n; i++) w[q[i]] += this.queueW[i]
    this.queued = 0
    this.limit = q.length
  }

  add(score: number, label: number, weight: number): void {
    const micros = Math.round(score * GRID)
    if (this.counts !== null && micros / GRID === score) {
      this.addMicros(micros, label, weight)
      return
    }
    this.addToMap(score, label === 1 ? weight : 0, label === 1 ? 0 : weight, label, 1 - label)
  }

  /** Adds weights and row counts at one score in map mode (leaving the grid first if needed). */
  private addToMap(score: number, posW: number, negW: number, posN: number, negN: number): void {
    if (this.counts !== null) this.leaveGrid()
    let i = this.map.get(score)
    if (i === undefined) {
      i = this.values.length
      this.map.set(score, i)
      this.values.push(score)
      this.mposW.push(0)
      this.mnegW.push(0)
      this.mposN.push(0)
      this.mnegN.push(0)
    }
    this.mposW[i] += posW
    this.mnegW[i] += negW
    this.mposN[i] += posN
    this.mnegN[i] += negN
  }

  private leaveGrid(): void {
    this.flush()
    const dist = gridDistribution(this.counts!, this.weights)
    dist.score.forEach((score, i) => {
      this.map.set(score, i)
      this.values.push(score)
      this.mposW.push(dist.posW[i])
      this.mnegW.push(dist.negW[i])
      this.mposN.push(dist.posN[i])
      this.mnegN.push(dist.negN[i])
    })
    this.counts = null
    this.weights = null
    this.views = null
  }

  /**
   * What a reader of one part of a file sends back: the grid itself (transferred between threads,
   * not copied, and added slot by slot to the other part's), or the distribution in map mode.
   */
  part(): HistogramPart {
    if (this.counts === null) return { dist: this.finish().distribution() }
    this.flush()
    return { grid: this.counts, weights: this.weights }
  }

  finish(): ScoreSource {
    if (this.counts !== null) {
      this.flush()
      return gridSource(this.counts, this.weights)
    }
    const order = this.values.map((_, i) => i).sort((a, b) => this.values[a] - this.values[b])
    const out = alloc(order.length)
    order.forEach((i, j) => {
      out.score[j] = this.values[i]
      out.posW[j] = this.mposW[i]
      out.negW[j] = this.mnegW[i]
      out.posN[j] = this.mposN[i]
      out.negN[j] = this.mnegN[i]
    })
    return distributionSource(out)
  }
}

/** A histogram's part of the rows: its grid (counts[micros·2 + label], weights likewise or null) or its distribution. */
export type HistogramPart = { grid: Uint32Array; weights: Float64Array | null } | { dist: ScoreDistribution }

/** The scores of the rows of all parts (each part's rows disjoint from the others'). */
export function mergeParts(parts: HistogramPart[]): ScoreSource {
  let grid: Uint32Array | null = null
  let weights: Float64Array | null = null
  /** Occupied slots of the summed grid, counted while adding the last grid (-1 before). */
  let occupied = -1
  const dists: ScoreDistribution[] = []
  for (const p of parts) {
    if ('dist' in p) dists.push(p.dist)
    else if (grid === null) [grid, weights] = [p.grid, p.weights]
    else {
      const g = grid
      const more = p.grid
      let k = 0
      for (let i = 0; i < g.length; i += 2) if (((g[i] += more[i]) | (g[i + 1] += more[i + 1])) !== 0) k++
      occupied = k
      if (weights !== null && p.weights !== null)
        for (let i = 0; i < weights.length; i++) weights[i] += p.weights[i]
    }
  }
  if (grid === null) return distributionSource(dists.reduce(mergeDistributions))
  if (dists.length === 0) return gridSource(grid, weights, occupied)
  return distributionSource([gridDistribution(grid, weights, occupied), ...dists].reduce(mergeDistributions))
}

/** The occupied slots of a grid, ascending, in arrays of their exact size (counted here unless known). */
function gridDistribution(
  counts: Uint32Array,
  weights: Float64Array | null,
  occupied = -1
): ScoreDistribution {
  let k = occupied
  if (k < 0) {
    k = 0
    for (let i = 0; i < counts.length; i += 2) if ((counts[i] | counts[i + 1]) !== 0) k++
  }
  const out = alloc(k)
  const w = weights ?? counts
  let j = 0
  for (let m = 0; m <= GRID; m++) {
    const negN = counts[2 * m]
    const posN = counts[2 * m + 1]
    if ((negN | posN) === 0) continue
    out.score[j] = m / GRID
    out.posW[j] = w[2 * m + 1]
    out.negW[j] = w[2 * m]
    out.posN[j] = posN
    out.negN[j] = negN
    j++
  }
  return out
}

/** The distribution of two disjoint sets of rows (each ascending): a sorted merge, equal scores added. */
export function mergeDistributions(a: ScoreDistribution, b: ScoreDistribution): ScoreDistribution {
  const na = a.score.length
  const nb = b.score.length
  // Visits the merged order: f(from, at, also) with `also` the index in b of an equal score, or -1.
  const merge = (f: (from: ScoreDistribution, at: number, also: number) => void) => {
    let i = 0
    let j = 0
    while (i < na || j < nb) {
      const sa = i < na ? a.score[i] : Infinity
      const sb = j < nb ? b.score[j] : Infinity
      if (sa < sb) f(a, i++, -1)
      else if (sb < sa) f(b, j++, -1)
      else f(a, i++, j++)
    }
  }
  // Counted first, so that the result takes no more memory than it needs.
  let size = 0
  merge(() => size++)
  const out = alloc(size)
  let k = 0
  merge((from, at, also) => {
    out.score[k] = from.score[at]
    out.posW[k] = from.posW[at] + (also < 0 ? 0 : b.posW[also])
    out.negW[k] = from.negW[at] + (also < 0 ? 0 : b.negW[also])
    out.posN[k] = from.posN[at] + (also < 0 ? 0 : b.posN[also])
    out.negN[k] = from.negN[at] + (also < 0 ? 0 : b.negN[also])
    k++
  })
  return out
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
export function quantileEdges(dist: ScoreDistribution, bins: number): number[] {
  const counts = dist.score.map((_, i) => dist.posN[i] + dist.negN[i])
  const total = counts.reduce((a, b) => a + b, 0)
  const orderStat = (k: number): number => {
    let cum = 0
    for (let i = 0; i < counts.length; i++) {
      cum += counts[i]
      if (k < cum) return dist.score[i]
    }
    return dist.score[dist.score.length - 1]
  }
  const edges: number[] = []
  for (let b = 1; b < bins; b++) {
    const h = (total - 1) * (b / bins)
    const lo = Math.floor(h)
    const a = orderStat(lo)
    const c = orderStat(Math.min(lo + 1, total - 1))
    edges.push(a + (h - lo) * (c - a))
  }
  return edges
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
