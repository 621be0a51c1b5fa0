import type { Rng } from './rng.js'

/** log k! for k = 0..9. */
export const LOG_FACT = (() => {
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

/** Constants a Poisson draw needs per mean, so that a mean drawn many times computes them once. */
const NC = 5

function constants(lambda: number, c: Float64Array, o: number): void {
  if (lambda < 10) {
    c[o] = Math.exp(-lambda)
    return
  }
  const b = 0.931 + 2.53 * Math.sqrt(lambda)
  c[o] = -0.059 + 0.02483 * b
  c[o + 1] = b
  c[o + 2] = 0.9277 - 3.6224 / (b - 2)
  c[o + 3] = Math.log(1.1239 + 1.1328 / (b - 3.4))
  c[o + 4] = Math.log(lambda)
}

/**
 * Poisson(lambda) draw. Inversion by sequential search for lambda < 10; for larger means the PTRS
 * transformed-rejection sampler of Hörmann (1993), "The transformed rejection method for generating
 * Poisson random variables", which is exact and O(1) expected for any lambda.
 */
function draw(rng: Rng, lambda: number, c: Float64Array, o: number): number {
  if (lambda <= 0) return 0
  if (lambda < 10) {
    const limit = c[o]
    let k = 0
    let p = rng.next()
    while (p > limit) {
      k++
      p *= rng.next()
    }
    return k
  }
  const a = c[o]
  const b = c[o + 1]
  const vr = c[o + 2]
  for (;;) {
    const u = rng.next() - 0.5
    const v = rng.next()
    const us = 0.5 - Math.abs(u)
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43)
    if (us >= 0.07 && v <= vr) return k
    if (k < 0 || (us < 0.013 && v > us)) continue
    if (Math.log(v) + c[o + 3] - Math.log(a / (us * us) + b) <= -lambda + k * c[o + 4] - logFactorial(k)) {
      return k
    }
  }
}

const scratch = new Float64Array(NC)

/** One Poisson(lambda) draw. */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0
  constants(lambda, scratch, 0)
  return draw(rng, lambda, scratch, 0)
}

/**
 * Poisson draws for a fixed list of means, each mean's constants computed once: a bootstrap draws
 * the same means a thousand times. Draws equal poisson(rng, lambdas[i]) for the same stream.
 */
export class PoissonDraws {
  /** The means, and NC constants per mean (read by the WebAssembly draws too, stats/draws-wasm.ts). */
  readonly lambdas: Float64Array
  readonly c: Float64Array

  constructor(lambdas: ArrayLike<number>) {
    this.lambdas = Float64Array.from(lambdas)
    this.c = new Float64Array(this.lambdas.length * NC)
    this.lambdas.forEach((lambda, i) => lambda > 0 && constants(lambda, this.c, i * NC))
  }

  /** A draw with mean lambdas[i]. */
  at(rng: Rng, i: number): number {
    return draw(rng, this.lambdas[i], this.c, i * NC)
  }
}

/** P(K ≤ k) for K ~ Poisson(1), until it rounds to 1. */
const POISSON_ONE_CDF = (() => {
  const cdf: number[] = []
  let p = Math.exp(-1)
  let total = 0
  for (let k = 0; total < 1 - 1e-16 && k < 30; k++) {
    total += p
    cdf.push(total)
    p /= k + 1
  }
  cdf[cdf.length - 1] = 1
  return Float64Array.from(cdf)
})()

/** One Poisson(1) draw by inversion: one uniform (a row's multiplicity in the row bootstrap). */
export function poissonOne(rng: Rng): number {
  const u = rng.next()
  let k = 0
  while (u >= POISSON_ONE_CDF[k]) k++
  return k
}
