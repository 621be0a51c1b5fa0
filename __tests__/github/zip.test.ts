/** The artifact's zip archive is another run's output: read exactly, bounded, and never trusted. */
import { describe, expect, it } from '@jest/globals'
import { deflateRawSync } from 'node:zlib'
import { unzip } from '../../src/github/zip.js'
import { zip } from '../helpers/zip.js'

const LIMITS = { entries: 10, bytes: 1 << 20 }
/** The signature of a central directory entry. */
const CENTRAL = Buffer.from([0x50, 0x4b, 1, 2])
const text = (files: Map<string, Buffer>) => Object.fromEntries([...files].map(([k, v]) => [k, v.toString()]))

describe('unzip', () => {
  it('reads stored and deflated entries', () => {
    const entries = { 'rai-gate-report.json': '{"a":1}'.repeat(100), 'notes.txt': 'x' }
    expect(text(unzip(zip(entries, 'store'), LIMITS))).toEqual(entries)
    expect(text(unzip(zip(entries, 'deflate'), LIMITS))).toEqual(entries)
  })

  it('stops a zip bomb at the bound while inflating: 1 GB of zeros in 1 MB of archive', () => {
    const bomb = Buffer.alloc(2 ** 30)
    const archive = zip({ 'r.json': bomb }, 'deflate')
    expect(archive.length).toBeLessThan(2 << 20)
    const before = process.memoryUsage().rss
    expect(() => unzip(archive, LIMITS)).toThrow('it unpacks to more than the 1 MB allowed')
    expect(process.memoryUsage().rss - before).toBeLessThan(64 << 20)
  })

  it('bounds all entries together, not each', () => {
    const half = 'y'.repeat(600_000)
    expect(() => unzip(zip({ a: half, b: half }, 'deflate'), LIMITS)).toThrow(/more than the 1 MB allowed/)
  })

  it('names what is wrong with a damaged or unusual archive', () => {
    const good = zip({ 'r.json': '{"schemaVersion":1}' })
    const crc = Buffer.from(good)
    const at = crc.indexOf(CENTRAL) + 16
    crc.writeUInt32LE(crc.readUInt32LE(at) ^ 1, at)
    expect(() => unzip(crc, LIMITS)).toThrow("entry 'r.json' is damaged (its length or CRC does not match)")
    expect(() => unzip(Buffer.from('not a zip at all, just text'), LIMITS)).toThrow(
      'it is not a zip archive (no end-of-archive record)'
    )
    expect(() => unzip(good.subarray(30), LIMITS)).toThrow(/damaged|no local header|past the end/)
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, 'x']))
    expect(() => unzip(zip(many), LIMITS)).toThrow('it holds 11 entries, more than the 10 allowed')
    const bad = zip({ 'r.json': deflateRawSync(Buffer.from('x')) })
    const central = bad.indexOf(CENTRAL)
    bad.writeUInt16LE(12, central + 10) // bzip2
    expect(() => unzip(bad, LIMITS)).toThrow(
      "entry 'r.json' uses compression method 12; expected stored or deflate"
    )
    bad.writeUInt16LE(1, central + 8) // encrypted
    expect(() => unzip(bad, LIMITS)).toThrow("entry 'r.json' is encrypted")
  })
})
