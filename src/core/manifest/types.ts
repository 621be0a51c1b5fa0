/** The evaluation manifest (`rai-gate.yml`, SPEC §1) after validation. */
import type { ArtifactKind, Task } from '../kinds.js'

export type { ArtifactKind }

export interface ArtifactSpec {
  kind: ArtifactKind
  /** Path as written in the manifest. */
  path: string
  /** Absolute path, resolved against the manifest's folder and checked to stay in the workspace. */
  absPath: string
  /** The path to show users: relative to the working directory. */
  display: string
  /** Logical column name -> column in the file. */
  columns: Record<string, string>
  /**
   * A multiclass model's score columns (SPEC 2b): class -> column, from `columns.scores`, or the
   * prefix every column `<prefix><class>` starts with (`scorePrefix`), resolved against the header.
   */
  scores?: { columns: Record<string, string> } | { prefix: string }
  positiveLabel: string | number | boolean
  threshold: number
  /** A stats artifact's score-bin width (docs/warehouse.md); unset for other kinds. */
  resolution?: number
}

export interface Manifest {
  file: string
  dir: string
  model: { name: string; version: string }
  riskTier: string
  task: Task
  sensitiveAttributes: string[]
  intersections: string[][]
  artifacts: ArtifactSpec[]
  documents: Record<string, string>
}

/** An intersection's attribute id, e.g. `race*sex`; its group labels join the same way. */
export const intersectionId = (attributes: string[]): string => attributes.join('*')
