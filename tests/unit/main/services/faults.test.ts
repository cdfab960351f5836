/**
 * Fault injection: every step of a save (open, write, fsync, close, rename, folder fsync) failing
 * with ENOSPC, EACCES and EIO. After each: the previous workspace.json is intact and parseable, no
 * temp file is left, the status is 'error' with a message, flush() rejects, the in-memory state is
 * what the user did, and it is saved by the next successful attempt (flush, or the next change).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WorkspaceStore } from '../../../../src/main/services/workspace-store'
import type { StoreStatus } from '../../../../src/shared/ipc/types'
import { SCHEMA_VERSION, type Workspace } from '../../../../src/shared/model/schema'
import { AppFailure } from '../../../../src/shared/result'
import {
  FaultyFs,
  SAVE_STEPS,
  manualClock,
  nextStatus,
  readWorkspaceFile,
  rename,
  saveOfWorkspace,
  tempDir,
  tempFilesIn,
  track
} from './helpers'

export const ERRNOS = ['ENOSPC', 'EACCES', 'EIO'] as const
const PHRASES: Record<(typeof ERRNOS)[number], string> = {
  ENOSPC: 'Could not save: the disk is full (ENOSPC).',
  EACCES: 'Could not save: permission was denied (EACCES).',
  EIO: 'Could not save: the disk reported an input/output error (EIO).'
}
const TABLE = SAVE_STEPS.flatMap((step) => ERRNOS.map((code) => ({ step, code })))

/** Reads workspace.json strictly: it must parse and be a workspace. */
async function diskName(dir: string): Promise<string> {
  const text = await readFile(join(dir, 'workspace.json'), 'utf8')
  return (JSON.parse(text) as Workspace).name
}

async function setUp(saveDelayMs: number) {
  const dir = await tempDir()
  const fs = new FaultyFs()
  const store = track(await WorkspaceStore.open({ dir, fs, saveDelayMs }))
  const states: StoreStatus['state'][] = []
  store.onStatus((s) => states.push(s.state))
  store.apply(rename('A'))
  await store.flush()
  expect(await diskName(dir)).toBe('A')
  return { dir, fs, store, states }
}

describe.each(TABLE)('a save that fails at $step with $code', ({ step, code }) => {
  // After a failed folder fsync the rename has already happened: the new file is complete.
  const onDiskAfterFailure = step === 'dirsync' ? 'B' : 'A'

  it('keeps the previous file, reports the error, rejects flush, and saves on the next flush', async () => {
    const { dir, fs, store, states } = await setUp(60_000)
    fs.arm({ op: step, code, path: saveOfWorkspace(dir) })
    store.apply(rename('B'))

    const error = await store.flush().then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(AppFailure)
    expect(error).toMatchObject({ code: 'io', message: expect.stringContaining(PHRASES[code]) })
    expect(store.snapshot().status).toEqual({ state: 'error', message: (error as AppFailure).message })
    expect(await diskName(dir)).toBe(onDiskAfterFailure)
    expect(await tempFilesIn(dir)).toEqual([])
    expect(store.snapshot().workspace.name).toBe('B')

    // Still failing: still an error, never 'saved'.
    await expect(store.flush()).rejects.toMatchObject({ code: 'io' })
    expect(states.slice(states.indexOf('error'))).not.toContain('saved')

    fs.disarm()
    await store.flush()
    expect(store.snapshot().status).toEqual({ state: 'saved', message: null })
    expect(await readWorkspaceFile(dir)).toEqual(store.snapshot().workspace)
    expect(await diskName(dir)).toBe('B')
    expect(await tempFilesIn(dir)).toEqual([])
  })

  it('retries with the next change', async () => {
    const { dir, fs, store, states } = await setUp(5)
    fs.arm({ op: step, code, path: saveOfWorkspace(dir) })
    const failed = nextStatus(store, (s) => s.state === 'error')
    store.apply(rename('B'))
    expect((await failed).message).toContain(PHRASES[code])
    expect(await diskName(dir)).toBe(onDiskAfterFailure)
    expect(await tempFilesIn(dir)).toEqual([])

    fs.disarm()
    const saved = nextStatus(store, (s) => s.state === 'saved')
    store.apply(rename('C'))
    expect(store.snapshot().status.state).toBe('error') // not 'saving': the last save failed
    await saved
    expect(await diskName(dir)).toBe('C')
    expect(states).toEqual(['saving', 'saved', 'saving', 'error', 'saved'])
  })
})

describe('faults outside the main save', () => {
  it('a failed periodic backup does not fail the save; it is noted and retried', async () => {
    const dir = await tempDir()
    const clock = manualClock()
    const fs = new FaultyFs().arm({ op: 'open', code: 'ENOSPC', path: (p) => p.includes('backups') })
    const store = track(await WorkspaceStore.open({ dir, fs, now: clock.now, saveDelayMs: 60_000 }))
    expect(store.snapshot().status.state).toBe('saved')
    expect(store.snapshot().status.message).toContain('periodic backup')
    expect(store.snapshot().status.message).toContain('ENOSPC')
    expect(await store.listBackups()).toEqual([])

    fs.disarm()
    store.apply(rename('Next'))
    await store.flush()
    expect(store.snapshot().status).toEqual({ state: 'saved', message: null })
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['periodic'])
  })

  it('a failed forced backup rejects with io, so the caller can stop the import', async () => {
    const dir = await tempDir()
    const fs = new FaultyFs()
    const store = track(await WorkspaceStore.open({ dir, fs }))
    fs.arm({ op: 'write', code: 'EIO', path: (p) => p.includes('backups') })
    await expect(store.backup('before import')).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('Could not write the backup “before import”')
    })
    expect(await tempFilesIn(join(dir, 'backups'))).toEqual([])
  })

  it('close() rejects while saving fails, keeps the lock, and closes once the save succeeds', async () => {
    const dir = await tempDir()
    const fs = new FaultyFs()
    const store = track(await WorkspaceStore.open({ dir, fs, saveDelayMs: 60_000 }))
    fs.arm({ op: 'write', code: 'ENOSPC', path: saveOfWorkspace(dir) })
    store.apply(rename('Unsaved'))
    await expect(store.close()).rejects.toMatchObject({ code: 'io' })
    expect(await readFile(join(dir, 'workspace.lock'), 'utf8')).toContain(`"pid": ${process.pid}`)
    expect(store.snapshot().workspace.name).toBe('Unsaved')
    fs.disarm()
    await store.close()
    expect(await diskName(dir)).toBe('Unsaved')
    await expect(readFile(join(dir, 'workspace.lock'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('a recovered workspace that cannot be saved at open is saved by a later flush', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.json'), '{ truncated')
    const fs = new FaultyFs().arm({ op: 'rename', code: 'ENOSPC', path: saveOfWorkspace(dir) })
    const store = track(await WorkspaceStore.open({ dir, fs }))
    expect(store.snapshot().status.state).toBe('error')
    expect(store.snapshot().notices[0]).toContain('workspace.corrupt-')
    fs.disarm()
    await store.flush()
    expect(store.snapshot().status.state).toBe('saved')
    expect((await readWorkspaceFile(dir)).schemaVersion).toBe(SCHEMA_VERSION)
  })
})
