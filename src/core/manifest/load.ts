/**
 * Loads `rai-gate.yml`: YAML (core schema) -> JSON Schema (schemas/manifest.schema.json) -> the
 * checks a schema cannot express (intersections name declared attributes, one artifact per kind,
 * paths stay in the workspace) -> a typed Manifest.
 */
import { dirname, resolve } from 'node:path'
import { InputError, type Where } from '../errors.js'
import { displayPath, isInside, readText } from '../files.js'
import { manifestValidator, validate } from '../schema.js'
import { loadYaml } from '../yaml.js'
import type { ArtifactKind, ArtifactSpec, Manifest } from './types.js'
import { dataOf, type DataKind, type Task } from '../kinds.js'
import { DEFAULT_RESOLUTION } from '../defaults.js'

interface RawManifest {
  model: { name: string; version: string | number }
  riskTier: string
  task: Task
  sensitiveAttributes?: string[]
  intersections?: string[][]
  artifacts: {
    kind: ArtifactKind
    path: string
    columns?: Record<string, string> & { scores?: Record<string, string> }
    scorePrefix?: string
    positiveLabel?: string | number | boolean
    threshold?: number
    resolution?: number
  }[]
  documents?: Record<string, string>
}

/**
 * A multiclass predictions artifact's score columns: `columns.scores` or `scorePrefix`, exactly one;
 * either on another task or kind is an error (it would be ignored).
 */
function scoresOf(
  task: Task,
  kind: ArtifactKind,
  columns: Record<string, string> | undefined,
  prefix: string | undefined,
  where: (path: string) => Where
): ArtifactSpec['scores'] {
  const multiclass = task === 'multiclass-classification' && (kind === 'predictions' || kind === 'stats')
  if (!multiclass) {
    if (columns !== undefined || prefix !== undefined)
      throw new InputError(
        `class score columns are a multiclass model's predictions setting; this is a ${kind} artifact of a ${task} model`,
        where(columns !== undefined ? 'columns.scores' : 'scorePrefix')
      )
    return undefined
  }
  if (columns !== undefined && prefix !== undefined)
    throw new InputError(
      'both columns.scores and scorePrefix name the class scores; expected one of the two',
      where('scorePrefix')
    )
  if (columns !== undefined) return { columns }
  if (prefix !== undefined && kind === 'stats')
    throw new InputError(
      "a stats table's query must name each class's score column; expected columns.scores ({ <class>: <column> }, in class order) rather than scorePrefix, which needs a file's header",
      where('scorePrefix')
    )
  if (prefix !== undefined) return { prefix }
  throw new InputError(
    "a multiclass model's predictions need their class score columns: scorePrefix (every column <prefix><class>, such as p_), or columns.scores ({ <class>: <column> })",
    where('columns')
  )
}

export interface LoadOptions {
  /** Artifacts may not resolve outside this folder (the repository checkout). */
  workspace: string
  cwd: string
}

export function loadManifest(path: string, options: LoadOptions): Manifest {
  const abs = resolve(options.cwd, path)
  const file = displayPath(abs, options.cwd)
  // Like its artifacts, the manifest itself is read only inside the workspace: a manifest that is a
  // link to a file elsewhere (a credentials file, /proc) would be read and quoted in its errors.
  if (!isInside(options.workspace, abs))
    throw new InputError(
      `resolves outside the workspace (${options.workspace}); expected a manifest inside it`,
      { file }
    )
  return parseManifest(readText(abs, file, 'manifest'), abs, options)
}

/**
 * A manifest's text, as if read from `abs` (its artifacts' paths are relative to that folder): the
 * loader's own path, and the base commit's manifest, which the Action reads through the API.
 */
export function parseManifest(text: string, abs: string, options: LoadOptions): Manifest {
  const file = displayPath(abs, options.cwd)
  const doc = loadYaml(text, file)
  const raw = validate<RawManifest>(manifestValidator, doc, file)
  const where = (p: string) => ({ file, line: doc.lineOf(p), path: p })
  const attributes = raw.sensitiveAttributes ?? []
  const intersections = raw.intersections ?? []
  intersections.forEach((parts, i) =>
    parts.forEach((a, j) => {
      if (!attributes.includes(a)) {
        throw new InputError(
          `'${a}' is not a sensitive attribute; expected one of: ${attributes.join(', ') || '(none declared)'}`,
          where(`intersections[${i}][${j}]`)
        )
      }
    })
  )
  const dir = dirname(abs)
  // The kind already read for each kind of data: one source of each (kinds.ts).
  const seen = new Map<DataKind, ArtifactKind>()
  const artifacts: ArtifactSpec[] = raw.artifacts.map((a, i) => {
    const before = seen.get(dataOf(a.kind))
    if (before === a.kind)
      throw new InputError(
        `a second '${a.kind}' artifact; expected at most one of each kind`,
        where(`artifacts[${i}].kind`)
      )
    const absPath = resolve(dir, a.path)
    if (!isInside(options.workspace, absPath)) {
      throw new InputError(
        `path '${a.path}' leaves the workspace (${options.workspace}); expected a path inside it`,
        where(`artifacts[${i}].path`)
      )
    }
    if (a.resolution !== undefined) {
      const at = where(`artifacts[${i}].resolution`)
      if (a.kind !== 'stats')
        throw new InputError(`resolution is a stats artifact's setting; this artifact is '${a.kind}'`, at)
      const k = Math.round(1 / a.resolution)
      if (Math.abs(k * a.resolution - 1) > 1e-9 || 1e6 % k !== 0)
        throw new InputError(
          `resolution ${a.resolution} does not divide [0, 1] into a whole number of bins that divides 1,000,000; expected one like 0.0001 (10,000 bins) or 0.001`,
          at
        )
    }
    // A stats table is the predictions, reduced: one source of the model's predictions.
    if (before !== undefined)
      throw new InputError(
        `a ${a.kind} artifact beside a ${before} artifact; expected one of the two (both are the model's ${dataOf(a.kind)})`,
        where(`artifacts[${i}].kind`)
      )
    seen.set(dataOf(a.kind), a.kind)
    const { scores, ...columns } = a.columns ?? {}
    const scoring = scoresOf(raw.task, a.kind, scores, a.scorePrefix, (p: string) =>
      where(`artifacts[${i}].${p}`)
    )
    return {
      kind: a.kind,
      path: a.path,
      absPath,
      display: displayPath(absPath, options.cwd),
      columns,
      ...(scoring && { scores: scoring }),
      positiveLabel: a.positiveLabel ?? 1,
      threshold: a.threshold ?? 0.5,
      ...(a.kind === 'stats' && { resolution: a.resolution ?? DEFAULT_RESOLUTION })
    }
  })
  return {
    file,
    dir,
    model: { name: raw.model.name, version: String(raw.model.version) },
    riskTier: raw.riskTier,
    task: raw.task,
    sensitiveAttributes: attributes,
    intersections,
    artifacts,
    documents: raw.documents ?? {}
  }
}
