/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018), state seeded from the user's
 * integer seed with splitmix32. Written here rather than taken from a package because it must be
 * bit-for-bit stable across releases (reports are reproducible from their seed) and fast enough for
 * millions of draws per run; 32-bit integer arithmetic is what V8 does fastest.
 */
export interface Rng {
  /** Uniform on [0, 1) with 32 bits of resolution. */
  next(): number
  /**
   * A standard normal draw by the Marsaglia polar method. Each accepted pair of uniforms makes two
   * independent draws; both are used, in turn.
   */
  normal(): number
}

function splitmix32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x9e3779b9) | 0
    let z = a
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** Creates an independent stream for `seed` (an integer; `stream` derives sub-streams from one seed). */
export function createRng(seed: number, stream = 0): Rng {
  const [s0, s1, s2, s3] = rngState(seed, stream)
  return new Xoshiro128(s0, s1, s2, s3)
}

/** The starting state of createRng(seed, stream), as four unsigned 32-bit integers. */
export function rngState(seed: number, stream = 0): [number, number, number, number] {
  const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0)
  const s0 = mix()
  const s1 = mix()
  const s2 = mix()
  const s3 = mix()
  return [(s0 | s1 | s2 | s3) === 0 ? 1 : s0, s1, s2, s3]
}

/**
 * Math's functions read once: under a test runner's vm context every read of a global goes through the
 * context's interceptor (about 100 ns), which made each draw 20 times slower there.
 */
const { imul, log, sqrt } = Math

/**
 * A class rather than closures: its methods are the same functions for every stream, so V8 inlines
 * them where they are called, and the spare normal lives in a field. With closures, each call
 * returned its number boxed and each spare was stored boxed: about 50 MB of garbage per 1000
 * resamples of a 500-cell table.
 */
class Xoshiro128 implements Rng {
  // The state as 32-bit integers (| 0); the arithmetic below reads it through ToInt32 either way.
  private s0: number
  private s1: number
  private s2: number
  private s3: number
  private spare = NaN

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0
    this.s1 = s1 | 0
    this.s2 = s2 | 0
    this.s3 = s3 | 0
  }

  next(): number {
    const s0 = this.s0
    const s1 = this.s1
    const result = imul(rotl(imul(s1, 5), 7), 9) >>> 0
    const t = s1 << 9
    const s2 = this.s2 ^ s0
    const s3 = this.s3 ^ s1
    this.s1 = s1 ^ s2
    this.s0 = s0 ^ s3
    this.s2 = s2 ^ t
    this.s3 = rotl(s3, 11)
    return result / 4294967296
  }

  normal(): number {
    const spare = this.spare
    if (spare === spare) {
      this.spare = NaN
      return spare
    }
    for (;;) {
      const u = 2 * this.next() - 1
      const v = 2 * this.next() - 1
      const s = u * u + v * v
      if (s > 0 && s < 1) {
        const f = sqrt((-2 * log(s)) / s)
        this.spare = v * f
        return u * f
      }
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}
