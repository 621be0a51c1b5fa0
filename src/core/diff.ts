/**
 * What a pull request changes in a trusted file (the policy, the manifest), as lines for the reviewer:
 * two settings trees walked side by side. The trusted side decides; the lines only show the reviewer
 * every setting the pull request's copy would have changed.
 */

export type Tree = { [key: string]: unknown }

const show = (v: unknown) => (v === undefined ? 'unset' : JSON.stringify(v))
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Entries keyed by `key`; a repeated key gets #2, #3 after it so that no entry hides another. */
export function keyed<T>(items: T[], key: (item: T) => string): Tree {
  const out: Tree = {}
  for (const item of items) {
    let k = key(item)
    for (let n = 2; k in out; n++) k = `${key(item)} #${n}`
    out[k] = item
  }
  return out
}

export interface DiffShape {
  /** Paths (joined by '.') whose keys name things that are added or removed whole (gates, artifacts). */
  collections: ReadonlySet<string>
  /** How a path reads in a line. */
  label: (path: string[]) => string
}

/** Every difference between `base` and `proposed`, one line each, in the order of their keys. */
export function differences(base: Tree, proposed: Tree, shape: DiffShape): string[] {
  const out: string[] = []
  const walk = (a: Tree, b: Tree, path: string[]) => {
    const collection = shape.collections.has(path.join('.'))
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const [x, y] = [a[key], b[key]]
      const at = [...path, key]
      if (isTree(x) && isTree(y)) walk(x, y, at)
      else if (collection && y === undefined) out.push(`${shape.label(at)} removed`)
      else if (collection && x === undefined) out.push(`${shape.label(at)} added: ${show(y)}`)
      else if (JSON.stringify(x) !== JSON.stringify(y))
        out.push(`${shape.label(at)}: ${show(x)} → ${show(y)}`)
    }
  }
  walk(base, proposed, [])
  return out
}
