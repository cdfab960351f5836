/**
 * The workspace file: `readWorkspaceFile` classifies what it finds instead of throwing, so opening
 * can recover from a damaged or newer file, and the lowdb adapter writes through
 * `writeFileAtomicWith` (unique temp name, fsync, rename, folder fsync) as pretty JSON, because
 * lowdb's own JSONFile (steno) never fsyncs and uses a fixed temporary name.
 */
import type { Adapter } from 'lowdb'
import { migrateWorkspace } from '../../shared/model/migrations'
import { SCHEMA_VERSION, WorkspaceSchema, type Workspace } from '../../shared/model/schema'
import { AppFailure } from '../../shared/result'
import { parseJsonSafely } from '../../shared/text/safe-json'
import { writeFileAtomicWith } from './atomic-write'
import { decodeUtf8, errnoOf, type FsPort } from './fs-port'

export type LoadResult =
  | { kind: 'missing' }
  | { kind: 'ok'; workspace: Workspace; fromVersion: number; text: string; dropped: string[] }
  /** Not UTF-8, not JSON, truncated, or not a workspace: `reason` says which, for the notice. */
  | { kind: 'corrupt'; reason: string; details: string[] }
  /** Written by a newer app. `preview` is what this version can show of it, if anything. */
  | { kind: 'newer'; message: string; preview: Workspace | null }
  /** The file exists but could not be read (EACCES, EISDIR, EIO ...). */
  | { kind: 'unreadable'; error: unknown }

/** Pretty JSON (2 spaces, final newline) so people can diff their workspace in Git. */
export const serializeWorkspace = (workspace: Workspace): string => JSON.stringify(workspace, null, 2) + '\n'

export type ParseResult = Exclude<LoadResult, { kind: 'missing' | 'unreadable' }>

/** Classifies the bytes of a workspace file (or a backup). */
export function parseWorkspaceBytes(bytes: Uint8Array): ParseResult {
  let text: string
  try {
    text = decodeUtf8(bytes)
  } catch {
    return { kind: 'corrupt', reason: 'it is not UTF-8 text', details: [] }
  }
  return parseWorkspaceText(text)
}

/** Classifies the text of a workspace file (or a backup): JSON, then migration and validation. */
export function parseWorkspaceText(text: string): ParseResult {
  if (text.trim() === '') return { kind: 'corrupt', reason: 'it is empty', details: [] }
  let value: unknown
  let dropped: string[]
  try {
    ;({ value, dropped } = parseJsonSafely(text))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { kind: 'corrupt', reason: `it is not valid JSON (${message})`, details: [] }
  }
  try {
    const { workspace, fromVersion } = migrateWorkspace(value)
    return { kind: 'ok', workspace, fromVersion, text, dropped }
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'unsupported') {
      return { kind: 'newer', message: error.message, preview: previewNewer(value) }
    }
    if (error instanceof AppFailure) {
      return { kind: 'corrupt', reason: lowerFirst(error.message), details: error.details ?? [] }
    }
    // e.g. RangeError from absurdly deep nesting: still a damaged file, never a crash on open.
    const message = error instanceof Error ? error.message : String(error)
    return { kind: 'corrupt', reason: `it could not be checked (${message})`, details: [] }
  }
}

/** A newer document that only adds fields still reads as the current schema: show that much. */
function previewNewer(value: unknown): Workspace | null {
  if (typeof value !== 'object' || value === null) return null
  const parsed = WorkspaceSchema.safeParse({ ...value, schemaVersion: SCHEMA_VERSION })
  return parsed.success ? parsed.data : null
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '')

/** Reads and classifies a workspace file; never throws. */
export async function readWorkspaceFile(fs: FsPort, path: string): Promise<LoadResult> {
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(path)
  } catch (error) {
    return errnoOf(error) === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', error }
  }
  return parseWorkspaceBytes(bytes)
}

export class WorkspaceFileAdapter implements Adapter<Workspace> {
  constructor(
    private readonly fs: FsPort,
    readonly path: string,
    private readonly platform: NodeJS.Platform = process.platform
  ) {}

  /** Never throws: anything but a valid workspace reads as null (`readWorkspaceFile` says why). */
  async read(): Promise<Workspace | null> {
    const load = await readWorkspaceFile(this.fs, this.path)
    return load.kind === 'ok' ? load.workspace : null
  }

  async write(data: Workspace): Promise<void> {
    await writeFileAtomicWith(this.fs, this.path, serializeWorkspace(data), { platform: this.platform })
  }
}
