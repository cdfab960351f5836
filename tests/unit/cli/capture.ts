/** Runs the command line in-process with its output captured, for the CLI tests. */
import { main } from '../../../src/cli/index'
import type { CliIo } from '../../../src/cli/io'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `command(io)` with an io that collects stdout and stderr; `cwd` as the folder the user ran it in. */
export async function captured(command: (io: CliIo) => Promise<number>, cwd?: string): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...(cwd ? { cwd } : {}) }
  const code = await command(io)
  return { code, stdout, stderr }
}

/** `persona-planner <argv…>`, captured. */
export const cli = (...argv: string[]): Promise<CliRun> => captured((io) => main(argv, io))
