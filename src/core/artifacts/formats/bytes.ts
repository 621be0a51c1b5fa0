/**
 * An artifact's bytes: streamed in chunks, gunzipped when the name ends in `.gz`, and hashed (the
 * sha256 of the file as stored) on the way, with one error for a file that cannot be read.
 */
import { createHash } from 'node:crypto'
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs'
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

/**
 * Bytes [from, to) of an open file, by synchronous reads into `buf` (reused: `use` must not keep the
 * bytes it is given). A file that ends before `to` changed while it was read: an error.
 */
export function readRange(
  fd: number,
  buf: Buffer,
  from: number,
  to: number,
  display: string,
  use: (bytes: Buffer) => void
): void {
  for (let pos = from; pos < to;) {
    const got = readSync(fd, buf, 0, Math.min(buf.length, to - pos), pos)
    if (got === 0)
      throw new InputError('the file became shorter while it was read; expected it to stay unchanged', {
        file: display
      })
    use(buf.subarray(0, got))
    pos += got
  }
}

/**
 * The sha256 of a file as stored, computed in steps that a reader takes between its own synchronous
 * work (upTo), so that hashing keeps pace with reading rather than waiting for the event loop; the
 * rest is hashed by finish().
 */
export class FileHash {
  private readonly hash = createHash('sha256')
  private readonly fd: number
  private readonly size: number
  private readonly buf = Buffer.allocUnsafe(CHUNK)
  private at = 0

  constructor(
    path: string,
    private readonly display: string
  ) {
    try {
      this.fd = openSync(path, 'r')
      this.size = fstatSync(this.fd).size
    } catch (err) {
      throw new InputError(`cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, {
        file: display
      })
    }
  }

  /** Hashes the file up to `fraction` of its bytes. */
  upTo(fraction: number): void {
    const end = Math.min(this.size, Math.ceil(this.size * fraction))
    readRange(this.fd, this.buf, this.at, end, this.display, bytes => this.hash.update(bytes))
    this.at = Math.max(this.at, end)
  }

  /** Hashes the rest; the digest, hex. */
  finish(): string {
    this.upTo(1)
    return this.hash.digest('hex')
  }

  close(): void {
    closeSync(this.fd)
  }
}
