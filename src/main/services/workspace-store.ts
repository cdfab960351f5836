/**
 * The workspace store: commands, undo/redo, revisions and change events over one in-memory
 * workspace. It coordinates the parts that keep that workspace on disk: `openWorkspace` (lock,
 * read, migrate, recover; open-workspace.ts), the `WriteQueue` (coalesced saves, the save status),
 * lowdb with the atomic adapter (workspace-store-file.ts), the journal (journal.ts), the lock
 * (file-lock.ts) and backups (backups.ts). Commands are applied with the pure `applyCommand` from
 * src/shared; every apply, undo and redo is one revision.
 *
 * Saving a large workspace appends the patches of the changes since the last save to the journal
 * (fsynced) instead of rewriting workspace.json; the journal is folded into the file (compacted)
 * when it has grown, after a while without saves, before a backup and on close. A small workspace
 * is written whole on every save, so its file is always up to date.
 *
 * Promises (docs/RELIABILITY.md lists the test for each): a save replaces the file atomically or
 * not at all; a failed save leaves the previous file intact, reports an error status and is
 * retried; a damaged file is moved aside, never overwritten; a newer or unreadable file and a
 * folder another instance holds open read-only.
 */
import { applyPatches, freeze, type Patch } from 'immer'
import { Low } from 'lowdb'
import { applyCommand } from '../../shared/commands/apply'
import type { Command } from '../../shared/commands/schema'
import type { BackupInfo, Change, Snapshot, StoreStatus } from '../../shared/ipc/types'
import type { Workspace } from '../../shared/model/schema'
import { AppFailure } from '../../shared/result'
import { BackupStore, PeriodicBackups, parseBackupName } from './backups'
import { acquireLock, describeHolder, releaseLock, type LockInfo } from './file-lock'
import { describeFsError, errnoOf, nodeFs, type FsPort } from './fs-port'
import { Journal, digestInSlices, yieldToLoop } from './journal'
import {
  formatTime,
  openWorkspace,
  workspacePaths,
  type Opened,
  type ReadOnly,
  type WorkspacePaths
} from './open-workspace'
import { parseWorkspaceBytes, serializeWorkspace, WorkspaceFileAdapter } from './workspace-store-file'
import { WriteQueue } from './write-queue'

export interface StoreOptions {
  /** Data folder; workspace at <dir>/workspace.json, backups in <dir>/backups/. */
  dir: string
  /** Injectable file system (default: node:fs/promises) for fault tests. */
  fs?: FsPort
  /** Write coalescing window, default 100 ms. */
  saveDelayMs?: number
  /** At most one periodic backup per interval, default 5 min. */
  backupIntervalMs?: number
  now?: () => Date
  /** Who holds the lock, e.g. "Persona Planner (pid 123)". */
  owner?: string
  /** Saves go to the journal once workspace.json is at least this large; default 1 MB. */
  journalFromBytes?: number
  /** The journal is folded into workspace.json after this long without a save; default 10 s. */
  compactAfterMs?: number
}

export { BACKUP_DIR, LOCK_FILE, WORKSPACE_FILE } from './open-workspace'
export const MAX_UNDO = 200
/**
 * Short, because a save of a large workspace appends only its patches to the journal (a few
 * milliseconds): an edit is on disk about a tenth of a second after it is made, and a burst of
 * edits within the window is still written once.
 */
export const DEFAULT_SAVE_DELAY_MS = 100
export const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000
/** Below this, writing the whole file costs a few milliseconds and keeps it up to date for Git. */
export const DEFAULT_JOURNAL_FROM_BYTES = 1 << 20
export const DEFAULT_COMPACT_AFTER_MS = 10_000
/** A journal this long, or a quarter of the file's size, is folded into the file by the next save. */
export const MAX_JOURNAL_ENTRIES = 1000

interface Step {
  patches: Patch[]
  inverse: Patch[]
  label: string
}

interface Parts {
  fs: FsPort
  paths: WorkspacePaths
  owner: string
  now: () => Date
  saveDelayMs: number
  backups: BackupStore
  journalFromBytes: number
  compactAfterMs: number
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
  /** lowdb over the atomic adapter; `save` sets its data and writes. */
  private readonly db: Low<Workspace>
  private closed = false
  /** What each change since the last successful save did, oldest first (see `unsavedLabels`). */
  private readonly unsaved: string[] = []
  private readonly changeListeners = new Set<(change: Change) => void>()
  /** The changes saved to the journal go here; `base` is the workspace.json they build on. */
  private readonly journal: Journal
  /**
   * The workspace as it is on disk (workspace.json plus the journal), or null while that is not
   * known to be the workspace in memory at some revision (a file repaired on reading, not yet saved).
   */
  private saved: Workspace | null
  /** The patches of each change since `saved`, oldest first: what the next journal entry holds. */
  private readonly pending: Patch[][] = []
  /** Set when an append failed (it may have left a partial line): the next save writes the file whole. */
  private writeWholeNext: boolean
  /** Size of workspace.json as last read or written, for the journal's thresholds. */
  private fileBytes: number
  private compactTimer: ReturnType<typeof setTimeout> | null = null

  private constructor(
    private readonly parts: Parts,
    opened: Opened,
    private readonly periodic: PeriodicBackups
  ) {
    // Frozen a slice at a time rather than here: deep-freezing 10,000 personas takes a third of a
    // second, and the first change finishes the job (see `settled`) before immer relies on it.
    this.workspace = opened.workspace
    void freezeInSlices(opened.workspace)
    this.journal = new Journal(parts.fs, parts.paths.journal)
    this.saved = opened.exact ? opened.workspace : null
    this.writeWholeNext = !opened.exact
    this.fileBytes = opened.fileBytes
    this.notices = opened.notices
    this.readOnly = opened.readOnly
    this.lock = opened.lock
    this.db = new Low(new WorkspaceFileAdapter(parts.fs, parts.paths.file), this.workspace)
    const status: StoreStatus = opened.readOnly
      ? { state: 'read-only', message: opened.readOnly.message }
      : { state: opened.lockError ? 'error' : 'saved', message: opened.lockError }
    this.writes = new WriteQueue({
      write: () => this.save(),
      failure: (error) => this.saveFailure(error),
      delayMs: parts.saveDelayMs,
      status,
      isDirty: opened.needsSave
    })
  }

  /** Opens the data folder. Never throws for a bad file: recovers, and reports in `notices` and the status. */
  static async open(options: StoreOptions): Promise<WorkspaceStore> {
    const fs = options.fs ?? nodeFs
    const now = options.now ?? (() => new Date())
    const paths = workspacePaths(options.dir)
    const backups = new BackupStore(fs, paths.backups, { now })
    const owner = options.owner ?? 'Persona Planner'
    const opened = await openWorkspace({ fs, paths, backups, owner, now })
    const periodic = new PeriodicBackups(
      backups,
      options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
      now,
      await backups.lastPeriodic().catch(() => null)
    )
    const saveDelayMs = options.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS
    const parts: Parts = {
      fs,
      paths,
      owner,
      now,
      saveDelayMs,
      backups,
      journalFromBytes: options.journalFromBytes ?? DEFAULT_JOURNAL_FROM_BYTES,
      compactAfterMs: options.compactAfterMs ?? DEFAULT_COMPACT_AFTER_MS
    }
    const store = new WorkspaceStore(parts, opened, periodic)
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
      filePath: this.parts.paths.file
    }
  }

  /** Applies a command (already validated at the IPC boundary). Throws AppFailure and changes nothing on failure. */
  apply(command: Command): Change {
    this.assertWritable()
    const applied = applyCommand(this.settled(), command, this.parts.now().toISOString())
    this.undoStack.push({ patches: applied.patches, inverse: applied.inverse, label: applied.label })
    if (this.undoStack.length > MAX_UNDO) this.undoStack.splice(0, this.undoStack.length - MAX_UNDO)
    this.redoStack.length = 0
    this.unsaved.push(applied.label)
    return this.commit(applied.next, applied.patches, applied.label)
  }

  undo(): Change | null {
    this.assertOpen()
    if (this.readOnly) return null
    const step = this.undoStack.pop()
    if (!step) return null
    this.redoStack.push(step)
    this.unsaved.push(`Undone: ${step.label}`)
    return this.commit(applyPatches(this.settled(), step.inverse), step.inverse, step.label)
  }

  redo(): Change | null {
    this.assertOpen()
    if (this.readOnly) return null
    const step = this.redoStack.pop()
    if (!step) return null
    this.undoStack.push(step)
    this.unsaved.push(`Redone: ${step.label}`)
    return this.commit(applyPatches(this.settled(), step.patches), step.patches, step.label)
  }

  /** Resolves once everything applied so far is on disk; rejects with AppFailure('io') if the save fails. */
  async flush(): Promise<void> {
    if (this.readOnly) return
    await this.writes.flush()
  }

  /**
   * Flushes, folds the journal into workspace.json, then releases the lock. If the flush fails the
   * store stays open (and locked) and this rejects; if only the folding fails, the changes are
   * safe in the journal and the next open replays them.
   */
  async close(): Promise<void> {
    if (this.closed) return
    // Loop: a change applied while a save was in flight is saved too, not dropped by the close.
    do await this.flush()
    while (!this.readOnly && this.writes.hasUnsaved)
    this.closed = true
    this.clearCompactTimer()
    if (!this.readOnly) await this.writes.run(() => this.compact()).catch(() => undefined)
    await this.writes.stop()
    const lock = this.lock
    this.lock = null
    if (lock) await releaseLock(this.parts.fs, this.parts.paths.lock, lock).catch(() => undefined)
  }

  /**
   * The labels of the changes applied, undone or redone since the last successful save, oldest
   * first ("Rename workspace to “X”", "Undone: …"): what quitting now would lose.
   */
  unsavedLabels(): string[] {
    return [...this.unsaved]
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

  /**
   * A forced backup of the workspace as it is now (e.g. 'before import'), not subject to the
   * interval. When everything is saved it is a copy of workspace.json, with the journal folded in
   * first; otherwise the workspace is serialised as it is in memory.
   */
  async backup(reason: string): Promise<void> {
    this.assertWritable()
    const workspace = this.workspace
    await this.writes.run(async () => {
      try {
        if (workspace === this.saved) {
          await this.compact()
          await this.parts.backups.write(reason, { copyOf: this.parts.paths.file })
        } else {
          await this.parts.backups.write(reason, serializeWorkspace(workspace))
        }
      } catch (error) {
        const advice = adviceFor(error, this.parts.paths.dir)
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

  /** The workspace, deep-frozen: immer skips frozen subtrees, and walks (and freezes) the others on every change. */
  private settled(): Workspace {
    return freeze(this.workspace, true)
  }

  private commit(next: Workspace, patches: Patch[], label: string): Change {
    this.workspace = next
    this.pending.push(patches)
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

  /**
   * One save, run by the write queue: the lock if it is missing, then either a journal entry with
   * the patches since the last save or the whole file, and after the whole file a periodic backup
   * if one is due (a copy of the file just written).
   */
  private async save(): Promise<string | null> {
    if (!this.lock) await this.takeLock()
    const workspace = this.workspace
    const included = this.unsaved.length
    const changes = this.pending.length
    if (await this.mayJournal()) {
      let appended: boolean
      try {
        appended = await this.journal.append(this.pending.slice(0, changes).flat(), this.fileBytes / 4)
      } catch (error) {
        this.writeWholeNext = true
        throw error
      }
      if (appended) {
        this.savedAs(workspace, included, changes)
        this.scheduleCompaction()
        return null
      }
    }
    await this.writeWhole(workspace)
    this.savedAs(workspace, included, changes)
    return this.periodic.afterSave(() => ({ copyOf: this.parts.paths.file }))
  }

  private savedAs(workspace: Workspace, included: number, changes: number): void {
    this.saved = workspace
    this.unsaved.splice(0, included)
    this.pending.splice(0, changes)
  }

  /** Whether this save may go to the journal: the file is large, known and the journal not too long. */
  private async mayJournal(): Promise<boolean> {
    if (this.writeWholeNext || this.fileBytes < this.parts.journalFromBytes) return false
    if (this.journal.entries >= MAX_JOURNAL_ENTRIES || this.journal.bytes > this.fileBytes / 4) return false
    if (this.journal.base !== null) return true
    try {
      // The first entry on a file this store did not write: the header names its bytes.
      this.journal.base = await digestInSlices(await this.parts.fs.readFile(this.parts.paths.file))
      return true
    } catch {
      return false
    }
  }

  /** Writes `workspace` as the whole file, which makes every journal entry so far redundant. */
  private async writeWhole(workspace: Workspace): Promise<void> {
    this.clearCompactTimer()
    this.db.data = workspace
    await this.db.write()
    const { written } = this.db.adapter as WorkspaceFileAdapter
    this.fileBytes = written.bytes
    this.writeWholeNext = false
    await this.journal.restart(written.sha256)
  }

  /** Folds the journal into workspace.json: the saved workspace written whole. Run by the write queue. */
  private async compact(): Promise<void> {
    if (this.journal.entries === 0 || this.saved === null) return
    await this.writeWhole(this.saved)
  }

  private scheduleCompaction(): void {
    this.clearCompactTimer()
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null
      // A failed compaction loses nothing (the journal stays); the next one tries again.
      this.writes.run(() => this.compact()).catch(() => undefined)
    }, this.parts.compactAfterMs)
    this.compactTimer.unref?.()
  }

  private clearCompactTimer(): void {
    if (this.compactTimer !== null) clearTimeout(this.compactTimer)
    this.compactTimer = null
  }

  private saveFailure(error: unknown): AppFailure {
    const sentences = [
      `Could not save: ${describeFsError(error)}.`,
      'Your changes are kept in this window and saving is retried with your next change.',
      adviceFor(error, this.parts.paths.dir),
      `(${this.parts.paths.file})`
    ]
    return new AppFailure('io', sentences.filter(Boolean).join(' '))
  }

  /** Takes the lock at save time when opening could not create it (e.g. the folder was read-only). */
  private async takeLock(): Promise<void> {
    const outcome = await acquireLock(this.parts.fs, this.parts.paths.lock, this.parts.owner, {
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
      `Could not save: ${this.parts.paths.file} is now open in ${who}. Your changes are kept in this window only.`
    )
  }
}

/**
 * Deep-freezes a freshly loaded workspace a slice of cards at a time, the root last, so opening a
 * large workspace does not wait for it. Until it is done the workspace is only conventionally
 * immutable: the store reads it, and `settled()` finishes the freeze before the first change.
 */
async function freezeInSlices(workspace: Workspace, sliceMs = 8): Promise<void> {
  let deadline = performance.now() + sliceMs
  for (const list of [workspace.cards, workspace.categories, workspace.capabilities]) {
    for (const item of list) {
      freeze(item, true)
      if (performance.now() < deadline) continue
      await yieldToLoop()
      deadline = performance.now() + sliceMs
    }
  }
  freeze(workspace, true)
}
