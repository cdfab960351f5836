import { readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { applyPatches } from 'immer'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_UNDO } from '../../../../src/main/services/workspace-store'
import type { Change, StoreStatus } from '../../../../src/shared/ipc/types'
import { SCHEMA_VERSION, type Workspace } from '../../../../src/shared/model/schema'
import { AppFailure } from '../../../../src/shared/result'
import {
  FaultyFs,
  createCategory,
  listDir,
  manualClock,
  moveCard,
  nextStatus,
  openStore,
  readWorkspaceFile,
  rename,
  saveOfWorkspace,
  tempDir
} from './helpers'

describe('WorkspaceStore: opening and saving', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('opens an empty folder: writes workspace.json as pretty JSON and holds workspace.lock', async () => {
    const dir = await tempDir()
    const store = await openStore(dir, { owner: 'Persona Planner (pid 7)' })
    const snap = store.snapshot()
    expect(snap).toMatchObject({
      revision: 0,
      undoLabel: null,
      redoLabel: null,
      status: { state: 'saved', message: null },
      notices: [],
      filePath: join(dir, 'workspace.json')
    })
    const text = await readFile(join(dir, 'workspace.json'), 'utf8')
    expect(text).toBe(JSON.stringify(snap.workspace, null, 2) + '\n')
    expect(text).toContain(`\n  "schemaVersion": ${SCHEMA_VERSION},\n`)
    expect(JSON.parse(await readFile(join(dir, 'workspace.lock'), 'utf8'))).toMatchObject({
      pid: process.pid,
      owner: 'Persona Planner (pid 7)',
      host: hostname()
    })
  })

  it('applies a command: revision +1, patches that turn the old copy into the new one, saved after flush', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    const changes: Change[] = []
    store.onChange((c) => changes.push(c))
    let rendererCopy: Workspace = store.snapshot().workspace

    const change = store.apply(createCategory('c1', 'Leadership'))
    expect(change).toMatchObject({
      revision: 1,
      label: 'Create category “Leadership”',
      undoLabel: change.label
    })
    expect(changes).toEqual([change])
    rendererCopy = applyPatches(rendererCopy, change.patches)
    expect(rendererCopy).toEqual(store.snapshot().workspace)

    await store.flush()
    expect((await readWorkspaceFile(dir)).categories).toMatchObject([{ id: 'c1', name: 'Leadership' }])
    expect(store.snapshot().status).toEqual({ state: 'saved', message: null })
    await store.close()

    const again = await openStore(dir)
    expect(again.snapshot().workspace).toEqual(rendererCopy)
    expect(again.snapshot().revision).toBe(0)
  })

  it('rethrows a failing command and changes nothing', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    store.apply(createCategory('c1'))
    const before = store.snapshot()
    let events = 0
    store.onChange(() => events++)
    expect(() => store.apply(moveCard('no-such-card', 'c1'))).toThrow(AppFailure)
    expect(() => store.apply(createCategory('c1'))).toThrow(expect.objectContaining({ code: 'conflict' }))
    expect(store.snapshot()).toEqual(before)
    expect(events).toBe(0)
  })

  it('undoes and redoes with inverse patches, one revision each, and a new apply clears redo', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    const seen: Change[] = []
    store.onChange((c) => seen.push(c)) // e.g. an undo from the menu reaches the renderer this way
    let copy = store.snapshot().workspace
    const follow = (c: Change | null): Change => {
      if (!c) throw new Error('expected a change')
      copy = applyPatches(copy, c.patches)
      expect(copy).toEqual(store.snapshot().workspace)
      return c
    }
    follow(store.apply(createCategory('c1', 'A')))
    follow(store.apply(rename('Renamed')))
    expect(store.snapshot()).toMatchObject({ undoLabel: 'Rename workspace to “Renamed”', redoLabel: null })

    expect(follow(store.undo())).toMatchObject({ revision: 3, label: 'Rename workspace to “Renamed”' })
    expect(store.snapshot()).toMatchObject({
      undoLabel: 'Create category “A”',
      redoLabel: 'Rename workspace to “Renamed”'
    })
    expect(store.snapshot().workspace.name).toBe('My workspace')
    expect(follow(store.redo())).toMatchObject({ revision: 4 })
    expect(store.snapshot().workspace.name).toBe('Renamed')

    follow(store.undo())
    follow(store.apply(rename('Other')))
    expect(store.redo()).toBeNull()
    expect(store.snapshot().redoLabel).toBeNull()
    follow(store.undo())
    follow(store.undo())
    expect(store.undo()).toBeNull()
    expect(store.snapshot().workspace.categories).toEqual([])
    expect(seen.map((c) => c.revision)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])

    await store.flush()
    expect(await readWorkspaceFile(dir)).toEqual(store.snapshot().workspace)
  })

  it(`keeps at most ${MAX_UNDO} undo steps`, async () => {
    const store = await openStore(await tempDir())
    for (let i = 0; i < MAX_UNDO + 5; i++) store.apply(rename(`n${i}`))
    let undone = 0
    while (store.undo()) undone++
    expect(undone).toBe(MAX_UNDO)
    expect(store.snapshot().workspace.name).toBe('n4')
  })

  it('saves on its own after the coalescing window, and flushes on close', async () => {
    const dir = await tempDir()
    const store = await openStore(dir, { saveDelayMs: 20 })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    store.apply(rename('By timer'))
    expect(store.snapshot().status.state).toBe('saving')
    const saved = nextStatus(store, (s) => s.state === 'saved')
    vi.advanceTimersByTime(19)
    expect((await readWorkspaceFile(dir)).name).toBe('My workspace') // the window is still open
    vi.advanceTimersByTime(1)
    await saved // no flush: the timer saved it
    vi.useRealTimers()
    expect((await readWorkspaceFile(dir)).name).toBe('By timer')

    const slow = await openStore(await tempDir(), { saveDelayMs: 60_000 })
    slow.apply(rename('On close'))
    await slow.close()
    expect((await readWorkspaceFile(slow.snapshot().filePath.replace(/workspace\.json$/, ''))).name).toBe(
      'On close'
    )
    expect(await listDir(slow.snapshot().filePath.replace(/[/\\]workspace\.json$/, ''))).not.toContain(
      'workspace.lock'
    )
  })

  it('reports saving → saved only after the rename and the folder fsync succeeded', async () => {
    const dir = await tempDir()
    let release: () => void = () => undefined
    let gate: Promise<void> | null = null
    let entered: () => void = () => undefined
    const inDirSync = new Promise<void>((resolve) => (entered = resolve))
    const fs = new (class extends FaultyFs {
      override async open(path: string, flags: 'wx' | 'r') {
        const handle = await super.open(path, flags)
        if (flags !== 'r' || path !== dir || !gate) return handle
        const wait = gate
        return { ...handle, sync: async () => (entered(), await wait, handle.sync()) }
      }
    })()
    const store = await openStore(dir, { fs, saveDelayMs: 0 })
    const statuses: StoreStatus['state'][] = []
    store.onStatus((s) => statuses.push(s.state))
    gate = new Promise((resolve) => (release = resolve))
    store.apply(rename('Gated'))
    const flushed = store.flush()
    await inDirSync
    expect((await readWorkspaceFile(dir)).name).toBe('Gated') // renamed already ...
    expect(store.snapshot().status.state).toBe('saving') // ... but not yet durable
    release()
    await flushed
    expect(statuses).toEqual(['saving', 'saved'])
  })

  it('saves a change applied while close is already saving', async () => {
    const dir = await tempDir()
    let entered: () => void = () => undefined
    let release: () => void = () => undefined
    const inRename = new Promise<void>((resolve) => (entered = resolve))
    const gate = new Promise<void>((resolve) => (release = resolve))
    let armed = false
    const fs = new (class extends FaultyFs {
      override async rename(from: string, to: string) {
        if (armed) {
          armed = false
          entered()
          await gate
        }
        return super.rename(from, to)
      }
    })()
    const store = await openStore(dir, { fs, saveDelayMs: 60_000 })
    store.apply(rename('first'))
    armed = true
    const closing = store.close()
    await inRename // the close's save of 'first' is half-way
    store.apply(rename('during close'))
    release()
    await closing
    expect((await readWorkspaceFile(dir)).name).toBe('during close')
    expect(await listDir(dir)).not.toContain('workspace.lock')
  })

  it('names the changes not saved yet: applied, undone and redone since the last successful save', async () => {
    const dir = await tempDir()
    const fs = new FaultyFs()
    const store = await openStore(dir, { fs, saveDelayMs: 60_000 })
    expect(store.unsavedLabels()).toEqual([])
    store.apply(rename('Saved'))
    await store.flush()
    expect(store.unsavedLabels()).toEqual([])

    fs.arm({ op: 'rename', code: 'ENOSPC', path: saveOfWorkspace(dir) })
    store.apply(createCategory('c1', 'Trainers'))
    store.apply(rename('Kept in memory'))
    store.undo()
    store.redo()
    await expect(store.flush()).rejects.toMatchObject({ code: 'io' })
    expect(store.unsavedLabels()).toEqual([
      'Create category “Trainers”',
      'Rename workspace to “Kept in memory”',
      'Undone: Rename workspace to “Kept in memory”',
      'Redone: Rename workspace to “Kept in memory”'
    ])

    fs.disarm()
    await store.flush()
    expect(store.unsavedLabels()).toEqual([])
  })

  it('keeps a change applied during a save among the unsaved ones until a later save writes it', async () => {
    const dir = await tempDir()
    let entered: () => void = () => undefined
    let release: () => void = () => undefined
    const inRename = new Promise<void>((resolve) => (entered = resolve))
    const gate = new Promise<void>((resolve) => (release = resolve))
    let armed = false
    const fs = new (class extends FaultyFs {
      override async rename(from: string, to: string) {
        if (armed) {
          armed = false
          entered()
          await gate
        }
        return super.rename(from, to)
      }
    })()
    const store = await openStore(dir, { fs, saveDelayMs: 60_000 })
    store.apply(rename('first'))
    armed = true
    const flushed = store.flush()
    await inRename // the save of 'first' is half-way
    store.apply(rename('during the save'))
    release()
    await flushed
    expect(store.unsavedLabels()).toEqual(['Rename workspace to “during the save”'])
    await store.flush()
    expect(store.unsavedLabels()).toEqual([])
  })

  it('refuses changes after close', async () => {
    const store = await openStore(await tempDir())
    await store.close()
    expect(() => store.apply(rename('x'))).toThrow(AppFailure)
  })
})

describe('WorkspaceStore: backups', () => {
  it('restores a backup as one undoable step, after validating it', async () => {
    const dir = await tempDir()
    const clock = manualClock()
    const store = await openStore(dir, { now: clock.now, saveDelayMs: 0 })
    store.apply(createCategory('keep', 'Keep me'))
    await store.backup('before import')
    const [good] = await store.listBackups()
    store.apply(rename('Changed'))
    store.apply(createCategory('later'))

    const change = await store.restoreBackup(good.name)
    expect(change.label).toMatch(/^Restore backup of 2026-11-23 10:00:00 UTC$/)
    expect(store.snapshot().workspace.categories.map((c) => c.id)).toEqual(['keep'])
    expect(store.snapshot().workspace.name).toBe('My workspace')
    store.undo()
    expect(store.snapshot().workspace.name).toBe('Changed')
    expect(store.snapshot().workspace.categories.map((c) => c.id)).toEqual(['keep', 'later'])
    // A "before restore" backup was taken too.
    expect((await store.listBackups()).map((b) => b.reason)).toContain('before restore')

    clock.advance(1000)
    await writeFile(join(dir, 'backups', 'workspace-2026-11-24T00-00-00-000Z-periodic.json'), '{"trunc')
    const before = store.snapshot()
    await expect(
      store.restoreBackup('workspace-2026-11-24T00-00-00-000Z-periodic.json')
    ).rejects.toMatchObject({
      code: 'validation'
    })
    await expect(store.restoreBackup('../workspace.json')).rejects.toMatchObject({ code: 'not-found' })
    await expect(
      store.restoreBackup('workspace-2020-01-01T00-00-00-000Z-periodic.json')
    ).rejects.toMatchObject({ code: 'not-found' })
    expect(store.snapshot()).toEqual(before)
  })
})
