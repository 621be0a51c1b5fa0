// The bootstrap's random draws in WebAssembly (see src/core/stats/draws-wasm.ts): the same
// xoshiro128** streams, Marsaglia polar normals and Poisson draws as src/core/stats/rng.ts and
// distributions.ts, operation for operation, so that every draw equals the JavaScript one (a test
// compares them draw by draw); and the resample of the cell table (resampleCells in bootstrap.ts).
// About two fifths of a bootstrap's time went to these draws in JavaScript.
import { ln } from './ln'

// Two streams, as the JavaScript bootstrap uses: 0 for the cells, 1 for the AUC blocks. Each one's
// xoshiro128** state is four u32 at states + 16·k; stream 0 also keeps its spare normal.
const states = memory.data(32)
let spare: f64 = NaN

/** Sets stream k's state (as createRng makes it) and forgets its spare normal. */
export function seedStream(k: i32, s0: u32, s1: u32, s2: u32, s3: u32): void {
  const at = states + (<usize>k << 4)
  store<u32>(at, s0)
  store<u32>(at, s1, 4)
  store<u32>(at, s2, 8)
  store<u32>(at, s3, 12)
  if (k == 0) spare = NaN
}

/** The next uniform on [0, 1) of stream k (Rng.next). */
// @ts-ignore: decorator
@inline
function next(k: i32): f64 {
  const at = states + (<usize>k << 4)
  const s0 = load<u32>(at)
  const s1 = load<u32>(at, 4)
  const result = rotl<u32>(s1 * 5, 7) * 9
  const t = s1 << 9
  const s2 = load<u32>(at, 8) ^ s0
  const s3 = load<u32>(at, 12) ^ s1
  store<u32>(at, s1 ^ s2, 4)
  store<u32>(at, s0 ^ s3)
  store<u32>(at, s2 ^ t, 8)
  store<u32>(at, rotl<u32>(s3, 11), 12)
  return <f64>result / 4294967296.0
}

/** A standard normal from stream 0 (Rng.normal). */
function normalA(): f64 {
  const last = spare
  if (last == last) {
    spare = NaN
    return last
  }
  for (;;) {
    const u = 2 * next(0) - 1
    const v = 2 * next(0) - 1
    const s = u * u + v * v
    if (s > 0 && s < 1) {
      const f = Math.sqrt((-2 * ln(s)) / s)
      spare = v * f
      return u * f
    }
  }
  return 0
}

const HALF_LOG_2PI: f64 = 0.5 * ln(2 * Math.PI)
let logFactAt: usize = 0

/** log k! (distributions.ts): a table below 10, the Stirling series above. */
function logFactorial(k: f64): f64 {
  if (k < 10) return load<f64>(logFactAt + (<usize>k << 3))
  const x = k + 1
  return (x - 0.5) * ln(x) - x + HALF_LOG_2PI + 1 / (12 * x) - 1 / (360 * x * x * x)
}

/**
 * Poisson(lambda) with the constants c (5 numbers, distributions.ts's constants()), from stream 0 or
 * 1: inversion below 10, Hörmann's PTRS above, as draw() in distributions.ts.
 */
// @ts-ignore: decorator
@inline
function poisson(stream: i32, lambda: f64, c: usize): f64 {
  if (lambda <= 0) return 0
  if (lambda < 10) {
    const limit = load<f64>(c)
    let k: f64 = 0
    let p = next(stream)
    while (p > limit) {
      k++
      p *= next(stream)
    }
    return k
  }
  const a = load<f64>(c)
  const b = load<f64>(c, 8)
  const vr = load<f64>(c, 16)
  for (;;) {
    const u = (next(stream)) - 0.5
    const v = next(stream)
    const us = 0.5 - Math.abs(u)
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43)
    if (us >= 0.07 && v <= vr) return k
    if (k < 0 || (us < 0.013 && v > us)) continue
    if (ln(v) + load<f64>(c, 24) - ln(a / (us * us) + b) <= -lambda + k * load<f64>(c, 32) - logFactorial(k)) {
      return k
    }
  }
  return 0
}

/** Where the log-factorial table (k = 0..9, as distributions.ts computes it) is. */
export function setLogFactorials(at: usize): void {
  logFactAt = at
}

/**
 * One resample of the cell table (resampleCells in bootstrap.ts), from stream 0: cells row counts at
 * n, their Poisson constants at c (5 per cell), the quantities' means and sds at mean and sd (4 per
 * cell), into outN and outSum.
 */
export function resampleCells(
  cells: i32,
  n: usize,
  c: usize,
  mean: usize,
  sd: usize,
  beta: usize,
  outN: usize,
  outSum: usize
): void {
  for (let cell = 0; cell < cells; cell++) {
    const o = <usize>cell << 5
    const count = load<f64>(n + (<usize>cell << 3))
    if (count == 0) {
      store<f64>(outN + (<usize>cell << 3), 0)
      continue
    }
    const k = poisson(0, count, c + <usize>cell * 40)
    store<f64>(outN + (<usize>cell << 3), k)
    if (k == 0) {
      store<f64>(outSum + o, 0)
      store<f64>(outSum + o, 0, 8)
      store<f64>(outSum + o, 0, 16)
      store<f64>(outSum + o, 0, 24)
      continue
    }
    const root = Math.sqrt(k)
    let dw: f64 = 0
    for (let q: usize = 0; q < 32; q += 8) {
      const s = load<f64>(sd + o + q)
      const z = s > 0 ? root * s * normalA() : 0
      if (q == 0) dw = z
      const v = k * load<f64>(mean + o + q) + load<f64>(beta + o + q) * dw + z
      store<f64>(outSum + o + q, v > 0 ? v : 0)
    }
    // A score and a squared error never exceed the weight: keep the drawn sums consistent.
    const w = load<f64>(outSum + o)
    if (load<f64>(outSum + o, 8) > w) store<f64>(outSum + o, w, 8)
    if (load<f64>(outSum + o, 16) > w) store<f64>(outSum + o, w, 16)
  }
}

/**
 * The AUC blocks' draws of one resample, from stream 1: for each block, positives then negatives
 * (as the drawer in evaluate.ts), means and constants at posN/posC and negN/negC.
 */
export function drawBlocks(
  blocks: i32,
  posN: usize,
  posC: usize,
  negN: usize,
  negC: usize,
  kPos: usize,
  kNeg: usize
): void {
  for (let i = 0; i < blocks; i++) {
    const at = <usize>i << 3
    store<f64>(kPos + at, poisson(1, load<f64>(posN + at), posC + <usize>i * 40))
    store<f64>(kNeg + at, poisson(1, load<f64>(negN + at), negC + <usize>i * 40))
  }
}
