import { resolve } from 'node:path'

/** What a CLI command may touch, injected so tests run commands in-process. */
export interface CliIo {
  /** The result stream: nothing but the requested output goes here. */
  stdout: (text: string) => void
  /** Messages, diagnostics and usage lines. */
  stderr: (text: string) => void
  /** The folder relative paths are read against: where the user ran the command (default: the process's). */
  cwd?: string
}

/** A path the user typed, as an absolute path from the folder they ran the command in. */
export const userPath = (io: CliIo, path: string): string => resolve(io.cwd ?? process.cwd(), path)

/** Exit codes: 0 success, 1 a file could not be read or written, 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

export class UsageError extends Error {
  override name = 'UsageError'
}

/** node:util parseArgs refuses unknown options and missing values with ERR_PARSE_ARGS_* errors. */
const isParseArgsError = (error: unknown): boolean =>
  error instanceof Error && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')

/**
 * Runs a command's argument parser (parseArgs errors count as usage errors): `--help` prints the usage on stdout (exit 0), a UsageError
 * prints the message and the usage on stderr (exit 2). Returns the options, or the exit code.
 */
export function parseCommandArgs<T extends object>(
  command: string,
  usage: string,
  parse: () => T | 'help',
  io: CliIo
): T | number {
  try {
    const options = parse()
    if (options !== 'help') return options
    io.stdout(`${usage}\n`)
    return EXIT.ok
  } catch (error) {
    if (!(error instanceof UsageError) && !isParseArgsError(error)) throw error
    io.stderr(`${command}: ${(error as Error).message}\n${usage}\n`)
    return EXIT.usage
  }
}
