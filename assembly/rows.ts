// The predictions CSV fast path in WebAssembly (AssemblyScript; built by scripts/wasm.js, with the rest
// of assembly/, into src/core/wasm.generated.js). It does what the JavaScript fast path and the
// prediction sink do for a plain row (see predictions-csv.ts and predictions.ts): find and decode the
// fields, look up the groups and their combination, and add the row to the cell sums and score grid.
// Written by hand because nothing on npm does this job; compiled to WebAssembly, reading 5.2M rows of
// the benchmark's file on one thread took 0.61–0.81 of the JavaScript path's time (5 alternating runs).
//
// The JavaScript side (rows-wasm.ts) owns the layout of memory and every decision that is not about
// one plain row: it registers each group value and each combination as the checked path first meets
// them, so ids are the same as in JavaScript. Any row this reader is not certain about is declined
// and left to the checked path, untouched: nothing is added until the whole row has been read.

import { ln } from './ln'
import { decimal, decimalMantissa, decimalScale } from './decimal'
import { queueRow, QUEUED, NO_ROOM } from './record'

const COMMA: u32 = 44
const QUOTE: u32 = 34
const LF: u32 = 10
const CR: u32 = 13

// Field roles; ATTR + a for attribute a. These constants are exported so that a test checks them
// against the JavaScript side's (rows-wasm.test.ts).
export const SKIP = 0
export const LABEL = 1
export const SCORE = 2
export const PREDICTION = 3
export const WEIGHT = 4
export const ID = 5
export const ATTR = 6

/** Why the last call stopped: the end of the bytes or a row for the checked path, or a new group
 *  or combination to register, or a full queue of scores off the grid, or a row record that needs
 *  more memory (see rows-wasm.ts). */
export const STOP_ROW = 0
export const STOP_NEW = 1
export const STOP_OFF_GRID = 2
export const STOP_ROOM = 3

/** Numbers per cell: the row count, then Σx and Σx² of w, s, sq, ll (as CellAccumulator). */
export const ACC = 12
export const LOG_EPS: f64 = 1e-15

// The layout, set by configure() and the set*() calls.
let fields = 0
let rolesAt: usize = 0
/** Per attribute: the table's address and mask (two i32). */
let attrTablesAt: usize = 0
let comboAt: usize = 0
let comboMask: u32 = 0
let accAt: usize = 0
let gridAt: usize = 0
let gridWeightsAt: usize = 0
let edgesAt: usize = 0
let edgeCount = 0
let bins = 1
let hasScore = false
let hasPrediction = false
let weighted = false
let threshold: f64 = 0.5
let pow10At: usize = 0

/** Rows taken by the last rows() call, and why it stopped. */
export let taken = 0
export let stop = STOP_ROW

/** Grid updates waiting (see flushGrid): slot numbers, and weights when weighted. */
export const QUEUE = 4096
let queueAt: usize = 0
let queueWeightsAt: usize = 0
let queued = 0

/**
 * Rows whose score is off the 6-decimal grid, for the JavaScript side's sorted runs: a queue per
 * label (negatives first) of scores, and of weights when weighted, so that each is taken in one copy.
 */
export const OFF_GRID_QUEUE = 8192
let offScoresAt: usize = 0
let offWeightsAt: usize = 0
/** Each label's queued scores; full once either queue is. */
export let offNegatives = 0
export let offPositives = 0
let offFull = false

export function heapBase(): usize {
  return __heap_base
}

/** The cell sums' layout: whether rows have a score and a weight, the bins and their edges. */
export function configure(
  scoreColumn: bool,
  weightColumn: bool,
  binCount: i32,
  edges: usize,
  edgeNumber: i32,
  cut: f64,
  pow10: usize
): void {
  hasScore = scoreColumn
  weighted = weightColumn
  bins = binCount
  edgesAt = edges
  edgeCount = edgeNumber
  threshold = cut
  pow10At = pow10
}

/** The CSV reader's fields: their roles, whether one is the prediction, the attribute tables. */
export function setFields(fieldCount: i32, roles: usize, predictionColumn: bool, attributeTables: usize): void {
  fields = fieldCount
  rolesAt = roles
  hasPrediction = predictionColumn
  attrTablesAt = attributeTables
}

export function setCombos(at: usize, mask: u32): void {
  comboAt = at
  comboMask = mask
}

export function setAcc(at: usize): void {
  accAt = at
}

/** The grid (and its weights, or 0), and room for QUEUE slot numbers (and weights) to queue. */
export function setGrid(counts: usize, weights: usize, queue: usize, queueWeights: usize): void {
  gridAt = counts
  gridWeightsAt = weights
  queueAt = queue
  queueWeightsAt = queueWeights
}

/** Room for 2 × OFF_GRID_QUEUE scores (f64) and weights (f64, or 0 when unweighted). */
export function setOffGrid(scores: usize, weights: usize): void {
  offScoresAt = scores
  offWeightsAt = weights
}

/** The JavaScript side has taken the queued off-grid scores. */
export function offGridTaken(): void {
  offNegatives = 0
  offPositives = 0
  offFull = false
}

/**
 * Applies the queued grid updates. Each is a cache miss in an 8 MB array; a loop with nothing else
 * in it lets the processor overlap many of them (in place, each row waited for its own: about 100 ns
 * a row).
 */
function flushGrid(): void {
  const n = queued
  for (let i = 0; i < n; i++) {
    const at = gridAt + (<usize>load<u32>(queueAt + (<usize>i << 2)) << 2)
    store<u32>(at, load<u32>(at) + 1)
  }
  if (weighted) {
    for (let i = 0; i < n; i++) {
      const at = gridWeightsAt + (<usize>load<u32>(queueAt + (<usize>i << 2)) << 3)
      store<f64>(at, load<f64>(at) + load<f64>(queueWeightsAt + (<usize>i << 3)))
    }
  }
  queued = 0
}

// Group values. A table slot (32 bytes): id (i32, -1 when empty), length (i32), the address of the
// value's bytes (i32), unused, then the first 8 and the last 8 bytes of the value (u64 each, zero
// padded when shorter). For values of up to 16 bytes those two words are the whole value.

// @ts-ignore: decorator
@inline
function maskOf(n: u32): u64 {
  return n >= 8 ? <u64>-1 : (<u64>1 << (<u64>n << 3)) - 1
}

// @ts-ignore: decorator
@inline
function headWord(at: usize, n: u32): u64 {
  return load<u64>(at) & maskOf(n)
}

// @ts-ignore: decorator
@inline
function tailWord(at: usize, n: u32): u64 {
  return n > 8 ? load<u64>(at + n - 8) : 0
}

// @ts-ignore: decorator
@inline
function mix(n: u32, head: u64, tail: u64): u32 {
  let h = (head ^ (tail * 0x9e3779b97f4a7c15) ^ <u64>n) * 0xff51afd7ed558ccd
  return <u32>(h >> 32) ^ <u32>h
}

/** The id of the n bytes at `at` for attribute a, or -1 when not registered. Reads up to 8 bytes past
 *  the value (the caller leaves room), never uses them. */
// @ts-ignore: decorator
@inline
function groupOf(a: i32, at: usize, n: u32): i32 {
  const table = <usize>load<u32>(attrTablesAt + (<usize>a << 3))
  const mask = load<u32>(attrTablesAt + (<usize>a << 3) + 4)
  const head = headWord(at, n)
  const tail = tailWord(at, n)
  let slot = mix(n, head, tail) & mask
  for (;;) {
    const s = table + (<usize>slot << 5)
    const id = load<i32>(s)
    if (id < 0) return -1
    if (
      load<u32>(s, 4) == n &&
      load<u64>(s, 16) == head &&
      load<u64>(s, 24) == tail &&
      (n <= 16 || memory.compare(at, <usize>load<u32>(s, 8), n) == 0)
    )
      return id
    slot = (slot + 1) & mask
  }
  return -1
}

/** Registers value bytes (at, n) as group id of attribute a, in a table with a free slot. */
export function addGroup(a: i32, at: usize, n: u32, id: i32): void {
  const table = <usize>load<u32>(attrTablesAt + (<usize>a << 3))
  const mask = load<u32>(attrTablesAt + (<usize>a << 3) + 4)
  const head = headWord(at, n)
  const tail = tailWord(at, n)
  let slot = mix(n, head, tail) & mask
  while (load<i32>(table + (<usize>slot << 5)) >= 0) slot = (slot + 1) & mask
  const s = table + (<usize>slot << 5)
  store<i32>(s, id)
  store<u32>(s, n, 4)
  store<u32>(s, <u32>at, 8)
  store<u64>(s, head, 16)
  store<u64>(s, tail, 24)
}

// Combinations. A slot (32 bytes): the packed group ids (16 bits per attribute: attributes 0-3 in
// the first u64, 4-7 in the second), the id (i32, -1 when empty), unused.

// @ts-ignore: decorator
@inline
function comboSlot(lo: u64, hi: u64): u32 {
  return <u32>(((lo ^ (hi * 0xc2b2ae3d27d4eb4f)) * 0x9e3779b97f4a7c15) >> 32) & comboMask
}

function comboOf(lo: u64, hi: u64): i32 {
  let slot = comboSlot(lo, hi)
  for (;;) {
    const s = comboAt + (<usize>slot << 5)
    const id = load<i32>(s, 16)
    if (id < 0 || (load<u64>(s) == lo && load<u64>(s, 8) == hi)) return id
    slot = (slot + 1) & comboMask
  }
  return -1
}

export function addCombo(lo: u64, hi: u64, id: i32): void {
  let slot = comboSlot(lo, hi)
  while (load<i32>(comboAt + (<usize>slot << 5), 16) >= 0) slot = (slot + 1) & comboMask
  const s = comboAt + (<usize>slot << 5)
  store<u64>(s, lo)
  store<u64>(s, hi, 8)
  store<i32>(s, id, 16)
}

/**
 * The value of `digits` (1 to 8) ASCII digits in the low bytes of x, the first in the lowest: padded
 * with leading zeros to 8 digits, then pairs, quads and the octet are formed by three multiplications
 * (the method of simdjson's parse_eight_digits_unrolled).
 */
// @ts-ignore: decorator
@inline
function digitsOf(x: u64, digits: u32): u64 {
  const shift = <u64>(8 - digits) << 3
  let v = (x << shift) | (0x3030303030303030 & ((<u64>1 << shift) - 1))
  v = ((v & 0x0f0f0f0f0f0f0f0f) * 2561) >> 8
  v = ((v & 0x00ff00ff00ff00ff) * 6553601) >> 16
  return ((v & 0x0000ffff0000ffff) * 42949672960001) >> 32
}

/**
 * Bit i is set when byte at + i is a comma, LF, CR or quote, for the 64 bytes from at, but none at or
 * past end. Found 16 bytes at a time with SIMD compares: the fields' ends come from the bits, with no
 * loop over each field's bytes (whose varying lengths the processor cannot predict): about a tenth
 * less time per row than byte loops, measured over one warm megabyte of the benchmark's file.
 */
// @ts-ignore: decorator
@inline
function specials(at: usize, end: usize): u64 {
  const comma = i8x16.splat(<i8>COMMA)
  const lf = i8x16.splat(<i8>LF)
  const cr = i8x16.splat(<i8>CR)
  const quote = i8x16.splat(<i8>QUOTE)
  let bits: u64 = 0
  for (let k: usize = 0; k < 64; k += 16) {
    const v = v128.load(at + k)
    const hit = v128.or(v128.or(i8x16.eq(v, comma), i8x16.eq(v, lf)), v128.or(i8x16.eq(v, cr), i8x16.eq(v, quote)))
    bits |= <u64>i8x16.bitmask(hit) << <u64>k
  }
  const left = end - at
  return left >= 64 ? bits : bits & ((<u64>1 << <u64>left) - 1)
}

/**
 * Reads plain rows of the len bytes at buf from offset pos, the first on line `line`; returns the
 * offset after the last row taken (see FastRow in csv.ts). The bytes must be followed by 64 readable
 * bytes.
 */
export function rows(buf: usize, pos: u32, len: u32, line: u32): u32 {
  const end = buf + len
  let p = buf + pos
  let count = 0
  let why = STOP_ROW
  for (;;) {
    if (p >= end) break
    let c = <u32>load<u8>(p)
    if (c == LF || c == CR) break
    // The special bytes of the row's first 64 bytes (and of the next 64, and so on, as it goes).
    let window = p
    let bits = specials(window, end)
    let i = p
    let y = 0
    let pr = 0
    let s: f64 = 0
    let micros: i32 = -1
    let w: f64 = 1
    let key: u64 = 0
    let keyHigh: u64 = 0
    let idAt: usize = 0
    let idLength: u32 = 0
    let ok = true
    for (let f = 0; f < fields; f++) {
      // The field is [i, e): e is the next special byte.
      while (bits == 0) {
        window += 64
        if (window >= end) break
        bits = specials(window, end)
      }
      if (bits == 0) {
        ok = false
        break
      }
      const e = window + <usize>ctz(bits)
      bits &= bits - 1
      const role = load<i32>(rolesAt + (<usize>f << 2))
      if (role >= ATTR) {
        const id = groupOf(role - ATTR, i, <u32>(e - i))
        if (id < 0) {
          why = STOP_NEW
          ok = false
          break
        }
        const a = role - ATTR
        if (a < 4) key |= <u64>id << (<u64>a << 4)
        else keyHigh |= <u64>id << (<u64>(a - 4) << 4)
      } else if (role == SCORE || role == WEIGHT) {
        // A plain decimal, exactly as decimalBlock() in predictions-csv.ts: m / 10^k from exact integers.
        let m: u64 = 0
        let digits = 0
        let k = 0
        const n = <u32>(e - i)
        let v: f64 = 0
        if (n - 1 < 8) {
          // Up to 8 bytes at once (SWAR): the point's byte is found and taken out, the rest must be
          // digits, and the digits become m with three multiplications (see digitsOf).
          let x = load<u64>(i) & maskOf(n)
          const t = (x ^ 0x2e2e2e2e2e2e2e2e) | ~maskOf(n)
          const point = (t - 0x0101010101010101) & ~t & 0x8080808080808080
          digits = <i32>n
          if (point != 0) {
            const at = <i32>(ctz(point) >> 3)
            const low = (<u64>1 << (<u64>at << 3)) - 1
            x = (x & low) | ((x >> 8) & ~low)
            digits = <i32>n - 1
            k = digits - at
          }
          const held = maskOf(<u32>digits)
          if (
            digits == 0 ||
            ((x & 0xf0f0f0f0f0f0f0f0) ^ 0x3030303030303030) & held ||
            (((x + 0x0606060606060606) & 0xf0f0f0f0f0f0f0f0) ^ 0x3030303030303030) & held
          ) {
            ok = false
            break
          }
          m = digitsOf(x, <u32>digits)
          v = k == 0 ? <f64>m : <f64>m / load<f64>(pow10At + (<usize>k << 3))
        } else {
          // Longer: up to 19 digits and 22 decimals, to the nearest double (decimal.ts).
          v = decimal(i, e)
          if (v != v) {
            ok = false
            break
          }
          m = decimalMantissa
          k = decimalScale
        }
        if (role == SCORE) {
          if (v > 1) {
            ok = false
            break
          }
          s = v
          // In millionths with at most 6 decimals; otherwise add() decides.
          if (k <= 6) micros = <i32>(m * <u64>load<f64>(pow10At + (<usize>(6 - k) << 3)))
        } else w = v
      } else if (role == ID) {
        idAt = i
        idLength = <u32>(e - i)
      } else if (role == LABEL || role == PREDICTION) {
        c = <u32>load<u8>(i) - 48
        if (e != i + 1 || c > 1) {
          ok = false
          break
        }
        if (role == LABEL) y = c
        else pr = c
      }
      // A comma after each field, the line end after the last.
      c = <u32>load<u8>(e)
      i = e + 1
      if (f == fields - 1) {
        if (c == CR) {
          if (i >= end || <u32>load<u8>(i) != LF) {
            ok = false
            break
          }
          i++
        } else if (c != LF) {
          ok = false
          break
        }
      } else if (c != COMMA) {
        ok = false
        break
      }
    }
    if (!ok) break
    const combo = comboOf(key, keyHigh)
    if (combo < 0) {
      why = STOP_NEW
      break
    }
    if (!hasPrediction) pr = s >= threshold ? 1 : 0
    // The row's record (assembly/record.ts) first: a row whose id the checked path must read is left
    // to it, untouched.
    const queued = queueRow(idAt, idLength, line + <u32>count, combo, y, pr, s, micros, w, hasScore)
    if (queued != QUEUED) {
      if (queued == NO_ROOM) why = STOP_ROOM
      break
    }
    add(combo, y, pr, s, micros, w)
    p = i
    count++
    if (offFull) {
      why = STOP_OFF_GRID
      break
    }
  }
  if (hasScore) flushGrid()
  taken = count
  stop = why
  return <u32>(p - buf)
}

/**
 * Adds one decoded row (a row the CSV reader declined, or of another format) as rows() adds what it
 * reads; micros is its score in millionths, or -1 for add() to decide. Returns whether the off-grid queue
 * is now full (take it before the next row).
 */
export function addRow(combo: i32, y: i32, pr: i32, s: f64, micros: i32, w: f64): bool {
  add(combo, y, pr, s, micros, w)
  return offFull
}

/** Applies the queued grid updates (before the grid is read). */
export function flush(): void {
  if (hasScore) flushGrid()
}

/**
 * Adds decoded rows [from, n) as rows() adds what it reads: each row's combination (i32), label and
 * prediction (u8), score and weight (f64, read only with a score and a weight column). Returns the row
 * it stopped before: n, or earlier when the off-grid queue filled (take it, and call again from there).
 */
export function addRows(
  from: i32,
  n: i32,
  combos: usize,
  labels: usize,
  predictions: usize,
  scores: usize,
  weights: usize
): i32 {
  let i = from
  while (i < n) {
    const s: f64 = hasScore ? load<f64>(scores + (<usize>i << 3)) : 0
    const w: f64 = weighted ? load<f64>(weights + (<usize>i << 3)) : 1
    const y = <i32>load<u8>(labels + <usize>i)
    add(load<i32>(combos + (<usize>i << 2)), y, <i32>load<u8>(predictions + <usize>i), s, -1, w)
    i++
    if (offFull) break
  }
  if (hasScore) flushGrid()
  return i
}

// @ts-ignore: decorator
@inline
function add(combo: i32, y: i32, pr: i32, s: f64, micros: i32, w: f64): void {
  let bin = 0
  if (hasScore) {
    if (edgeCount == 0) {
      bin = <i32>Math.floor(s * <f64>bins)
      if (bin >= bins) bin = bins - 1
    } else {
      while (bin < edgeCount && load<f64>(edgesAt + (<usize>bin << 3)) < s) bin++
    }
  }
  const o = accAt + <usize>((((combo * 2 + y) * 2 + pr) * bins + bin) * ACC) * 8
  store<f64>(o, load<f64>(o) + 1)
  if (weighted) {
    store<f64>(o, load<f64>(o, 8) + w, 8)
    store<f64>(o, load<f64>(o, 16) + w * w, 16)
  }
  if (hasScore) {
    const ws = w * s
    const d = s - <f64>y
    const wsq = w * d * d
    const p = s < LOG_EPS ? LOG_EPS : s > 1 - LOG_EPS ? 1 - LOG_EPS : s
    const wll = w * (y == 1 ? -ln(p) : -ln(1 - p))
    store<f64>(o, load<f64>(o, 24) + ws, 24)
    store<f64>(o, load<f64>(o, 32) + ws * ws, 32)
    store<f64>(o, load<f64>(o, 40) + wsq, 40)
    store<f64>(o, load<f64>(o, 48) + wsq * wsq, 48)
    store<f64>(o, load<f64>(o, 56) + wll, 56)
    store<f64>(o, load<f64>(o, 64) + wll * wll, 64)
    if (weighted) {
      store<f64>(o, load<f64>(o, 72) + w * ws, 72)
      store<f64>(o, load<f64>(o, 80) + w * wsq, 80)
      store<f64>(o, load<f64>(o, 88) + w * wll, 88)
    }
    // A score not given in millionths is on the grid when it is a whole number of them all the same
    // (as ScoreHistogram.add decides), else queued for the JavaScript side's sorted runs.
    if (micros < 0) {
      const grid = Math.round(s * 1e6)
      if (grid / 1e6 == s) micros = <i32>grid
    }
    if (micros < 0) {
      let k = offNegatives
      if (y == 1) {
        k = offPositives++ + OFF_GRID_QUEUE
        offFull = offPositives == OFF_GRID_QUEUE
      } else offFull = ++offNegatives == OFF_GRID_QUEUE
      store<f64>(offScoresAt + (<usize>k << 3), s)
      if (weighted) store<f64>(offWeightsAt + (<usize>k << 3), w)
      return
    }
    store<u32>(queueAt + (<usize>queued << 2), (<u32>micros << 1) + <u32>y)
    if (weighted) store<f64>(queueWeightsAt + (<usize>queued << 3), w)
    if (++queued == QUEUE) flushGrid()
  }
}
