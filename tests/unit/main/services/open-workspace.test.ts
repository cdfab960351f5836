/**
 * Opening the data folder: `openWorkspace` on its own (what it returns for each kind of file and
 * folder, and that it writes nothing but the lock, a migration backup and the move aside), then the
 * store's behaviour after each kind of opening.
 */
import { chmod, readFile, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseProfileText } from '../../../../src/shared/formats'
import { SCHEMA_VERSION } from '../../../../src/shared/model/schema'
import { BackupStore } from '../../../../src/main/services/backups'
import { releaseLock, type LockInfo } from '../../../../src/main/services/file-lock'
import { nodeFs, type FsPort } from '../../../../src/main/services/fs-port'
import { openWorkspace, workspacePaths, type Opened } from '../../../../src/main/services/open-workspace'
import {
  FaultyFs,
  listDir,
  manualClock,
  openStore,
  pretty,
  readWorkspaceFile,
  rename,
  sampleWorkspace,
  tempDir,
  writeBackup
} from './helpers'
import { FIXTURES } from '../../shared/formats/helpers'

const held: { path: string; lock: LockInfo }[] = []
afterEach(async () => {
  for (const { path, lock } of held.splice(0)) await releaseLock(nodeFs, path, lock)
})

/** `openWorkspace` on `dir` at 2026-11-23 10:00 UTC; the lock it takes is released after the test. */
async function open(dir: string, fs: FsPort = nodeFs): Promise<Opened> {
  const { now } = manualClock()
  const paths = workspacePaths(dir)
  const backups = new BackupStore(fs, paths.backups, { now })
  const opened = await openWorkspace({ fs, paths, backups, owner: 'Persona Planner (test)', now })
  if (opened.lock) held.push({ path: paths.lock, lock: opened.lock })
  return opened
}

/** A lock held by a planner on another machine: never taken over. */
const lockFromElsewhere = (dir: string): Promise<void> =>
  writeFile(
    join(dir, 'workspace.lock'),
    JSON.stringify({
      pid: 4242,
      owner: 'Persona Planner',
      host: `not-${hostname()}`,
      since: '2026-11-23T09:00:00.000Z'
    })
  )

/** A schema version this build does not know yet. */
const NEWER = SCHEMA_VERSION + 1

describe('openWorkspace', () => {
  it('new: an empty folder gives an empty workspace to save, and only the lock is written', async () => {
    const dir = await tempDir()
    const opened = await open(dir)
    expect(opened).toMatchObject({
      kind: 'new',
      workspace: { name: 'My workspace', createdAt: '2026-11-23T10:00:00.000Z' },
      notices: [],
      readOnly: null,
      needsSave: true,
      lock: { pid: process.pid, owner: 'Persona Planner (test)' },
      lockError: null
    })
    expect(await listDir(dir)).toEqual(['workspace.lock'])
  })

  it('loaded: a current file needs no save; an older one is migrated after a backup of its bytes', async () => {
    const current = await tempDir()
    await writeFile(join(current, 'workspace.json'), pretty(sampleWorkspace('Current', 2)))
    expect(await open(current)).toMatchObject({
      kind: 'loaded',
      migratedFrom: null,
      workspace: { name: 'Current' },
      notices: [],
      needsSave: false
    })

    const older = await tempDir()
    const v0 = JSON.stringify({ name: 'Draft' })
    await writeFile(join(older, 'workspace.json'), v0)
    const opened = await open(older)
    expect(opened).toMatchObject({
      kind: 'loaded',
      migratedFrom: 0,
      workspace: { schemaVersion: SCHEMA_VERSION },
      needsSave: true
    })
    const [backup] = await listDir(join(older, 'backups'))
    expect(backup).toMatch(/-before-migration\.json$/)
    expect(await readFile(join(older, 'backups', backup), 'utf8')).toBe(v0)
    expect(await readFile(join(older, 'workspace.json'), 'utf8')).toBe(v0) // the store saves it, not open
  })

  it('recovered: a damaged file is kept aside and the newest valid backup takes its place', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.json'), '{ truncated')
    const good = await writeBackup(
      dir,
      '2026-11-21T08:00:00.000Z',
      'periodic',
      pretty(sampleWorkspace('Good', 1))
    )
    const opened = await open(dir)
    expect(opened).toMatchObject({
      kind: 'recovered',
      keptAs: join(dir, 'workspace.corrupt-2026-11-23T10-00-00-000Z.json'),
      backup: good,
      workspace: { name: 'Good' },
      readOnly: null,
      needsSave: true
    })
    expect(opened.notices).toEqual([
      expect.stringContaining(`restored from the backup ${join(dir, 'backups', good)}`)
    ])
  })

  it('recovered, but not moved aside, while another instance holds the folder', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.json'), '{ truncated')
    await lockFromElsewhere(dir)
    const opened = await open(dir)
    expect(opened).toMatchObject({
      kind: 'recovered',
      keptAs: null,
      backup: null,
      readOnly: { code: 'locked' },
      needsSave: false,
      lock: null
    })
    expect(opened.readOnly?.message).toContain(
      `is open in Persona Planner (pid 4242) on not-${hostname()} since 2026-11-23 09:00:00 UTC`
    )
    expect(await listDir(dir)).toEqual(['workspace.json', 'workspace.lock'])
  })

  it('read-only-newer: shows what this version understands and never saves', async () => {
    const dir = await tempDir()
    await writeFile(
      join(dir, 'workspace.json'),
      pretty({ ...sampleWorkspace('Future'), schemaVersion: NEWER })
    )
    const opened = await open(dir)
    expect(opened).toMatchObject({
      kind: 'read-only-newer',
      workspace: { name: 'Future' },
      readOnly: { code: 'read-only', message: expect.stringContaining(`schema version ${NEWER}`) },
      needsSave: false
    })
    expect(opened.notices).toEqual([expect.stringContaining('What this version understands of it is shown.')])
  })

  it('unreadable: an empty workspace, read-only, naming the error', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.json'), pretty(sampleWorkspace('Secret')))
    const fs = new FaultyFs().arm({ op: 'readFile', code: 'EIO', path: (p) => p.endsWith('workspace.json') })
    const opened = await open(dir, fs)
    expect(opened).toMatchObject({
      kind: 'unreadable',
      workspace: { name: 'My workspace' },
      readOnly: { code: 'read-only', message: expect.stringContaining('(EIO)') },
      needsSave: false
    })
    expect(opened.notices).toEqual([opened.readOnly?.message])
  })

  it('a folder that cannot be written: lockError and its notice; the workspace is still to be saved', async () => {
    const dir = await tempDir()
    const fs = new FaultyFs().arm({ op: 'lock', code: 'EROFS' })
    const opened = await open(dir, fs)
    expect(opened).toMatchObject({ kind: 'new', readOnly: null, lock: null, needsSave: true })
    expect(opened.lockError).toContain(
      `Cannot write to the data folder ${dir}: the disk is read-only (EROFS).`
    )
    expect(opened.notices).toEqual([opened.lockError])
  })

  it('a stale lock of this host is taken over, with a notice, before the leftovers are removed', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.lock'), '')
    const old = new Date('2026-11-23T09:00:00.000Z')
    await utimes(join(dir, 'workspace.lock'), old, old)
    await writeFile(join(dir, '.workspace.json.999.0123456789ab.tmp'), '{"half')
    const opened = await open(dir)
    expect(opened.notices).toEqual([expect.stringContaining('An unreadable lock file')])
    expect(opened.lock).toMatchObject({ pid: process.pid })
    expect(await listDir(dir)).toEqual(['workspace.lock'])
  })
})

describe('an absent or valid workspace file', () => {
  it('starts empty when workspace.json is missing and points at the backups', async () => {
    const dir = await tempDir()
    await writeBackup(dir, '2026-11-21T08:00:00.000Z', 'periodic', pretty(sampleWorkspace('Old')))
    const store = await openStore(dir)
    expect(store.snapshot().notices[0]).toMatch(/No workspace file was found .* 1 backup in /)
    expect(store.snapshot().workspace.name).toBe('My workspace')
  })

  it('drops __proto__ keys from the file and says so', async () => {
    const dir = await tempDir()
    const text = pretty(sampleWorkspace('Safe')).replace(
      '"name"',
      '"__proto__": { "polluted": true },\n  "name"'
    )
    await writeFile(join(dir, 'workspace.json'), text)
    const store = await openStore(dir)
    expect(store.snapshot().workspace.name).toBe('Safe')
    expect(store.snapshot().notices[0]).toContain('__proto__')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('schema versions', () => {
  it('opens a newer schemaVersion read-only, names the version and never writes', async () => {
    const dir = await tempDir()
    const text = pretty({ ...sampleWorkspace('From the future', 1), schemaVersion: NEWER, newField: [1, 2] })
    await writeFile(join(dir, 'workspace.json'), text)
    const store = await openStore(dir)
    const snap = store.snapshot()
    expect(snap.status.state).toBe('read-only')
    expect(snap.status.message).toContain(`schema version ${NEWER}`)
    expect(snap.status.message).toContain(`reads up to version ${SCHEMA_VERSION}`)
    expect(snap.workspace.name).toBe('From the future') // shown as far as this version understands it
    expect(() => store.apply(rename('x'))).toThrow(expect.objectContaining({ code: 'read-only' }))
    await expect(store.backup('before import')).rejects.toMatchObject({ code: 'read-only' })
    await store.flush()
    await store.close()
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(text)
    expect(await listDir(dir)).toEqual(['workspace.json'])
  })

  it('migrates an older file after keeping the original as a "before migration" backup', async () => {
    const dir = await tempDir()
    const v0 = JSON.stringify({ name: 'Draft', categories: [{ id: 'c', name: 'Old' }], cards: [] })
    await writeFile(join(dir, 'workspace.json'), v0)
    const store = await openStore(dir)
    const snap = store.snapshot()
    expect(snap.workspace).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      name: 'Draft',
      categories: [{ id: 'c', order: 0 }]
    })
    const [backup] = await store.listBackups().then((b) => b.filter((x) => x.reason === 'before migration'))
    expect(await readFile(join(dir, 'backups', backup.name), 'utf8')).toBe(v0)
    expect(snap.notices[0]).toContain(`upgraded from schema version 0 to ${SCHEMA_VERSION}`)
    expect(snap.notices[0]).toContain(backup.name)
    expect((await readWorkspaceFile(dir)).schemaVersion).toBe(SCHEMA_VERSION)
  })

  it('leaves an older file alone (read-only) if the migration backup cannot be written', async () => {
    const dir = await tempDir()
    const v0 = JSON.stringify({ name: 'Draft' })
    await writeFile(join(dir, 'workspace.json'), v0)
    const fs = new FaultyFs().arm({ op: 'mkdir', code: 'ENOSPC', path: (p) => p.endsWith('backups') })
    const store = await openStore(dir, { fs })
    expect(store.snapshot().status).toMatchObject({ state: 'read-only' })
    expect(store.snapshot().status.message).toContain('ENOSPC')
    expect(() => store.apply(rename('x'))).toThrow(expect.objectContaining({ code: 'read-only' }))
    await store.close()
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(v0)
  })
})

describe('a data folder that cannot be written', () => {
  const readOnlyFs = () => {
    const fs = new FaultyFs()
    for (const op of ['open', 'lock', 'rename', 'mkdir', 'rm'] as const) fs.arm({ op, code: 'EACCES' })
    return fs
  }

  it('opens, says so, keeps edits in memory, never claims saved, and saves once writable', async () => {
    const dir = await tempDir()
    const original = pretty(sampleWorkspace('On a read-only share', 2))
    await writeFile(join(dir, 'workspace.json'), original)
    const fs = readOnlyFs()
    const store = await openStore(dir, { fs, saveDelayMs: 0 })
    const states: string[] = []
    store.onStatus((s) => states.push(s.state))
    let snap = store.snapshot()
    expect(snap.workspace.categories).toHaveLength(2)
    expect(snap.status.state).toBe('error')
    expect(snap.status.message).toContain(`Cannot write to the data folder ${dir}`)
    expect(snap.status.message).toContain('EACCES')

    store.apply(rename('Edited in memory'))
    await expect(store.flush()).rejects.toMatchObject({ code: 'io' })
    snap = store.snapshot()
    expect(snap.workspace.name).toBe('Edited in memory')
    expect(snap.status.state).toBe('error')
    expect(snap.status.message).toContain('Could not save: permission was denied (EACCES)')
    expect(states).not.toContain('saved')
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(original)
    expect(await listDir(dir)).toEqual(['workspace.json'])

    fs.disarm() // e.g. the share is writable again
    await store.flush()
    expect(store.snapshot().status).toEqual({ state: 'saved', message: null })
    expect((await readWorkspaceFile(dir)).name).toBe('Edited in memory')
    expect(await listDir(dir)).toContain('workspace.lock')
  })

  it('opens an unreadable workspace.json read-only instead of overwriting it', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.json'), pretty(sampleWorkspace('Secret')))
    const fs = new FaultyFs().arm({
      op: 'readFile',
      code: 'EACCES',
      path: (p) => p.endsWith('workspace.json')
    })
    const store = await openStore(dir, { fs })
    expect(store.snapshot().status.state).toBe('read-only')
    expect(store.snapshot().status.message).toContain('Could not read')
    expect(() => store.apply(rename('x'))).toThrow(expect.objectContaining({ code: 'read-only' }))
    await store.close()
    expect((await readWorkspaceFile(dir)).name).toBe('Secret')
  })

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'works with a real chmod 555 folder (skipped as root and on Windows)',
    async () => {
      const dir = await tempDir()
      await writeFile(join(dir, 'workspace.json'), pretty(sampleWorkspace('Real')))
      await chmod(dir, 0o555)
      try {
        const store = await openStore(dir)
        expect(store.snapshot().status.state).toBe('error')
        store.apply(rename('x'))
        await expect(store.flush()).rejects.toMatchObject({ code: 'io' })
        expect((await readWorkspaceFile(dir)).name).toBe('Real')
      } finally {
        await chmod(dir, 0o755)
      }
    }
  )
})

describe('one reader: the store reads its file as the importer reads a workspace JSON', () => {
  const fixture = (name: string): Promise<string> => readFile(join(FIXTURES, name), 'utf8')
  /** The importer's diagnostics as the store's notices word them. */
  const asNotices = (file: string, text: string): string[] =>
    parseProfileText(text, 'workspace.json').diagnostics.map(
      (d) => `${file}: ${d.line === null ? d.message : `Line ${d.line}: ${d.message}`}`
    )

  it('opens a hand-edited file that leaves out optional fields (a capability without notes …), with the importer’s messages', async () => {
    const dir = await tempDir()
    const text = await fixture('workspace-hand-edited.json')
    await writeFile(join(dir, 'workspace.json'), text)
    const opened = await open(dir)
    expect(opened).toMatchObject({ kind: 'loaded', readOnly: null, needsSave: false })
    expect(opened.workspace.capabilities[0]).toMatchObject({ name: 'Radio network', notes: '' })
    expect(opened.workspace.categories[0]).toMatchObject({ description: '', color: 'blue' })
    const persona = opened.workspace.cards[1]
    expect(persona.kind === 'persona' && persona.linkedRoleIds).toEqual(['r1'])
    const file = join(dir, 'workspace.json')
    expect(opened.notices).toEqual(asNotices(file, text))
    expect(opened.notices).toEqual([
      expect.stringMatching(
        /^.*workspace\.json: 15 fields left out of the file were read with their defaults/
      ),
      `${file}: 1 link from personas to roles that do not exist dropped.`
    ])
  })

  it('calls a file with schema errors damaged with the importer’s messages, each with its line and column', async () => {
    const dir = await tempDir()
    const text = await fixture('workspace-schema-errors.json')
    await writeFile(join(dir, 'workspace.json'), text)
    const opened = await open(dir)
    expect(opened.kind).toBe('recovered')
    const imported = parseProfileText(text, 'workspace.json').diagnostics.map((d) => d.message)
    expect(imported[1]).toContain('(line 11, column 15)')
    expect(opened.notices[0]).toContain(
      `could not be read: the workspace document does not match the schema (${imported
        .slice(1, 4)
        .map((m) => m.replace(/\.$/, ''))
        .join('; ')}).`
    )
  })

  it('calls a file with a syntax error damaged, naming its line and column', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.json'), await fixture('workspace-broken.json'))
    const opened = await open(dir)
    expect(opened.kind).toBe('recovered')
    expect(opened.notices[0]).toContain(
      'could not be read: this is not valid JSON: unexpected "]" at line 6, column 3.'
    )
  })
})
