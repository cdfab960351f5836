/**
 * Opening the data folder, as a function that returns what it found instead of setting up a store.
 * The lock comes first, so nothing is moved aside or migrated while another process has the folder
 * open; then the temporary files of a crash are removed and the file is read and classified. A file
 * of an older schema is migrated after a backup of the original; a damaged one is moved aside and
 * the newest valid backup takes its place; a newer or unreadable one is shown read-only. A journal
 * of the changes saved since the file was last written whole (journal.ts) is replayed on top of
 * it, as far as its lines are intact. Never
 * throws for a bad file or folder: every outcome carries the notices that explain it. Writes only
 * the lock, the migration backup and the move aside; saving the result is the store's job.
 */
import { join } from 'node:path'
import { applyPatches } from 'immer'
import { emptyWorkspace } from '../../shared/model/defaults'
import { SCHEMA_VERSION, type Workspace } from '../../shared/model/schema'
import { plural } from '../../shared/text/plural'
import type { BackupStore } from './backups'
import { acquireLock, describeHolder, type LockInfo, type LockOutcome } from './file-lock'
import { describeFsError, errnoOf, type FsPort } from './fs-port'
import { JOURNAL_FILE, digest, readJournal } from './journal'
import { moveAside, newestValidBackup, removeCrashLeftovers } from './recovery'
import { readWorkspaceFile, type LoadResult } from './workspace-store-file'

export const WORKSPACE_FILE = 'workspace.json'
export const LOCK_FILE = 'workspace.lock'
export const BACKUP_DIR = 'backups'

export interface WorkspacePaths {
  dir: string
  file: string
  lock: string
  backups: string
  journal: string
}

export const workspacePaths = (dir: string): WorkspacePaths => ({
  dir,
  file: join(dir, WORKSPACE_FILE),
  lock: join(dir, LOCK_FILE),
  journal: join(dir, JOURNAL_FILE),
  backups: join(dir, BACKUP_DIR)
})

/** Why the workspace may not be changed: another instance holds it, or writing would lose data. */
export interface ReadOnly {
  code: 'locked' | 'read-only'
  message: string
}

export interface OpenContext {
  fs: FsPort
  paths: WorkspacePaths
  backups: BackupStore
  /** Who holds the lock, e.g. "Persona Planner (pid 123)". */
  owner: string
  now: () => Date
}

/** What the file held and what became of it. */
type FileOutcome =
  /** There was no file: an empty workspace. */
  | { kind: 'new' }
  /** A valid file; `migratedFrom` is its schema version when it was older and is shown upgraded. */
  | { kind: 'loaded'; migratedFrom: number | null }
  /** A damaged file, kept as `keptAs` (null if it could not be moved), replaced by `backup` (null: empty). */
  | { kind: 'recovered'; keptAs: string | null; backup: string | null }
  /** Written by a newer version: as much as this version understands is shown, never written. */
  | { kind: 'read-only-newer' }
  /** The file exists but could not be read: an empty workspace is shown, the file is never written. */
  | { kind: 'unreadable' }

interface Found {
  workspace: Workspace
  /** Sentences for the user, in the order things happened. */
  notices: string[]
  readOnly: ReadOnly | null
  /** The workspace is not on disk as shown (new, migrated or recovered) and should be saved now. */
  needsSave: boolean
}

export type Opened = FileOutcome &
  Found & {
    /** The lock we hold; null when another instance holds it or it could not be created. */
    lock: LockInfo | null
    /** Why the lock could not be created (the folder is not writable); nothing is saved until it can be. */
    lockError: string | null
    /**
     * The workspace is exactly what workspace.json holds, and no journal applies to it: saves may
     * journal their changes on top of the file. Otherwise the first save writes the file whole.
     */
    exact: boolean
    /** The size of workspace.json as read (0 when there was none). */
    fileBytes: number
  }

/** "2026-11-23 10:00:00 UTC" from an ISO time. */
export const formatTime = (iso: string | Date): string => {
  const text = typeof iso === 'string' ? iso : iso.toISOString()
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(text)
    ? `${text.slice(0, 10)} ${text.slice(11, 19)} UTC`
    : text
}

export async function openWorkspace(context: OpenContext): Promise<Opened> {
  const empty = emptyWorkspace(context.now().toISOString())
  const access = await lockFolder(context)
  const load = await readWorkspaceFile(context.fs, context.paths.file)
  const mayWrite = access.held === null
  let found = await openFile(context, load, empty, mayWrite)
  let exact = false
  if (load.kind === 'ok' && found.kind === 'loaded' && found.migratedFrom === null) {
    const journaled = await replayJournal(context, load.bytes, found, mayWrite)
    found = journaled.found
    exact = journaled.none && load.notices.length === 0
  }
  const readOnly = found.readOnly ?? access.held
  return {
    ...found,
    notices: [...access.notices, ...found.notices],
    readOnly,
    needsSave: found.needsSave && readOnly === null,
    lock: access.lock,
    lockError: access.error,
    exact,
    fileBytes: load.kind === 'ok' ? load.bytes.length : 0
  }
}

/**
 * Replays the journal written for these bytes of workspace.json, up to its first incomplete or
 * damaged line (a notice says how many were left out). A journal written for other bytes is
 * stale (a crash came between writing the file whole and removing the journal) and is ignored.
 * A replayed journal is folded into the file by the first save. `none`: no journal applied.
 */
async function replayJournal(
  { fs, paths }: OpenContext,
  bytes: Uint8Array,
  found: FileOutcome & Found,
  mayWrite: boolean
): Promise<{ found: FileOutcome & Found; none: boolean }> {
  let text: string
  try {
    // Not strict UTF-8: a line cut inside a character fails its checksum like any damaged line.
    text = new TextDecoder('utf-8').decode(await fs.readFile(paths.journal))
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return { found, none: true }
    const message = `Could not read ${paths.journal}, which holds the latest changes: ${describeFsError(error)}. The workspace is open read-only so they are not lost; check the file and restart Persona Planner.`
    return { found: { ...found, readOnly: { code: 'read-only', message }, notices: [message] }, none: false }
  }
  const read = readJournal(text, digest(bytes))
  if (read.kind === 'stale') return { found, none: true }
  let workspace = found.workspace
  let applied = 0
  for (const batch of read.batches) {
    try {
      workspace = applyPatches(workspace, batch)
    } catch {
      break // a change that does not apply, and every one after it, is left out like a damaged line
    }
    applied++
  }
  const left = read.dropped + read.batches.length - applied
  const notices = [...found.notices]
  if (left > 0) {
    notices.push(
      `The last ${plural(left, 'change')} written to ${paths.journal} ${left === 1 ? 'was' : 'were'} incomplete or damaged (most likely cut short when Persona Planner stopped) and left out.`
    )
  }
  return { found: { ...found, workspace, notices, needsSave: mayWrite }, none: false }
}

interface FolderAccess {
  lock: LockInfo | null
  /** Another instance holds the lock. */
  held: ReadOnly | null
  error: string | null
  notices: string[]
}

async function lockFolder({ fs, paths, backups, owner, now }: OpenContext): Promise<FolderAccess> {
  let outcome: LockOutcome
  try {
    await fs.mkdir(paths.dir, { recursive: true })
    outcome = await acquireLock(fs, paths.lock, owner, { now })
  } catch (error) {
    outcome = { kind: 'failed', error }
  }
  switch (outcome.kind) {
    case 'acquired': {
      const notices: string[] = []
      const old = outcome.tookOver
      if (old) {
        notices.push(
          `The previous session (${describeHolder(old)}, since ${formatTime(old.since)}) did not close cleanly; its lock ${paths.lock} was taken over.`
        )
      }
      if (outcome.replacedUnreadable) {
        notices.push(
          `An unreadable lock file ${paths.lock}, left by a session that did not finish starting, was replaced.`
        )
      }
      await removeCrashLeftovers(fs, paths.file, backups)
      return { lock: outcome.info, held: null, error: null, notices }
    }
    case 'held': {
      const holder = outcome.holder
      const message = holder
        ? `${paths.file} is open in ${describeHolder(holder)} since ${formatTime(holder.since)}. It is shown here read-only; close it there to make changes. If Persona Planner is not running there, quit, delete ${paths.lock} and start again.`
        : `${paths.file} is being opened by another program (${paths.lock} exists). It is shown here read-only.`
      return { lock: null, held: { code: 'locked', message }, error: null, notices: [] }
    }
    case 'failed': {
      const message = `Cannot write to the data folder ${paths.dir}: ${describeFsError(outcome.error)}. You can keep working, but nothing is saved until the folder is writable.`
      return { lock: null, held: null, error: message, notices: [message] }
    }
  }
}

/** `mayWrite`: we hold the lock (or could not create it), so the file may be migrated or moved aside. */
async function openFile(
  context: OpenContext,
  load: LoadResult,
  empty: Workspace,
  mayWrite: boolean
): Promise<FileOutcome & Found> {
  const { file } = context.paths
  const { backups } = context
  switch (load.kind) {
    case 'missing': {
      const count = (await backups.entries().catch(() => [])).length
      const notices =
        count > 0
          ? [
              `No workspace file was found at ${file}, so an empty workspace was started. ${plural(count, 'backup')} in ${backups.dir} can be restored.`
            ]
          : []
      return { kind: 'new', workspace: empty, notices, readOnly: null, needsSave: mayWrite }
    }
    case 'ok':
      return openValid(context, load, mayWrite)
    case 'newer': {
      const readOnly: ReadOnly = {
        code: 'read-only',
        message: `${file} is open read-only and will not be changed. ${load.message}`
      }
      const shown = load.preview
        ? 'What this version understands of it is shown.'
        : 'This version cannot show its contents.'
      const notices = [`${readOnly.message} ${shown}`]
      return {
        kind: 'read-only-newer',
        workspace: load.preview ?? empty,
        notices,
        readOnly,
        needsSave: false
      }
    }
    case 'unreadable': {
      const readOnly: ReadOnly = {
        code: 'read-only',
        message: `Could not read ${file}: ${describeFsError(load.error)}. An empty workspace is shown read-only so the file is not overwritten; check the file and restart Persona Planner.`
      }
      return { kind: 'unreadable', workspace: empty, notices: [readOnly.message], readOnly, needsSave: false }
    }
    case 'corrupt':
      return recover(context, load, empty, mayWrite)
  }
}

/** A valid file; one of an older schema is migrated only after a backup of the original bytes. */
async function openValid(
  { paths, backups }: OpenContext,
  load: Extract<LoadResult, { kind: 'ok' }>,
  mayWrite: boolean
): Promise<FileOutcome & Found> {
  // What the reader said (keys dropped, fields defaulted, references repaired), as the importer says it.
  const notices = load.notices.map((notice) => `${paths.file}: ${notice}`)
  const isOlder = load.fromVersion < SCHEMA_VERSION
  const loaded = {
    kind: 'loaded' as const,
    migratedFrom: isOlder ? load.fromVersion : null,
    workspace: load.workspace,
    notices,
    readOnly: null,
    needsSave: false
  }
  if (!isOlder) return loaded
  if (!mayWrite) {
    notices.push(
      `${paths.file} uses the older schema version ${load.fromVersion}; it is shown upgraded but not changed.`
    )
    return loaded
  }
  try {
    const name = await backups.write('before migration', load.text)
    notices.push(
      `${paths.file} was upgraded from schema version ${load.fromVersion} to ${SCHEMA_VERSION}; the original is kept as ${join(backups.dir, name)}.`
    )
    return { ...loaded, needsSave: true }
  } catch (error) {
    const message = `${paths.file} uses the older schema version ${load.fromVersion} and must be upgraded, but no backup of it could be written (${describeFsError(error)}). It is open read-only so the original is not changed.`
    return { ...loaded, readOnly: { code: 'read-only', message } }
  }
}

/** A damaged file: moved aside (when we may write), replaced by the newest valid backup or an empty workspace. */
async function recover(
  { fs, paths, backups, now }: OpenContext,
  load: Extract<LoadResult, { kind: 'corrupt' }>,
  empty: Workspace,
  mayWrite: boolean
): Promise<FileOutcome & Found> {
  let keptAs: string | null = null
  let readOnly: ReadOnly | null = null
  if (mayWrite) {
    try {
      keptAs = await moveAside(fs, paths.file, now)
    } catch (error) {
      readOnly = {
        code: 'read-only',
        message: `${paths.file} is damaged and could not be moved aside (${describeFsError(error)}). It is open read-only so the file is not overwritten.`
      }
    }
  }
  const problems = load.details.length > 0 ? ` (${load.details.slice(0, 3).join('; ')})` : ''
  const what = `${paths.file} could not be read: ${load.reason}${problems}.${keptAs ? ` It was kept as ${keptAs}.` : ''}`
  const backup = await newestValidBackup(backups)
  const notice = backup
    ? `${what} The workspace was restored from the backup ${join(backups.dir, backup.name)} of ${formatTime(backup.createdAt)}.`
    : `${what} No usable backup was found, so an empty workspace was started.`
  return {
    kind: 'recovered',
    keptAs,
    backup: backup?.name ?? null,
    workspace: backup?.workspace ?? empty,
    notices: [notice],
    readOnly,
    needsSave: keptAs !== null
  }
}
