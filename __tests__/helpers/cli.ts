/** The CLI's main() as the tests call it: captured stdout and stderr, the shipped policies for init. */
import { join } from 'node:path'
import { main, type Io } from '../../src/cli/main.js'

export const SHIPPED_POLICIES = join(import.meta.dirname, '../../policies')

export async function runCli(args: string[], cwd: string, io: Partial<Io> = {}) {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    cwd,
    env: {},
    stdout: s => void (stdout += s),
    stderr: s => void (stderr += s),
    isTTY: false,
    policies: SHIPPED_POLICIES,
    ...io
  })
  return { code, stdout, stderr }
}
