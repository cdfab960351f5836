/**
 * An advisory lock file (`workspace.lock`) that tells a second process, or a second store in this
 * process, that the data folder is in use and by whom. Created with `wx`, so exactly one creator
 * wins. A lock on this host is stale, and taken over, when its process is gone (`process.kill(pid,
 * 0)` says ESRCH), when it was taken before the machine last started, or when its pid now belongs
 * to a process that started at another time than the holder (pid reuse; the start time is known
 * on Linux). A lock from another host is never taken over automatically.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { resolve } from 'node:path'
import { errnoOf, type FsPort } from './fs-port'

export interface LockInfo {
  pid: number
  owner: string
  host: string
  since: string
  /** When the holding process started (ISO); absent in locks written before it was recorded. */
  started?: string
}

export type LockOutcome =
  /**
   * We hold the lock. `tookOver` is the stale lock we replaced, if any; `replacedUnreadable` says
   * we replaced an old lock file that could not be parsed (its creator died while writing it).
   */
  | { kind: 'acquired'; info: LockInfo; tookOver: LockInfo | null; replacedUnreadable: boolean }
  /** Someone else holds it; `holder` is null when the lock file cannot be read (being written). */
  | { kind: 'held'; holder: LockInfo | null }
  /** The lock could not be created at all (read-only folder, full disk ...). */
  | { kind: 'failed'; error: unknown }

export interface LockOptions {
  /** Defaults to `process.kill(pid, 0)`: false only for ESRCH. */
  isAlive?: (pid: number) => boolean
  host?: string
  /** An unreadable lock file younger than this is assumed to be mid-write by its creator. */
  unreadableGraceMs?: number
  now?: () => Date
  /** When the process with this pid started (ms since the epoch), or null where that cannot be known. */
  startTimeOf?: (pid: number) => number | null
  /** When the machine started (ms since the epoch). */
  bootTime?: () => number
}

/** How far a process's start time may differ from the one its lock recorded and still be the same process. */
const START_TIME_TOLERANCE_MS = 2_000

/** Locks this process holds, so a stale lock left by an earlier process with our pid is recognised. */
const heldHere = new Set<string>()

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user. Only ESRCH proves it is gone.
    return errnoOf(error) !== 'ESRCH'
  }
}

/** The machine's start, from its uptime. */
export const bootTime = (): number => Date.now() - uptime() * 1000

/** This process's start. */
const ownStart = (): string => new Date(Date.now() - process.uptime() * 1000).toISOString()

/**
 * When the process `pid` started, on Linux from `/proc` (its start in clock ticks since boot, at
 * the usual 100 ticks a second, plus the boot time); null on other systems or when it cannot be read.
 */
export function processStartTime(pid: number): number | null {
  if (process.platform !== 'linux') return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces and parentheses): state is field 3, starttime field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[22 - 3])
    const boot = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))
    if (!Number.isFinite(ticks) || boot === null) return null
    return Number(boot[1]) * 1000 + ticks * 10
  } catch {
    return null
  }
}

/** Whether the process that wrote `holder` (on this host) still runs. */
function holderAlive(holder: LockInfo, options: LockOptions): boolean {
  if (!(options.isAlive ?? isProcessAlive)(holder.pid)) return false
  const since = Date.parse(holder.since)
  // Taken before the machine started: whatever has this pid now is another process.
  if (Number.isFinite(since) && since < (options.bootTime ?? bootTime)() - START_TIME_TOLERANCE_MS)
    return false
  const recorded = holder.started === undefined ? NaN : Date.parse(holder.started)
  const actual = (options.startTimeOf ?? processStartTime)(holder.pid)
  if (!Number.isFinite(recorded) || actual === null) return true
  return Math.abs(actual - recorded) <= START_TIME_TOLERANCE_MS
}

export function describeHolder(holder: LockInfo): string {
  const who = holder.owner.includes(`pid ${holder.pid}`)
    ? holder.owner
    : `${holder.owner} (pid ${holder.pid})`
  return holder.host === hostname() ? who : `${who} on ${holder.host}`
}

function parseLock(text: string): LockInfo | null {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return null
    const { pid, owner, host, since, started } = value as Record<string, unknown>
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null
    if (typeof owner !== 'string' || typeof host !== 'string' || typeof since !== 'string') return null
    return typeof started === 'string' ? { pid, owner, host, since, started } : { pid, owner, host, since }
  } catch {
    return null
  }
}

const sameLock = (a: LockInfo, b: LockInfo): boolean =>
  a.pid === b.pid &&
  a.host === b.host &&
  a.since === b.since &&
  a.owner === b.owner &&
  a.started === b.started

async function readText(fs: FsPort, path: string): Promise<string | null> {
  try {
    return new TextDecoder().decode(await fs.readFile(path))
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null
    throw error
  }
}

async function create(fs: FsPort, path: string, info: LockInfo): Promise<void> {
  const handle = await fs.open(path, 'wx')
  try {
    await handle.writeFile(JSON.stringify(info, null, 2) + '\n')
  } catch (error) {
    await handle.close().catch(() => undefined)
    await fs.rm(path, { force: true }).catch(() => undefined)
    throw error
  }
  await handle.close()
}

export async function acquireLock(
  fs: FsPort,
  path: string,
  owner: string,
  options: LockOptions = {}
): Promise<LockOutcome> {
  const host = options.host ?? hostname()
  const now = options.now ?? (() => new Date())
  const key = resolve(path)
  const info: LockInfo = { pid: process.pid, owner, host, since: now().toISOString(), started: ownStart() }
  let tookOver: LockInfo | null = null
  let replacedUnreadable = false
  let holder: LockInfo | null = null

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await create(fs, path, info)
      heldHere.add(key)
      return { kind: 'acquired', info, tookOver, replacedUnreadable }
    } catch (error) {
      if (errnoOf(error) !== 'EEXIST') return { kind: 'failed', error }
    }
    let text: string | null
    try {
      text = await readText(fs, path)
    } catch (error) {
      return { kind: 'failed', error }
    }
    if (text === null) continue // released between our create and our read: try again
    holder = parseLock(text)
    if (holder) {
      if (holder.host !== host) return { kind: 'held', holder }
      const ours = holder.pid === process.pid
      if (ours ? heldHere.has(key) : holderAlive(holder, options)) return { kind: 'held', holder }
    } else {
      // Empty or garbled: its creator may be between `open` and `write`, or died there.
      const age = await fs.stat(path).then(
        (s) => now().getTime() - s.mtimeMs,
        () => 0
      )
      if (age < (options.unreadableGraceMs ?? 10_000)) return { kind: 'held', holder: null }
    }
    // Stale. Move it aside (atomic: only one contender gets this file), check that what we moved
    // is what we judged stale, then delete it and try to create ours.
    const aside = `${path}.${randomBytes(4).toString('hex')}.stale`
    try {
      await fs.rename(path, aside)
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') continue
      return { kind: 'failed', error }
    }
    const moved = await readText(fs, aside).catch(() => null)
    const movedInfo = moved === null ? null : parseLock(moved)
    if (moved !== text && !(holder && movedInfo && sameLock(holder, movedInfo))) {
      // We raced another process that had already replaced the stale lock: put theirs back.
      await fs.rename(aside, path).catch(() => undefined)
      return { kind: 'held', holder: movedInfo }
    }
    await fs.rm(aside, { force: true }).catch(() => undefined)
    if (holder) tookOver = holder
    else replacedUnreadable = true
  }
  return { kind: 'held', holder }
}

/** Deletes the lock file if it is still ours (never someone else's). */
export async function releaseLock(fs: FsPort, path: string, info: LockInfo): Promise<void> {
  heldHere.delete(resolve(path))
  const text = await readText(fs, path)
  const current = text === null ? null : parseLock(text)
  if (current && sameLock(current, info)) await fs.rm(path, { force: true })
}
