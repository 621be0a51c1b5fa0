/**
 * Writing outputs whole or not at all: a report is replaced by a rename, so that no reader (a later
 * run, an auditor, the upload step) ever sees it half-written.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { readRegular, readText, writeFileAtomic } from '../../src/core/files.js'
import { workspace } from '../helpers/check.js'

describe('writeFileAtomic', () => {
  it('replaces a file by a new one, so a reader of the old one still reads it whole', () => {
    const dir = workspace({})
    const path = join(dir, 'out', 'report.json')
    writeFileAtomic(path, 'old report\n')
    const before = statSync(path).ino
    const reader = openSync(path, 'r')
    writeFileAtomic(path, 'new report, longer than the old\n')
    // A write in place would keep the inode and show the reader the new bytes.
    expect(statSync(path).ino).not.toBe(before)
    const buf = Buffer.alloc(64)
    expect(buf.subarray(0, readSync(reader, buf, 0, 64, 0)).toString()).toBe('old report\n')
    expect(readFileSync(path, 'utf8')).toBe('new report, longer than the old\n')
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json'])
  })

  it('leaves what was there, and no temporary file, when it cannot finish', () => {
    const dir = workspace({})
    const path = join(dir, 'report.json')
    // A directory where the report goes: the rename fails.
    mkdirSync(path)
    writeFileSync(join(path, 'keep'), 'x')
    expect(() => writeFileAtomic(path, 'report\n')).toThrow()
    expect(readdirSync(dir)).toEqual(['report.json'])
    expect(readdirSync(path)).toEqual(['keep'])
  })
})

describe('readRegular and readText', () => {
  it('refuses a device, a FIFO and a file past the cap before reading, without blocking', () => {
    const dir = workspace({ 'big.yml': 'x'.repeat(2048), 'ok.yml': 'a: 1\n' })
    execFileSync('mkfifo', [join(dir, 'fifo.yml')])
    expect(() => readRegular('/dev/zero', 1 << 20)).toThrow('is not a regular file')
    expect(() => readRegular(join(dir, 'fifo.yml'), 1 << 20)).toThrow('is not a regular file')
    expect(() => readRegular(join(dir, 'big.yml'), 1024)).toThrow(/more than the .* MB allowed/)
    expect(readRegular(join(dir, 'ok.yml'), 1024).toString()).toBe('a: 1\n')
    expect(() => readText('/dev/zero', 'policies/zero.yml', 'policy')).toThrow(
      expect.objectContaining({ message: 'policies/zero.yml: is not a regular file; expected a policy file' })
    )
  })
})

describe('writeFileAtomic and planted links', () => {
  it('never writes through a link at a temporary name keyed by the process id', () => {
    const victim = join(workspace({ victim: 'untouched' }), 'victim')
    const dir = workspace({})
    symlinkSync(victim, join(dir, `.report.json.${process.pid}.tmp`))
    writeFileAtomic(join(dir, 'report.json'), 'report\n')
    expect(readFileSync(victim, 'utf8')).toBe('untouched')
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('report\n')
  })

  it('replaces a link at the report’s own path rather than writing through it', () => {
    const victim = join(workspace({ victim: 'untouched' }), 'victim')
    const dir = workspace({})
    symlinkSync(victim, join(dir, 'report.json'))
    writeFileAtomic(join(dir, 'report.json'), 'report\n')
    expect(readFileSync(victim, 'utf8')).toBe('untouched')
    expect(lstatSync(join(dir, 'report.json')).isFile()).toBe(true)
  })
})
