/** The page's answer to main's `flushDrafts` event: its drafts are applied, quitting may go on (services/quit.ts). */
import type { HandlerDeps, Handlers } from './types'

export function draftHandlers({ drafts }: HandlerDeps) {
  return {
    draftsFlushed: async ({ id }) => {
      drafts?.flushed(id)
      return null
    }
  } satisfies Partial<Handlers>
}
