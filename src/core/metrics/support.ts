/**
 * What an analytic interval needs to know about a metric's estimate (its "support"): the effective
 * counts behind a proportion, the groups behind a disparity, the bins behind a calibration error.
 * The point run records one per metric; bootstrap resamples never build them. The interval method of
 * each metric is named in the registry (registry.ts, INTERVAL_METHODS), and intervalFromSupport is
 * the one place that turns a support into an interval.
 */
import {
  adjustedProportion,
  agrestiCaffo,
  bonferroni,
  clopperPearson,
  kish,
  logLimits,
  pairedDifference,
  ratioOfLimits,
  studentQuantile,
  zOf,
  type Interval
} from '../stats/intervals.js'
import type { IntervalMethod } from './registry.js'

/** x successes of n trials, both effective (Kish) for weighted data. */
export interface ProportionSupport {
  kind: 'proportion'
  x: number
  n: number
}

export const proportion = (x: number, n: number): ProportionSupport => ({ kind: 'proportion', x, n })

/** Rows right only before (b) and only after (c) a perturbation, of n. */
export interface PairedSupport {
  kind: 'paired'
  b: number
  c: number
  n: number
}

/** A difference (max − min) or ratio (min / max) over groups, of one or two base rates. */
export interface DisparitySupport {
  kind: 'disparity'
  type: 'difference' | 'ratio'
  /** One family per base rate (equalized odds has two): the groups where it is defined. */
  families: { x: number[]; n: number[] }[]
}

/** The largest of several parts (worst_* over perturbations). */
export interface MaxSupport {
  kind: 'max'
  parts: (ProportionSupport | PairedSupport)[]
}

/** One calibration bin: weight share, effective label count x of n, and mean score. */
export interface CalibrationBin {
  share: number
  x: number
  n: number
  score: number
}

/** ece (a weighted sum of bin gaps), mce (their maximum), or ece_difference (over groups). */
export interface CalibrationSupport {
  kind: 'calibration'
  stat: 'ece' | 'mce' | 'ece_difference'
  /** One list of bins per group (one list for ece and mce). */
  groups: CalibrationBin[][]
}

/**
 * An AUC: its estimate, the rows of each class, and DeLong's variance of it (the variances of the
 * positives' and the negatives' placement values, over their counts).
 */
export interface AucSupport {
  kind: 'auc'
  value: number
  positives: number
  negatives: number
  variance: number
}

/**
 * The mean of a per-row quantity (a regression's label, prediction, residual, |residual| or squared
 * residual), or a smooth function of such means (r2): its estimate, standard error and the degrees of
 * freedom of its Student t quantile (Kish's effective rows − 1). `scale` says where the interval is
 * symmetric: `linear` on the mean itself; `log` on log(mean) (a positive, skewed quantity: |residual|);
 * `root` on log(mean) and then square-rooted (the metric is √mean: RMSE from the mean squared residual).
 */
export interface MeanSupport {
  kind: 'mean'
  scale: 'linear' | 'log' | 'root'
  mean: number
  se: number
  df: number
  /** RMSE's and r2's: the residuals' kurtosis about 0, E r⁴ / (E r²)² (3 for normal errors). */
  kurtosis?: number
}

/**
 * A difference (max − min) or ratio (min / max) over groups of a metric whose group intervals are
 * analytic (a MeanSupport each): the groups where it is defined.
 */
export interface SpreadSupport {
  kind: 'spread'
  type: 'difference' | 'ratio'
  groups: MeanSupport[]
}

/** The mean of several estimates (a macro average over classes), each with its own interval. */
export interface AverageSupport {
  kind: 'average'
  parts: Support[]
}

/** A weighted group's rows: Kish's effective sample size, reported beside the count. */
export interface CountSupport {
  kind: 'count'
  effective: number
}

export type Support =
  | ProportionSupport
  | PairedSupport
  | DisparitySupport
  | MaxSupport
  | CalibrationSupport
  | AucSupport
  | CountSupport
  | MeanSupport
  | SpreadSupport
  | AverageSupport

/**
 * The analytic interval of a support at a two-sided confidence. For calibration, only the lower end
 * is analytic (`upper` false: the caller takes the bootstrap's upper end, see docs/metrics.md).
 */
export function intervalFromSupport(s: Support, confidence: number): Interval | null {
  switch (s.kind) {
    case 'proportion':
      return clopperPearson(s.x, s.n, confidence)
    case 'paired':
      return pairedDifference(s.b, s.c, s.n, zOf(confidence))
    case 'disparity':
      return disparity(s, confidence)
    case 'max':
      return maxOf(s, confidence)
    case 'calibration':
      return calibration(s, confidence)
    case 'auc':
      return aucInterval(s, confidence)
    case 'mean':
      return meanInterval(s, confidence)
    case 'spread':
      return spread(s, confidence)
    case 'average':
      return averageOf(s, confidence)
    case 'count':
      return null
  }
}

/**
 * The supports each interval method of the registry (INTERVAL_METHODS) turns into its analytic ends:
 * the registry's method is what runs, and a metric whose formula emits another support is an error
 * (a test runs every metric through this). `bootstrap` has no analytic end, so no support.
 */
export const METHOD_SUPPORTS: Record<IntervalMethod, readonly Support['kind'][]> = {
  exact: ['count'],
  'clopper-pearson': ['proportion'],
  'agresti-min': ['paired'],
  'pairwise-differences': ['disparity'],
  'pairwise-ratios': ['disparity'],
  'simultaneous-max': ['max'],
  'calibration-bins': ['calibration'],
  'ece-bounds': ['calibration'],
  'delong-logit': ['auc'],
  provided: ['proportion'],
  'student-t': ['mean'],
  'log-t': ['mean'],
  'root-log-t': ['mean'],
  'delta-t': ['mean'],
  'pairwise-agresti-caffo': ['disparity'],
  'pairwise-ratio-bounds': ['disparity'],
  'simultaneous-mean': ['average'],
  'pairwise-mover': ['spread'],
  'pairwise-mover-ratios': ['spread'],
  bootstrap: []
}

/** The analytic interval of `method` from a metric's support (null where the method has none). */
export function intervalOf(method: IntervalMethod, s: Support, confidence: number): Interval | null {
  if (!METHOD_SUPPORTS[method].includes(s.kind))
    throw new Error(`interval method ${method} cannot use a ${s.kind} support`)
  if (
    s.kind === 'disparity' &&
    (s.type === 'ratio') !== (method === 'pairwise-ratios' || method === 'pairwise-ratio-bounds')
  )
    throw new Error(`interval method ${method} cannot use a ${s.type} disparity`)
  if (s.kind === 'spread' && (s.type === 'ratio') !== (method === 'pairwise-mover-ratios'))
    throw new Error(`interval method ${method} cannot use a ${s.type} spread`)
  if (s.kind === 'mean' && s.scale !== MEAN_SCALES[method as keyof typeof MEAN_SCALES])
    throw new Error(`interval method ${method} cannot use a mean on the ${s.scale} scale`)
  return intervalFromSupport(s, confidence)
}

/**
 * Simultaneous intervals for every pair of groups (Bonferroni over the m pairs of every family, so
 * all hold together at `confidence`), and the range's interval from them: max − min is the largest
 * |p_i − p_j|, so it lies between the largest lower bound of a |difference| and the largest upper
 * bound. When no pair can be told apart every lower bound is 0, and the interval reaches 0 (1 for a
 * ratio). Each end fails only if some pair's interval misses on that side: at most α/2 each. A
 * difference's pairs are Agresti–Caffo intervals, a ratio's MOVER intervals from each group's
 * Clopper–Pearson limits (stats/intervals.ts).
 *
 * The ends are those of every pair, but the pairs that cannot move them are not computed. On a scale
 * (the adjusted proportion for a difference, the log rate for a ratio) each group sits at a place and
 * reaches some distance below and above it, and a pair's interval for the distance d between its
 * groups is d − √(below_j² + above_i²) to d + √(above_j² + below_i²). With the groups sorted on that
 * scale, a group's pairs are taken from the farthest group inward, so d only falls, and the scan stops
 * where d plus the most any pair of the group could reach, and d less the least, could no longer
 * raise the far end nor the near end found. A ratio's groups without events sit at log 0 = −∞: with
 * any other group their pairs reach 0, and the smallest upper end of those pairs is that of the group
 * with the lowest upper limit over the group with the highest lower limit. All pairs of 10,000 groups
 * took 37 s; a test checks the ends against all pairs.
 */
function disparity(s: DisparitySupport, confidence: number): Interval | null {
  const pairs = s.families.reduce((t, f) => t + (f.x.length * (f.x.length - 1)) / 2, 0)
  if (pairs === 0) return null
  const level = bonferroni(confidence, pairs)
  const z = zOf(level)
  const difference = s.type === 'difference'
  let lo = difference ? 0 : Infinity
  let hi = difference ? 0 : Infinity
  const take = ([a, b]: Interval) => {
    if (difference) {
      // |p_i − p_j| lies in [distance of [a, b] from 0, farthest end of [a, b]].
      lo = Math.max(lo, a > 0 ? a : b < 0 ? -b : 0)
      hi = Math.max(hi, -a, b)
    } else {
      // min/max is the smallest ratio over ordered pairs: p_j/p_i in [a, b], p_i/p_j in [1/b, 1/a].
      lo = Math.min(lo, a, 1 / b)
      hi = Math.min(hi, b, 1 / a)
    }
  }
  for (const family of s.families) {
    // Groups of the same events and size are one place on the scale; one that repeats is also paired
    // with itself (equal groups, where no bound can skip a pair, become one).
    const seen = new Map<string, number>()
    const x: number[] = []
    const n: number[] = []
    const repeats: boolean[] = []
    family.x.forEach((xi, i) => {
      const k = `${xi}/${family.n[i]}`
      const u = seen.get(k)
      if (u === undefined) {
        seen.set(k, x.length)
        x.push(xi)
        n.push(family.n[i])
        repeats.push(false)
      } else repeats[u] = true
    })
    const limits = difference ? [] : x.map((xi, i) => logLimits(xi, n[i], level))
    const pair = (i: number, j: number): Interval =>
      difference ? agrestiCaffo(x[j], n[j], x[i], n[i], z) : ratioOfLimits(limits[j], limits[i])
    repeats.forEach((r, u) => r && take(pair(u, u)))
    // The places on the scale, and how far each group's pairs reach below and above them.
    const groups: number[] = []
    const at: number[] = []
    const below: number[] = []
    const above: number[] = []
    let zeroUpper = Infinity
    let zeros = 0
    x.forEach((xi, i) => {
      if (difference) {
        const g = adjustedProportion(xi, n[i])
        const reach = z * Math.sqrt(Math.max(0, g.spread))
        groups.push(i)
        at.push(g.at)
        below.push(reach)
        above.push(reach)
      } else if (limits[i].at === -Infinity) {
        zeros++
        zeroUpper = Math.min(zeroUpper, limits[i].upper)
      } else {
        const g = limits[i]
        groups.push(i)
        at.push(g.at)
        below.push(g.at - g.lower)
        above.push(g.upper - g.at)
      }
    })
    if (zeros > 0 && zeros + groups.length > 1) {
      const highestLower = groups.reduce((m, i) => Math.max(m, limits[i].lower), -Infinity)
      take([0, Math.exp(zeroUpper - highestLower)])
    }
    const G = groups.length
    let most = 0
    let least = Infinity
    for (let u = 0; u < G; u++) {
      most = Math.max(most, below[u], above[u])
      least = Math.min(least, below[u], above[u])
    }
    const order = Array.from({ length: G }, (_, u) => u).sort((u, v) => at[u] - at[v])
    for (let a = 0; a < G; a++) {
      const u = order[a]
      const wide = Math.hypot(Math.max(below[u], above[u]), most)
      const narrow = Math.hypot(Math.min(below[u], above[u]), least)
      for (let b = G - 1; b > a; b--) {
        const v = order[b]
        const d = at[v] - at[u]
        // The far and near ends found, on the pairs' scale (a ratio's are −log of its ends, and its
        // upper end is at most 1, so a pair only counts for it when it reaches below 1).
        const far = difference ? hi : -Math.log(lo)
        const near = difference ? lo : Math.max(0, -Math.log(hi))
        if (d + wide + SKIP_MARGIN <= far && d - narrow + SKIP_MARGIN <= near) break
        take(pair(groups[u], groups[v]))
      }
    }
  }
  return difference ? [lo, Math.min(1, hi)] : [Math.min(lo, 1), Math.min(1, hi)]
}

/** The scale each method of a mean is symmetric on. */
const MEAN_SCALES = {
  'student-t': 'linear',
  'delta-t': 'linear',
  'log-t': 'log',
  'root-log-t': 'root'
} as const

/**
 * A mean's Student t interval on its scale: m ∓ t·se; on the log scale m·exp(∓t·se/m) (se/m is the
 * delta method's standard error of log m), square-rooted for `root`. Null without two effective rows;
 * a positive mean whose rows are all equal (se 0) is [m, m] (the data cannot show it vary).
 */
function meanInterval(s: MeanSupport, confidence: number): Interval | null {
  if (!(s.df >= 1) || !Number.isFinite(s.se)) return null
  const t = studentQuantile(1 - (1 - confidence) / 2, s.df)
  if (s.scale === 'linear') return [s.mean - t * s.se, s.mean + t * s.se]
  if (!(s.mean > 0)) return s.se > 0 ? null : [0, 0]
  const spread = Math.exp((t * s.se) / s.mean)
  const ends: Interval = [s.mean / spread, s.mean * spread]
  return s.scale === 'log' ? ends : [Math.sqrt(ends[0]), Math.sqrt(ends[1])]
}

/**
 * The support of a weighted mean of a per-row quantity x from Σw, Σw², Σw·x and Σw·x²: its standard
 * error √(V / (n_eff − 1)), V the weighted variance Σw·(x − m)²/Σw (at least `least`) and n_eff Kish's
 * effective rows (unweighted: s/√n exactly), with Student's t on n_eff − 1; `shift` is added back to a
 * mean of shifted values.
 */
export function weightedMean(
  w: number,
  w2: number,
  sum: number,
  squares: number,
  scale: MeanSupport['scale'],
  shift = 0,
  least = 0
): MeanSupport {
  const m = sum / w
  const variance = Math.max(least, squares / w - m * m)
  const n = kish(w, w2)
  return { kind: 'mean', scale, mean: shift + m, se: Math.sqrt(variance / (n - 1)), df: n - 1 }
}

/** The metric a mean support stands for: the mean, or its square root on the `root` scale. */
export const meanValue = (s: MeanSupport): number => (s.scale === 'root' ? Math.sqrt(s.mean) : s.mean)

/**
 * The range of a metric over groups (max − min, or min / max), from simultaneous intervals for every
 * pair of groups (Bonferroni over the pairs), each pair's the MOVER combination (Zou & Donner 2008,
 * Statistics in Medicine 27) of its two groups' own intervals at that level: for θ_i − θ_j,
 * d ∓ √((θ_i − l_i)² + (u_j − θ_j)²) on the side each end needs; for a ratio, the same on the log
 * scale (ratioOfLimits). As for proportions (disparity above), max − min lies between the largest
 * distance of a pair's interval from 0 and its farthest end, and min / max between the smallest of
 * the pairs' lower ends and of their upper ends (at most 1). Every pair is computed: O(G²) for G groups,
 * which regression reports keep small (a group is a combination of sensitive values). A ratio needs
 * every group's interval above 0 (null otherwise: a ratio of means that can be negative says nothing).
 */
function spread(s: SpreadSupport, confidence: number): Interval | null {
  const G = s.groups.length
  if (G < 2) return null
  const level = bonferroni(confidence, (G * (G - 1)) / 2)
  const ends = s.groups.map(g => meanInterval(g, level))
  if (ends.some(e => e === null)) return null
  const at = s.groups.map(meanValue)
  const ci = ends as Interval[]
  const difference = s.type === 'difference'
  if (!difference && ci.some(([lo]) => !(lo > 0))) return null
  let lo = difference ? 0 : Infinity
  let hi = difference ? 0 : Infinity
  for (let i = 0; i < G; i++)
    for (let j = i + 1; j < G; j++) {
      if (difference) {
        const d = at[i] - at[j]
        const a = d - Math.hypot(at[i] - ci[i][0], ci[j][1] - at[j])
        const b = d + Math.hypot(ci[i][1] - at[i], at[j] - ci[j][0])
        lo = Math.max(lo, a > 0 ? a : b < 0 ? -b : 0)
        hi = Math.max(hi, -a, b)
      } else {
        const limits = (k: number) => ({
          at: Math.log(at[k]),
          lower: Math.log(ci[k][0]),
          upper: Math.log(ci[k][1])
        })
        const [a, b] = ratioOfLimits(limits(i), limits(j))
        lo = Math.min(lo, a, 1 / b)
        hi = Math.min(hi, b, 1 / a)
      }
    }
  return difference ? [lo, hi] : [Math.min(lo, 1), Math.min(1, hi)]
}

/**
 * A mean of K estimates from their intervals at a Bonferroni level over the K (they hold together):
 * the mean lies between the mean of the lower ends and the mean of the upper ends, whatever the
 * estimates' correlation. Null when a part has no interval.
 */
function averageOf(s: AverageSupport, confidence: number): Interval | null {
  const level = bonferroni(confidence, s.parts.length)
  let lo = 0
  let hi = 0
  for (const part of s.parts) {
    const ci = intervalFromSupport(part, level)
    if (ci === null) return null
    lo += ci[0] / s.parts.length
    hi += ci[1] / s.parts.length
  }
  return [lo, hi]
}

/** Far above rounding: a pair is skipped only when it falls short of an end by more than this. */
const SKIP_MARGIN = 1e-9

/** max over parts: each part's interval at a Bonferroni level over the parts; both ends follow. */
function maxOf(s: MaxSupport, confidence: number): Interval | null {
  const level = bonferroni(confidence, s.parts.length)
  let lo = -Infinity
  let hi = -Infinity
  for (const part of s.parts) {
    const ci = intervalFromSupport(part, level)
    if (ci === null) continue
    lo = Math.max(lo, ci[0])
    hi = Math.max(hi, ci[1])
  }
  return lo === -Infinity ? null : [lo, hi]
}

/** A bin's squared gap less its unbiased variance estimate (rmsBound), and that variance. */
function squaredGap(bin: CalibrationBin): { square: number; variance: number } {
  const y = bin.x / bin.n
  const gap = y - bin.score
  const variance = bin.n > 1 ? (y * (1 - y)) / (bin.n - 1) : 0.25
  return { square: gap * gap - variance, variance }
}

/**
 * ECE with the plug-in's upward bias removed: Σ_b w_b·√max(0, ĝ_b² − v̂_b), each bin's gap from its
 * debiased square. A calibrated model's plug-in ECE is the mean |noise| of its bins (0.052 at 300
 * rows with 10 bins); this is about half that, and a gap well above the noise keeps its size.
 * Undefined for other supports.
 */
export function correctedEstimate(s: Support): number | undefined {
  if (s.kind !== 'calibration' || s.stat !== 'ece') return undefined
  let sum = 0
  for (const bin of s.groups[0]) sum += bin.share * Math.sqrt(Math.max(0, squaredGap(bin).square))
  return sum
}

/**
 * An upper bound for ECE from the squared gaps: ECE = Σ_b w_b·|g_b| ≤ √(Σ_b w_b·g_b²) (Jensen), the
 * RMS calibration error, and the squared gap has an estimate without the plug-in's upward bias:
 * ĝ_b² − v̂_b, with v̂_b = ȳ_b(1 − ȳ_b)/(n_b − 1) the unbiased estimate of the bin mean's variance
 * (Kumar, Liang & Ma 2019, "Verified uncertainty calibration", debias the squared error so). Their
 * weighted sum T has variance about Σ_b w_b²·(4·g_b²·v_b + 2·v_b²); the upper end is
 * √(T + z·√V̂), one-sided at α/2. For a calibrated model T is 0 on average, so the bound falls as
 * 1/√n (about √(1.5/n) with 10 equal bins), where the bootstrap's upper end of the plug-in ECE stayed
 * above its bias (0.052 at 300 rows). A bin of one row has v̂ = ¼, the most a rate's variance can be.
 */
function rmsBound(bins: CalibrationBin[], confidence: number): number {
  let t = 0
  let v = 0
  for (const bin of bins) {
    const { square, variance } = squaredGap(bin)
    t += bin.share * square
    v += bin.share * bin.share * (4 * Math.max(0, square) * variance + 2 * variance * variance)
  }
  return Math.min(1, Math.sqrt(Math.max(0, t + zOf(confidence) * Math.sqrt(v))))
}

/**
 * Signed per-bin intervals: the mean label of bin b has a Clopper–Pearson interval (Bonferroni over
 * every non-empty bin of every group), and |mean label − mean score| is at least the distance from
 * the mean score to that interval (0 when the interval holds it). The bin's mean score is the one the
 * bin's rows were given, so a calibrated model's gap is 0 and its lower bound reaches 0. Returns
 * [lower, upper] where upper is each gap's largest value (used for ece_difference's groups); the
 * caller takes the bootstrap's upper end for the metric itself.
 */
function calibration(s: CalibrationSupport, confidence: number): Interval | null {
  const bins = s.groups.reduce((t, g) => t + g.length, 0)
  if (bins === 0) return null
  const level = bonferroni(confidence, bins)
  const bounds = s.groups.map(group => {
    let lo = 0
    let hi = 0
    for (const bin of group) {
      const ci = clopperPearson(bin.x, bin.n, level)
      if (ci === null) continue
      const near = bin.score < ci[0] ? ci[0] - bin.score : bin.score > ci[1] ? bin.score - ci[1] : 0
      const far = Math.max(Math.abs(ci[0] - bin.score), Math.abs(ci[1] - bin.score))
      if (s.stat === 'mce') {
        lo = Math.max(lo, near)
        hi = Math.max(hi, far)
      } else {
        lo += bin.share * near
        hi += bin.share * far
      }
    }
    return [lo, hi] as Interval
  })
  if (s.stat === 'ece') return [bounds[0][0], rmsBound(s.groups[0], confidence)]
  if (s.stat === 'mce') return bounds[0]
  if (bounds.length < 2) return null
  // Every group's ece lies in its bounds at once: the range is at least max lower − min upper.
  const lo = Math.max(0, Math.max(...bounds.map(b => b[0])) - Math.min(...bounds.map(b => b[1])))
  const hi = Math.max(...bounds.map(b => b[1])) - Math.min(...bounds.map(b => b[0]))
  return [lo, hi]
}

/**
 * The AUC's interval: DeLong's variance on the logit scale, logit(Â) ∓ t·√V / (Â(1 − Â)), as Pohar
 * Perme & Manevski (2019, Statistical Methods in Medical Research 28) recommend. On the logit scale
 * the interval stays inside [0, 1] and keeps its coverage near 1, where a percentile bootstrap or a
 * DeLong interval on the AUC's own scale fell to 82–89% with 10–20 positives. The quantile is
 * Student's t with (fewer class's rows − 1) degrees of freedom (the placements of the smaller class
 * are what V is estimated from). When the classes are separated (Â = 0 or 1), V is 0 and the logit
 * undefined: the interval is then the score-type one of Hanley & McNeil's (1982) variance, the θ with
 * (Â − θ)² = t²·V_HM(θ) (Newcombe 2006, Statistics in Medicine 25), which, like Wilson's at x = n,
 * stays off the boundary by what m and n allow. (Taken everywhere, as a hull with DeLong's, it covered
 * 98.5–100% at 16–35% more width in the simulation's regimes.)
 */
function aucInterval(s: AucSupport, confidence: number): Interval | null {
  const { value: a, positives: m, negatives: n } = s
  if (!(m > 0 && n > 0)) return null
  const t = studentQuantile(1 - (1 - confidence) / 2, Math.max(1, Math.min(m, n) - 1))
  if (!(s.variance > 0 && a > 0 && a < 1)) return aucScoreInterval(a, m, n, t)
  const logit = Math.log(a / (1 - a))
  const se = Math.sqrt(s.variance) / (a * (1 - a))
  const expit = (x: number) => 1 / (1 + Math.exp(-x))
  return [expit(logit - t * se), expit(logit + t * se)]
}

/** Hanley & McNeil's (1982) variance of an AUC θ from m positives and n negatives. */
function hanleyMcNeil(theta: number, m: number, n: number): number {
  const q1 = theta / (2 - theta)
  const q2 = (2 * theta * theta) / (1 + theta)
  return (
    Math.max(0, theta * (1 - theta) + (m - 1) * (q1 - theta * theta) + (n - 1) * (q2 - theta * theta)) /
    (m * n)
  )
}

/** The θ on each side of Â where (Â − θ)² = t²·V_HM(θ), by bisection (V_HM is 0 at 0 and 1). */
function aucScoreInterval(a: number, m: number, n: number, t: number): Interval {
  const beyond = (theta: number) => (a - theta) ** 2 > t * t * hanleyMcNeil(theta, m, n)
  const root = (inside: number, outside: number) => {
    for (let k = 0; k < 60; k++) {
      const mid = (inside + outside) / 2
      if (beyond(mid)) outside = mid
      else inside = mid
    }
    return (inside + outside) / 2
  }
  return [a > 0 ? root(a, 0) : 0, a < 1 ? root(a, 1) : 1]
}
