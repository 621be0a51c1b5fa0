/**
 * "Did you mean" for mistyped names: the closest candidate by edit distance, if it is close (by
 * default within 2 edits, or a third of the word; a word shorter than 4 characters, within 1, so
 * that `p1` does not suggest `g`).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase())
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  const near = word.length < 4 ? 1 : Math.max(2, Math.floor(word.length / 3))
  return bestDistance <= near ? best : undefined
}

export const didYouMean = (word: string, candidates: readonly string[]): string => {
  const c = closest(word, candidates)
  return c === undefined ? '' : `; did you mean '${c}'?`
}

/** Levenshtein distance, O(a·b). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[b.length]
}
