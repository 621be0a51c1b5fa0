// The row record of a predictions file (src/core/tables/cases.ts says what it is for): each row's key,
// cell, prediction code, score and weight, and the champion's code and score, in columns of this
// memory, with an open-addressing set of the keys. Rows wait in one queue in file order: the CSV fast
// path (rows.ts) queues the rows it reads, their ids as bytes of its buffer; every other path (the
// checked CSV path, JSON Lines, Parquet) queues its rows from the JavaScript side (tables/row-record.ts),
// their ids as JSON. recordPending() hashes and records them, so a file's record is kept by one store,
// whatever path read each row.
//
// A key is the first 64 bits of the SHA-256 of the case's id as JSON (`["id"]`), as caseKey() in
// cases.ts computes it with node:crypto. Written by hand because node:crypto costs about 1.3 µs a call
// (an object and a digest per row: 1.7 s of a 1M-row check went to hashing ids and its garbage): here
// ids that fit one block (most: up to 51 bytes) are hashed four at a time, one in each lane of SIMD
// words, and longer ones one at a time. A test holds both to node:crypto on random ids.

/** The initial hash state (the scalar and the four-lane hash start from it). */
const H: StaticArray<u32> = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]

const K: StaticArray<u32> = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]

/**
 * The message schedule (64 words), the current block (64 bytes) and the id's frame (4 bytes), in static
 * memory (below the heap that the JavaScript side lays out), reused by every hash.
 */
const W: usize = memory.data(256, 16)
const BLOCK: usize = memory.data(64, 16)
const FRAME: usize = memory.data(4, 4)

/** The key caseKey() computed last: the digest's first two words, big-endian. */
let keyHigh: u32 = 0
let keyLow: u32 = 0
let h0: u32 = 0
let h1: u32 = 0
let h2: u32 = 0
let h3: u32 = 0
let h4: u32 = 0
let h5: u32 = 0
let h6: u32 = 0
let h7: u32 = 0

// @ts-ignore: decorator
@inline
function rotr(x: u32, n: u32): u32 {
  return (x >>> n) | (x << (32 - n))
}

/** One compression of BLOCK into the state. */
function compress(): void {
  for (let t: usize = 0; t < 16; t++) store<u32>(W + (t << 2), bswap<u32>(load<u32>(BLOCK + (t << 2))))
  for (let t: usize = 16; t < 64; t++) {
    const w15 = load<u32>(W + ((t - 15) << 2))
    const w2 = load<u32>(W + ((t - 2) << 2))
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10)
    store<u32>(W + (t << 2), load<u32>(W + ((t - 16) << 2)) + s0 + load<u32>(W + ((t - 7) << 2)) + s1)
  }
  let a = h0
  let b = h1
  let c = h2
  let d = h3
  let e = h4
  let f = h5
  let g = h6
  let h = h7
  for (let t = 0; t < 64; t++) {
    const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
    const ch = (e & f) ^ (~e & g)
    const t1 = h + S1 + ch + unchecked(K[t]) + load<u32>(W + (<usize>t << 2))
    const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
    const maj = (a & b) ^ (a & c) ^ (b & c)
    const t2 = S0 + maj
    h = g
    g = f
    f = e
    e = d + t1
    d = c
    c = b
    b = a
    a = t1 + t2
  }
  h0 += a
  h1 += b
  h2 += c
  h3 += d
  h4 += e
  h5 += f
  h6 += g
  h7 += h
}

/** Message bytes written so far into BLOCK (mod 64) and in all. */
let filled = 0
let total = 0

function begin(): void {
  h0 = unchecked(H[0])
  h1 = unchecked(H[1])
  h2 = unchecked(H[2])
  h3 = unchecked(H[3])
  h4 = unchecked(H[4])
  h5 = unchecked(H[5])
  h6 = unchecked(H[6])
  h7 = unchecked(H[7])
  filled = 0
  total = 0
}

function update(at: usize, n: u32): void {
  const block = BLOCK
  total += n
  while (n > 0) {
    const room = 64 - filled
    const take = n < <u32>room ? n : <u32>room
    memory.copy(block + <usize>filled, at, take)
    filled += take
    at += take
    n -= take
    if (filled == 64) {
      compress()
      filled = 0
    }
  }
}

/** Pads the message, compresses the last block(s), and sets keyHigh and keyLow. */
function end(): void {
  const block = BLOCK
  store<u8>(block + <usize>filled, 0x80)
  filled++
  if (filled > 56) {
    memory.fill(block + <usize>filled, 0, 64 - filled)
    compress()
    filled = 0
  }
  memory.fill(block + <usize>filled, 0, 56 - filled)
  const bits = <u64>total << 3
  store<u64>(block + 56, bswap<u64>(bits))
  compress()
  keyHigh = h0
  keyLow = h1
}

/** The bytes `["` and `"]` around an id: what JSON.stringify([id]) writes for an id it need not escape. */
const OPEN: u16 = 0x225b
const CLOSE: u16 = 0x5d22

/** The key of the n bytes at `at`, hashed as they are (the caller has framed them). */
function caseKey(at: usize, n: u32): void {
  begin()
  update(at, n)
  end()
}

/** The key of the id whose bytes are [at, at + n), framed as `["` id `"]` (see plainId). */
function idKey(at: usize, n: u32): void {
  const frame = FRAME
  begin()
  store<u16>(frame, OPEN)
  update(frame, 2)
  update(at, n)
  store<u16>(frame, CLOSE)
  update(frame, 2)
  end()
}

/**
 * Whether JSON.stringify writes the id's bytes unchanged: no quote, backslash or control byte, and
 * ASCII only (other bytes are left to the checked path, which decodes them as text first).
 */
function plainId(at: usize, n: u32): bool {
  if (n == 0) return false
  for (let i: u32 = 0; i < n; i++) {
    const c = <u32>load<u8>(at + i)
    if (c < 0x20 || c >= 0x7f || c == 0x22 || c == 0x5c) return false
  }
  return true
}

// Four one-block messages hashed at once: lane l's block is at BLOCKS + 64 l; the schedule (64 SIMD
// words) at W4. hash4() leaves each lane's key in KEYS4 (high and low word, lane by lane).
const BLOCKS: usize = memory.data(256, 16)
const W4: usize = memory.data(1024, 16)
const KEYS4: usize = memory.data(32, 16)

// @ts-ignore: decorator
@inline
function rotr4(x: v128, n: i32): v128 {
  return v128.or(i32x4.shr_u(x, n), i32x4.shl(x, 32 - n))
}

/** The first two words of the SHA-256 of each lane's block (already padded), into KEYS4. */
function hash4(): void {
  for (let t: usize = 0; t < 16; t++) {
    let v = i32x4.splat(bswap<u32>(load<u32>(BLOCKS + (t << 2))))
    v = i32x4.replace_lane(v, 1, bswap<u32>(load<u32>(BLOCKS + 64 + (t << 2))))
    v = i32x4.replace_lane(v, 2, bswap<u32>(load<u32>(BLOCKS + 128 + (t << 2))))
    v = i32x4.replace_lane(v, 3, bswap<u32>(load<u32>(BLOCKS + 192 + (t << 2))))
    v128.store(W4 + (t << 4), v)
  }
  for (let t: usize = 16; t < 64; t++) {
    const w15 = v128.load(W4 + ((t - 15) << 4))
    const w2 = v128.load(W4 + ((t - 2) << 4))
    const s0 = v128.xor(v128.xor(rotr4(w15, 7), rotr4(w15, 18)), i32x4.shr_u(w15, 3))
    const s1 = v128.xor(v128.xor(rotr4(w2, 17), rotr4(w2, 19)), i32x4.shr_u(w2, 10))
    const w = i32x4.add(i32x4.add(v128.load(W4 + ((t - 16) << 4)), s0), i32x4.add(v128.load(W4 + ((t - 7) << 4)), s1))
    v128.store(W4 + (t << 4), w)
  }
  let a = i32x4.splat(unchecked(H[0]))
  let b = i32x4.splat(unchecked(H[1]))
  let c = i32x4.splat(unchecked(H[2]))
  let d = i32x4.splat(unchecked(H[3]))
  let e = i32x4.splat(unchecked(H[4]))
  let f = i32x4.splat(unchecked(H[5]))
  let g = i32x4.splat(unchecked(H[6]))
  let h = i32x4.splat(unchecked(H[7]))
  for (let t = 0; t < 64; t++) {
    const S1 = v128.xor(v128.xor(rotr4(e, 6), rotr4(e, 11)), rotr4(e, 25))
    const ch = v128.xor(v128.and(e, f), v128.andnot(g, e))
    const t1 = i32x4.add(
      i32x4.add(h, S1),
      i32x4.add(ch, i32x4.add(i32x4.splat(unchecked(K[t])), v128.load(W4 + (<usize>t << 4))))
    )
    const S0 = v128.xor(v128.xor(rotr4(a, 2), rotr4(a, 13)), rotr4(a, 22))
    const maj = v128.xor(v128.xor(v128.and(a, b), v128.and(a, c)), v128.and(b, c))
    h = g
    g = f
    f = e
    e = i32x4.add(d, t1)
    d = c
    c = b
    b = a
    a = i32x4.add(t1, i32x4.add(S0, maj))
  }
  v128.store(KEYS4, i32x4.add(a, i32x4.splat(unchecked(H[0]))))
  v128.store(KEYS4 + 16, i32x4.add(b, i32x4.splat(unchecked(H[1]))))
}

/**
 * Lays out lane l's block: the message (the id's bytes framed as `["` id `"]` when `framed`), padded;
 * false when it does not fit one block (more than 55 bytes).
 */
function laneBlock(l: usize, at: usize, n: u32, framed: bool): bool {
  const size = framed ? n + 4 : n
  if (size > 55) return false
  const block = BLOCKS + (l << 6)
  // Byte by byte and word by word: memory.copy and memory.fill of a few bytes each cost more than
  // hashing the block.
  for (let k: usize = 0; k < 64; k += 8) store<u64>(block + k, 0)
  let p = block
  if (framed) {
    store<u16>(p, OPEN)
    p += 2
  }
  for (let i: usize = 0; i < <usize>n; i++) store<u8>(p + i, load<u8>(at + i))
  p += n
  if (framed) {
    store<u16>(p, CLOSE)
    p += 2
  }
  store<u8>(p, 0x80)
  store<u64>(block + 56, bswap<u64>(<u64>size << 3))
  return true
}

// The record: columns at these addresses with room for `limit` rows (the JavaScript side allocates
// them once; pages are only touched as rows arrive), and a set of slots (a power of two, at least
// twice the limit) holding each key's row + 1 (0: empty).
let recording = false
let recordLimit: u32 = 0
export let recordCount: u32 = 0
let keysAt: usize = 0
let cellsAt: usize = 0
let codesAt: usize = 0
let scoresAt: usize = 0
let weightsAt: usize = 0
let championCodesAt: usize = 0
let championScoresAt: usize = 0
let slotsAt: usize = 0
let slotMask: u32 = 0
/** Which optional columns are kept (bits: KEEP_SCORES, KEEP_WEIGHTS, KEEP_CHAMPION). */
let keep: u32 = 0
export const KEEP_SCORES = 1
export const KEEP_WEIGHTS = 2
export const KEEP_CHAMPION = 4

/**
 * Starts the record: columns with room for `limit` rows, zeroed `slots` for the set, and which optional
 * columns to keep (`columns`: KEEP_* bits).
 */
export function setRecord(
  limit: u32,
  keys: usize,
  cells: usize,
  codes: usize,
  scores: usize,
  weights: usize,
  championCodes: usize,
  championScores: usize,
  slots: usize,
  mask: u32,
  columns: u32
): void {
  recording = true
  keep = columns
  recordLimit = limit
  recordCount = 0
  keysAt = keys
  cellsAt = cells
  codesAt = codes
  scoresAt = scores
  weightsAt = weights
  championCodesAt = championCodes
  championScoresAt = championScores
  slotsAt = slots
  slotMask = mask
}

/** The record is given up: the fast path reads ids no more. */
export function stopRecord(): void {
  recording = false
  pendingCount = 0
}

// Rows waiting to be recorded, in file order, from every path: the CSV fast path queues the rows it
// reads (their ids are bytes of the loaded buffer), the JavaScript side the rows of the other paths
// (their ids as JSON, or a key of their own). An entry (PENDING_BYTES): the message's address and
// length (u32 each; for KEY_GIVEN the key's high and low words), its kind (u32), the row's line (u32),
// cell and code (u32 each), score, weight and champion score (f64 each), champion code (u32), and the
// key once hashed (u32 twice).
export const PENDING_BYTES = 64
export const FRAMED_ID = 0
export const JSON_ID = 1
export const KEY_GIVEN = 2
let pendingAt: usize = 0
let pendingCap: u32 = 0
export let pendingCount: u32 = 0

/** Room for `cap` pending entries at `at`. */
export function setPending(at: usize, cap: u32): void {
  pendingAt = at
  pendingCap = cap
}

/** Entries the JavaScript side has written after the queued ones. */
export function addPending(n: u32): void {
  pendingCount += n
}

/** What recordPending() stopped at: RECORDED (all of them), FULL or REPEATED. */
export const RECORDED = 0
export const FULL = 1
export const REPEATED = 2
export let recordStop = RECORDED

/** The slot of key (hi, lo): its own when present, else the free one where it goes. */
// @ts-ignore: decorator
@inline
function slotOf(hi: u32, lo: u32): usize {
  let slot = lo & slotMask
  for (;;) {
    const at = slotsAt + (<usize>slot << 2)
    const row = load<u32>(at)
    if (row == 0) return at
    const k = keysAt + (<usize>(row - 1) << 3)
    if (load<u32>(k) == hi && load<u32>(k, 4) == lo) return at
    slot = (slot + 1) & slotMask
  }
  return 0
}

/** Hashes the entries [0, n) into their key fields: one-block messages four at a time. */
function hashPending(n: u32): void {
  let lanes = 0
  // The entries in the lanes.
  let e0: usize = 0
  let e1: usize = 0
  let e2: usize = 0
  let e3: usize = 0
  for (let j: u32 = 0; j <= n; j++) {
    if (j < n) {
      const e = pendingAt + <usize>j * PENDING_BYTES
      const kind = load<u32>(e, 8)
      if (kind == KEY_GIVEN) {
        store<u64>(e, load<u64>(e), 52)
        continue
      }
      if (!laneBlock(lanes, <usize>load<u32>(e), load<u32>(e, 4), kind == FRAMED_ID)) {
        if (kind == FRAMED_ID) idKey(<usize>load<u32>(e), load<u32>(e, 4))
        else caseKey(<usize>load<u32>(e), load<u32>(e, 4))
        store<u32>(e, keyHigh, 52)
        store<u32>(e, keyLow, 56)
        continue
      }
      if (lanes == 0) e0 = e
      else if (lanes == 1) e1 = e
      else if (lanes == 2) e2 = e
      else e3 = e
      lanes++
      if (lanes < 4) continue
    } else if (lanes == 0) break
    hash4()
    const lane = (e: usize, l: usize): void => {
      store<u32>(e, load<u32>(KEYS4 + (l << 2)), 52)
      store<u32>(e, load<u32>(KEYS4 + 16 + (l << 2)), 56)
    }
    lane(e0, 0)
    if (lanes > 1) lane(e1, 1)
    if (lanes > 2) lane(e2, 2)
    if (lanes > 3) lane(e3, 3)
    lanes = 0
  }
}

/** Records one row under key (hi, lo) from the fields of entry-like memory; see recordPending. */
// @ts-ignore: decorator
@inline
function record(hi: u32, lo: u32, cell: u32, code: u32, s: f64, w: f64, cs: f64, cc: u32): i32 {
  if (recordCount >= recordLimit) return FULL
  const at = slotOf(hi, lo)
  if (load<u32>(at) != 0) return REPEATED
  const i = recordCount++
  store<u32>(at, i + 1)
  const k = keysAt + (<usize>i << 3)
  store<u32>(k, hi)
  store<u32>(k, lo, 4)
  store<u32>(cellsAt + (<usize>i << 2), cell)
  store<u32>(codesAt + (<usize>i << 2), code)
  // Only the columns kept are written: the others' memory is never touched.
  if (keep & KEEP_SCORES) store<f64>(scoresAt + (<usize>i << 3), s)
  if (keep & KEEP_WEIGHTS) store<f64>(weightsAt + (<usize>i << 3), w)
  if (keep & KEEP_CHAMPION) {
    store<f64>(championScoresAt + (<usize>i << 3), cs)
    store<u32>(championCodesAt + (<usize>i << 2), cc)
  }
  return RECORDED
}

/**
 * Records the pending entries in order, as CaseRecorder does each case: it stops at the first that
 * finds the record full (it holds `limit` rows) or its key there already, sets recordStop, and returns
 * that entry's index (pendingCount when all are recorded). The queue is then empty.
 */
export function recordPending(): u32 {
  const n = pendingCount
  pendingCount = 0
  recordStop = RECORDED
  hashPending(n)
  for (let j: u32 = 0; j < n; j++) {
    const e = pendingAt + <usize>j * PENDING_BYTES
    const r = record(
      load<u32>(e, 52),
      load<u32>(e, 56),
      load<u32>(e, 16),
      load<u32>(e, 20),
      load<f64>(e, 24),
      load<f64>(e, 32),
      load<f64>(e, 40),
      load<u32>(e, 48)
    )
    if (r != RECORDED) {
      recordStop = r
      return j
    }
  }
  return n
}

/**
 * Appends n rows of another record (a later part of the file, read on another thread): keys (two
 * words each), cells, codes, scores and weights at these addresses. Stops as recordPending() does.
 */
export function appendRecord(n: u32, keys: usize, cells: usize, codes: usize, scores: usize, weights: usize): u32 {
  recordStop = RECORDED
  for (let i: u32 = 0; i < n; i++) {
    const r = record(
      load<u32>(keys + (<usize>i << 3)),
      load<u32>(keys + (<usize>i << 3), 4),
      load<u32>(cells + (<usize>i << 2)),
      load<u32>(codes + (<usize>i << 2)),
      load<f64>(scores + (<usize>i << 3)),
      load<f64>(weights + (<usize>i << 3)),
      NaN,
      0
    )
    if (r != RECORDED) {
      recordStop = r
      return i
    }
  }
  return n
}

/** A row's label, prediction and score in millionths, as predictionCode() in prediction-data.ts. */
// @ts-ignore: decorator
@inline
function codeOf(y: i32, p: i32, micros: i32, s: f64, hasScore: bool): u32 {
  let m: u32 = 0
  if (hasScore) {
    if (micros >= 0) m = <u32>micros
    else {
      // Math.round for a non-negative x: the nearest integer, halves up (x - floor(x) is exact).
      const x = s * 1e6
      const f = Math.floor(x)
      m = <u32>(x - f >= 0.5 ? f + 1 : f)
    }
  }
  return (<u32>y << 21) + (<u32>p << 20) + m
}

/**
 * What the CSV fast path does with a row before it adds it: queues it to be recorded (the id's bytes
 * [at, at + n) on line `line`) and returns QUEUED; DECLINE for an id the checked path must read (empty,
 * or one JSON escapes); NO_ROOM when the queue is full (the JavaScript side records it, and the reader
 * goes on). Not recording: QUEUED, nothing kept.
 */
export const QUEUED = 0
export const DECLINE = 1
export const NO_ROOM = 2
export function queueRow(at: usize, n: u32, line: u32, combo: i32, y: i32, p: i32, s: f64, micros: i32, w: f64, hasScore: bool): i32 {
  if (!recording) return QUEUED
  if (!plainId(at, n)) return DECLINE
  if (pendingCount >= pendingCap) return NO_ROOM
  const e = pendingAt + <usize>pendingCount * PENDING_BYTES
  pendingCount++
  store<u32>(e, <u32>at)
  store<u32>(e, n, 4)
  store<u32>(e, FRAMED_ID, 8)
  store<u32>(e, line, 12)
  store<u32>(e, <u32>combo, 16)
  store<u32>(e, codeOf(y, p, micros, s, hasScore), 20)
  store<f64>(e, hasScore ? s : NaN, 24)
  store<f64>(e, w, 32)
  store<f64>(e, NaN, 40)
  store<u32>(e, 0, 48)
  return QUEUED
}
