/**
 * Reads a zip archive held in memory: the artifact that `baseline: auto` downloads through the REST
 * API (GitHub.com and GitHub Enterprise Server alike). The archive is another run's output, so every
 * offset is checked and the unpacked size is bounded while inflating.
 *
 * Written by hand on node:zlib rather than taken from a zip library: inflateRawSync's
 * maxOutputLength stops a zip bomb at the bound, and the CRC and length of every entry are verified,
 * where the libraries at hand inflate an entry to the size its header declares, or stream to disk.
 */
import { crc32, inflateRawSync } from 'node:zlib'

export interface Limits {
  /** Entries (directories included) the archive may hold. */
  entries: number
  /** Bytes that all entries together may unpack to. */
  bytes: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/** The archive's files by name; throws an Error that says what is wrong with it. */
export function unzip(zip: Buffer, limits: Limits): Map<string, Buffer> {
  const u16 = (at: number) => zip.readUInt16LE(at)
  const u32 = (at: number) => zip.readUInt32LE(at)
  const fits = (at: number, length: number) => at >= 0 && at + length <= zip.length
  let eocd = -1
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at
      break
    }
  }
  if (eocd < 0) throw new Error('it is not a zip archive (no end-of-archive record)')
  const count = u16(eocd + 10)
  let at = u32(eocd + 16)
  if (count === 0xffff || at === 0xffffffff)
    throw new Error('it is a zip64 archive, which a report never needs')
  if (count > limits.entries)
    throw new Error(`it holds ${count} entries, more than the ${limits.entries} allowed`)
  const files = new Map<string, Buffer>()
  let total = 0
  for (let i = 0; i < count; i++) {
    if (!fits(at, 46) || u32(at) !== CENTRAL) throw new Error(`its directory is damaged at entry ${i + 1}`)
    const [flags, method, crc, packed, size] = [
      u16(at + 8),
      u16(at + 10),
      u32(at + 16),
      u32(at + 20),
      u32(at + 24)
    ]
    const [nameLength, extra, comment, local] = [u16(at + 28), u16(at + 30), u16(at + 32), u32(at + 42)]
    if (!fits(at + 46, nameLength)) throw new Error(`its directory is damaged at entry ${i + 1}`)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + nameLength + extra + comment
    if (name.endsWith('/')) continue
    if (flags & 1) throw new Error(`entry '${name}' is encrypted`)
    if (!fits(local, 30) || u32(local) !== LOCAL) throw new Error(`entry '${name}' has no local header`)
    const start = local + 30 + u16(local + 26) + u16(local + 28)
    if (!fits(start, packed)) throw new Error(`entry '${name}' runs past the end of the archive`)
    const data = zip.subarray(start, start + packed)
    const room = limits.bytes - total
    let out: Buffer
    if (method === 0) out = data
    else if (method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, room) })
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw new Error(`it unpacks to more than the ${limits.bytes / 2 ** 20} MB allowed`)
        throw new Error(`entry '${name}' cannot be inflated (${(err as Error).message})`)
      }
    } else throw new Error(`entry '${name}' uses compression method ${method}; expected stored or deflate`)
    if (out.length > room) throw new Error(`it unpacks to more than the ${limits.bytes / 2 ** 20} MB allowed`)
    if (out.length !== size || crc32(out) !== crc)
      throw new Error(`entry '${name}' is damaged (its length or CRC does not match)`)
    total += out.length
    files.set(name, out)
  }
  return files
}
