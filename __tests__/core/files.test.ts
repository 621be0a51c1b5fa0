/**
 * Writing outputs whole or not at all: a report is replaced by a rename, so that no reader (a later
 * run, an auditor, the upload step) ever sees it half-written.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../../src/core/files.js'
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
