/** The backups beside the workspace file, and opening links in the system browser. */
import { checkExternalUrl } from '../services/external-url'
import type { HandlerDeps, Handlers } from './types'

export function backupHandlers({ store }: HandlerDeps) {
  return {
    listBackups: async () => store.listBackups(),
    restoreBackup: async ({ name }) => store.restoreBackup(name)
  } satisfies Partial<Handlers>
}

export function shellHandlers({ platform }: HandlerDeps) {
  return {
    openExternal: async ({ url }) => {
      await platform.openExternal(checkExternalUrl(url))
      return null
    }
  } satisfies Partial<Handlers>
}
