/**
 * The slice of the file system the workspace store uses, as an interface so tests can inject
 * faults (ENOSPC, EACCES, EIO ...) at any single step. `node:fs/promises` satisfies it as is.
 */
import * as fsPromises from 'node:fs/promises'

export interface FileHandlePort {
  /** A list of chunks is written one after another (a large file built in slices). */
  writeFile(data: string | Uint8Array | readonly Uint8Array[]): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

export interface StatPort {
  size: number
  mtimeMs: number
}

export interface FsPort {
  /**
   * `wx` creates a new file (fails with EEXIST); `r` opens for reading (also used on folders to
   * fsync them); `a` opens the journal to append to it.
   */
  open(path: string, flags: 'wx' | 'r' | 'a'): Promise<FileHandlePort>
  readFile(path: string): Promise<Uint8Array>
  rename(from: string, to: string): Promise<void>
  /** Used by backups, which copy the workspace file rather than serialise the workspace again. */
  copyFile(from: string, to: string): Promise<void>
  rm(path: string, options: { force: true }): Promise<void>
  mkdir(path: string, options: { recursive: true }): Promise<unknown>
  readdir(path: string): Promise<string[]>
  stat(path: string): Promise<StatPort>
}

/** The real file system. */
export const nodeFs: FsPort = fsPromises

/** The errno code of a Node file system error (`ENOSPC`, `EACCES` ...), or null. */
export function errnoOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null
  const { code } = error as { code: unknown }
  return typeof code === 'string' ? code : null
}

const ERRNO_TEXT: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission was denied',
  EPERM: 'the operation was not permitted',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an input/output error',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  ENOENT: 'the file or folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'the path is a folder',
  ENAMETOOLONG: 'the path is too long',
  EEXIST: 'the file already exists'
}

/** "the disk is full (ENOSPC)": a phrase for user-facing messages. */
export function describeFsError(error: unknown): string {
  const code = errnoOf(error)
  if (code) return `${ERRNO_TEXT[code] ?? 'the file system reported an error'} (${code})`
  return error instanceof Error ? error.message : String(error)
}

/** Strict UTF-8 (a stray byte is an error, not a replacement character); a leading BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
}
