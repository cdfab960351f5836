/** What a CLI command may touch, injected so tests run commands in-process. */
export interface CliIo {
  /** The result stream: nothing but the requested output goes here. */
  stdout: (text: string) => void
  /** Messages, diagnostics and usage lines. */
  stderr: (text: string) => void
}

/** Exit codes: 0 success, 1 a file could not be read or written, 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

export class UsageError extends Error {
  override name = 'UsageError'
}
