/** Shared helpers for the store tests: temp folders, commands, and a file system that fails on cue. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach } from 'vitest'
import type { Command } from '../../../../src/shared/commands/schema'
import { backupName } from '../../../../src/main/services/backups'
import { emptyWorkspace, newCategory, newRole } from '../../../../src/shared/model/defaults'
import type { Workspace } from '../../../../src/shared/model/schema'
import type { StoreStatus } from '../../../../src/shared/ipc/types'
import { nodeFs, type FileHandlePort, type FsPort } from '../../../../src/main/services/fs-port'
import { WorkspaceStore, type StoreOptions } from '../../../../src/main/services/workspace-store'

const made: string[] = []
const openStores: WorkspaceStore[] = []

/** A fresh folder under the OS temp dir, removed after the test. */
export async function tempDir(prefix = 'pp-store-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** Closes the store after the test even if the test failed half-way. */
export function track<T extends WorkspaceStore>(store: T): T {
  openStores.push(store)
  return store
}

/** `WorkspaceStore.open` on `dir`, closed after the test. */
export const openStore = async (dir: string, options: Partial<StoreOptions> = {}): Promise<WorkspaceStore> =>
  track(await WorkspaceStore.open({ dir, ...options }))

afterEach(async () => {
  for (const store of openStores.splice(0)) await store.close().catch(() => undefined)
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
})

export const rename = (name: string): Command => ({ type: 'workspace.update', patch: { name } })
export const createCategory = (id: string, name = id): Command => ({
  type: 'category.create',
  category: { id, name, description: '', color: 'blue' }
})
export const createRole = (id: string, categoryId: string | null = null, title = id): Command => ({
  type: 'card.create',
  card: newRole({ id, title }),
  categoryId
})
export const moveCard = (id: string, categoryId: string | null, index = 0): Command => ({
  type: 'card.move',
  ids: [id],
  categoryId,
  index
})

/** A valid workspace called `name` with `categories` categories (c0, c1 …). */
export const sampleWorkspace = (name: string, categories = 0): Workspace => ({
  ...emptyWorkspace('2026-11-01T00:00:00.000Z'),
  name,
  categories: Array.from({ length: categories }, (_, i) =>
    newCategory({ id: `c${i}`, name: `Category ${i}`, order: i })
  )
})

/** Pretty JSON, as the store writes it. */
export const pretty = (value: unknown): string => JSON.stringify(value, null, 2) + '\n'

/** Writes `text` as a backup taken at `at` for `reason` in `<dir>/backups/`; returns its name. */
export async function writeBackup(dir: string, at: string, reason: string, text: string): Promise<string> {
  await mkdir(join(dir, 'backups'), { recursive: true })
  const name = backupName(new Date(at), reason)
  await writeFile(join(dir, 'backups', name), text)
  return name
}

export async function readWorkspaceFile(dir: string): Promise<Workspace> {
  return JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')) as Workspace
}

export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort()
}

export const tempFilesIn = async (dir: string): Promise<string[]> =>
  (await readdir(dir)).filter((name) => name.endsWith('.tmp'))

/** Resolves with the first status the store reports that satisfies `test`. */
export function nextStatus(
  store: WorkspaceStore,
  test: (status: StoreStatus) => boolean
): Promise<StoreStatus> {
  return new Promise((resolve) => {
    const off = store.onStatus((status) => {
      if (!test(status)) return
      off()
      resolve(status)
    })
  })
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export function fsError(code: string, op: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, ${op} '${path}'`), { code, syscall: op, path })
}

/** The steps of one atomic save, in order. `close` is the temp file's close, between fsync and rename. */
export const SAVE_STEPS = ['open', 'write', 'fsync', 'close', 'rename', 'dirsync'] as const
export type SaveStep = (typeof SAVE_STEPS)[number]
export type Op = SaveStep | 'readFile' | 'mkdir' | 'readdir' | 'rm' | 'stat' | 'lock'

export interface Fault {
  op: Op
  code: string
  /** Which paths the fault applies to; default: every path. */
  path?: (path: string) => boolean
  /** How many calls fail before the fault disarms itself; default: until `disarm()`. */
  times?: number
}

/**
 * The real file system with faults injected on cue, counting calls. `open` with `wx` of a temp
 * file and the handle calls after it are the save steps; `open(dir, 'r')` + `sync` is `dirsync`;
 * `lock` is the creation of `workspace.lock`. `open` with `a` (an append to the journal) and its
 * handle calls are `open`, `write`, `fsync` and `close` of the journal's own path; `copyFile` (a
 * backup copied from the workspace file) is the `write` of its temp file.
 */
export class FaultyFs implements FsPort {
  faults: Fault[] = []
  readonly calls: { op: Op; path: string }[] = []

  constructor(private readonly base: FsPort = nodeFs) {}

  arm(fault: Fault): this {
    this.faults.push({ ...fault })
    return this
  }

  disarm(): this {
    this.faults = []
    return this
  }

  /** Completed renames onto a file called `name` (each is one save of that file). */
  renamesOnto(name: string): number {
    return this.calls.filter((c) => c.op === 'rename' && basename(c.path) === name).length
  }

  private check(op: Op, path: string): void {
    this.calls.push({ op, path })
    const fault = this.faults.find((f) => f.op === op && (f.path ? f.path(path) : true))
    if (!fault) return
    if (fault.times !== undefined && --fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault)
    this.calls.pop()
    throw fsError(fault.code, op, path)
  }

  async open(path: string, flags: 'wx' | 'r' | 'a'): Promise<FileHandlePort> {
    const isDir = flags === 'r' // the store opens only folders for reading (to fsync them)
    const isLock = flags === 'wx' && basename(path) === 'workspace.lock'
    if (flags !== 'r') this.check(isLock ? 'lock' : 'open', path)
    const handle = await this.base.open(path, flags)
    return {
      writeFile: async (data) => {
        if (!isLock) this.check('write', path)
        return handle.writeFile(data)
      },
      sync: async () => {
        this.check(isDir ? 'dirsync' : 'fsync', path)
        return handle.sync()
      },
      close: async () => {
        if (flags !== 'r' && !isLock) {
          try {
            this.check('close', path)
          } catch (error) {
            await handle.close() // a failed close still releases the descriptor on every OS we ship on
            throw error
          }
        }
        return handle.close()
      }
    }
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.check('readFile', path)
    return this.base.readFile(path)
  }

  async rename(from: string, to: string): Promise<void> {
    this.check('rename', to)
    return this.base.rename(from, to)
  }

  async copyFile(from: string, to: string): Promise<void> {
    this.check('write', to)
    return this.base.copyFile(from, to)
  }

  async rm(path: string, options: { force: true }): Promise<void> {
    this.check('rm', path)
    return this.base.rm(path, options)
  }

  async mkdir(path: string, options: { recursive: true }): Promise<unknown> {
    this.check('mkdir', path)
    return this.base.mkdir(path, options)
  }

  async readdir(path: string): Promise<string[]> {
    this.check('readdir', path)
    return this.base.readdir(path)
  }

  async stat(path: string): Promise<{ size: number; mtimeMs: number }> {
    this.check('stat', path)
    return this.base.stat(path)
  }
}

/** A path test for the save of `workspace.json` in `dir`: the file, its temp files and the folder itself. */
export const saveOfWorkspace =
  (dir: string) =>
  (path: string): boolean =>
    path === dir ||
    path === join(dir, 'workspace.json') ||
    (path.startsWith(join(dir, '.workspace.json.')) && path.endsWith('.tmp'))

/** A clock the test moves by hand. */
export function manualClock(start = '2026-11-23T10:00:00.000Z'): {
  now: () => Date
  advance: (ms: number) => void
} {
  let t = new Date(start).getTime()
  return { now: () => new Date(t), advance: (ms) => void (t += ms) }
}

/**
 * Bundles a child script (and the store it imports) into one ESM file with esbuild, so the child
 * starts in ~50 ms with plain `node` instead of going through tsx. Returns the bundle's path.
 */
export async function bundleChild(entry: string, outDir: string): Promise<string> {
  const { build } = await import('esbuild')
  const outfile = join(outDir, `${basename(entry, '.ts')}.mjs`)
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent'
  })
  return outfile
}

/** A spawned `node <bundle>` with its stdout split into lines. */
export class Child {
  readonly process: ChildProcessWithoutNullStreams
  readonly lines: string[] = []
  stderr = ''
  private waiters: (() => void)[] = []
  readonly exited: Promise<number | null>

  constructor(bundle: string, args: string[]) {
    this.process = spawn(process.execPath, [bundle, ...args], { stdio: 'pipe' })
    createInterface({ input: this.process.stdout }).on('line', (line) => {
      this.lines.push(line)
      for (const wake of this.waiters.splice(0)) wake()
    })
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
    this.exited = new Promise((resolve) =>
      this.process.on('exit', (code) => {
        resolve(code)
        for (const wake of this.waiters.splice(0)) wake()
      })
    )
  }

  /** Takes the first unread line that passes `test`; rejects if the child exits first. */
  async waitForLine(test: (line: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.lines.find(test)
      if (found !== undefined) {
        this.lines.splice(this.lines.indexOf(found), 1)
        return found
      }
      if (this.process.exitCode !== null || this.process.signalCode !== null) {
        throw new Error(`child exited (${this.process.exitCode ?? this.process.signalCode}): ${this.stderr}`)
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the child: ${this.stderr}`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 100)
      })
    }
  }

  /** Sends a command line and returns the child's JSON answer. */
  async request(line: string): Promise<Record<string, unknown>> {
    const command = line.split(' ')[0]
    this.process.stdin.write(line + '\n')
    const answer = await this.waitForLine((l) => l.includes(`"done":"${command}"`))
    return JSON.parse(answer) as Record<string, unknown>
  }

  async kill(): Promise<void> {
    this.process.kill('SIGKILL')
    await this.exited
  }
}
