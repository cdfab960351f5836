/**
 * The IPC contract: for every method on window.api, the zod schema of its request (validated in
 * main before any handler runs) and the type of its response. Main's handler table, the preload
 * and the renderer's client are all typed from this one table.
 */
import { z } from 'zod'
import { CommandSchema, ImportMode } from '../commands/schema'
import { MAX_IMPORT_BYTES, MAX_IMPORT_TOTAL_BYTES } from '../formats/errors'
import { FORMAT_IDS } from '../formats/registry'
import { Horizon } from '../model/schema'
import type { Result } from '../result'
import type { EventName, Method, Subscriber } from './channels'
import type {
  BackupInfo,
  Change,
  ImportPreview,
  ImportProgress,
  MenuAction,
  SavedFile,
  Snapshot,
  StoreStatus
} from './types'

/** The registry's ids (src/shared/formats/registry.ts): every format there reads and writes. */
export const EXPORT_FORMATS = FORMAT_IDS
export const ExportFormat = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormat>

export const REPORT_FORMATS = ['md', 'html', 'csv', 'pdf'] as const
export const ReportFormat = z.enum(REPORT_FORMATS)
export type ReportFormat = z.infer<typeof ReportFormat>

/** A response type carried only at the type level. */
const returns = <T>(): T => undefined as T

const none = z.object({}).strict()

/** Names one `flushDrafts` request, so that a late answer to an earlier one is not taken for it. */
const DraftFlushId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)

const MB = (bytes: number): string => `${bytes / 1024 / 1024} MB`

export const CONTRACT = {
  getWorkspace: { request: none, response: returns<Snapshot>() },
  applyCommand: {
    request: z.object({ command: CommandSchema }).strict(),
    response: returns<Change>()
  },
  undo: { request: none, response: returns<Change | null>() },
  redo: { request: none, response: returns<Change | null>() },
  previewImportFiles: {
    request: z
      .object({
        files: z
          .array(
            z
              .object({ name: z.string().min(1).max(1000), data: z.instanceof(Uint8Array) })
              .strict()
              .superRefine((file, ctx) => {
                if (file.data.byteLength > MAX_IMPORT_BYTES) {
                  ctx.addIssue({
                    code: 'custom',
                    message: `${file.name} is over ${MB(MAX_IMPORT_BYTES)}; files over ${MB(MAX_IMPORT_BYTES)} cannot be imported.`
                  })
                }
              })
          )
          .min(1)
          .max(100)
          .refine((files) => files.reduce((n, f) => n + f.data.byteLength, 0) <= MAX_IMPORT_TOTAL_BYTES, {
            message: `these files are over ${MB(MAX_IMPORT_TOTAL_BYTES)} together; at most ${MB(MAX_IMPORT_TOTAL_BYTES)} can be imported at once.`
          })
      })
      .strict(),
    /** null when the import was cancelled (cancelImport) while the files were read. */
    response: returns<ImportPreview | null>()
  },
  /** Shows the native open dialog; null when the user cancels it, or cancels the import while the files are read. */
  chooseImportFiles: { request: none, response: returns<ImportPreview | null>() },
  applyImport: {
    request: z.object({ token: z.string().min(1), mode: ImportMode }).strict(),
    response: returns<Change>()
  },
  discardImport: { request: z.object({ token: z.string().min(1) }).strict(), response: returns<null>() },
  /** Stops the files being read for an import; its preview call then answers null. */
  cancelImport: { request: none, response: returns<null>() },
  /** Fills an empty workspace with the example shipped in resources/ (one undo takes it away). */
  openExampleWorkspace: { request: none, response: returns<Change>() },
  /** Shows the native save dialog and writes the file; null when the user cancels. */
  exportWorkspace: {
    request: z.object({ format: ExportFormat }).strict(),
    response: returns<SavedFile | null>()
  },
  exportReport: {
    request: z.object({ format: ReportFormat, horizon: Horizon }).strict(),
    response: returns<SavedFile | null>()
  },
  listBackups: { request: none, response: returns<BackupInfo[]>() },
  restoreBackup: {
    request: z.object({ name: z.string().min(1).max(255) }).strict(),
    response: returns<Change>()
  },
  openExternal: {
    request: z.object({ url: z.string().min(1).max(2048) }).strict(),
    response: returns<null>()
  },
  /** The page's answer to `flushDrafts`: every draft it held is applied (quit.ts waits for it). */
  draftsFlushed: {
    request: z.object({ id: DraftFlushId }).strict(),
    response: returns<null>()
  }
} as const satisfies Record<Method, { request: z.ZodType; response: unknown }>

/** What a caller sends, and what main's handler receives once the schema has parsed it. */
export type Request<M extends Method> = z.input<(typeof CONTRACT)[M]['request']>
export type ParsedRequest<M extends Method> = z.output<(typeof CONTRACT)[M]['request']>
export type Response<M extends Method> = (typeof CONTRACT)[M]['response']

/** What main sends with each event of channels.ts's EVENTS. */
export const EVENT_CONTRACT = {
  workspaceChanged: returns<Change>(),
  storeStatus: returns<StoreStatus>(),
  menuAction: returns<MenuAction>(),
  /** Main is about to close the workspace: save every draft now, then answer with `draftsFlushed`. */
  flushDrafts: returns<{ id: number }>(),
  /** How far the file being read for an import got (sent at most once per percent). */
  importProgress: returns<ImportProgress>()
} as const satisfies Record<EventName, unknown>

export type Payload<E extends EventName> = (typeof EVENT_CONTRACT)[E]

export type AppMethods = { [M in Method]: (request: Request<M>) => Promise<Result<Response<M>>> }

/** One subscription per event; the listener gets the payload alone, and the call returns an unsubscribe. */
export type AppEvents = {
  [E in EventName as Subscriber<E>]: (listener: (payload: Payload<E>) => void) => () => void
}

/** What window.api offers: one named method per channel, plus event subscriptions. */
export type AppApi = AppMethods & AppEvents
