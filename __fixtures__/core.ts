/** Typed doubles for @actions/core, registered with jest.unstable_mockModule before importing code. */
import { jest } from '@jest/globals'
import type * as core from '@actions/core'

export const debug = jest.fn<typeof core.debug>()
export const info = jest.fn<typeof core.info>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()
export const getInput = jest.fn<typeof core.getInput>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const setSecret = jest.fn<typeof core.setSecret>()

/** The job summary: what was written is kept in `written`. */
export const summary = {
  written: [] as string[],
  buffer: '',
  addRaw(text: string) {
    this.buffer += text
    return this
  },
  async write() {
    this.written.push(this.buffer)
    this.buffer = ''
    return this
  }
}
