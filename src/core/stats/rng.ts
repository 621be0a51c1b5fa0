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
  const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0)
  let s0 = mix()
  let s1 = mix()
  let s2 = mix()
  let s3 = mix()
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0
    const t = s1 << 9
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 11)
    return result / 4294967296
  }
  let spare = NaN
  const normal = (): number => {
    if (spare === spare) {
      const z = spare
      spare = NaN
      return z
    }
    for (;;) {
      const u = 2 * next() - 1
      const v = 2 * next() - 1
      const s = u * u + v * v
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s)
        spare = v * f
        return u * f
      }
    }
  }
  return { next, normal }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}
