/**
 * Quantile of an ascending-sorted sample by linear interpolation between order statistics
 * (Hyndman & Fan type 7, numpy's default `linear` method, also what Fairlearn's bootstrap uses).
 * simple-statistics' quantileSorted uses a different definition, so this one-liner stays here.
 * O(1). Throws on an empty sample.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length
  if (n === 0) throw new RangeError('quantile of an empty sample')
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, n - 1)
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo])
}

/** Two-sided percentile interval at `confidence` of an ascending-sorted sample. */
export function percentileIntervalSorted(sorted: ArrayLike<number>, confidence: number): [number, number] {
  const tail = (1 - confidence) / 2
  return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)]
}
