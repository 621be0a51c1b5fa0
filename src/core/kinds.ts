/**
 * The artifact kinds a manifest may name, in one table: the data each yields to the engine (a stats
 * table is the predictions, reduced in a warehouse, so it yields predictions), and whether its file
 * carries the sensitive attributes' columns. A manifest holds at most one artifact per data kind.
 * A new kind is a row here, a reader (artifacts/kinds/), and the places its data are evaluated,
 * stored and compared (docs/architecture.md walks through them).
 */
export const KINDS = {
  predictions: { data: 'predictions', attributed: true },
  stats: { data: 'predictions', attributed: true },
  robustness: { data: 'robustness', attributed: false },
  outcomes: { data: 'outcomes', attributed: false },
  metrics: { data: 'metrics', attributed: false }
} as const satisfies Record<string, { data: string; attributed: boolean }>

/** A kind a manifest may name. */
export type ArtifactKind = keyof typeof KINDS

/**
 * What a model predicts (the manifest's `task`, SPEC §2b), and the data its predictions (or stats
 * table) are: a binary classifier's the cell table, a regression's the moment table.
 */
export const TASKS = {
  'binary-classification': { data: 'predictions' },
  'multiclass-classification': { data: 'multiclass' },
  regression: { data: 'regression' }
} as const satisfies Record<string, { data: string }>
export type Task = keyof typeof TASKS

/** The task whose predictions are this kind of data (binary for the data no task has: robustness, ...). */
export const taskOfData = (data: DataKind): Task =>
  (Object.keys(TASKS) as Task[]).find(t => TASKS[t].data === data) ?? 'binary-classification'

/** The kinds of data the engine evaluates, stores in a report and compares with a baseline. */
export type DataKind = (typeof KINDS)[ArtifactKind]['data'] | (typeof TASKS)[Task]['data']

/** Every kind of data, in the order the engine evaluates and a report lists them. */
export const DATA_KINDS: readonly DataKind[] = [
  'predictions',
  'multiclass',
  'regression',
  'robustness',
  'outcomes',
  'metrics'
]

/** The data an artifact of this kind yields, for a model of this task. */
export const dataOf = (kind: ArtifactKind, task: Task = 'binary-classification'): DataKind => {
  const data = KINDS[kind].data
  return data === 'predictions' ? TASKS[task].data : data
}

/** Whether an artifact of this kind holds the sensitive attributes' columns. */
export const isAttributed = (kind: ArtifactKind): boolean => KINDS[kind].attributed
