/**
 * The workspace file: `readWorkspaceFile` classifies what it finds instead of throwing, so opening
 * can recover from a damaged or newer file, and the lowdb adapter writes through
 * `writeFileAtomicWith` (unique temp name, fsync, rename, folder fsync) as pretty JSON, because
 * lowdb's own JSONFile (steno) never fsyncs and uses a fixed temporary name. The JSON is built in
 * slices so that writing a large workspace does not stall the main process for the whole of it.
 */
import { createHash } from 'node:crypto'
import type { Adapter } from 'lowdb'
import { ParseContext } from '../../shared/formats/context'
import { readWorkspaceJson } from '../../shared/formats/json'
import type { Diagnostic } from '../../shared/ipc/types'
import type { Workspace } from '../../shared/model/schema'
import { writeFileAtomicWith } from './atomic-write'
import { decodeUtf8, errnoOf, type FsPort } from './fs-port'
import { yieldToLoop } from './journal'

export type ParseResult =
  /**
   * A workspace, as the importer would read it; `notices` are the reader's warnings and notes
   * (keys dropped, fields defaulted, references repaired), each naming its line where it has one.
   */
  | { kind: 'ok'; workspace: Workspace; fromVersion: number; text: string; notices: string[] }
  /** Not UTF-8, not JSON, truncated, or not a workspace: `reason` says which, for the notice. */
  | { kind: 'corrupt'; reason: string; details: string[] }
  /** Written by a newer app. `preview` is what this version can show of it, if anything. */
  | { kind: 'newer'; message: string; preview: Workspace | null }

export type LoadResult =
  | { kind: 'missing' }
  /** The file exists but could not be read (EACCES, EISDIR, EIO ...). */
  | { kind: 'unreadable'; error: unknown }
  | Exclude<ParseResult, { kind: 'ok' }>
  /** `bytes`: the file as read, to check that a journal was written for it. */
  | (Extract<ParseResult, { kind: 'ok' }> & { bytes: Uint8Array })

/** Pretty JSON (2 spaces, final newline) so people can diff their workspace in Git. */
export const serializeWorkspace = (workspace: Workspace): string => JSON.stringify(workspace, null, 2) + '\n'

/** How long one slice of `serializeWorkspaceInSlices` may run before it yields. */
const SLICE_MS = 8

/**
 * The bytes of `serializeWorkspace`, in chunks, with their SHA-256, built a slice of about SLICE_MS
 * at a time: each top-level list item is stringified on its own and indented to its depth, which is
 * what JSON.stringify does inside the whole (a JSON string never holds a raw newline); each slice
 * is encoded as it is done, so no step handles the whole text at once. The workspace is immutable,
 * so it cannot change between slices.
 */
export async function serializeWorkspaceInSlices(
  workspace: Workspace
): Promise<{ chunks: Buffer[]; bytes: number; sha256: string }> {
  const hash = createHash('sha256')
  const chunks: Buffer[] = []
  let bytes = 0
  let parts: string[] = []
  const endSlice = (): void => {
    const chunk = Buffer.from(parts.join(''))
    parts = []
    hash.update(chunk)
    chunks.push(chunk)
    bytes += chunk.length
  }
  const indent = (json: string, spaces: string): string => json.replace(/\n/g, `\n${spaces}`)
  let deadline = performance.now() + SLICE_MS
  const entries = Object.entries(workspace).filter(([, value]) => value !== undefined)
  parts.push('{')
  for (const [k, [key, value]] of entries.entries()) {
    const name = `${k === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `
    if (!Array.isArray(value) || value.length === 0) {
      parts.push(name + indent(JSON.stringify(value, null, 2), '  '))
      continue
    }
    parts.push(`${name}[`)
    for (let i = 0; i < value.length; i++) {
      parts.push(`${i === 0 ? '' : ','}\n    ${indent(JSON.stringify(value[i], null, 2) ?? 'null', '    ')}`)
      if (performance.now() > deadline) {
        endSlice()
        await yieldToLoop()
        deadline = performance.now() + SLICE_MS
      }
    }
    parts.push('\n  ]')
  }
  parts.push(entries.length === 0 ? '}\n' : '\n}\n')
  endSlice()
  return { chunks, bytes, sha256: hash.digest('hex') }
}

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

/** A diagnostic as a sentence of a notice: "Line 12: …" where it has a line. */
const sentence = (d: Diagnostic): string => (d.line === null ? d.message : `Line ${d.line}: ${d.message}`)

/**
 * Classifies the text of a workspace file (or a backup) with readWorkspaceJson, the importer's
 * reader: the same migration, defaults, repairs and messages. Its own file is not refused for
 * deep nesting (the importer's limit).
 */
export function parseWorkspaceText(text: string): ParseResult {
  if (text.trim() === '') return { kind: 'corrupt', reason: 'it is empty', details: [] }
  const ctx = new ParseContext('workspace.json')
  const read = readWorkspaceJson(text.replace(/^\uFEFF/, ''), ctx, { refuseDeepNesting: false })
  const diagnostics = ctx.finish()
  // Errors name their line and column in the message itself.
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)
  switch (read.kind) {
    case 'ok':
      return {
        kind: 'ok',
        workspace: read.workspace,
        fromVersion: read.fromVersion,
        text,
        notices: diagnostics.map(sentence)
      }
    case 'newer':
      return { kind: 'newer', message: errors.join(' '), preview: read.preview }
    case 'refused':
      return {
        kind: 'corrupt',
        reason: lowerFirst(errors[0] ?? 'It is not a workspace.'),
        details: errors.slice(1).map((e) => e.replace(/\.$/, ''))
      }
  }
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
  const parsed = parseWorkspaceBytes(bytes)
  return parsed.kind === 'ok' ? { ...parsed, bytes } : parsed
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

  /** SHA-256 and size of what the last successful `write` put on disk. */
  written = { sha256: '', bytes: 0 }

  /** Serialises in slices (see serializeWorkspaceInSlices), then writes atomically. */
  async write(data: Workspace): Promise<void> {
    const { chunks, bytes, sha256 } = await serializeWorkspaceInSlices(data)
    await writeFileAtomicWith(this.fs, this.path, chunks, { platform: this.platform })
    this.written = { sha256, bytes }
  }
}
