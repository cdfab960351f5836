/**
 * The handler table: one function per contract method, gathered from the domain files beside this
 * one. It validates every request with the contract's schema, calls the services, and returns
 * Result values; it never throws and never imports Electron, so the e2e harness serves the
 * renderer from this same table.
 */
import { CONTRACT, type Response } from '../../shared/ipc/contract'
import type { Method } from '../../shared/ipc/channels'
import { AppFailure, fail, ok, type Result } from '../../shared/result'
import { backupHandlers, shellHandlers } from './backups'
import { draftHandlers } from './drafts'
import { importExportHandlers } from './import-export'
import { reportHandlers } from './report'
import type { HandlerDeps, Handlers } from './types'
import { workspaceHandlers } from './workspace'

export type { HandlerDeps, Platform } from './types'

export type HandlerTable = { [M in Method]: (request: unknown) => Promise<Result<Response<M>>> }

function toResult(error: unknown): Result<never> {
  if (error instanceof AppFailure) return fail(error.code, error.message, error.details)
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return fail('io', `The file could not be read or written (${code}).`)
  }
  console.error(error)
  return fail('internal', 'Something went wrong inside Persona Planner; the workspace was not changed.')
}

/**
 * Requests nesting deeper than this are refused before validation, which recurses per level. No
 * valid request comes near it: the deepest, a command holding a workspace, nests under 30 levels.
 */
const MAX_REQUEST_DEPTH = 64

/** Whether `value` nests objects and arrays more than `max` levels deep; iterative, so any depth is safe. */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number] // the loop condition guarantees one
    if (typeof current !== 'object' || current === null || ArrayBuffer.isView(current)) continue
    if (depth > max) return true
    for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
  return false
}

const TOO_DEEP = `The request nests more than ${MAX_REQUEST_DEPTH} levels deep; nothing was changed.`

export function createHandlers(deps: HandlerDeps): HandlerTable {
  const handlers: Handlers = {
    ...workspaceHandlers(deps),
    ...importExportHandlers(deps),
    ...reportHandlers(deps),
    ...backupHandlers(deps),
    ...shellHandlers(deps),
    ...draftHandlers(deps)
  }

  const table = {} as Record<Method, (request: unknown) => Promise<Result<unknown>>>
  for (const method of Object.keys(CONTRACT) as Method[]) {
    table[method] = async (request: unknown) => {
      if (nestsDeeperThan(request, MAX_REQUEST_DEPTH)) {
        return fail('validation', `Invalid request for ${method}.`, [TOO_DEEP])
      }
      try {
        const parsed = CONTRACT[method].request.safeParse(request ?? {})
        if (!parsed.success) {
          const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`)
          return fail('validation', `Invalid request for ${method}.`, details)
        }
        const handler = handlers[method] as (request: unknown) => Promise<unknown>
        return ok(await handler(parsed.data))
      } catch (error) {
        return toResult(error)
      }
    }
  }
  return table as HandlerTable
}
