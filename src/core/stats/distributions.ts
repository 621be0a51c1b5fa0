import type { Rng } from './rng.js'

/**
 * Standard normal draw by the Marsaglia polar method. O(1) expected.
 */
export function normal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.next() - 1
    const v = 2 * rng.next() - 1
    const s = u * u + v * v
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s)
  }
}

const LOG_FACT = (() => {
  const t = new Float64Array(10)
  for (let k = 1; k < 10; k++) t[k] = t[k - 1] + Math.log(k)
  return t
})()

function logFactorial(k: number): number {
  if (k < 10) return LOG_FACT[k]
  // Stirling series; error below 1e-10 for k >= 10.
  const x = k + 1
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x)
}

/**
 * Poisson(lambda) draw. Inversion by sequential search for lambda < 10; for larger means the PTRS
 * transformed-rejection sampler of Hörmann (1993), "The transformed rejection method for generating
 * Poisson random variables", which is exact and O(1) expected for any lambda.
 */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0
  if (lambda < 10) {
    const limit = Math.exp(-lambda)
    let k = 0
    let p = rng.next()
    while (p > limit) {
      k++
      p *= rng.next()
    }
    return k
  }
  const slam = Math.sqrt(lambda)
  const loglam = Math.log(lambda)
  const b = 0.931 + 2.53 * slam
  const a = -0.059 + 0.02483 * b
  const invalpha = 1.1239 + 1.1328 / (b - 3.4)
  const vr = 0.9277 - 3.6224 / (b - 2)
  for (;;) {
    const u = rng.next() - 0.5
    const v = rng.next()
    const us = 0.5 - Math.abs(u)
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43)
    if (us >= 0.07 && v <= vr) return k
    if (k < 0 || (us < 0.013 && v > us)) continue
    if (
      Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
      -lambda + k * loglam - logFactorial(k)
    ) {
      return k
    }
  }
}
