/** What the handlers are made of: the platform they call out to, and the shape of one handler. */
import type { Method } from '../../shared/ipc/channels'
import type { ParsedRequest, Response } from '../../shared/ipc/contract'
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
}

/** One method's handler: takes the request its schema parsed, returns the response or throws. */
export type Handler<M extends Method> = (request: ParsedRequest<M>) => Promise<Response<M>>
export type Handlers = { [M in Method]: Handler<M> }
