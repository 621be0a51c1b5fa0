/**
 * The manifest a pull request is judged with, when its base commit has one: the PR's own manifest
 * names its artifacts and how to read them, but it cannot narrow what the base commit gates.
 * - the risk tier: a lower one than the base commit's does not apply (policy/diff.ts lowersTier);
 * - the model's identity: the base commit's name, against which waivers, the baseline and the sticky
 *   comment are matched, so a rename neither earns a waiver nor takes another model's place;
 * - the fairness scope: the base commit's sensitive attributes and intersections, each attribute read
 *   from the column the base commit maps it to; the PR may add attributes and intersections, never
 *   drop or remap one (an attribute the PR's data lacks is then an error of the reader, not a skip).
 * Every other change that could weaken the gate (columns, positive label, threshold, artifacts added
 * or removed, documents) still applies, and is listed for the reviewer as policy changes are.
 */
import { differences, type Tree } from '../diff.js'
import { isAttributed } from '../kinds.js'
import { lowersTier } from '../policy/diff.js'
import { intersectionId, type ArtifactSpec, type Manifest } from './types.js'

export interface Trusted {
  /** The manifest to judge with. */
  manifest: Manifest
  /** The model's name at the base commit: waivers, the baseline and the comment follow it. */
  identity: string
  /** What the reviewer is told: a rename, a lowered tier, every other change. */
  notes: string[]
}

/** The artifact whose file carries the sensitive attributes' columns (kinds.ts). */
const attributed = (m: Manifest): ArtifactSpec | undefined => m.artifacts.find(a => isAttributed(a.kind))

/** The risk tier that applies: the PR's, unless it is lower than the base commit's. */
const appliedTier = (base: Manifest, pr: Manifest): string =>
  lowersTier(base.riskTier, pr.riskTier) ? base.riskTier : pr.riskTier

/** Everything in a manifest that decides how its model is gated (its name and tier have notes of their own). */
function normalized(m: Manifest): Tree {
  const artifacts: Tree = {}
  for (const a of m.artifacts)
    artifacts[a.kind] = {
      path: a.path,
      columns: a.columns,
      positiveLabel: a.positiveLabel,
      threshold: a.threshold,
      resolution: a.resolution,
      scores: a.scores
    }
  return {
    task: m.task,
    sensitiveAttributes: m.sensitiveAttributes,
    intersections: m.intersections.map(intersectionId),
    artifacts,
    documents: m.documents
  }
}

function label(path: string[]): string {
  const [head, name, ...rest] = path
  if (head === 'artifacts' && name !== undefined)
    return `artifact ${name}${rest.length > 0 ? ` ${rest.join('.')}` : ''}`
  return path.join('.')
}

const SHAPE = { collections: new Set(['artifacts', 'documents']), label }

/** Every change of the PR's manifest against the base commit's, as lines for the reviewer. */
export function manifestDifferences(base: Manifest, pr: Manifest): string[] {
  return differences(normalized(base), normalized(pr), SHAPE)
}

export function trustManifest(base: Manifest, pr: Manifest): Trusted {
  const notes: string[] = []
  const identity = base.model.name
  if (identity !== pr.model.name)
    notes.push(
      `This pull request renames the model from '${identity}' to '${pr.model.name}'; waivers, the baseline and this comment follow '${identity}', its name at the base commit.`
    )
  const tier = appliedTier(base, pr)
  if (tier !== pr.riskTier)
    notes.push(
      `This pull request changes riskTier from '${base.riskTier}' to '${pr.riskTier}'; the base commit's tier '${tier}' applies.`
    )
  // The task chooses the policy (one per task and tier) and the metrics: a pull request that changed
  // it could trade the binary gates for a regression's. The base commit's applies.
  if (pr.task !== base.task)
    notes.push(
      `This pull request changes task from '${base.task}' to '${pr.task}'; the base commit's task '${base.task}' applies (change it on the base branch first).`
    )
  const attributes = [...base.sensitiveAttributes]
  for (const a of pr.sensitiveAttributes) if (!attributes.includes(a)) attributes.push(a)
  const intersections = [...base.intersections]
  const ids = new Set(intersections.map(intersectionId))
  for (const parts of pr.intersections) if (!ids.has(intersectionId(parts))) intersections.push(parts)
  // Each of the base commit's attributes is read from the column the base commit maps it to.
  const baseSpec = attributed(base)
  const artifacts = pr.artifacts.map(a => {
    if (!isAttributed(a.kind) || baseSpec === undefined) return a
    const columns = { ...a.columns }
    for (const attr of base.sensitiveAttributes) {
      const column = baseSpec.columns[attr] ?? attr
      if (column === attr) delete columns[attr]
      else columns[attr] = column
    }
    return { ...a, columns }
  })
  const changes = manifestDifferences(base, pr)
  if (changes.length > 0)
    notes.push(
      `This pull request changes the manifest; the base commit's sensitive attributes, intersections and attribute columns still apply. Changes: ${changes.join('; ')}.`
    )
  return {
    manifest: {
      ...pr,
      riskTier: tier,
      task: base.task,
      sensitiveAttributes: attributes,
      intersections,
      artifacts
    },
    identity,
    notes
  }
}
