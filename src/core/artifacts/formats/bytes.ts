/**
 * An artifact's bytes: streamed in chunks, gunzipped when the name ends in `.gz`, and hashed (the
 * sha256 of the file as stored) on the way, with one error for a file that cannot be read.
 */
import { createHash } from 'node:crypto'
import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { InputError } from '../../errors.js'

const CHUNK = 1 << 20

/** What the first bytes of a file are, when they say it is not text: magic numbers, then BOMs. */
const NOT_TEXT: [number[], string][] = [
  [
    [0x1f, 0x8b],
    'gzip-compressed data; expected plain text (a compressed file is read when its name ends in .gz)'
  ],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive; expected plain text (unpack it first)'],
  [
    [0x50, 0x41, 0x52, 0x31],
    'a Parquet file; expected plain text (a Parquet file is read when its name ends in .parquet)'
  ],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd-compressed data; expected plain text (or gzip, named .gz)'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz-compressed data; expected plain text (or gzip, named .gz)'],
  [[0x42, 0x5a, 0x68], 'bzip2-compressed data; expected plain text (or gzip, named .gz)'],
  [[0xff, 0xfe], 'UTF-16 text; expected UTF-8 (save it as UTF-8)'],
  [[0xfe, 0xff], 'UTF-16 text; expected UTF-8 (save it as UTF-8)']
]

/** Bytes of a text file's start that checkText reads. */
const SNIFF = 1 << 16

/**
 * Stops a text artifact (CSV, JSON Lines) whose first bytes are not UTF-8 text, with what they are in
 * words rather than the binary bytes read as a header: a compressed or binary format by its magic
 * number, UTF-16 by its byte-order mark or NUL bytes, another encoding by its first invalid byte.
 * start: the first bytes of the (decompressed) data, at least SNIFF of them unless the file is shorter.
 */
export function checkText(start: Buffer, display: string): void {
  for (const [magic, what] of NOT_TEXT)
    if (start.length >= magic.length && magic.every((b, i) => start[i] === b))
      throw new InputError(`the file is ${what}`, { file: display })
  const head = start.subarray(0, SNIFF)
  const nul = head.indexOf(0)
  if (nul >= 0)
    throw new InputError(
      `the file holds a NUL byte at byte ${nul + 1}: binary data or UTF-16 text; expected UTF-8 text`,
      { file: display }
    )
  try {
    // stream: a character cut by the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
  } catch {
    throw new InputError(
      `the file is not UTF-8 text (an invalid byte within its first ${head.length.toLocaleString('en-US')} bytes; Latin-1 or Windows-1252, for example); expected UTF-8 (save it as UTF-8)`,
      { file: display }
    )
  }
}

/**
 * How far a reader is through a file: bytes of the file as stored, of its size. Only the entry point's
 * display uses it (a terminal's progress line); nothing read or computed depends on it.
 */
export type ReadProgress = (file: string, done: number, total: number) => void

/** The size of a file as stored; 0 when it cannot be read (the reader then says why). */
export function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/**
 * Streams the file's (decompressed) bytes to `onChunk`; resolves to the sha256 of the stored bytes. The
 * first bytes must be text (checkText).
 */
export async function streamFile(
  path: string,
  display: string,
  onChunk: (chunk: Buffer) => void,
  progress?: ReadProgress
): Promise<string> {
  const hash = createHash('sha256')
  const raw = createReadStream(path, { highWaterMark: CHUNK })
  const total = progress ? sizeOf(path) : 0
  let done = 0
  raw.on('data', chunk => {
    hash.update(chunk)
    if (progress) progress(display, (done += chunk.length), total)
  })
  const gz = path.toLowerCase().endsWith('.gz')
  const body = gz ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw
  if (gz) raw.on('error', err => body.destroy(err))
  // The first chunk (at least SNIFF bytes, or the whole file) is checked before it is parsed.
  let checked = false
  try {
    for await (const chunk of body) {
      if (!checked) {
        checkText(chunk as Buffer, display)
        checked = true
      }
      onChunk(chunk as Buffer)
    }
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
  readonly size: number
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

  /** Bytes hashed so far. */
  get hashed(): number {
    return this.at
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
