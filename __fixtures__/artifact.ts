/** A double for @actions/artifact: an in-memory artifact store keyed by (run id, name). */
import { jest } from '@jest/globals'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'

export const store = new Map<string, { id: number; files: Record<string, string>; size?: number }>()
export const uploads: { name: string; files: string[] }[] = []

const key = (run: number, name: string) => `${run}/${name}`

export class DefaultArtifactClient {
  uploadArtifact = jest.fn(async (name: string, files: string[]) => {
    uploads.push({ name, files })
    return { id: uploads.length }
  })
  getArtifact = jest.fn(async (name: string, { findBy }: { findBy: { workflowRunId: number } }) => {
    const a = store.get(key(findBy.workflowRunId, name))
    if (!a) throw new Error('Artifact not found')
    return { artifact: { id: a.id, name, size: a.size ?? Object.values(a.files).reduce((n, t) => n + t.length, 0) } }
  })
  downloadArtifact = jest.fn(async (id: number, { path }: { path: string }) => {
    const a = [...store.values()].find(x => x.id === id)!
    mkdirSync(path, { recursive: true })
    for (const [name, text] of Object.entries(a.files)) writeFileSync(join(path, name), text)
    return { downloadPath: path }
  })
}

/** Stores a file as artifact `name` of run `run`, with more files beside it, or a size as listed. */
export function put(run: number, name: string, file: string, more: { files?: Record<string, string>; size?: number } = {}): void {
  store.set(key(run, name), {
    id: store.size + 100,
    files: { [basename(file)]: readFileSync(file, 'utf8'), ...more.files },
    size: more.size
  })
}
