/** Import (preview, then apply or discard) and export of the workspace in any format. */
import { randomUUID } from 'node:crypto'
import type { ImportPreview } from '../../shared/ipc/types'
import { AppFailure } from '../../shared/result'
import { defaultExportName, exportToPath } from '../services/export-service'
import {
  buildImportPreview,
  importCommand,
  parseOutcome,
  readProfileFiles,
  type FileOutcome,
  type ParseFile
} from '../services/import-service'
import { workerParser } from '../services/parse-worker'
import type { HandlerDeps, Handlers } from './types'

export function importExportHandlers({ store, platform, importWorker }: HandlerDeps) {
  /** Parsed files waiting for the user's apply or cancel, by preview token. */
  const pendingImports = new Map<string, FileOutcome[]>()
  /** The import whose files are being read; cancelImport aborts it. */
  let reading: AbortController | null = null

  /**
   * Reads one import's files with `read`, in the worker when there is one; null when cancelImport
   * stopped it (nothing of it is kept). A new import cancels one still being read.
   */
  async function readCancellable(
    read: (parse: ParseFile) => Promise<FileOutcome[]>
  ): Promise<FileOutcome[] | null> {
    reading?.abort()
    const controller = new AbortController()
    reading = controller
    try {
      const parse: ParseFile = importWorker
        ? workerParser({ ...importWorker, signal: controller.signal })
        : (data, name) => parseOutcome(data, name)
      const outcomes = await read(parse)
      return controller.signal.aborted ? null : outcomes
    } finally {
      if (reading === controller) reading = null
    }
  }

  function preview(outcomes: FileOutcome[]): ImportPreview {
    const token = randomUUID()
    pendingImports.set(token, outcomes)
    return { token, ...buildImportPreview(outcomes, store.snapshot().workspace) }
  }

  return {
    previewImportFiles: async ({ files }) => {
      const outcomes = await readCancellable((parse) =>
        Promise.all(files.map(({ name, data }) => parse(data, name)))
      )
      return outcomes === null ? null : preview(outcomes)
    },
    chooseImportFiles: async () => {
      const paths = await platform.chooseImportFiles()
      if (!paths || paths.length === 0) return null
      const outcomes = await readCancellable((parse) => readProfileFiles(paths, parse))
      return outcomes === null ? null : preview(outcomes)
    },
    cancelImport: async () => {
      reading?.abort()
      return null
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
