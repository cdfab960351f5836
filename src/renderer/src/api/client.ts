/**
 * The renderer's only way to main: window.api, with Results unwrapped. A failed call throws an
 * ApiError carrying the AppError, which views show as a message; nobody string-matches it.
 */
import type { Method } from '../../../shared/ipc/channels'
import type { Request, Response } from '../../../shared/ipc/contract'
import type { AppError, Result } from '../../../shared/result'

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
    this.name = 'ApiError'
  }
}

export async function call<M extends Method>(method: M, request: Request<M>): Promise<Response<M>> {
  // Each method's own signature is checked by AppApi; indexing by a generic M loses it, so widen once here.
  const invoke = window.api[method] as unknown as (r: Request<M>) => Promise<Result<Response<M>>>
  const result = await invoke(request)
  if (!result.ok) throw new ApiError(result.error)
  return result.data as Response<M>
}

export const events = {
  onWorkspaceChanged: (listener: Parameters<typeof window.api.onWorkspaceChanged>[0]) =>
    window.api.onWorkspaceChanged(listener),
  onStoreStatus: (listener: Parameters<typeof window.api.onStoreStatus>[0]) =>
    window.api.onStoreStatus(listener),
  onMenuAction: (listener: Parameters<typeof window.api.onMenuAction>[0]) => window.api.onMenuAction(listener)
}

/** A message fit for the user from anything a call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.error.details?.length ? ` (${error.error.details.slice(0, 3).join('; ')})` : ''
    return `${error.error.message}${details}`
  }
  return error instanceof Error ? error.message : String(error)
}
