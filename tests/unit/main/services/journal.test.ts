/**
 * The save journal: a save of a large workspace appends its patches to workspace.journal instead
 * of rewriting workspace.json; opening replays the entries whose checksum holds, up to a torn or
 * damaged line; the journal is folded into the file after a while, on close and before a backup;
 * a failed append makes the next save write the whole file.
 */
import { appendFile, cp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JOURNAL_FILE, digest, journalLine, readJournal } from '../../../../src/main/services/journal'
import {
  serializeWorkspace,
  serializeWorkspaceInSlices
} from '../../../../src/main/services/workspace-store-file'
import type { WorkspaceStore } from '../../../../src/main/services/workspace-store'
import { emptyWorkspace, newItem, newNeed, newPersona, newRole } from '../../../../src/shared/model/defaults'
import {
  FaultyFs,
  listDir,
  openStore,
  readWorkspaceFile,
  rename,
  sleep,
  tempDir,
  tempFilesIn
} from './helpers'

/** Options that journal every save of the small workspaces of these tests. */
const JOURNALED = { journalFromBytes: 0, compactAfterMs: 60_000, saveDelayMs: 60_000 }

/** A folder holding a workspace of 40 roles (about 20 KB, so a rename's entry is far below a quarter of it). */
async function seeded(): Promise<string> {
  const dir = await tempDir()
  const store = await openStore(dir)
  const cards = Array.from({ length: 40 }, (_, i) =>
    newRole({ id: `role-${i}`, title: `Role ${i}`, description: 'd'.repeat(300), order: i })
  )
  store.apply({ type: 'import.apply', mode: 'add', categories: [], cards, capabilities: [], sources: [] })
  store.apply(rename('base'))
  await store.close()
  return dir
}

/**
 * The folder as a crash would leave it: its files copied while the store is still open, without
 * the lock (this process is alive, so its lock would keep the copy read-only).
 */
async function crashCopy(dir: string): Promise<string> {
  const copy = await tempDir()
  await cp(dir, copy, { recursive: true })
  await rm(join(copy, 'workspace.lock'), { force: true })
  return copy
}

const journalOf = (dir: string): Promise<string> => readFile(join(dir, JOURNAL_FILE), 'utf8')

async function renamed(store: WorkspaceStore, ...names: string[]): Promise<void> {
  for (const name of names) {
    store.apply(rename(name))
    await store.flush()
  }
}

describe('the whole file in slices', () => {
  it('is the same text as JSON.stringify of the whole, with its size and SHA-256', async () => {
    const ws = {
      ...emptyWorkspace('2026-11-01T00:00:00.000Z'),
      name: 'Sliced "quotes"\nand newlines',
      cards: [
        newPersona({
          id: 'p1',
          title: 'Persona',
          goals: [newItem('g1', 'Goal', [newItem('g2', 'Nested\ttab')])],
          needs: [newNeed({ id: 'n1', text: 'Need', capabilityIds: ['x'] })]
        }),
        newRole({ id: 'r1', title: 'Role' })
      ]
    }
    const { chunks, bytes, sha256 } = await serializeWorkspaceInSlices(ws)
    const text = Buffer.concat(chunks).toString('utf8')
    expect(text).toBe(serializeWorkspace(ws))
    expect(bytes).toBe(Buffer.byteLength(text))
    expect(sha256).toBe(digest(text))
  })
})

describe('reading a journal', () => {
  const base = digest('the file')
  const header = journalLine({ journal: 1, base })
  const entry = (name: string): string =>
    journalLine({ patches: [{ op: 'replace', path: ['name'], value: name }] })

  it('gives every entry when every line is intact', () => {
    expect(readJournal(header + entry('a') + entry('b'), base)).toEqual({
      kind: 'entries',
      batches: [
        [{ op: 'replace', path: ['name'], value: 'a' }],
        [{ op: 'replace', path: ['name'], value: 'b' }]
      ],
      dropped: 0
    })
  })

  it('stops at a torn last line', () => {
    const torn = entry('b').slice(0, 30)
    expect(readJournal(header + entry('a') + torn, base)).toMatchObject({ kind: 'entries', dropped: 1 })
  })

  it('stops at a line whose checksum does not match, dropping the lines after it', () => {
    const damaged = entry('b').replace('"b"', '"c"')
    const read = readJournal(header + entry('a') + damaged + entry('d'), base)
    expect(read).toMatchObject({ kind: 'entries', dropped: 2 })
    expect(read.kind === 'entries' && read.batches).toHaveLength(1)
  })

  it('is stale when written for other bytes of workspace.json, or when its header is damaged', () => {
    expect(readJournal(header + entry('a'), digest('another file'))).toEqual({ kind: 'stale' })
    expect(readJournal(header.slice(0, 20) + entry('a'), base)).toEqual({ kind: 'stale' })
    expect(readJournal('', base)).toEqual({ kind: 'stale' })
  })
})

describe('saving through the journal', () => {
  it('appends a save to the journal and leaves workspace.json as it was', async () => {
    const dir = await seeded()
    const before = await readFile(join(dir, 'workspace.json'), 'utf8')
    const store = await openStore(dir, JOURNALED)
    await renamed(store, 'one', 'two')
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(before)
    const read = readJournal(await journalOf(dir), digest(before))
    expect(read).toMatchObject({ kind: 'entries', dropped: 0 })
    expect(read.kind === 'entries' && read.batches).toHaveLength(2)
    expect(store.snapshot().status.state).toBe('saved')
  })

  it('replays the journal on open after a crash, then folds it into workspace.json', async () => {
    const dir = await seeded()
    const store = await openStore(dir, JOURNALED)
    store.apply({ type: 'card.update', id: 'role-3', patch: { title: 'Renamed' } })
    await renamed(store, 'one', 'two')
    const copy = await crashCopy(dir)

    const reopened = await openStore(copy, JOURNALED)
    const snap = reopened.snapshot()
    expect(snap.workspace.name).toBe('two')
    expect(snap.workspace.cards.find((c) => c.id === 'role-3')?.title).toBe('Renamed')
    expect(snap.workspace).toEqual(store.snapshot().workspace)
    expect(snap.notices).toEqual([])
    expect(snap.status.state).toBe('saved')
    expect((await readWorkspaceFile(copy)).name).toBe('two')
    expect(await listDir(copy)).not.toContain(JOURNAL_FILE)
  })

  it('drops a torn last entry with a notice, keeping the ones before it', async () => {
    const dir = await seeded()
    const store = await openStore(dir, JOURNALED)
    await renamed(store, 'one', 'two')
    const copy = await crashCopy(dir)
    await appendFile(join(copy, JOURNAL_FILE), journalLine({ patches: [] }).slice(0, 12))

    const snap = (await openStore(copy, JOURNALED)).snapshot()
    expect(snap.workspace.name).toBe('two')
    expect(snap.notices).toContainEqual(expect.stringContaining('The last 1 change written to'))
    expect(snap.status.state).toBe('saved')
  })

  it('drops the entries from a damaged one on, with a notice, never crashing', async () => {
    const dir = await seeded()
    const store = await openStore(dir, JOURNALED)
    await renamed(store, 'one', 'two', 'three')
    const copy = await crashCopy(dir)
    const lines = (await journalOf(copy)).split('\n')
    lines[2] = lines[2].replace('"two"', '"TWO"') // the second entry: its checksum no longer matches
    await writeFile(join(copy, JOURNAL_FILE), lines.join('\n'))

    const snap = (await openStore(copy, JOURNALED)).snapshot()
    expect(snap.workspace.name).toBe('one')
    expect(snap.notices).toContainEqual(expect.stringContaining('The last 2 changes written to'))
  })

  it('ignores a journal written for an earlier workspace.json (a crash after the file was rewritten)', async () => {
    const dir = await seeded()
    const store = await openStore(dir, JOURNALED)
    await renamed(store, 'one')
    const stale = await journalOf(dir)
    await store.close() // folds the journal into the file and removes it
    await writeFile(join(dir, JOURNAL_FILE), stale) // as if the crash came before the removal

    const snap = (await openStore(dir, JOURNALED)).snapshot()
    expect(snap.workspace.name).toBe('one')
    expect(snap.notices).toEqual([])
  })

  it('folds the journal into workspace.json after a while without saves', async () => {
    const dir = await seeded()
    const store = await openStore(dir, { ...JOURNALED, compactAfterMs: 20 })
    await renamed(store, 'one', 'two')
    expect(await listDir(dir)).toContain(JOURNAL_FILE)
    for (let i = 0; i < 100 && (await listDir(dir)).includes(JOURNAL_FILE); i++) await sleep(10)
    expect(await listDir(dir)).not.toContain(JOURNAL_FILE)
    expect((await readWorkspaceFile(dir)).name).toBe('two')
    await renamed(store, 'three') // a new journal on the new file
    expect(readJournal(await journalOf(dir), digest(await readFile(join(dir, 'workspace.json')))).kind).toBe(
      'entries'
    )
  })

  it('folds the journal into workspace.json on close (quit)', async () => {
    const dir = await seeded()
    const store = await openStore(dir, JOURNALED)
    await renamed(store, 'one')
    store.apply(rename('unflushed'))
    await store.close()
    expect((await readWorkspaceFile(dir)).name).toBe('unflushed')
    expect(await listDir(dir)).not.toContain(JOURNAL_FILE)
    expect(await tempFilesIn(dir)).toEqual([])
  })

  it('writes the whole file once the journal is a quarter of its size', async () => {
    const dir = await seeded()
    const store = await openStore(dir, JOURNALED)
    const big = 'x'.repeat(2_000)
    await renamed(store, ...Array.from({ length: 6 }, (_, i) => `${big}${i}`))
    expect((await readWorkspaceFile(dir)).name).not.toBe('base')
  })

  it('a backup copies workspace.json after folding the journal into it', async () => {
    const dir = await seeded()
    const store = await openStore(dir, JOURNALED)
    await renamed(store, 'one')
    await store.backup('before import')
    const backup = (await readdir(join(dir, 'backups'))).find((name) => name.includes('before-import'))
    const file = await readFile(join(dir, 'workspace.json'), 'utf8')
    expect(JSON.parse(file)).toMatchObject({ name: 'one' })
    expect(await readFile(join(dir, 'backups', backup ?? ''), 'utf8')).toBe(file)
    expect(await listDir(dir)).not.toContain(JOURNAL_FILE)
  })

  it.each(['open', 'write', 'fsync', 'close'] as const)(
    'an append failing at %s reports the error, and the next save writes the whole file',
    async (op) => {
      const dir = await seeded()
      const fs = new FaultyFs()
      const store = await openStore(dir, { ...JOURNALED, fs })
      await renamed(store, 'one') // the first entry starts the journal
      fs.arm({ op, code: 'EIO', path: (p) => p === join(dir, JOURNAL_FILE), times: 1 })
      store.apply(rename('two'))
      await expect(store.flush()).rejects.toMatchObject({ code: 'io' })
      expect(store.snapshot().status.state).toBe('error')

      await store.flush()
      expect(store.snapshot().status.state).toBe('saved')
      expect((await readWorkspaceFile(dir)).name).toBe('two')
      const copy = await crashCopy(dir)
      expect((await openStore(copy, JOURNALED)).snapshot().workspace.name).toBe('two')
    }
  )
})
