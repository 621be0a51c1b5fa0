/** A double for @actions/artifact: it only uploads (downloads go through the REST API, see github.ts). */
import { jest } from '@jest/globals'

export const uploads: { name: string; files: string[] }[] = []

export class DefaultArtifactClient {
  uploadArtifact = jest.fn(async (name: string, files: string[]) => {
    uploads.push({ name, files })
    return { id: uploads.length }
  })
}
