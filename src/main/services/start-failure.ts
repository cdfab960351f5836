/**
 * When the app cannot start (opening the workspace threw, the window could not be made): what to
 * tell the user and the way out, as plain Node so it is tested without Electron. The Electron glue
 * (src/main/index.ts) shows START_FAILURE_TEXT in a message box and runs the chosen step.
 */
import { join } from 'node:path'
import { writeFileAtomicWith } from './atomic-write'
import { BackupStore } from './backups'
import { describeFsError, errnoOf, type FsPort } from './fs-port'
import { BACKUP_DIR, WORKSPACE_FILE } from './open-workspace'
import { moveAside, newestValidBackup } from './recovery'

/** Every sentence the start-failure box shows, in one place. */
export const START_FAILURE_TEXT = {
  title: 'Persona Planner could not start',
  message: 'Persona Planner could not open your workspace.',
  detail: (error: string, dataDir: string): string =>
    `${error}\n\nYour workspace and its backups are in ${dataDir}. Restoring the newest backup keeps the current file beside it; nothing is deleted.`,
  restore: 'Restore the newest backup',
  openFolder: 'Open the data folder',
  quit: 'Quit',
  restored: (backup: string, aside: string | null): string =>
    aside
      ? `The backup ${backup} now is your workspace; the file that did not open was kept as ${aside}.`
      : `The backup ${backup} now is your workspace.`,
  noBackup:
    'There is no backup that can be read, so nothing was restored. Open the data folder to look at the files.',
  restoreFailed: (error: string): string => `The backup could not be restored: ${error}.`
} as const

/** What went wrong, in one line a person can read: the message of an Error, never a stack trace. */
export function describeStartError(error: unknown): string {
  if (error instanceof RangeError) return `The workspace is too deeply nested to read (${error.message}).`
  if (error instanceof Error) return error.message
  return String(error)
}

export type RestoreOutcome =
  | { kind: 'restored'; backup: string; movedAside: string | null }
  | { kind: 'no-backup' }
  | { kind: 'failed'; message: string }

/**
 * Makes the newest backup that reads the workspace again: the current workspace file (if any) is
 * moved aside as workspace.corrupt-<time>.json, never deleted, then the backup's workspace is
 * written in its place atomically.
 */
export async function restoreNewestBackup(
  fs: FsPort,
  dataDir: string,
  now: () => Date
): Promise<RestoreOutcome> {
  try {
    const backups = new BackupStore(fs, join(dataDir, BACKUP_DIR), { now })
    const backup = await newestValidBackup(backups)
    if (!backup) return { kind: 'no-backup' }
    const file = join(dataDir, WORKSPACE_FILE)
    let movedAside: string | null = null
    try {
      movedAside = await moveAside(fs, file, now)
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') throw error
    }
    await writeFileAtomicWith(fs, file, await backups.read(backup.name))
    return { kind: 'restored', backup: backup.name, movedAside }
  } catch (error) {
    return { kind: 'failed', message: describeFsError(error) }
  }
}
