// The k-way merge of sorted runs of scores (src/core/tables/scores.ts mergeWindows): the distinct
// scores of all runs in ascending order, with each label's weight and rows there, and the exact AUC's
// sums over them (src/core/metrics/auc.ts). Written by hand, in WebAssembly, because the same merge
// and sums in JavaScript (a binary heap over typed arrays) took about 40 ns a score here, a fifth of a
// 10M-row check; here they take 20.

/**
 * The AUC's bootstrap blocks: a score's block is ⌊AUC_BLOCKS · rows below it / all rows⌋ (see
 * src/core/metrics/auc.ts).
 */
export const AUC_BLOCKS = 512
/**
 * The AUC's sums, as doubles: Σ posW·(negative weight below + ½ tied), the negative weight, the
 * positive weight, the rows below the next score and all rows, then for each block: 1 once a score
 * fell in it, its posW, negW, posN, negN, and the concordant weight of the pairs inside it.
 */
export const AUC_STATE_BYTES = 8 * (5 + 6 * AUC_BLOCKS)

/** Bytes of one run's entry in mergeRuns' table: five i32. */
export const MERGE_ENTRY_BYTES = 20

/** Puts run r with key s at heap slot i, or below it (keys and runs side by side, size entries). */
@inline
function down(keys: usize, runs: usize, size: i32, i: i32, s: f64, r: i32): void {
  for (;;) {
    let c = 2 * i + 1
    if (c >= size) break
    let kc = load<f64>(keys + (<usize>c << 3))
    if (c + 1 < size) {
      const kn = load<f64>(keys + (<usize>(c + 1) << 3))
      if (kn < kc) {
        kc = kn
        c++
      }
    }
    if (kc >= s) break
    store<f64>(keys + (<usize>i << 3), kc)
    store<i32>(runs + (<usize>i << 2), load<i32>(runs + (<usize>c << 2)))
    i = c
  }
  store<f64>(keys + (<usize>i << 3), s)
  store<i32>(runs + (<usize>i << 2), r)
}

/**
 * Merges k runs. Entry r of the table: the address of its ascending distinct scores, of their row
 * counts (u32; 0 when every score has one row), of their weights (f64; 0 when the rows are the
 * weight), its length, and its label (0 or 1). heap has room for 16 bytes a run. Equal scores of
 * several runs are one entry. With auc (AUC_STATE_BYTES), adds the entries to the sums there;
 * without (0), writes them to out as five arrays of cap doubles (score, positive weight, negative
 * weight, positive rows, negative rows; cap at least the runs' total length). Returns how many.
 */
export function mergeRuns(table: usize, k: i32, heap: usize, out: usize, cap: i32, auc: usize): i32 {
  const keys = heap
  const runs = heap + (<usize>k << 3)
  const next = runs + (<usize>k << 2)
  let size = 0
  for (let r = 0; r < k; r++) {
    const e = table + <usize>r * MERGE_ENTRY_BYTES
    store<i32>(next + (<usize>r << 2), 0)
    if (load<i32>(e, 12) == 0) continue
    store<f64>(keys + (<usize>size << 3), load<f64>(<usize>load<u32>(e)))
    store<i32>(runs + (<usize>size << 2), r)
    size++
  }
  for (let i = (size >> 1) - 1; i >= 0; i--)
    down(keys, runs, size, i, load<f64>(keys + (<usize>i << 3)), load<i32>(runs + (<usize>i << 2)))
  const column = <usize>cap << 3
  let d = 0
  while (size > 0) {
    const score = load<f64>(keys)
    let posW = 0.0
    let negW = 0.0
    let posN = 0.0
    let negN = 0.0
    do {
      const r = load<i32>(runs)
      const e = table + <usize>r * MERGE_ENTRY_BYTES
      const i = load<i32>(next + (<usize>r << 2))
      const counts = <usize>load<u32>(e, 4)
      const weights = <usize>load<u32>(e, 8)
      const c: f64 = counts == 0 ? 1.0 : <f64>load<u32>(counts + (<usize>i << 2))
      const w: f64 = weights == 0 ? c : load<f64>(weights + (<usize>i << 3))
      if (load<i32>(e, 16) != 0) {
        posW += w
        posN += c
      } else {
        negW += w
        negN += c
      }
      store<i32>(next + (<usize>r << 2), i + 1)
      if (i + 1 < load<i32>(e, 12)) down(keys, runs, size, 0, load<f64>(<usize>load<u32>(e) + (<usize>(i + 1) << 3)), r)
      else if (--size > 0)
        down(keys, runs, size, 0, load<f64>(keys + (<usize>size << 3)), load<i32>(runs + (<usize>size << 2)))
    } while (size > 0 && load<f64>(keys) == score)
    d++
    if (auc == 0) {
      const o = out + (<usize>(d - 1) << 3)
      store<f64>(o, score)
      store<f64>(o + column, posW)
      store<f64>(o + 2 * column, negW)
      store<f64>(o + 3 * column, posN)
      store<f64>(o + 4 * column, negN)
      continue
    }
    addScore(auc, posW, negW, posN, negN)
  }
  return d
}

/**
 * Adds the next distinct score's weight and rows of each label to the AUC's sums at auc (see
 * AUC_STATE_BYTES).
 */
// @ts-ignore: decorator
@inline
function addScore(auc: usize, posW: f64, negW: f64, posN: f64, negN: f64): void {
  const below = load<f64>(auc, 8)
  const rowsBefore = load<f64>(auc, 24)
  store<f64>(auc, load<f64>(auc) + posW * (below + 0.5 * negW))
  store<f64>(auc, below + negW, 8)
  store<f64>(auc, load<f64>(auc, 16) + posW, 16)
  const b = <i32>min<f64>(AUC_BLOCKS - 1, Math.floor((rowsBefore * AUC_BLOCKS) / load<f64>(auc, 32)))
  const at = auc + 40 + <usize>b * 48
  store<f64>(at, 1)
  store<f64>(at, load<f64>(at, 40) + posW * (load<f64>(at, 16) + 0.5 * negW), 40)
  store<f64>(at, load<f64>(at, 8) + posW, 8)
  store<f64>(at, load<f64>(at, 16) + negW, 16)
  store<f64>(at, load<f64>(at, 24) + posN, 24)
  store<f64>(at, load<f64>(at, 32) + negN, 32)
  store<f64>(auc, rowsBefore + posN + negN, 24)
}

/**
 * Adds the occupied slots of a score grid to the AUC's sums at auc, in ascending order: counts of
 * slots × 2 (u32, [slot·2 + label]), and weights likewise (f64; 0 when the counts are the weights).
 */
export function gridAuc(counts: usize, weights: usize, slots: i32, auc: usize): void {
  for (let m = 0; m < slots; m++) {
    const at = <usize>m << 1
    const negN = load<u32>(counts + (at << 2))
    const posN = load<u32>(counts + ((at + 1) << 2))
    if ((negN | posN) == 0) continue
    const negW = weights == 0 ? <f64>negN : load<f64>(weights + (at << 3))
    const posW = weights == 0 ? <f64>posN : load<f64>(weights + ((at + 1) << 3))
    addScore(auc, posW, negW, <f64>posN, <f64>negN)
  }
}
