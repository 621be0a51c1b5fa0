/**
 * `rai-gate init`'s guess of a predictions file's columns, from its header and its first rows: which
 * column is the label, the score, the prediction, the weight and the id, and which are sensitive
 * attributes. Names decide first; values confirm a name, or decide when no name does. Every choice
 * comes with why, and the ones that rest on values alone are listed for the user to check.
 */
import { InputError } from '../errors.js'
import type { Value } from '../artifacts/decode/values.js'
import { exactAuc } from '../metrics/auc.js'
import type { Task } from '../kinds.js'

export interface Guess {
  /** A regression when the label and the prediction are numbers of many values, else binary. */
  task: Task
  columns: {
    label: string
    score?: string
    prediction?: string
    weight?: string
    id?: string
    lower?: string
    upper?: string
  }
  /** The binary label's positive value (none for a regression). */
  positiveLabel?: string | number
  /** A multiclass model's score columns: every column <prefix><class>. */
  scorePrefix?: string
  sensitiveAttributes: string[]
  /** One line per choice: what, and why. */
  reasons: string[]
  /** The choices to check before trusting a gate (values alone chose them, or a name was ambiguous). */
  toCheck: string[]
  /** The roles that values alone chose (no column's name did): `init` writes them only with --yes. */
  byValues: string[]
}

/** What the sample shows of one column. */
interface Profile {
  name: string
  /** Lower case, runs of other characters as '_'. */
  key: string
  /** How often each non-empty value (as text) occurs in the rows read. */
  distinct: Map<string, number>
  /** Non-empty values, and the ones among them that are numbers. */
  filled: number
  numbers: number[]
  /** Whether every non-empty value is distinct (an id). */
  unique: boolean
}

/** Below this many distinct values a text column can be a grouping (a sensitive attribute). */
const MAX_GROUPS = 20

type Role = 'label' | 'score' | 'prediction' | 'weight' | 'id' | 'lower' | 'upper'

/** Each role's names: the usual ones in full, then words that a name may contain. */
const NAMES: Record<Role, [exact: RegExp, contains: RegExp]> = {
  label: [
    /^(label|labels|y|y_true|target|truth|ground_truth|actual|outcome|gold|class)$/,
    /label|target|truth|actual/
  ],
  score: [
    /^(score|scores|prob|proba|probability|p|p_hat|y_score|y_prob|y_proba|confidence|likelihood)$/,
    /prob|score/
  ],
  prediction: [/^(prediction|predictions|pred|y_pred|y_hat|yhat|predicted|decision)$/, /pred(?!.*prob)/],
  weight: [/^(w|wt|weight|weights|sample_weight)$/, /weight/],
  id: [/^(id|uid|uuid|key|row|index|row_id|example_id|record_id)$/, /_id$|^id_/],
  lower: [/^(lower|lo|low|lower_bound|pred_lower|prediction_lower|y_lower|q_lo|q05|p05|p5)$/, /lower/],
  upper: [/^(upper|hi|high|upper_bound|pred_upper|prediction_upper|y_upper|q_hi|q95|p95)$/, /upper/]
}

/** More distinct numbers than this, and a label named so is a regression's (a class has fewer). */
const CONTINUOUS = 10

/** Attributes that law or policy usually protects, by the words their columns are named with. */
const SENSITIVE =
  /(^|_)(sex|gender|race|racial|ethnic|ethnicity|age|age_band|age_group|religion|disability|disabled|nationality|national_origin|citizenship|marital|marital_status|orientation|pregnancy|veteran|color|colour)($|_)/

/** Label values that usually mean the positive class, when the values are not 0 and 1. */
const POSITIVE = /^(1|true|yes|y|positive|pos|approved|accept|accepted|default|fraud|churn|>50k|high|bad)$/i

const toText = (v: Value): string | null =>
  v === null || v === undefined || v === '' ? null : typeof v === 'object' ? JSON.stringify(v) : String(v)

function profile(name: string, values: Value[]): Profile {
  const distinct = new Map<string, number>()
  const numbers: number[] = []
  let filled = 0
  for (const v of values) {
    const text = toText(v)
    if (text === null) continue
    filled++
    distinct.set(text, (distinct.get(text) ?? 0) + 1)
    const n = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number(text.trim())
    if (text.trim() !== '' && Number.isFinite(n)) numbers.push(n)
  }
  const key = name
    .toLowerCase()
    .replace(/[^a-z0-9>]+/g, '_')
    .replace(/^_|_$/g, '')
  return { name, key, distinct, filled, numbers, unique: filled > 1 && distinct.size === filled }
}

const numeric = (p: Profile) => p.filled > 0 && p.numbers.length === p.filled
const binary = (p: Profile) => p.distinct.size === 2 || (p.distinct.size === 1 && isBinaryText(p))
const isBinaryText = (p: Profile) => [...p.distinct.keys()].every(v => /^(0|1|true|false)$/i.test(v))
const isScore = (p: Profile) =>
  numeric(p) &&
  p.distinct.size > 2 &&
  p.numbers.every(x => x >= 0 && x <= 1) &&
  p.numbers.some(x => x % 1 !== 0)
const isWeight = (p: Profile) => numeric(p) && p.numbers.every(x => x >= 0)
const isGrouping = (p: Profile) => p.distinct.size >= 2 && p.distinct.size <= MAX_GROUPS

/**
 * The guess for a file whose header is `columns` and whose first rows are `rows` (values as the
 * file's format gives them). `file` names the file in errors. `attributes`, when the user names the
 * sensitive attributes (columns of the file), are taken as they are and kept out of the other roles.
 */
export function guessColumns(file: string, columns: string[], rows: Value[][], attributes?: string[]): Guess {
  const profiles = columns.map((name, k) =>
    profile(
      name,
      rows.map(r => r[k])
    )
  )
  const reasons: string[] = []
  const toCheck: string[] = []
  const byValues: string[] = []
  const used = new Set<Profile>()
  const take = <T extends Profile | undefined>(p: T): T => (p && used.add(p), p)
  const free = () => profiles.filter(p => !used.has(p))
  for (const p of profiles) if (attributes?.includes(p.name)) used.add(p)
  const named = (role: Role, fits: (p: Profile) => boolean) =>
    NAMES[role].map(names => free().find(p => fits(p) && names.test(p.key))).find(p => p !== undefined)

  // A multiclass model: columns <prefix><class> of probabilities that sum to 1 on every row read, and
  // a label whose values are those classes.
  const multiclass = classScores(columns, rows)
  if (multiclass) {
    const classes = new Set(multiclass.classes)
    const isLabel = (p: Profile) => p.distinct.size > 0 && [...p.distinct.keys()].every(v => classes.has(v))
    for (const c of multiclass.columns) take(profiles[columns.indexOf(c)])
    const target = take(named('label', isLabel) ?? free().find(isLabel))
    if (target) {
      reasons.push(
        `task: multiclass-classification (${multiclass.columns.length} columns ${multiclass.prefix}<class> of probabilities that sum to 1 on every row read)`,
        `label: '${target.name}' (its values are those classes)`
      )
      const estimate = take(named('prediction', isLabel))
      if (estimate)
        reasons.push(`prediction: '${estimate.name}' (its name, and its values are those classes)`)
      return {
        task: 'multiclass-classification',
        columns: { label: target.name, ...(estimate && { prediction: estimate.name }), ...optional() },
        scorePrefix: multiclass.prefix,
        sensitiveAttributes: attributes
          ? (reasons.push(`sensitive attributes: ${attributes.join(', ')} (--attributes)`), attributes)
          : guessAttributes(file, free(), reasons, toCheck, byValues),
        reasons,
        toCheck,
        byValues
      }
    }
    for (const c of multiclass.columns) used.delete(profiles[columns.indexOf(c)])
  }
  // A regression: a label and a prediction named so, both numbers of many values.
  const continuous = (p: Profile) => numeric(p) && p.distinct.size > CONTINUOUS
  const [target, estimate] = [named('label', continuous), named('prediction', continuous)]
  if (target && estimate) {
    take(target)
    take(estimate)
    reasons.push(
      `task: regression ('${target.name}' and '${estimate.name}' are named as the label and the prediction, and hold numbers of many values)`,
      `label: '${target.name}'`,
      `prediction: '${estimate.name}'`
    )
    const lower = take(named('lower', numeric))
    const upper = lower && take(named('upper', numeric))
    if (lower && upper) reasons.push(`prediction interval: '${lower.name}' to '${upper.name}' (their names)`)
    if (lower && !upper) used.delete(lower)
    return {
      task: 'regression',
      columns: {
        label: target.name,
        prediction: estimate.name,
        ...(lower && upper && { lower: lower.name, upper: upper.name }),
        ...optional()
      },
      sensitiveAttributes: attributes
        ? (reasons.push(`sensitive attributes: ${attributes.join(', ')} (--attributes)`), attributes)
        : guessAttributes(file, free(), reasons, toCheck, byValues),
      reasons,
      toCheck,
      byValues
    }
  }
  /** The weight and the id, by their names (either task). */
  function optional(): { weight?: string; id?: string } {
    const weight = take(named('weight', isWeight))
    if (weight) reasons.push(`weight: '${weight.name}' (its name, and its values are numbers of at least 0)`)
    const id = take(named('id', p => p.unique))
    if (id) reasons.push(`id: '${id.name}' (its name, and every value read is distinct)`)
    return { ...(weight && { weight: weight.name }), ...(id && { id: id.name }) }
  }

  // The score: by name, else the only column of fractions in [0, 1].
  let score = take(named('score', isScore))
  if (score) reasons.push(`score: '${score.name}' (its name, and its values are in [0, 1])`)
  else {
    const fractions = free().filter(isScore)
    score = take(fractions.sort((a, b) => b.distinct.size - a.distinct.size)[0])
    if (score) {
      reasons.push(
        `score: '${score.name}' (the ${fractions.length === 1 ? 'only' : 'most varied'} column of values in [0, 1])`
      )
      toCheck.push(
        `score '${score.name}' was chosen by its values: is it the probability of the positive class?`
      )
      byValues.push('score')
    }
  }

  // The label and the prediction: binary columns, by name; else the one that is not the score's
  // threshold (a prediction column agrees with score >= 0.5 on every row).
  let label = take(named('label', binary))
  let prediction = take(named('prediction', binary))
  if (label) reasons.push(`label: '${label.name}' (its name, and it holds two values)`)
  if (prediction) reasons.push(`prediction: '${prediction.name}' (its name, and it holds two values)`)
  const agreesWithScore = (p: Profile) => {
    if (!score) return false
    const k = profiles.indexOf(p)
    const s = profiles.indexOf(score)
    const pairs = rows.map(r => [toText(r[k]), Number(toText(r[s]))] as const).filter(([v]) => v !== null)
    const positive = positiveOf(p)
    return pairs.length > 0 && pairs.every(([v, x]) => (String(v) === String(positive)) === x >= 0.5)
  }
  if (!label) {
    const candidates = free().filter(binary)
    const threshold = prediction ? undefined : candidates.find(agreesWithScore)
    const ranked = rankLabels(
      candidates.filter(p => p !== threshold),
      profiles,
      rows,
      score,
      threshold ?? prediction
    )
    label = take(ranked[0]?.p)
    if (!label)
      throw new InputError(
        `no column looks like the label (a column of two values, such as 0 and 1); columns: ${columns.join(', ')}`,
        { file }
      )
    const { why } = ranked[0]
    reasons.push(
      `label: '${label.name}' (it holds two values${threshold ? ', and does not follow the score' : ''}${why})`
    )
    const others = ranked.slice(1).map(r => `'${r.p.name}'`)
    toCheck.push(
      `label '${label.name}' was chosen by its values: is it the true outcome?${others.length > 0 ? ` (other columns of two values: ${others.join(', ')})` : ''}`
    )
    byValues.push('label')
    if (threshold && !prediction) {
      prediction = take(threshold)
      reasons.push(
        `prediction: '${prediction.name}' (it holds two values, and equals score >= 0.5 on every row read)`
      )
      toCheck.push(`prediction '${prediction.name}' was chosen by its values: is it the model's decision?`)
      byValues.push('prediction')
    }
  }
  if (!score && !prediction)
    throw new InputError(
      `no column looks like a score (numbers in [0, 1]) or a prediction (two values); columns: ${columns.join(', ')}`,
      { file }
    )

  const more = optional()
  if (attributes) reasons.push(`sensitive attributes: ${attributes.join(', ')} (--attributes)`)
  const sensitiveAttributes = attributes ?? guessAttributes(file, free(), reasons, toCheck, byValues)
  const positiveLabel = positiveOf(label)
  if (typeof positiveLabel === 'string')
    toCheck.push(
      `the positive label is '${positiveLabel}' of ${[...label.distinct.keys()].map(v => `'${v}'`).join(' and ')}: is it the outcome the score predicts?`
    )
  return {
    task: 'binary-classification',
    columns: {
      label: label.name,
      ...(score && { score: score.name }),
      ...(prediction && { prediction: prediction.name }),
      ...more
    },
    positiveLabel,
    sensitiveAttributes,
    reasons,
    toCheck,
    byValues
  }
}

/** The prefixes a multiclass model's probability columns are written with. */
const CLASS_PREFIXES = ['p_', 'prob_', 'proba_', 'probability_', 'score_']

/**
 * Columns <prefix><class> (at least two, of a usual prefix) whose values are probabilities summing to 1
 * (within 1e-6) on every row read: a multiclass model's class scores.
 */
function classScores(
  columns: string[],
  rows: Value[][]
): { prefix: string; columns: string[]; classes: string[] } | null {
  for (const prefix of CLASS_PREFIXES) {
    const found = columns.filter(c => c.toLowerCase().startsWith(prefix) && c.length > prefix.length)
    if (found.length < 2) continue
    const at = found.map(c => columns.indexOf(c))
    const sums = rows.every(r => {
      const values = at.map(k => Number(toText(r[k])))
      return values.every(v => v >= 0 && v <= 1) && Math.abs(values.reduce((a, b) => a + b, 0) - 1) <= 1e-6
    })
    if (sums && rows.length > 0)
      return {
        prefix: found[0].slice(0, prefix.length),
        columns: found,
        classes: found.map(c => c.slice(prefix.length))
      }
  }
  return null
}

/**
 * The columns of two values that could be the label, best first: a column named like a sensitive
 * attribute last (a label is an outcome, not who the row is), then 0/1 (or true/false) columns before
 * text ones, then the one whose positive value the score ranks highest (the AUC of the score for it),
 * else the one that agrees most with the prediction. Each with why it stands where it does.
 */
function rankLabels(
  candidates: Profile[],
  profiles: Profile[],
  rows: Value[][],
  score: Profile | undefined,
  prediction: Profile | undefined
): { p: Profile; why: string }[] {
  const ranked = candidates.map(p => {
    const sensitive = SENSITIVE.test(p.key)
    const k = profiles.indexOf(p)
    const positive = String(positiveOf(p))
    const hits = rows.map(r => toText(r[k])).map(v => (v === null ? null : v === positive))
    let fit = Number.NaN
    let why = ''
    if (score) {
      const s = profiles.indexOf(score)
      fit = aucOf(
        hits,
        rows.map(r => Number(toText(r[s])))
      )
      if (Number.isFinite(fit)) why = `; the score ranks its value '${positive}' with AUC ${fit.toFixed(2)}`
    } else if (prediction) {
      const d = profiles.indexOf(prediction)
      const predicted = String(positiveOf(prediction))
      const pairs = hits.flatMap((h, i) => (h === null ? [] : [h === (toText(rows[i][d]) === predicted)]))
      fit = pairs.length > 0 ? pairs.filter(Boolean).length / pairs.length : Number.NaN
      if (Number.isFinite(fit)) why = `; it agrees with the prediction on ${(100 * fit).toFixed(0)}% of rows`
    }
    return { p, sensitive, coded: isBinaryText(p), fit: Number.isFinite(fit) ? fit : 0.5, why }
  })
  ranked.sort(
    (a, b) => Number(a.sensitive) - Number(b.sensitive) || Number(b.coded) - Number(a.coded) || b.fit - a.fit
  )
  const sensitive = ranked.filter(r => r.sensitive).map(r => `'${r.p.name}'`)
  const aside =
    sensitive.length === 0
      ? ''
      : ranked[0].sensitive
        ? '; it is named like a sensitive attribute, as is every column of two values left'
        : `; ${sensitive.join(', ')} ${sensitive.length === 1 ? 'is' : 'are'} named like a sensitive attribute`
  return ranked.map((r, i) => ({ p: r.p, why: r.why + (i === 0 ? aside : '') }))
}

/**
 * The AUC of `scores` for the rows where `hits` is true against those where it is false, by the
 * engine's own AUC (metrics/auc.ts) over the sample's distinct scores; NaN without both kinds of row.
 */
function aucOf(hits: (boolean | null)[], scores: number[]): number {
  const at = new Map<number, [number, number]>()
  hits.forEach((h, i) => {
    if (h === null || !Number.isFinite(scores[i])) return
    const counts = at.get(scores[i]) ?? [0, 0]
    counts[h ? 0 : 1]++
    at.set(scores[i], counts)
  })
  const score = Float64Array.from([...at.keys()].sort((a, b) => a - b))
  const posN = score.map(x => at.get(x)![0])
  const negN = score.map(x => at.get(x)![1])
  if (!posN.some(n => n > 0) || !negN.some(n => n > 0)) return Number.NaN
  return exactAuc({ score, posN, negN, posW: posN, negW: negN })
}

/** Sensitive attributes by name; without one, the columns that group rows, for the user to confirm. */
function guessAttributes(
  file: string,
  free: Profile[],
  reasons: string[],
  toCheck: string[],
  byValues: string[]
): string[] {
  // A numeric column with many values (age in years) cannot be one.
  const sensitiveAttributes: string[] = []
  for (const p of free.filter(p => SENSITIVE.test(p.key))) {
    if (p.distinct.size > MAX_GROUPS) {
      toCheck.push(
        `'${p.name}' is named like a sensitive attribute but has more than ${MAX_GROUPS} values: put it into bands (such as age_band) to gate on it`
      )
      continue
    }
    sensitiveAttributes.push(p.name)
    reasons.push(`sensitive attribute: '${p.name}' (its name; ${p.distinct.size} groups in the rows read)`)
  }
  const groupings = free.filter(p => isGrouping(p) && !numeric(p) && !sensitiveAttributes.includes(p.name))
  if (sensitiveAttributes.length === 0 && groupings.length > 0) {
    for (const p of groupings) {
      sensitiveAttributes.push(p.name)
      reasons.push(`sensitive attribute: '${p.name}' (text of ${p.distinct.size} values: a grouping)`)
    }
    byValues.push('sensitiveAttributes')
    toCheck.push(
      `no column is named like a protected attribute, so ${groupings.map(p => `'${p.name}'`).join(', ')} ${groupings.length === 1 ? 'was' : 'were'} chosen by their values: keep only the ones that are sensitive`
    )
  } else if (groupings.length > 0) {
    toCheck.push(
      `other columns that group rows and may be sensitive: ${groupings.map(p => `'${p.name}'`).join(', ')} (add them to sensitiveAttributes if they are)`
    )
  }
  if (sensitiveAttributes.length === 0)
    throw new InputError(
      `no column looks like a sensitive attribute (a column of at most ${MAX_GROUPS} text values, or one named like sex, race or age_band); name them with --attributes`,
      { file }
    )
  return sensitiveAttributes
}

/** 1 for 0/1 and true/false columns; otherwise the value that usually means positive, else the rarer one. */
function positiveOf(p: Profile): string | number {
  if (isBinaryText(p)) return 1
  const values = [...p.distinct].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
  return (values.find(([v]) => POSITIVE.test(v)) ?? values[0])[0]
}
