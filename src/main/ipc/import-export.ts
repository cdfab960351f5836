/** Import (preview, then apply or discard) and export of the workspace in any format. */
import { randomUUID } from 'node:crypto'
import type { ImportPreview } from '../../shared/ipc/types'
import { AppFailure } from '../../shared/result'
import { defaultExportName, exportToPath } from '../services/export-service'
import {
  buildImportPreview,
  importCommand,
  parseProfileBuffers,
  readProfileFiles,
  type FileOutcome
} from '../services/import-service'
import type { HandlerDeps, Handlers } from './types'

export function importExportHandlers({ store, platform }: HandlerDeps) {
  /** Parsed files waiting for the user's apply or cancel, by preview token. */
  const pendingImports = new Map<string, FileOutcome[]>()

  function preview(outcomes: FileOutcome[]): ImportPreview {
    const token = randomUUID()
    pendingImports.set(token, outcomes)
    return { token, ...buildImportPreview(outcomes, store.snapshot().workspace) }
  }

  return {
    previewImportFiles: async ({ files }) => preview(parseProfileBuffers(files)),
    chooseImportFiles: async () => {
      const paths = await platform.chooseImportFiles()
      return paths && paths.length > 0 ? preview(await readProfileFiles(paths)) : null
    },
    applyImport: async ({ token, mode }) => {
      const outcomes = pendingImports.get(token)
      if (!outcomes)
        throw new AppFailure('not-found', 'This import preview has expired; import the files again.')
      await store.backup('before import')
      const change = store.apply(importCommand(outcomes, mode, new Date().toISOString()))
      pendingImports.delete(token)
      return change
    },
    discardImport: async ({ token }) => {
      pendingImports.delete(token)
      return null
    },
    exportWorkspace: async ({ format }) => {
      const path = await platform.chooseSavePath(defaultExportName(format))
      return path === null ? null : exportToPath(store.snapshot().workspace, format, path)
    }
  } satisfies Partial<Handlers>
}
