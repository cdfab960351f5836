/**
 * The workspace store: lowdb over `<dir>/workspace.json` with an atomic, fsyncing adapter, a lock
 * file, rotating backups, coalesced saves and in-memory undo/redo. Commands are applied with the
 * pure `applyCommand` from src/shared; every apply, undo and redo is one revision.
 *
 * Promises (docs/RELIABILITY.md lists the test for each): a save replaces the file atomically or
 * not at all; a failed save leaves the previous file intact, reports an error status and is
 * retried; a damaged file is moved aside, never overwritten; a newer or unreadable file and a
 * folder another instance holds open read-only.
 */
import { join } from 'node:path'
import { applyPatches, freeze, type Patch } from 'immer'
import { Low } from 'lowdb'
import { applyCommand } from '../../shared/commands/apply'
import type { Command } from '../../shared/commands/schema'
import type { BackupInfo, Change, Snapshot, StoreStatus } from '../../shared/ipc/types'
import { emptyWorkspace } from '../../shared/model/defaults'
import { SCHEMA_VERSION, type Workspace } from '../../shared/model/schema'
import { AppFailure } from '../../shared/result'
import { plural } from '../../shared/text/plural'
import { BackupStore, PeriodicBackups, parseBackupName } from './backups'
import { acquireLock, describeHolder, releaseLock, type LockInfo, type LockOutcome } from './file-lock'
import { describeFsError, errnoOf, nodeFs, type FsPort } from './fs-port'
import { moveAside, newestValidBackup, removeCrashLeftovers } from './recovery'
import { parseWorkspaceBytes, serializeWorkspace, WorkspaceFileAdapter } from './workspace-store-file'
import { WriteQueue } from './write-queue'

export interface StoreOptions {
  /** Data folder; workspace at <dir>/workspace.json, backups in <dir>/backups/. */
  dir: string
  /** Injectable file system (default: node:fs/promises) for fault tests. */
  fs?: FsPort
  /** Write coalescing window, default 250 ms. */
  saveDelayMs?: number
  /** At most one periodic backup per interval, default 5 min. */
  backupIntervalMs?: number
  now?: () => Date
  /** Who holds the lock, e.g. "Persona Planner (pid 123)". */
  owner?: string
}

export const WORKSPACE_FILE = 'workspace.json'
export const LOCK_FILE = 'workspace.lock'
export const BACKUP_DIR = 'backups'
export const MAX_UNDO = 200
export const DEFAULT_SAVE_DELAY_MS = 250
export const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000

interface Step {
  patches: Patch[]
  inverse: Patch[]
  label: string
}

interface ReadOnly {
  code: 'locked' | 'read-only'
  message: string
}

interface Parts {
  fs: FsPort
  dir: string
  filePath: string
  lockPath: string
  owner: string
  now: () => Date
  saveDelayMs: number
  backupIntervalMs: number
  db: Low<Workspace>
  adapter: WorkspaceFileAdapter
  backups: BackupStore
}

interface Opened {
  workspace: Workspace
  notices: string[]
  status: StoreStatus
  readOnly: ReadOnly | null
  lock: LockInfo | null
  dirty: boolean
  lastPeriodic: Date | null
}

/** "2026-11-23 10:00:00 UTC" from an ISO time. */
const formatTime = (iso: string | Date): string => {
  const text = typeof iso === 'string' ? iso : iso.toISOString()
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(text)
    ? `${text.slice(0, 10)} ${text.slice(11, 19)} UTC`
    : text
}

/** User-facing advice for an errno, appended to "Could not save: …". */
function adviceFor(error: unknown, dir: string): string {
  switch (errnoOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'Free some disk space.'
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Check that you can write to ${dir}.`
    default:
      return ''
  }
}

export class WorkspaceStore {
  private workspace: Workspace
  private revision = 0
  private readonly undoStack: Step[] = []
  private readonly redoStack: Step[] = []
  private readonly notices: string[]
  private readonly readOnly: ReadOnly | null
  private lock: LockInfo | null
  /** Saves and backups, one at a time, and the save status. */
  private readonly writes: WriteQueue
  private readonly periodic: PeriodicBackups
  private closed = false
  private readonly changeListeners = new Set<(change: Change) => void>()

  private constructor(
    private readonly parts: Parts,
    opened: Opened
  ) {
    this.workspace = freeze(opened.workspace, true)
    this.notices = opened.notices
    this.readOnly = opened.readOnly
    this.lock = opened.lock
    this.periodic = new PeriodicBackups(parts.backups, parts.backupIntervalMs, parts.now, opened.lastPeriodic)
    this.writes = new WriteQueue({
      write: () => this.save(),
      failure: (error) => this.saveFailure(error),
      delayMs: parts.saveDelayMs,
      status: opened.status,
      isDirty: opened.dirty && !this.readOnly
    })
  }

  /** Opens the data folder. Never throws for a bad file: recovers, and reports in `notices` and the status. */
  static async open(options: StoreOptions): Promise<WorkspaceStore> {
    const fs = options.fs ?? nodeFs
    const now = options.now ?? (() => new Date())
    const filePath = join(options.dir, WORKSPACE_FILE)
    const adapter = new WorkspaceFileAdapter(fs, filePath)
    const parts: Parts = {
      fs,
      dir: options.dir,
      filePath,
      lockPath: join(options.dir, LOCK_FILE),
      owner: options.owner ?? 'Persona Planner',
      now,
      saveDelayMs: options.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS,
      backupIntervalMs: options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
      db: new Low<Workspace>(adapter, emptyWorkspace(now().toISOString())),
      adapter,
      backups: new BackupStore(fs, join(options.dir, BACKUP_DIR), { now })
    }
    const store = new WorkspaceStore(parts, await openState(parts))
    // A recovered, migrated or new workspace goes to disk at once; a failure shows in the status.
    if (store.writes.hasUnsaved) await store.flush().catch(() => undefined)
    return store
  }

  snapshot(): Snapshot {
    return {
      workspace: this.workspace,
      ...this.history(),
      status: this.writes.status,
      notices: [...this.notices],
      filePath: this.parts.filePath
    }
  }

  /** Applies a command (already validated at the IPC boundary). Throws AppFailure and changes nothing on failure. */
  apply(command: Command): Change {
    this.assertWritable()
    const applied = applyCommand(this.workspace, command, this.parts.now().toISOString())
    this.undoStack.push({ patches: applied.patches, inverse: applied.inverse, label: applied.label })
    if (this.undoStack.length > MAX_UNDO) this.undoStack.splice(0, this.undoStack.length - MAX_UNDO)
    this.redoStack.length = 0
    return this.commit(applied.next, applied.patches, applied.label)
  }

  undo(): Change | null {
    this.assertOpen()
    if (this.readOnly) return null
    const step = this.undoStack.pop()
    if (!step) return null
    this.redoStack.push(step)
    return this.commit(applyPatches(this.workspace, step.inverse), step.inverse, step.label)
  }

  redo(): Change | null {
    this.assertOpen()
    if (this.readOnly) return null
    const step = this.redoStack.pop()
    if (!step) return null
    this.undoStack.push(step)
    return this.commit(applyPatches(this.workspace, step.patches), step.patches, step.label)
  }

  /** Resolves once everything applied so far is on disk; rejects with AppFailure('io') if the save fails. */
  async flush(): Promise<void> {
    if (this.readOnly) return
    await this.writes.flush()
  }

  /** Flushes, then releases the lock. If the flush fails the store stays open (and locked) and this rejects. */
  async close(): Promise<void> {
    if (this.closed) return
    // Loop: a change applied while a save was in flight is saved too, not dropped by the close.
    do await this.flush()
    while (!this.readOnly && this.writes.hasUnsaved)
    this.closed = true
    await this.writes.stop()
    const lock = this.lock
    this.lock = null
    if (lock) await releaseLock(this.parts.fs, this.parts.lockPath, lock).catch(() => undefined)
  }

  onChange(listener: (change: Change) => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  onStatus(listener: (status: StoreStatus) => void): () => void {
    return this.writes.onStatus(listener)
  }

  /** Backups, newest first. */
  async listBackups(): Promise<BackupInfo[]> {
    try {
      return await this.parts.backups.list()
    } catch (error) {
      throw new AppFailure(
        'io',
        `Could not list the backups in ${this.parts.backups.dir}: ${describeFsError(error)}.`
      )
    }
  }

  /** Validates a backup and replaces the workspace with it, as one undoable step. */
  async restoreBackup(name: string): Promise<Change> {
    this.assertWritable()
    const entry = parseBackupName(name)
    if (!entry) throw new AppFailure('not-found', `“${name}” is not the name of a backup.`)
    let bytes: Uint8Array
    try {
      bytes = await this.parts.backups.read(name)
    } catch (error) {
      if (error instanceof AppFailure) throw error
      throw new AppFailure('io', `Could not read the backup ${name}: ${describeFsError(error)}.`)
    }
    const parsed = parseWorkspaceBytes(bytes)
    if (parsed.kind === 'newer') {
      throw new AppFailure('unsupported', `The backup ${name} cannot be restored. ${parsed.message}`)
    }
    if (parsed.kind === 'corrupt') {
      throw new AppFailure(
        'validation',
        `The backup ${name} cannot be restored: ${parsed.reason}.`,
        parsed.details
      )
    }
    await this.backup('before restore')
    return this.apply({
      type: 'workspace.replace',
      workspace: parsed.workspace,
      label: `Restore backup of ${formatTime(entry.createdAt)}`
    })
  }

  /** A forced backup of the workspace as it is now (e.g. 'before import'), not subject to the interval. */
  async backup(reason: string): Promise<void> {
    this.assertOpen()
    if (this.readOnly) throw new AppFailure(this.readOnly.code, this.readOnly.message)
    const workspace = this.workspace
    await this.writes.run(async () => {
      try {
        await this.parts.backups.write(reason, serializeWorkspace(workspace))
      } catch (error) {
        const advice = adviceFor(error, this.parts.dir)
        const message = `Could not write the backup “${reason}” in ${this.parts.backups.dir}: ${describeFsError(error)}.`
        throw new AppFailure('io', advice ? `${message} ${advice}` : message)
      }
    })
  }

  // ---------------------------------------------------------------------------------------------

  private history(): { revision: number; undoLabel: string | null; redoLabel: string | null } {
    return {
      revision: this.revision,
      undoLabel: this.undoStack.at(-1)?.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null
    }
  }

  private commit(next: Workspace, patches: Patch[], label: string): Change {
    this.workspace = next
    this.revision++
    this.writes.changed()
    const change: Change = { ...this.history(), patches, label }
    for (const listener of this.changeListeners) {
      try {
        listener(change)
      } catch {
        // A failing listener must not undo a change that is already applied.
      }
    }
    return change
  }

  private assertOpen(): void {
    if (this.closed) throw new AppFailure('internal', 'The workspace is closed.')
  }

  private assertWritable(): void {
    this.assertOpen()
    if (this.readOnly) throw new AppFailure(this.readOnly.code, this.readOnly.message)
  }

  /** One save, run by the write queue: the lock if it is missing, the file, then a periodic backup if due. */
  private async save(): Promise<string | null> {
    if (!this.lock) await this.takeLock()
    const workspace = this.workspace
    this.parts.db.data = workspace
    await this.parts.db.write()
    return this.periodic.afterSave(() => serializeWorkspace(workspace))
  }

  private saveFailure(error: unknown): AppFailure {
    const sentences = [
      `Could not save: ${describeFsError(error)}.`,
      'Your changes are kept in this window and saving is retried with your next change.',
      adviceFor(error, this.parts.dir),
      `(${this.parts.filePath})`
    ]
    return new AppFailure('io', sentences.filter(Boolean).join(' '))
  }

  /** Takes the lock at save time when opening could not create it (e.g. the folder was read-only). */
  private async takeLock(): Promise<void> {
    const outcome = await acquireLock(this.parts.fs, this.parts.lockPath, this.parts.owner, {
      now: this.parts.now
    })
    if (outcome.kind === 'acquired') {
      this.lock = outcome.info
      return
    }
    if (outcome.kind === 'failed') throw outcome.error
    const who = outcome.holder ? describeHolder(outcome.holder) : 'another program'
    throw new AppFailure(
      'locked',
      `Could not save: ${this.parts.filePath} is now open in ${who}. Your changes are kept in this window only.`
    )
  }
}

/** Everything `open` decides before the store exists: lock, file, recovery, migration. */
async function openState(parts: Parts): Promise<Opened> {
  const { fs, dir, filePath, lockPath, backups, now } = parts
  const notices: string[] = []
  let status: StoreStatus = { state: 'saved', message: null }
  let readOnly: ReadOnly | null = null
  let lock: LockInfo | null = null

  // The lock first, so we never move aside or migrate a file another process has open.
  let outcome: LockOutcome
  try {
    await fs.mkdir(dir, { recursive: true })
    outcome = await acquireLock(fs, lockPath, parts.owner, { now })
  } catch (error) {
    outcome = { kind: 'failed', error }
  }
  if (outcome.kind === 'acquired') {
    lock = outcome.info
    if (outcome.tookOver) {
      const old = outcome.tookOver
      notices.push(
        `The previous session (${describeHolder(old)}, since ${formatTime(old.since)}) did not close cleanly; its lock ${lockPath} was taken over.`
      )
    }
    if (outcome.replacedUnreadable) {
      notices.push(
        `An unreadable lock file ${lockPath}, left by a session that did not finish starting, was replaced.`
      )
    }
    await removeCrashLeftovers(fs, filePath, backups)
  } else if (outcome.kind === 'held') {
    const holder = outcome.holder
    readOnly = {
      code: 'locked',
      message: holder
        ? `${filePath} is open in ${describeHolder(holder)} since ${formatTime(holder.since)}. It is shown here read-only; close it there to make changes.`
        : `${filePath} is being opened by another program (${lockPath} exists). It is shown here read-only.`
    }
  } else {
    const message = `Cannot write to the data folder ${dir}: ${describeFsError(outcome.error)}. You can keep working, but nothing is saved until the folder is writable.`
    status = { state: 'error', message }
    notices.push(message)
  }

  const mayWrite = readOnly === null
  await parts.db.read()
  const load = parts.adapter.lastLoad ?? { kind: 'missing' }
  let workspace = parts.db.data
  let dirty = false

  switch (load.kind) {
    case 'missing': {
      dirty = mayWrite
      const count = (await backups.entries().catch(() => [])).length
      if (count > 0) {
        notices.push(
          `No workspace file was found at ${filePath}, so an empty workspace was started. ${plural(count, 'backup')} in ${backups.dir} can be restored.`
        )
      }
      break
    }
    case 'ok': {
      workspace = load.workspace
      if (load.dropped.length > 0) {
        notices.push(
          `${filePath} contained unsafe keys (${[...new Set(load.dropped)].join(', ')}); they were ignored.`
        )
      }
      if (load.fromVersion >= SCHEMA_VERSION) break
      if (!mayWrite) {
        notices.push(
          `${filePath} uses the older schema version ${load.fromVersion}; it is shown upgraded but not changed.`
        )
        break
      }
      try {
        const name = await backups.write('before migration', load.text)
        notices.push(
          `${filePath} was upgraded from schema version ${load.fromVersion} to ${SCHEMA_VERSION}; the original is kept as ${join(backups.dir, name)}.`
        )
        dirty = true
      } catch (error) {
        readOnly = {
          code: 'read-only',
          message: `${filePath} uses the older schema version ${load.fromVersion} and must be upgraded, but no backup of it could be written (${describeFsError(error)}). It is open read-only so the original is not changed.`
        }
      }
      break
    }
    case 'newer': {
      readOnly = {
        code: 'read-only',
        message: `${filePath} is open read-only and will not be changed. ${load.message}`
      }
      if (load.preview) workspace = load.preview
      notices.push(
        `${readOnly.message} ${load.preview ? 'What this version understands of it is shown.' : 'This version cannot show its contents.'}`
      )
      break
    }
    case 'unreadable': {
      readOnly = {
        code: 'read-only',
        message: `Could not read ${filePath}: ${describeFsError(load.error)}. An empty workspace is shown read-only so the file is not overwritten; check the file and restart Persona Planner.`
      }
      notices.push(readOnly.message)
      break
    }
    case 'corrupt': {
      let aside: string | null = null
      if (mayWrite) {
        try {
          aside = await moveAside(fs, filePath, now)
        } catch (error) {
          readOnly = {
            code: 'read-only',
            message: `${filePath} is damaged and could not be moved aside (${describeFsError(error)}). It is open read-only so the file is not overwritten.`
          }
        }
      }
      const problems = load.details.length > 0 ? ` (${load.details.slice(0, 3).join('; ')})` : ''
      const what = `${filePath} could not be read: ${load.reason}${problems}.${aside ? ` It was kept as ${aside}.` : ''}`
      const recovered = await newestValidBackup(backups)
      if (recovered) {
        workspace = recovered.workspace
        notices.push(
          `${what} The workspace was restored from the backup ${join(backups.dir, recovered.name)} of ${formatTime(recovered.createdAt)}.`
        )
      } else {
        notices.push(`${what} No usable backup was found, so an empty workspace was started.`)
      }
      dirty = aside !== null
      break
    }
  }

  if (readOnly) status = { state: 'read-only', message: readOnly.message }
  const lastPeriodic = await backups.lastPeriodic().catch(() => null)
  return { workspace, notices, status, readOnly, lock, dirty, lastPeriodic }
}
