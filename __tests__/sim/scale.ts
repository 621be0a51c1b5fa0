/**
 * How much of the simulation suite a run does. `npm run simulate` (RAI_GATE_SIMULATE=1, which .ci/run
 * runs) does every replication, holds each target as docs/metrics.md and docs/policies.md state it, and
 * writes their tables. `npm test` does a tenth of the replications (fewer for the costliest; each
 * test's name says so), holds each rate's target less three standard errors of a rate estimated from
 * that many runs (so that its own sampling error does not fail it, while a broken interval still does:
 * at 20 runs a coverage target of 93% is held at 76%), holds each mean-width ratio 10% looser, and
 * leaves the tables alone.
 */
import { it } from '@jest/globals'

export const FULL = process.env.RAI_GATE_SIMULATE === '1'
const SHARE = 0.1

/**
 * Replications for a run of this kind: all of them, or a tenth (at least `least`); `share` instead of
 * a tenth for the suites whose replications cost the most (npm test stays under 10 minutes).
 */
export function replications(full: number, least = 20, share = SHARE): number {
  return FULL ? full : Math.max(least, Math.round(full * share))
}

const se = (target: number, n: number) => 3 * Math.sqrt((target * (1 - target)) / n)

/** The least rate a run of n replications holds for a target rate (a coverage, a power). */
export function atLeast(target: number, n: number): number {
  return FULL ? target : target - se(target, n)
}

/** The most rate a run of n replications allows for a target rate (an error rate). */
export function atMost(target: number, n: number): number {
  return FULL ? target : target + se(target, n)
}

/** The most a mean-width ratio may be. */
export function ratioAtMost(target: number): number {
  return FULL ? target : target * 1.1
}

/** What a test's name says about the run: nothing, or that it is the quick one. */
export const QUICK = FULL ? '' : ' (quick: a tenth of the replications, or fewer)'

/** A test of a docs table: only the full run's figures are the table's. */
export const itWritesDocs = FULL ? it : it.skip

/** The time a full simulation may take in beforeAll (the per-test timeout would stop it). */
export const SIMULATION_TIMEOUT = 60 * 60 * 1000
