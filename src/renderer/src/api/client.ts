/**
 * The renderer's only way to main: window.api, with Results unwrapped. A failed call throws an
 * ApiError carrying the AppError, which views show as a message; nobody string-matches it.
 */
import { subscriberName, type EventName, type Method } from '../../../shared/ipc/channels'
import type { Payload, Request, Response } from '../../../shared/ipc/contract'
import type { AppError, Result } from '../../../shared/result'

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
    this.name = 'ApiError'
  }
}

/** The calls that change the workspace; `changesSettled` waits for those in flight. */
const CHANGES: ReadonlySet<Method> = new Set<Method>(['applyCommand', 'undo', 'redo'])
const inFlight = new Set<Promise<unknown>>()

export async function call<M extends Method>(method: M, request: Request<M>): Promise<Response<M>> {
  // Each method's own signature is checked by AppApi; indexing by a generic M loses it, so widen once here.
  const invoke = window.api[method] as unknown as (r: Request<M>) => Promise<Result<Response<M>>>
  const pending = invoke(request)
  if (CHANGES.has(method)) {
    inFlight.add(pending)
    void pending.finally(() => inFlight.delete(pending)).catch(() => undefined)
  }
  const result = await pending
  if (!result.ok) throw new ApiError(result.error)
  return result.data as Response<M>
}

/** Resolves once main has answered every change sent so far (and any sent meanwhile), applied or refused. */
export async function changesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight])
}

/** Listens to one of main's events; returns the unsubscribe. */
export function on<E extends EventName>(event: E, listener: (payload: Payload<E>) => void): () => void {
  // As in call(): indexing window.api by a generic event name loses each subscription's own signature.
  const subscribe = window.api[subscriberName(event)] as (
    listener: (payload: Payload<E>) => void
  ) => () => void
  return subscribe(listener)
}

/** What the user reads when a request failed its schema: plain words, the details go to the console. */
export const INVALID_REQUEST_MESSAGE = 'That action could not be done, and nothing was changed.'

/**
 * A message fit for the user from anything a call may throw. A validation error with details is a
 * request (or document) that failed its schema: the user gets a plain sentence, never the schema's
 * text, which goes to the console for whoever debugs it.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const { code, message, details = [] } = error.error
    if (code === 'validation' && details.length > 0) {
      console.warn(message, details)
      return INVALID_REQUEST_MESSAGE
    }
    return details.length > 0 ? `${message} (${details.slice(0, 3).join('; ')})` : message
  }
  return error instanceof Error ? error.message : String(error)
}
