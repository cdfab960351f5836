/**
 * The save journal, `workspace.journal` beside `workspace.json`: what changed since the file was
 * last written whole, so that saving one edit of a large workspace appends a line instead of
 * rewriting the file. One JSON value a line, each behind the first 16 hex digits of its SHA-256,
 * so a line cut short by a crash or damaged on disk is recognised:
 *
 *     <checksum> {"journal":1,"base":"<SHA-256 of the workspace.json it applies to>"}
 *     <checksum> {"patches":[…immer patches of one save…]}
 *
 * The header names the exact bytes of the `workspace.json` the entries apply to, so a journal left
 * behind by a crash after `workspace.json` was rewritten (and before the journal was removed), or
 * one beside a file someone replaced by hand, is recognised as stale and ignored. A new journal is
 * written atomically (header and first entry); later entries are appended and fsynced.
 */
import { createHash } from 'node:crypto'
import type { Patch } from 'immer'
import { writeFileAtomicWith } from './atomic-write'
import type { FsPort } from './fs-port'

export const JOURNAL_FILE = 'workspace.journal'
const FORMAT = 1

/** Yields to the event loop, so a long task in slices lets other work run between them. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** SHA-256 of a file's bytes in hex. */
export const digest = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')

/** Hashes `bytes` a slice at a time, so a large file does not block the event loop for its whole hash. */
export async function digestInSlices(bytes: Uint8Array, sliceBytes = 1 << 20): Promise<string> {
  const hash = createHash('sha256')
  for (let start = 0; start < bytes.length; start += sliceBytes) {
    if (start > 0) await yieldToLoop()
    hash.update(bytes.subarray(start, start + sliceBytes))
  }
  return hash.digest('hex')
}

const checksum = (body: string): string => digest(body).slice(0, 16)

/** One line of the journal: the checksum, a space, the value as JSON, a newline. */
export function journalLine(value: unknown): string {
  const body = JSON.stringify(value)
  return `${checksum(body)} ${body}\n`
}

/** What a journal holds for a given `workspace.json`. */
export type JournalRead =
  /** Written for other bytes of workspace.json (or its header is damaged): nothing in it applies. */
  | { kind: 'stale' }
  /**
   * The patches of each save, oldest first, up to the first line that is cut short or damaged;
   * `dropped` counts that line and every one after it.
   */
  | { kind: 'entries'; batches: Patch[][]; dropped: number }

/** The value of a line whose checksum matches, or undefined. */
function lineValue(line: string): unknown {
  const match = /^([0-9a-f]{16}) (.*)$/.exec(line)
  if (!match || checksum(match[2]) !== match[1]) return undefined
  try {
    return JSON.parse(match[2]) as unknown
  } catch {
    return undefined
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads a journal's text for the workspace.json whose SHA-256 is `base`. Never throws. */
export function readJournal(text: string, base: string): JournalRead {
  // A last line without its newline was cut short by a crash: it counts as damaged.
  const lines = text.split('\n')
  const header = lineValue(lines[0])
  if (!isRecord(header) || header.journal !== FORMAT || header.base !== base) return { kind: 'stale' }
  const rest = lines.slice(1)
  if (rest.at(-1) === '') rest.pop()
  const batches: Patch[][] = []
  for (const line of rest) {
    const entry = lineValue(line)
    if (!isRecord(entry) || !Array.isArray(entry.patches)) break
    batches.push(entry.patches as Patch[])
  }
  return { kind: 'entries', batches, dropped: rest.length - batches.length }
}

/** The journal of one store: where it is, what `workspace.json` it builds on, how much it holds. */
export class Journal {
  /** SHA-256 of the workspace.json on disk, once known: entries can only be written on top of it. */
  base: string | null = null
  /** Entries written on top of `base`; 0 means the next one starts a new journal. */
  entries = 0
  bytes = 0

  constructor(
    private readonly fs: FsPort,
    readonly path: string,
    private readonly platform: NodeJS.Platform = process.platform
  ) {}

  /**
   * After workspace.json was written whole (its SHA-256 is `base`): every entry is in it, so the
   * journal is removed. If that fails the old journal names the old file and is ignored on load;
   * the next entry replaces it anyway.
   */
  async restart(base: string): Promise<void> {
    this.base = base
    this.entries = 0
    this.bytes = 0
    await this.fs.rm(this.path, { force: true }).catch(() => undefined)
  }

  /**
   * Writes one save's patches, durably: resolves true once they are fsynced, or false without
   * writing when their line would be longer than `maxBytes` (a change that large, e.g. an import,
   * is cheaper to replay from the whole file).
   */
  async append(patches: Patch[], maxBytes = Infinity): Promise<boolean> {
    if (this.base === null) throw new Error('The journal has no workspace file to build on.')
    const entry = journalLine({ patches })
    if (entry.length > maxBytes) return false
    if (this.entries === 0) {
      // A new journal appears whole or not at all: header and first entry, atomically.
      const text = journalLine({ journal: FORMAT, base: this.base }) + entry
      await writeFileAtomicWith(this.fs, this.path, text, { platform: this.platform })
      this.bytes = text.length
    } else {
      await appendDurably(this.fs, this.path, entry)
      this.bytes += entry.length
    }
    this.entries++
    return true
  }
}

/** Appends `text` to `path` and fsyncs it; the first error of the step that failed is thrown. */
async function appendDurably(fs: FsPort, path: string, text: string): Promise<void> {
  const handle = await fs.open(path, 'a')
  let failure: unknown = null
  try {
    await handle.writeFile(text)
    await handle.sync()
  } catch (error) {
    failure = error
  }
  try {
    await handle.close()
  } catch (error) {
    failure ??= error
  }
  if (failure !== null) throw failure
}
