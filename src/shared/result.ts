/** Errors cross process boundaries as values, never as thrown exceptions or stack traces. */
export type ErrorCode =
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'io'
  | 'read-only'
  | 'locked'
  | 'unsupported'
  | 'too-large'
  | 'internal'

export interface AppError {
  code: ErrorCode
  message: string
  details?: string[]
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message: string, details?: string[]): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message }
})

/** An error a service throws on purpose; its message is meant for the user. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[]
  ) {
    super(message)
    this.name = 'AppFailure'
  }
}
