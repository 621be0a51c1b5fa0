/**
 * Every metric rai-gate knows, defined once (SPEC §2): its id, where it is computed (scope), which
 * direction is good, and a one-line definition. Display, gate direction and "did you mean" all come
 * from here. Group rates and their disparities are generated from tables, as Fairlearn does.
 */
/** Which way is better; `none` for descriptive metrics (counts, selection and base rates). */
export type Direction = 'lower' | 'higher' | 'none'
import type { Task } from '../kinds.js'

export type Scope = 'overall' | 'group' | 'attribute' | 'perturbation' | 'robustness' | 'suite'

export interface MetricDef {
  id: string
  scopes: Scope[]
  direction: Direction
  definition: string
  /** How its confidence interval is computed (INTERVAL_METHODS). */
  interval: IntervalMethod
  /** The metric this one mirrors (fnr = 1 − tpr): a change in both is one finding, listed as that one. */
  mirrors?: string
  /**
   * The tasks whose predictions give it; absent for a metric of another artifact (robustness,
   * outcomes), which every task may have.
   */
  tasks?: readonly Task[]
  /** Another task's interval method, where its data differ (a multiclass model keeps no resamples). */
  intervalFor?: Partial<Record<Task, IntervalMethod>>
}

/**
 * Every interval method, with what it is: the renderings' footnote and docs/metrics.md read these.
 * `analytic` says which ends come from the estimate's support (support.ts), valid at any confidence;
 * any other end is the percentile bootstrap's. Statistics built from a max, a min or |·| get the
 * analytic bound on the side of their boundary (0 for a difference, 1 for a ratio), where a percentile
 * bootstrap cannot reach, and the bootstrap's end on the other side, where its bias makes it
 * conservative (docs/metrics.md, "Intervals at the boundary").
 */
export const INTERVAL_METHODS = {
  exact: {
    short: 'exact',
    name: 'none (a count)',
    analytic: 'both',
    why: 'a fact about the data, not an estimate: [count, count]'
  },
  'clopper-pearson': {
    short: 'Clopper–Pearson',
    name: 'Clopper–Pearson (Kish effective n when weighted)',
    analytic: 'both',
    why: 'a single proportion: never [0, 0] or [1, 1], and the one candidate that kept 95% in the rare-event and small-group regimes'
  },
  'agresti-min': {
    short: 'Agresti–Min',
    name: 'Agresti–Min paired difference',
    analytic: 'both',
    why: 'clean and perturbed accuracy are measured on the same rows; no discordant rows is not a certain zero'
  },
  'pairwise-differences': {
    short: 'pairwise bounds + bootstrap',
    name: 'lower end from simultaneous Agresti–Caffo intervals over pairs of groups, upper end percentile bootstrap',
    analytic: 'lower',
    why: 'max − min is 0 when the groups are equal, where no percentile bootstrap reaches'
  },
  'pairwise-ratios': {
    short: 'pairwise ratio bounds + bootstrap',
    name: 'upper end from simultaneous MOVER ratio intervals (Clopper–Pearson limits) over pairs of groups, lower end percentile bootstrap',
    analytic: 'upper',
    why: 'min / max is 1 when the groups are equal'
  },
  'simultaneous-mean': {
    short: 'simultaneous mean',
    name: 'mean of simultaneous per-class intervals (Bonferroni over the classes)',
    analytic: 'both',
    why: 'a mean of correlated estimates (the classes share their rows): holds whatever the correlation'
  },
  'simultaneous-max': {
    short: 'simultaneous maximum',
    name: 'maximum of simultaneous per-perturbation intervals',
    analytic: 'both',
    why: 'a maximum over perturbations, each a proportion or a paired difference'
  },
  'calibration-bins': {
    short: 'per-bin bounds + bootstrap',
    name: 'lower end from simultaneous signed per-bin Clopper–Pearson intervals, upper end percentile bootstrap',
    analytic: 'lower',
    why: 'a sum or maximum of |gap| is 0 for a calibrated model'
  },
  'delong-logit': {
    short: 'DeLong, logit scale',
    name: "DeLong's variance on the logit scale, Student's t on the smaller class's rows − 1 (Hanley–McNeil's score interval when the classes are separated)",
    analytic: 'both',
    why: 'stays inside [0, 1] and keeps 95% with 10–20 positives, where a percentile bootstrap covered 82–89%'
  },
  'ece-bounds': {
    short: 'per-bin bounds + RMS bound',
    name: 'lower end from simultaneous signed per-bin Clopper–Pearson intervals, upper end from the bias-corrected mean squared gap (ECE ≤ RMS calibration error)',
    analytic: 'both',
    biasedEstimate: true,
    why: "the plug-in ECE is biased upward, so a bootstrap's upper end failed calibrated models; the squared gap has an unbiased estimate"
  },
  'student-t': {
    short: "Student's t",
    name: "Student's t on the Kish effective rows − 1",
    analytic: 'both',
    why: 'a mean of a per-row quantity (label, prediction, residual)'
  },
  'log-t': {
    short: "Student's t, log scale",
    name: "Student's t on the log of the mean (delta method), Kish effective rows − 1",
    analytic: 'both',
    why: 'the mean of |residual| is positive and its sampling distribution skewed'
  },
  'root-log-t': {
    short: "Student's t, log MSE",
    name: "Student's t on the log of the mean squared residual (its variance from Σr⁴, at least normal errors'), square-rooted",
    analytic: 'both',
    why: 'the squared residuals are positive and skewed; RMSE is the root of their mean'
  },
  'delta-t': {
    short: 'delta method',
    name: "delta method (the estimate's influence function), Student's t on the Kish effective rows − 1",
    analytic: 'both',
    why: 'a smooth function of means (r2)'
  },
  'pairwise-agresti-caffo': {
    short: 'pairwise bounds',
    name: 'both ends from simultaneous Agresti–Caffo intervals over pairs of groups (Bonferroni)',
    analytic: 'both',
    why: 'max − min of proportions is 0 when the groups are equal; a task without resamples takes both ends from the pairs'
  },
  'pairwise-ratio-bounds': {
    short: 'pairwise ratio bounds',
    name: 'both ends from simultaneous MOVER ratio intervals (Clopper–Pearson limits) over pairs of groups (Bonferroni)',
    analytic: 'both',
    why: 'min / max of proportions is 1 when the groups are equal; a task without resamples takes both ends from the pairs'
  },
  'pairwise-mover': {
    short: 'pairwise MOVER',
    name: "simultaneous MOVER intervals over pairs of groups (Bonferroni), from each group's own interval",
    analytic: 'both',
    why: 'max − min is 0 when the groups are equal; both ends hold together'
  },
  'pairwise-mover-ratios': {
    short: 'pairwise MOVER ratios',
    name: "simultaneous MOVER ratio intervals (log scale) over pairs of groups (Bonferroni), from each group's own interval",
    analytic: 'both',
    why: 'min / max is 1 when the groups are equal'
  },
  provided: {
    short: 'as provided',
    name: 'as the metrics artifact gives it (taken at the policy confidence; scaled as a normal interval at another level)',
    analytic: 'both',
    why: 'computed by another tool, which knows how its metric varies'
  },
  bootstrap: {
    short: 'bootstrap',
    name: 'percentile bootstrap',
    analytic: 'none',
    why: 'a smooth statistic away from any boundary'
  }
} as const satisfies Record<
  string,
  {
    short: string
    name: string
    analytic: 'both' | 'lower' | 'upper' | 'none'
    /**
     * The estimate (the SPEC's plug-in formula) is biased and the interval is for the true value, so
     * the estimate may lie outside it (with a ciNote); otherwise every interval holds its estimate.
     */
    biasedEstimate?: true
    why: string
  }
>
export type IntervalMethod = keyof typeof INTERVAL_METHODS

/** Per-group rates: numerator and denominator over the weighted confusion cells. */
export const RATES = {
  selection_rate: { overall: true, direction: 'none', definition: 'P(ŷ=1)', undefinedWhen: 'no rows' },
  tpr: { direction: 'higher', definition: 'P(ŷ=1 | y=1)', undefinedWhen: 'no positive labels' },
  fpr: { direction: 'lower', definition: 'P(ŷ=1 | y=0)', undefinedWhen: 'no negative labels' },
  fnr: { direction: 'lower', definition: 'P(ŷ=0 | y=1) = 1 − tpr', undefinedWhen: 'no positive labels' },
  tnr: { direction: 'higher', definition: 'P(ŷ=0 | y=0) = 1 − fpr', undefinedWhen: 'no negative labels' },
  precision: {
    overall: true,
    direction: 'higher',
    definition: 'P(y=1 | ŷ=1)',
    undefinedWhen: 'no predicted positives'
  },
  accuracy: { overall: true, direction: 'higher', definition: 'P(ŷ=y)', undefinedWhen: 'no rows' },
  base_rate: { overall: true, direction: 'none', definition: 'P(y=1)', undefinedWhen: 'no rows' }
} as const satisfies Record<
  string,
  { direction: Direction; definition: string; undefinedWhen: string; overall?: true }
>
export type RateId = keyof typeof RATES

/** Disparities over an attribute's eligible groups: difference = max − min, ratio = min / max. */
export const DISPARITIES = [
  { id: 'demographic_parity_difference', of: ['selection_rate'], kind: 'difference' },
  { id: 'demographic_parity_ratio', of: ['selection_rate'], kind: 'ratio' },
  { id: 'equal_opportunity_difference', of: ['tpr'], kind: 'difference' },
  { id: 'equal_opportunity_ratio', of: ['tpr'], kind: 'ratio' },
  { id: 'equalized_odds_difference', of: ['tpr', 'fpr'], kind: 'difference' },
  { id: 'equalized_odds_ratio', of: ['tpr', 'fpr'], kind: 'ratio' },
  { id: 'fpr_difference', of: ['fpr'], kind: 'difference' },
  { id: 'accuracy_difference', of: ['accuracy'], kind: 'difference' },
  { id: 'precision_difference', of: ['precision'], kind: 'difference' },
  { id: 'ece_difference', of: ['ece'], kind: 'difference' }
] as const satisfies readonly { id: string; of: readonly string[]; kind: 'difference' | 'ratio' }[]

const def = (
  id: string,
  scopes: Scope[],
  direction: Direction,
  definition: string,
  interval: IntervalMethod,
  tasks?: readonly Task[]
): MetricDef => ({
  id,
  scopes,
  direction,
  definition,
  interval,
  ...(MIRRORS[id] && { mirrors: MIRRORS[id] }),
  ...(tasks && { tasks })
})

const BINARY: readonly Task[] = ['binary-classification']
const REGRESSION: readonly Task[] = ['regression']
const MULTICLASS: readonly Task[] = ['multiclass-classification']
const CLASSIFIERS: readonly Task[] = ['binary-classification', 'multiclass-classification']

/**
 * The binary metrics a multiclass model has too (one-vs-rest per class, SPEC §2b), and their interval
 * method there, where it differs: a multiclass model keeps no resamples, so its disparities take both
 * ends from the pairs, and its mean losses Student's t.
 */
const MULTICLASS_TOO: Record<string, IntervalMethod | null> = {
  accuracy: null,
  selection_rate: null,
  tpr: null,
  fpr: null,
  recall: null,
  precision: null,
  auc: null,
  brier: 'student-t',
  log_loss: 'log-t',
  demographic_parity_difference: 'pairwise-agresti-caffo',
  demographic_parity_ratio: 'pairwise-ratio-bounds',
  equalized_odds_difference: 'pairwise-agresti-caffo',
  equal_opportunity_difference: 'pairwise-agresti-caffo',
  accuracy_difference: 'pairwise-agresti-caffo'
}
/** A binary classifier's metric (every predictions metric before §2b), and a multiclass model's too. */
const binary = (m: MetricDef): MetricDef => {
  if (!(m.id in MULTICLASS_TOO)) return { ...m, tasks: m.tasks ?? BINARY }
  const method = MULTICLASS_TOO[m.id]
  return { ...m, tasks: CLASSIFIERS, ...(method && { intervalFor: { 'multiclass-classification': method } }) }
}

/**
 * A regression's group metrics that disparities are taken over, and which of them have a ratio
 * (SPEC §2b: a ratio of mean residuals, which change sign, is not one).
 */
export const REGRESSION_SPREADS = [
  { of: 'mae', ratio: true },
  { of: 'rmse', ratio: true },
  { of: 'mean_prediction', ratio: true },
  { of: 'mean_residual', ratio: false },
  { of: 'interval_coverage', ratio: false }
] as const

/** Complementary metrics: each left-hand one is 1 − the right-hand one in the same scope. */
const MIRRORS: Record<string, string> = { fnr: 'tpr', tnr: 'fpr', pass_rate: 'failure_rate' }

export const METRICS: readonly MetricDef[] = [
  def('count', ['overall', 'group', 'suite'], 'none', 'rows (unweighted)', 'exact'),
  ...[
    ...Object.entries(RATES).map(([id, r]) =>
      def(id, 'overall' in r ? ['overall', 'group'] : ['group'], r.direction, r.definition, 'clopper-pearson')
    ),
    def('recall', ['overall'], 'higher', 'tpr over all rows', 'clopper-pearson'),
    def('f1', ['overall'], 'higher', '2·precision·recall / (precision + recall)', 'bootstrap'),
    def('auc', ['overall'], 'higher', 'ROC AUC of the score, ties count ½', 'delong-logit'),
    def('brier', ['overall', 'group'], 'lower', 'mean((s − y)²)', 'bootstrap'),
    def(
      'log_loss',
      ['overall'],
      'lower',
      'mean(−y·log s − (1−y)·log(1−s)), s clipped to [1e-15, 1−1e-15]',
      'bootstrap'
    ),
    def('ece', ['overall', 'group'], 'lower', 'Σ_b (n_b/N)·|mean(y)_b − mean(s)_b|', 'ece-bounds'),
    def('mce', ['overall'], 'lower', 'max_b |mean(y)_b − mean(s)_b|', 'calibration-bins'),
    ...DISPARITIES.map(d =>
      def(
        d.id,
        ['attribute'],
        d.kind === 'difference' ? 'lower' : 'higher',
        `${d.kind === 'difference' ? 'max − min' : 'min / max'} of ${d.of.join(' and ')} over eligible groups`,
        d.id === 'ece_difference'
          ? 'calibration-bins'
          : d.kind === 'difference'
            ? 'pairwise-differences'
            : 'pairwise-ratios'
      )
    )
  ].map(binary),
  def('balanced_accuracy', ['overall'], 'higher', 'mean over classes of recall', 'delta-t', MULTICLASS),
  def(
    'macro_f1',
    ['overall', 'group'],
    'higher',
    'mean over classes of F1 (one-vs-rest)',
    'delta-t',
    MULTICLASS
  ),
  def(
    'micro_f1',
    ['overall'],
    'higher',
    'F1 of all classes pooled (= accuracy)',
    'clopper-pearson',
    MULTICLASS
  ),
  def('weighted_f1', ['overall'], 'higher', 'F1 of each class weighted by its labels', 'delta-t', MULTICLASS),
  def(
    'top_label_ece',
    ['overall'],
    'lower',
    'ECE of the top score against "prediction is right" (equal-width bins)',
    'ece-bounds',
    MULTICLASS
  ),
  def(
    'macro_auc',
    ['overall'],
    'higher',
    'mean over classes of the one-vs-rest AUC',
    'simultaneous-mean',
    MULTICLASS
  ),
  def(
    'macro_f1_difference',
    ['attribute'],
    'lower',
    'max − min of macro_f1 over eligible groups',
    'pairwise-mover',
    MULTICLASS
  ),
  def('mae', ['overall', 'group'], 'lower', 'Σw·|ŷ − y| / Σw', 'log-t', REGRESSION),
  def('rmse', ['overall', 'group'], 'lower', '√(Σw·(ŷ − y)² / Σw)', 'root-log-t', REGRESSION),
  def('r2', ['overall'], 'higher', '1 − Σw·(y − ŷ)² / Σw·(y − ȳ)²', 'delta-t', REGRESSION),
  def('mean_label', ['overall'], 'none', 'Σw·y / Σw', 'student-t', REGRESSION),
  def('mean_prediction', ['overall', 'group'], 'none', 'Σw·ŷ / Σw', 'student-t', REGRESSION),
  def('mean_residual', ['overall', 'group'], 'none', 'Σw·(ŷ − y) / Σw', 'student-t', REGRESSION),
  def(
    'interval_coverage',
    ['overall', 'group'],
    'higher',
    'P(lower ≤ y ≤ upper)',
    'clopper-pearson',
    REGRESSION
  ),
  ...REGRESSION_SPREADS.flatMap(({ of, ratio }) => [
    def(
      `${of}_difference`,
      ['attribute'],
      'lower',
      `max − min of ${of} over eligible groups`,
      of === 'interval_coverage' ? 'pairwise-agresti-caffo' : 'pairwise-mover',
      REGRESSION
    ),
    ...(ratio
      ? [
          def(
            `${of}_ratio`,
            ['attribute'],
            'higher',
            `min / max of ${of} over eligible groups`,
            'pairwise-mover-ratios',
            REGRESSION
          )
        ]
      : [])
  ]),
  def(
    'perturbed_accuracy',
    ['perturbation'],
    'higher',
    'accuracy on the perturbed inputs',
    'clopper-pearson'
  ),
  def(
    'accuracy_drop',
    ['perturbation'],
    'lower',
    'clean accuracy − perturbed accuracy on the same rows',
    'agresti-min'
  ),
  def('flip_rate', ['perturbation'], 'lower', 'share of rows whose prediction changed', 'clopper-pearson'),
  def(
    'worst_accuracy_drop',
    ['robustness'],
    'lower',
    'max accuracy_drop over perturbations',
    'simultaneous-max'
  ),
  def('worst_flip_rate', ['robustness'], 'lower', 'max flip_rate over perturbations', 'simultaneous-max'),
  def('pass_rate', ['suite'], 'higher', 'share of test cases passed', 'clopper-pearson'),
  def('failure_rate', ['suite'], 'lower', 'share of test cases failed', 'clopper-pearson')
]

const BY_ID = new Map(METRICS.map(m => [m.id, m]))

/** The interval method a metric's values of this task take. */
export function methodOf(id: string, task: Task): IntervalMethod | undefined {
  const m = BY_ID.get(id)
  return m && (m.intervalFor?.[task] ?? m.interval)
}

/** Which way is better for a metric: the registry's, or a metrics artifact's `higherIsBetter`. */
export function directionOf(m: { metric: string; higherIsBetter?: boolean }): Direction {
  const def = metricDef(m.metric)
  if (def !== undefined) return def.direction
  return m.higherIsBetter === undefined ? 'none' : m.higherIsBetter ? 'higher' : 'lower'
}

/**
 * The sign that turns a change into a worsening: +1 when higher is worse, −1 when higher is better
 * (a metric with no better direction counts a rise as a worsening; no rule asks it of one).
 */
export const worseningSign = (m: { metric: string; higherIsBetter?: boolean }): 1 | -1 =>
  directionOf(m) === 'higher' ? -1 : 1

export function metricDef(id: string): MetricDef | undefined {
  return BY_ID.get(id)
}

/** The metrics of a scope, in registry order: what each scope computes and renders. */
export const metricsOf = (scope: Scope): readonly MetricDef[] => METRICS.filter(m => m.scopes.includes(scope))

/** The metrics a task's predictions give in a scope, in registry order. */
export const taskMetrics = (task: Task, scope: Scope): readonly MetricDef[] =>
  metricsOf(scope).filter(m => m.tasks === undefined || m.tasks.includes(task))

/** Whether a model of this task can have this metric (one of another task's predictions cannot). */
export const forTask = (m: MetricDef, task: Task): boolean => m.tasks === undefined || m.tasks.includes(task)

/** The per-group rates the renderings show in a group's row (the report holds every metric). */
const GROUP_SUMMARY = {
  'binary-classification': ['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy', 'ece'],
  'multiclass-classification': ['accuracy', 'macro_f1', 'brier'],
  regression: ['mae', 'rmse', 'mean_prediction', 'mean_residual', 'interval_coverage']
} as const satisfies Record<Task, readonly string[]>

/**
 * The group metrics a rendering shows for a report of this task (a report without a task is a binary
 * classifier's), among those the report has: a regression without a prediction interval has no
 * interval_coverage column.
 */
export function groupSummary(task: Task | undefined, metrics: readonly { metric: string }[]): string[] {
  const present = new Set(metrics.map(m => m.metric))
  return GROUP_SUMMARY[task ?? 'binary-classification'].filter(id => present.has(id))
}
