/** The lock file between two processes (and two stores in one process) on one data folder. */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceStore } from '../../../../src/main/services/workspace-store'
import { newRole } from '../../../../src/shared/model/defaults'
import { Child, bundleChild, listDir, readWorkspaceFile, rename, tempDir, track } from './helpers'

let bundleDir = ''
let holder = ''

beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'pp-bundle-'))
  holder = await bundleChild(join(import.meta.dirname, 'children', 'hold-store.ts'), bundleDir)
})
afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true })
})

describe('one data folder, two users', () => {
  it('a second store in the same process opens read-only and is told who holds it', async () => {
    const dir = await tempDir()
    const first = track(await WorkspaceStore.open({ dir, owner: 'Persona Planner (window 1)' }))
    first.apply(rename('Mine'))
    await first.flush()

    const second = track(await WorkspaceStore.open({ dir, owner: 'Persona Planner (window 2)' }))
    const status = second.snapshot().status
    expect(status.state).toBe('read-only')
    expect(status.message).toMatch(
      new RegExp(
        `is open in Persona Planner \\(window 1\\) \\(pid ${process.pid}\\) since \\d{4}-\\d\\d-\\d\\d `
      )
    )
    expect(second.snapshot().workspace.name).toBe('Mine')
    expect(() => second.apply(rename('Theirs'))).toThrow(expect.objectContaining({ code: 'locked' }))
    await second.close() // must not release the first store's lock
    expect(await listDir(dir)).toContain('workspace.lock')

    first.apply(rename('Still mine'))
    await first.close()
    expect((await readWorkspaceFile(dir)).name).toBe('Still mine')
    expect(await listDir(dir)).not.toContain('workspace.lock')
  })

  it('a second process is refused while the first holds the store, and no write of the first is lost', async () => {
    const dir = await tempDir()
    const child = new Child(holder, [dir, 'Persona Planner (pid holder)'])
    try {
      const ready = JSON.parse(await child.waitForLine((l) => l.includes('"ready"'))) as { pid: number }
      expect(await child.request('apply first')).toMatchObject({ revision: 1 })
      expect(await child.request('flush')).not.toHaveProperty('error')

      const mine = track(await WorkspaceStore.open({ dir, owner: 'Persona Planner (pid parent)' }))
      const status = mine.snapshot().status
      expect(status.state).toBe('read-only')
      expect(status.message).toContain(`is open in Persona Planner (pid holder) (pid ${ready.pid}) since `)
      expect(mine.snapshot().workspace.name).toBe('first')
      expect(() => mine.apply(rename('lost?'))).toThrow(expect.objectContaining({ code: 'locked' }))

      // The first process keeps writing, coalesced and unflushed; the read-only one closes meanwhile.
      for (const name of ['second', 'third', 'fourth']) await child.request(`apply ${name}`)
      await mine.flush()
      await mine.close()
      expect(await child.request('close')).toMatchObject({ revision: 4 })
      expect(await child.exited).toBe(0)

      expect((await readWorkspaceFile(dir)).name).toBe('fourth')
      expect(await listDir(dir)).not.toContain('workspace.lock')
      const after = track(await WorkspaceStore.open({ dir }))
      expect(after.snapshot()).toMatchObject({
        status: { state: 'saved' },
        notices: [],
        workspace: { name: 'fourth' }
      })
    } finally {
      if (child.process.exitCode === null) await child.kill()
    }
  })

  it('a second process sees the first one’s journaled saves, read-only, and never half of one', async () => {
    const dir = await tempDir()
    const seed = await WorkspaceStore.open({ dir })
    const cards = Array.from({ length: 40 }, (_, i) =>
      newRole({ id: `role-${i}`, title: `Role ${i}`, description: 'd'.repeat(300), order: i })
    )
    seed.apply({ type: 'import.apply', mode: 'add', categories: [], cards, capabilities: [], sources: [] })
    seed.apply(rename('base'))
    await seed.close()

    const child = new Child(holder, [dir, 'Persona Planner (pid holder)', 'journal'])
    try {
      await child.waitForLine((l) => l.includes('"ready"'))
      await child.request('apply first')
      expect(await child.request('flush')).not.toHaveProperty('error')
      expect((await readWorkspaceFile(dir)).name).toBe('base') // the save went to the journal
      expect(await listDir(dir)).toContain('workspace.journal')

      const mine = track(await WorkspaceStore.open({ dir, owner: 'Persona Planner (pid parent)' }))
      expect(mine.snapshot().status.state).toBe('read-only')
      expect(mine.snapshot().workspace.name).toBe('first')
      expect(mine.snapshot().notices.filter((n) => !n.includes('is open in'))).toEqual([])
      await mine.close()
      expect(await listDir(dir)).toContain('workspace.journal') // a read-only store never folds it

      for (const name of ['second', 'third']) await child.request(`apply ${name}`)
      expect(await child.request('close')).toMatchObject({ revision: 3 })
      expect(await child.exited).toBe(0)
      expect((await readWorkspaceFile(dir)).name).toBe('third')
      expect(await listDir(dir)).not.toContain('workspace.journal')
    } finally {
      if (child.process.exitCode === null) await child.kill()
    }
  })

  it('takes over the lock of a process that was killed, with a notice, and keeps its data', async () => {
    const dir = await tempDir()
    const child = new Child(holder, [dir, 'Killed planner'])
    const ready = JSON.parse(await child.waitForLine((l) => l.includes('"ready"'))) as { pid: number }
    await child.request('apply saved-before-kill')
    await child.request('flush')
    await child.kill()
    expect(JSON.parse(await readFile(join(dir, 'workspace.lock'), 'utf8'))).toMatchObject({ pid: ready.pid })

    const store = track(await WorkspaceStore.open({ dir }))
    const snap = store.snapshot()
    expect(snap.status.state).toBe('saved')
    expect(snap.workspace.name).toBe('saved-before-kill')
    expect(snap.notices).toEqual([expect.stringContaining(`Killed planner (pid ${ready.pid})`)])
    expect(snap.notices[0]).toContain('did not close cleanly')
    expect(JSON.parse(await readFile(join(dir, 'workspace.lock'), 'utf8'))).toMatchObject({
      pid: process.pid
    })
    store.apply(rename('mine now'))
    await store.flush()
  })
})
