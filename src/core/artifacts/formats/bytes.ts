/**
 * An artifact's bytes: streamed in chunks, gunzipped when the name ends in `.gz`, and hashed (the
 * sha256 of the file as stored) on the way, with one error for a file that cannot be read.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { InputError } from '../../errors.js'

const CHUNK = 1 << 20

/** Streams the file's (decompressed) bytes to `onChunk`; resolves to the sha256 of the stored bytes. */
export async function streamFile(
  path: string,
  display: string,
  onChunk: (chunk: Buffer) => void
): Promise<string> {
  const hash = createHash('sha256')
  const raw = createReadStream(path, { highWaterMark: CHUNK })
  raw.on('data', chunk => hash.update(chunk))
  const gz = path.toLowerCase().endsWith('.gz')
  const body = gz ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw
  if (gz) raw.on('error', err => body.destroy(err))
  try {
    for await (const chunk of body) onChunk(chunk as Buffer)
  } catch (err) {
    if (err instanceof InputError) throw err
    const e = err as NodeJS.ErrnoException
    const why =
      e.code === 'ENOENT'
        ? 'file not found'
        : e.code === 'EISDIR'
          ? 'is a directory, expected a file'
          : e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR'
            ? `not valid gzip data (${e.message})`
            : `cannot be read (${e.code ?? e.message})`
    throw new InputError(why, { file: display })
  }
  return hash.digest('hex')
}
