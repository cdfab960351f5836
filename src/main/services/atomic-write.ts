/**
 * Atomic file replacement: write a uniquely named temporary file beside the target, fsync it,
 * rename it over the target, then fsync the folder. A crash at any point leaves either the old
 * file or the new one, never a mix; a failure at any step leaves the old file untouched (except a
 * failed folder fsync, which comes after the rename) and removes the temporary file.
 */
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { errnoOf, nodeFs, type FsPort } from './fs-port'

export interface AtomicWriteOptions {
  /** Defaults to `process.platform`; on Windows folders cannot be fsynced and renames are retried. */
  platform?: NodeJS.Platform
  /**
   * Waits before retrying a rename that Windows refused with EPERM/EACCES/EBUSY (an antivirus or
   * indexer holding the target open for a moment). Not used elsewhere.
   */
  renameRetryDelaysMs?: readonly number[]
}

const WINDOWS_RENAME_RETRY_MS = [10, 30, 60, 120, 250, 500] as const
const TRANSIENT_WINDOWS_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY'])

/** `.workspace.json.<pid>.<12 hex>.tmp`: hidden, beside the target, unique per process and call. */
export function atomicTempName(target: string): string {
  return `.${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
}

/** Whether `name` is a temporary file `atomicTempName(target)` could have produced. */
export function isAtomicTempName(name: string, target: string): boolean {
  const prefix = `.${target}.`
  return name.startsWith(prefix) && /^\d+\.[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))
}

/** Atomic write on the real file system. */
export function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  return writeFileAtomicWith(nodeFs, path, data)
}

/** Atomic write through an injectable file system. Throws the first error of the step that failed. */
export async function writeFileAtomicWith(
  fs: FsPort,
  path: string,
  data: string | Uint8Array | readonly Uint8Array[],
  options: AtomicWriteOptions = {}
): Promise<void> {
  const platform = options.platform ?? process.platform
  const dir = dirname(path)
  const temp = join(dir, atomicTempName(basename(path)))
  try {
    const handle = await fs.open(temp, 'wx')
    let failed = false
    let failure: unknown
    try {
      await handle.writeFile(data)
      await handle.sync()
    } catch (error) {
      failed = true
      failure = error
    }
    try {
      await handle.close()
    } catch (error) {
      if (!failed) {
        failed = true
        failure = error
      }
    }
    if (failed) throw failure
    await renameWithRetry(fs, temp, path, platform, options.renameRetryDelaysMs)
  } catch (error) {
    // The target was not touched. Remove the partial temporary file if the disk still lets us.
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncDir(fs, dir, platform)
}

/**
 * An atomic copy: `from` copied to a temporary file beside `to`, which is fsynced and renamed over
 * `to`, then the folder is fsynced; as `writeFileAtomicWith`, a failure leaves `to` untouched.
 * The copy itself runs off the main thread and may be a reflink where the file system has them.
 */
export async function copyFileAtomicWith(
  fs: FsPort,
  from: string,
  to: string,
  options: AtomicWriteOptions = {}
): Promise<void> {
  const platform = options.platform ?? process.platform
  const dir = dirname(to)
  const temp = join(dir, atomicTempName(basename(to)))
  try {
    await fs.copyFile(from, temp)
    // Opened for appending because Windows flushes only a handle that may write.
    const handle = await fs.open(temp, 'a')
    let failure: unknown = null
    try {
      await handle.sync()
    } catch (error) {
      failure = error
    }
    await handle.close().catch((error: unknown) => {
      failure ??= error
    })
    if (failure !== null) throw failure
    await renameWithRetry(fs, temp, to, platform, options.renameRetryDelaysMs)
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncDir(fs, dir, platform)
}

async function renameWithRetry(
  fs: FsPort,
  from: string,
  to: string,
  platform: NodeJS.Platform,
  delays: readonly number[] = WINDOWS_RENAME_RETRY_MS
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to)
      return
    } catch (error) {
      const code = errnoOf(error)
      const transient = platform === 'win32' && code !== null && TRANSIENT_WINDOWS_RENAME.has(code)
      if (!transient || attempt >= delays.length) throw error
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]))
    }
  }
}

/** File systems that cannot fsync a folder say so with these; that is not a failed save. */
const DIR_SYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EISDIR'])

/** Makes a rename in `dir` durable. Windows cannot open folders for fsync (NTFS journals renames). */
export async function syncDir(
  fs: FsPort,
  dir: string,
  platform: NodeJS.Platform = process.platform
): Promise<void> {
  if (platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  let failed = false
  let failure: unknown
  try {
    await handle.sync()
  } catch (error) {
    const code = errnoOf(error)
    failed = code === null || !DIR_SYNC_UNSUPPORTED.has(code)
    failure = error
  }
  await handle.close().catch(() => undefined)
  if (failed) throw failure
}
