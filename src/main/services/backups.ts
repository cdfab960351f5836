/**
 * Rotating workspace backups in `<dir>/backups/`: `workspace-<UTC time>-<reason>.json`, so the
 * names sort by time. The newest `MAX_BACKUPS` are kept; the most recent forced backup (any reason
 * but `periodic`, e.g. "before import") is kept even when ten periodic ones are newer. Periodic
 * backups are taken after a save, at most one per interval (`PeriodicBackups`). The store's
 * backups copy `workspace.json` once it holds the whole workspace, rather than serialise it again.
 */
import { join } from 'node:path'
import type { BackupInfo } from '../../shared/ipc/types'
import { AppFailure } from '../../shared/result'
import { copyFileAtomicWith, isAtomicTempName, writeFileAtomicWith } from './atomic-write'
import { describeFsError, errnoOf, type FsPort } from './fs-port'

export const MAX_BACKUPS = 10
export const PERIODIC = 'periodic'

const NAME =
  /^workspace-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/

/** What a backup holds: a text, or a copy of a file (the workspace file when it is up to date). */
export type BackupContent = string | { copyOf: string }

export interface BackupEntry {
  name: string
  createdAt: Date
  /** The slug from the name, e.g. `before-import`. */
  slug: string
}

/** "before import" -> "before-import": lower-case letters and digits joined by single hyphens. */
export function reasonSlug(reason: string): string {
  const slug = reason
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return slug || 'manual'
}

export function backupName(at: Date, reason: string): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-')
  return `workspace-${stamp}-${reasonSlug(reason)}.json`
}

/** The time and reason a backup name carries, or null for any other file (including paths). */
export function parseBackupName(name: string): BackupEntry | null {
  const match = NAME.exec(name)
  if (!match) return null
  const [, day, h, m, s, ms, slug] = match
  const createdAt = new Date(`${day}T${h}:${m}:${s}.${ms}Z`)
  if (Number.isNaN(createdAt.getTime())) return null
  return { name, createdAt, slug }
}

const isForced = (entry: BackupEntry): boolean => entry.slug !== PERIODIC

/** Which backups to delete so that `max` remain, never the most recent forced one. */
export function backupsToPrune(entries: BackupEntry[], max = MAX_BACKUPS): BackupEntry[] {
  const newestFirst = [...entries].sort((a, b) => b.name.localeCompare(a.name))
  const protectedOne = newestFirst.find(isForced)
  const keep = new Set<BackupEntry>()
  if (protectedOne) keep.add(protectedOne)
  for (const entry of newestFirst) {
    if (keep.size >= max) break
    keep.add(entry)
  }
  return newestFirst.filter((entry) => !keep.has(entry))
}

export interface BackupStoreOptions {
  now: () => Date
  platform?: NodeJS.Platform
  max?: number
}

export class BackupStore {
  constructor(
    private readonly fs: FsPort,
    /** The backups folder itself. */
    readonly dir: string,
    private readonly options: BackupStoreOptions
  ) {}

  /** Backup files, newest first; an absent folder is an empty list. */
  async entries(): Promise<BackupEntry[]> {
    let names: string[]
    try {
      names = await this.fs.readdir(this.dir)
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return []
      throw error
    }
    return names
      .map(parseBackupName)
      .filter((entry): entry is BackupEntry => entry !== null)
      .sort((a, b) => b.name.localeCompare(a.name))
  }

  async list(): Promise<BackupInfo[]> {
    const entries = await this.entries()
    const infos = await Promise.all(
      entries.map(async (entry): Promise<BackupInfo | null> => {
        try {
          const stat = await this.fs.stat(join(this.dir, entry.name))
          return {
            name: entry.name,
            createdAt: entry.createdAt.toISOString(),
            reason: entry.slug.replace(/-/g, ' '),
            bytes: stat.size
          }
        } catch {
          return null // pruned meanwhile
        }
      })
    )
    return infos.filter((info): info is BackupInfo => info !== null)
  }

  /** When the newest periodic backup was taken, or null. */
  async lastPeriodic(): Promise<Date | null> {
    const entry = (await this.entries()).find((e) => e.slug === PERIODIC)
    return entry ? entry.createdAt : null
  }

  /**
   * Writes a backup atomically and prunes old ones. The name's time is strictly after every
   * existing backup (even if the clock went back), so names stay unique and in order.
   */
  async write(reason: string, content: BackupContent): Promise<string> {
    await this.fs.mkdir(this.dir, { recursive: true })
    const existing = await this.entries()
    let at = this.options.now().getTime()
    if (existing.length > 0) at = Math.max(at, existing[0].createdAt.getTime() + 1)
    const name = backupName(new Date(at), reason)
    const target = join(this.dir, name)
    const options = { platform: this.options.platform }
    if (typeof content === 'string') await writeFileAtomicWith(this.fs, target, content, options)
    else await copyFileAtomicWith(this.fs, content.copyOf, target, options)
    await this.prune([{ name, createdAt: new Date(at), slug: reasonSlug(reason) }, ...existing])
    return name
  }

  private async prune(entries: BackupEntry[]): Promise<void> {
    for (const entry of backupsToPrune(entries, this.options.max ?? MAX_BACKUPS)) {
      await this.fs.rm(join(this.dir, entry.name), { force: true }).catch(() => undefined)
    }
  }

  /** The bytes of a backup; throws AppFailure('not-found') for a name that is not a backup. */
  async read(name: string): Promise<Uint8Array> {
    if (!parseBackupName(name)) throw new AppFailure('not-found', `“${name}” is not the name of a backup.`)
    try {
      return await this.fs.readFile(join(this.dir, name))
    } catch (error) {
      if (errnoOf(error) === 'ENOENT')
        throw new AppFailure('not-found', `The backup ${name} no longer exists.`)
      throw error
    }
  }

  /** Removes temporary files that a crash during a backup left behind. */
  async removeLeftovers(): Promise<void> {
    const names = await this.fs.readdir(this.dir).catch(() => [] as string[])
    for (const name of names) {
      if (name.startsWith('.workspace-') && isLeftoverTemp(name)) {
        await this.fs.rm(join(this.dir, name), { force: true }).catch(() => undefined)
      }
    }
  }
}

/** At most one periodic backup per interval, taken after a successful save. */
export class PeriodicBackups {
  constructor(
    private readonly backups: BackupStore,
    private readonly intervalMs: number,
    private readonly now: () => Date,
    /** When the last periodic backup was taken (`BackupStore.lastPeriodic()` at open), or null. */
    private last: Date | null
  ) {}

  /**
   * Writes `content()` as a periodic backup if the interval has passed since the last one (or the
   * clock went back), so `content` runs only when one is due. Never throws: a failure comes back as
   * a sentence for the status, and the backup is tried again after the next save.
   */
  async afterSave(content: () => BackupContent): Promise<string | null> {
    const at = this.now()
    const elapsed = this.last ? at.getTime() - this.last.getTime() : Infinity
    if (elapsed >= 0 && elapsed < this.intervalMs) return null
    try {
      await this.backups.write(PERIODIC, content())
      this.last = at
      return null
    } catch (error) {
      return `Saved, but the periodic backup in ${this.backups.dir} failed: ${describeFsError(error)}. It is tried again on the next save.`
    }
  }
}

function isLeftoverTemp(name: string): boolean {
  // `.${backupName}.<pid>.<hex>.tmp`: strip the suffix and check the middle is a backup name.
  const match = /^\.(.+)\.\d+\.[0-9a-f]{12}\.tmp$/.exec(name)
  return match !== null && parseBackupName(match[1]) !== null && isAtomicTempName(name, match[1])
}
