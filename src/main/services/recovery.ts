/**
 * Recovery on open: a damaged workspace file is moved aside (never overwritten or deleted), the
 * newest backup that still validates takes its place, and temporary files a crash left behind are
 * removed. Each step is a function over an injectable `FsPort`; `openWorkspace` decides when to call
 * them and what to tell the user.
 */
import { basename, dirname, join } from 'node:path'
import type { Workspace } from '../../shared/model/schema'
import { isAtomicTempName, syncDir } from './atomic-write'
import type { BackupStore } from './backups'
import { errnoOf, type FsPort } from './fs-port'
import { JOURNAL_FILE } from './journal'
import { parseWorkspaceBytes, type ParseResult } from './workspace-store-file'

/**
 * Renames a damaged `<dir>/workspace.json` to a new `workspace.corrupt-<time>.json` (`-2`, `-3` …
 * when one with that time exists) and returns the new path; never overwrites an earlier one.
 */
export async function moveAside(fs: FsPort, file: string, now: () => Date): Promise<string> {
  const dir = dirname(file)
  const stem = basename(file).replace(/\.json$/, '')
  const stamp = now().toISOString().replace(/[:.]/g, '-')
  for (let n = 1; ; n++) {
    const target = join(dir, `${stem}.corrupt-${stamp}${n > 1 ? `-${n}` : ''}.json`)
    const exists = await fs.stat(target).then(
      () => true,
      (error: unknown) => {
        if (errnoOf(error) === 'ENOENT') return false
        throw error
      }
    )
    if (exists) continue
    await fs.rename(file, target)
    await syncDir(fs, dir).catch(() => undefined)
    return target
  }
}

interface ValidBackup {
  name: string
  createdAt: Date
  workspace: Workspace
}

/** The newest backup that reads as a workspace of this version, or null; damaged and unreadable ones are skipped. */
export async function newestValidBackup(backups: BackupStore): Promise<ValidBackup | null> {
  const entries = await backups.entries().catch(() => [])
  for (const entry of entries) {
    let parsed: ParseResult
    try {
      parsed = parseWorkspaceBytes(await backups.read(entry.name))
    } catch {
      continue
    }
    if (parsed.kind === 'ok')
      return { name: entry.name, createdAt: entry.createdAt, workspace: parsed.workspace }
  }
  return null
}

/**
 * Deletes the temporary files of interrupted saves of `file` and of its journal, and of interrupted backups. Call it
 * only while holding the lock, so none of them belongs to a save in progress.
 */
export async function removeCrashLeftovers(fs: FsPort, file: string, backups: BackupStore): Promise<void> {
  const dir = dirname(file)
  const names = await fs.readdir(dir).catch(() => [] as string[])
  for (const name of names) {
    if (isAtomicTempName(name, basename(file)) || isAtomicTempName(name, JOURNAL_FILE)) {
      await fs.rm(join(dir, name), { force: true }).catch(() => undefined)
    }
  }
  await backups.removeLeftovers()
}
