/**
 * The handler table: one function per contract method. It validates every request with the
 * contract's schema, calls the services, and returns Result values; it never throws and never
 * imports Electron, so the e2e harness serves the renderer from this same table.
 */
import { randomUUID } from 'node:crypto'
import { CONTRACT, type ExportFormat, type ParsedRequest, type Response } from '../../shared/ipc/contract'
import type { Method } from '../../shared/ipc/channels'
import type { Change, ImportPreview, SavedFile } from '../../shared/ipc/types'
import type { Horizon } from '../../shared/model/schema'
import { AppFailure, fail, ok, type Result } from '../../shared/result'
import { defaultExportName, exportToPath } from '../services/export-service'
import {
  buildImportPreview,
  importCommand,
  parseProfileBuffers,
  readProfileFiles,
  type FileOutcome
} from '../services/import-service'
import { renderReport, writeReport } from '../services/report-service'
import type { WorkspaceStore } from '../services/workspace-store'
import { writeFileAtomic } from '../services/atomic-write'
import { checkExternalUrl } from '../services/external-url'

/** What the handlers need from the platform: Electron in the app, stubs in tests. */
export interface Platform {
  chooseImportFiles(): Promise<string[] | null>
  chooseSavePath(defaultName: string): Promise<string | null>
  openExternal(url: string): Promise<void>
  /** Renders standalone HTML to PDF (Electron's printToPDF in the app, Chromium in tests). */
  printToPdf(html: string): Promise<Uint8Array>
  /** The example workspace shipped in resources/ (inside the app's asar when packaged). */
  exampleWorkspacePath: string
}

export interface HandlerDeps {
  store: WorkspaceStore
  platform: Platform
}

type Handler<M extends Method> = (request: ParsedRequest<M>) => Promise<Response<M>>
export type HandlerTable = { [M in Method]: (request: unknown) => Promise<Result<Response<M>>> }

const REPORT_EXTENSIONS = { md: 'md', html: 'html', csv: 'csv', pdf: 'pdf' } as const

function toResult(error: unknown): Result<never> {
  if (error instanceof AppFailure) return fail(error.code, error.message, error.details)
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return fail('io', `The file could not be read or written (${code}).`)
  }
  console.error(error)
  return fail('internal', 'Something went wrong inside Persona Planner; the workspace was not changed.')
}

export function createHandlers({ store, platform }: HandlerDeps): HandlerTable {
  const pendingImports = new Map<string, FileOutcome[]>()

  function preview(outcomes: FileOutcome[]): ImportPreview {
    const token = randomUUID()
    pendingImports.set(token, outcomes)
    return { token, ...buildImportPreview(outcomes, store.snapshot().workspace) }
  }

  async function saveReport(
    format: 'md' | 'html' | 'csv' | 'pdf',
    horizon: Horizon
  ): Promise<SavedFile | null> {
    const workspace = store.snapshot().workspace
    const path = await platform.chooseSavePath(`gap-report-${horizon}.${REPORT_EXTENSIONS[format]}`)
    if (path === null) return null
    if (format !== 'pdf') return writeReport(workspace, format, horizon, path)
    const pdf = await platform.printToPdf(renderReport(workspace, 'html', horizon))
    await writeFileAtomic(path, pdf)
    return { path, bytes: pdf.byteLength }
  }

  async function openExample(): Promise<Change> {
    const { workspace } = store.snapshot()
    if (workspace.cards.length > 0 || workspace.categories.length > 0 || workspace.capabilities.length > 0) {
      throw new AppFailure(
        'conflict',
        'The example opens in an empty workspace only; this one already has content.'
      )
    }
    const [outcome] = await readProfileFiles([platform.exampleWorkspacePath])
    if (!outcome?.ok || outcome.parsed.diagnostics.some((d) => d.severity === 'error')) {
      throw new AppFailure('io', 'The example workspace that comes with Persona Planner could not be read.')
    }
    const { parsed } = outcome
    const name = typeof parsed.metadata['name'] === 'string' ? parsed.metadata['name'] : workspace.name
    return store.apply({
      type: 'workspace.replace',
      label: 'Open the example workspace',
      workspace: {
        ...workspace,
        name,
        categories: parsed.categories,
        cards: parsed.cards,
        capabilities: parsed.capabilities
      }
    })
  }

  const handlers: { [M in Method]: Handler<M> } = {
    getWorkspace: async () => store.snapshot(),
    applyCommand: async ({ command }) => store.apply(command),
    undo: async () => store.undo(),
    redo: async () => store.redo(),
    previewImportFiles: async ({ files }) => preview(parseProfileBuffers(files)),
    previewImportPaths: async ({ paths }) => preview(await readProfileFiles(paths)),
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
    openExampleWorkspace: async () => openExample(),
    exportWorkspace: async ({ format }: { format: ExportFormat }) => {
      const path = await platform.chooseSavePath(defaultExportName(format))
      return path === null ? null : exportToPath(store.snapshot().workspace, format, path)
    },
    exportReport: async ({ format, horizon }) => saveReport(format, horizon),
    listBackups: async () => store.listBackups(),
    restoreBackup: async ({ name }) => store.restoreBackup(name),
    openExternal: async ({ url }) => {
      await platform.openExternal(checkExternalUrl(url))
      return null
    }
  }

  const table = {} as Record<Method, (request: unknown) => Promise<Result<unknown>>>
  for (const method of Object.keys(CONTRACT) as Method[]) {
    table[method] = async (request: unknown) => {
      const parsed = CONTRACT[method].request.safeParse(request ?? {})
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`)
        return fail('validation', `Invalid request for ${method}.`, details)
      }
      try {
        const handler = handlers[method] as (request: unknown) => Promise<unknown>
        return ok(await handler(parsed.data))
      } catch (error) {
        return toResult(error)
      }
    }
  }
  return table as HandlerTable
}
