/** What the handlers are made of: the platform they call out to, and the shape of one handler. */
import type { Method } from '../../shared/ipc/channels'
import type { ParsedRequest, Response } from '../../shared/ipc/contract'
import type { ImportProgress } from '../../shared/ipc/types'
import type { DraftFlushes } from '../services/quit'
import type { WorkspaceStore } from '../services/workspace-store'

/** What the handlers need from the platform: Electron in the app, stubs in tests. */
export interface Platform {
  chooseImportFiles(): Promise<string[] | null>
  chooseSavePath(defaultName: string): Promise<string | null>
  openExternal(url: string): Promise<void>
  /** Renders standalone HTML to PDF (Electron's printToPDF in the app, Chromium in tests). */
  printToPdf(html: string): Promise<Uint8Array>
  /** The example workspace shipped in resources/ (beside app.asar when packaged). */
  exampleWorkspacePath: string
}

export interface HandlerDeps {
  store: WorkspaceStore
  platform: Platform
  /** Waits for the page's drafts at quit (services/quit.ts); absent where nothing waits (tests). */
  drafts?: Pick<DraftFlushes, 'flushed'>
  /** Where imports are parsed: in a worker (the app, the e2e harness), else in this thread (unit tests). */
  importWorker?: ImportWorker
}

/** The parse worker's built entry, and who hears of its progress (main sends it as importProgress). */
export interface ImportWorker {
  workerPath: string
  onProgress: (progress: ImportProgress) => void
  /** The worker's heap in MB; PARSE_WORKER_MEMORY_MB unless a test asks for less. */
  memoryMb?: number
}

/** One method's handler: takes the request its schema parsed, returns the response or throws. */
export type Handler<M extends Method> = (request: ParsedRequest<M>) => Promise<Response<M>>
export type Handlers = { [M in Method]: Handler<M> }
