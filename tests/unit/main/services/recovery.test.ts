import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BackupStore, backupName } from '../../../../src/main/services/backups'
import { nodeFs } from '../../../../src/main/services/fs-port'
import { moveAside, newestValidBackup, removeCrashLeftovers } from '../../../../src/main/services/recovery'
import { emptyWorkspace, newCategory } from '../../../../src/shared/model/defaults'
import type { Workspace } from '../../../../src/shared/model/schema'
import { FaultyFs, listDir, manualClock, openStore, readWorkspaceFile, rename, tempDir } from './helpers'

const workspace = (name: string, categories = 0): Workspace => ({
  ...emptyWorkspace('2026-11-01T00:00:00.000Z'),
  name,
  categories: Array.from({ length: categories }, (_, i) =>
    newCategory({ id: `c${i}`, name: `Category ${i}`, order: i })
  )
})
const pretty = (value: unknown): string => JSON.stringify(value, null, 2) + '\n'

async function writeBackup(dir: string, at: string, reason: string, text: string): Promise<string> {
  await mkdir(join(dir, 'backups'), { recursive: true })
  const name = backupName(new Date(at), reason)
  await writeFile(join(dir, 'backups', name), text)
  return name
}

const corruptFiles = async (dir: string): Promise<string[]> =>
  (await listDir(dir)).filter((n) => n.startsWith('workspace.corrupt-'))

const backupsIn = (dir: string, fs = nodeFs): BackupStore =>
  new BackupStore(fs, join(dir, 'backups'), { now: manualClock().now })

describe('moveAside', () => {
  it('renames the file to workspace.corrupt-<time>.json and numbers it when that name is taken', async () => {
    const dir = await tempDir()
    const file = join(dir, 'workspace.json')
    const clock = manualClock('2026-11-23T12:34:56.789Z')
    const kept: string[] = []
    for (const junk of ['first', 'second', 'third']) {
      await writeFile(file, junk)
      kept.push(await moveAside(nodeFs, file, clock.now))
    }
    expect(kept).toEqual([
      join(dir, 'workspace.corrupt-2026-11-23T12-34-56-789Z.json'),
      join(dir, 'workspace.corrupt-2026-11-23T12-34-56-789Z-2.json'),
      join(dir, 'workspace.corrupt-2026-11-23T12-34-56-789Z-3.json')
    ])
    expect(await Promise.all(kept.map((path) => readFile(path, 'utf8')))).toEqual([
      'first',
      'second',
      'third'
    ])
    expect(await listDir(dir)).not.toContain('workspace.json')
  })

  it('fails, leaving the file where it is, when the rename or the check for a free name fails', async () => {
    const dir = await tempDir()
    const file = join(dir, 'workspace.json')
    await writeFile(file, 'junk')
    const clock = manualClock()
    const renameFails = new FaultyFs().arm({ op: 'rename', code: 'EACCES' })
    await expect(moveAside(renameFails, file, clock.now)).rejects.toMatchObject({ code: 'EACCES' })
    const statFails = new FaultyFs().arm({ op: 'stat', code: 'EIO' })
    await expect(moveAside(statFails, file, clock.now)).rejects.toMatchObject({ code: 'EIO' })
    expect(await listDir(dir)).toEqual(['workspace.json'])
  })
})

describe('newestValidBackup', () => {
  it('skips damaged, newer and unreadable backups and returns the newest that validates', async () => {
    const dir = await tempDir()
    const good = await writeBackup(dir, '2026-11-20T08:00:00.000Z', 'periodic', pretty(workspace('Good', 1)))
    await writeBackup(dir, '2026-11-21T08:00:00.000Z', 'periodic', '{"schemaVersion":1,"na')
    await writeBackup(
      dir,
      '2026-11-21T09:00:00.000Z',
      'periodic',
      pretty({ ...workspace('Newer'), schemaVersion: 99 })
    )
    const locked = await writeBackup(
      dir,
      '2026-11-22T08:00:00.000Z',
      'before import',
      pretty(workspace('Locked'))
    )
    const fs = new FaultyFs().arm({ op: 'readFile', code: 'EACCES', path: (p) => p.endsWith(locked) })

    const found = await newestValidBackup(backupsIn(dir, fs))
    expect(found).toMatchObject({ name: good, createdAt: new Date('2026-11-20T08:00:00.000Z') })
    expect(found?.workspace).toMatchObject({ name: 'Good', categories: [{ id: 'c0' }] })
  })

  it('is null with no usable backup or no backups folder at all', async () => {
    const dir = await tempDir()
    expect(await newestValidBackup(backupsIn(dir))).toBeNull()
    await writeBackup(dir, '2026-11-21T08:00:00.000Z', 'periodic', '')
    expect(await newestValidBackup(backupsIn(dir))).toBeNull()
    const unlistable = new FaultyFs().arm({ op: 'readdir', code: 'EIO' })
    expect(await newestValidBackup(backupsIn(dir, unlistable))).toBeNull()
  })
})

describe('removeCrashLeftovers', () => {
  it('removes only the temporary files of interrupted saves and backups', async () => {
    const dir = await tempDir()
    const name = await writeBackup(dir, '2026-11-21T08:00:00.000Z', 'periodic', pretty(workspace('Old')))
    await writeFile(join(dir, 'workspace.json'), pretty(workspace('Fine')))
    await writeFile(join(dir, '.workspace.json.999.0123456789ab.tmp'), '{"half')
    await writeFile(join(dir, '.other.json.999.0123456789ab.tmp'), 'not a save of workspace.json')
    await writeFile(join(dir, 'backups', `.${name}.999.0123456789ab.tmp`), '{"half')
    await writeFile(join(dir, 'backups', 'notes.tmp'), 'not ours')

    await removeCrashLeftovers(nodeFs, join(dir, 'workspace.json'), backupsIn(dir))
    expect(await listDir(dir)).toEqual(['.other.json.999.0123456789ab.tmp', 'backups', 'workspace.json'])
    expect(await listDir(join(dir, 'backups'))).toEqual(['notes.tmp', name])
  })
})

describe('a corrupt or truncated workspace file', () => {
  it('is moved aside untouched; with no backup the app starts empty and says so', async () => {
    const dir = await tempDir()
    const good = pretty(workspace('Months of work', 3))
    const truncated = good.slice(0, Math.floor(good.length / 2))
    await writeFile(join(dir, 'workspace.json'), truncated)
    const clock = manualClock('2026-11-23T12:34:56.789Z')

    const store = await openStore(dir, { now: clock.now })
    const snap = store.snapshot()
    expect(await corruptFiles(dir)).toEqual(['workspace.corrupt-2026-11-23T12-34-56-789Z.json'])
    expect(await readFile(join(dir, 'workspace.corrupt-2026-11-23T12-34-56-789Z.json'), 'utf8')).toBe(
      truncated
    )
    expect(snap.workspace.categories).toEqual([])
    expect(snap.notices).toHaveLength(1)
    expect(snap.notices[0]).toContain(join(dir, 'workspace.json'))
    expect(snap.notices[0]).toContain('not valid JSON')
    expect(snap.notices[0]).toContain('workspace.corrupt-2026-11-23T12-34-56-789Z.json')
    expect(snap.notices[0]).toContain('No usable backup was found, so an empty workspace was started.')
    expect(snap.status.state).toBe('saved')
    expect(await readWorkspaceFile(dir)).toEqual(snap.workspace) // a valid file again
  })

  it('starts from the newest backup that validates, and names it', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.json'), pretty({ ...workspace('Bad'), cards: 'not a list' }))
    const older = await writeBackup(
      dir,
      '2026-11-20T08:00:00.000Z',
      'periodic',
      pretty(workspace('Older', 1))
    )
    const good = await writeBackup(
      dir,
      '2026-11-21T08:00:00.000Z',
      'before import',
      pretty(workspace('Good', 2))
    )
    await writeBackup(dir, '2026-11-22T08:00:00.000Z', 'periodic', '{"schemaVersion":1,"na')

    const store = await openStore(dir)
    const snap = store.snapshot()
    expect(snap.workspace.name).toBe('Good')
    expect(snap.workspace.categories).toHaveLength(2)
    expect(snap.notices[0]).toContain('does not match the schema')
    expect(snap.notices[0]).toContain('cards')
    expect(snap.notices[0]).toContain(`restored from the backup ${join(dir, 'backups', good)}`)
    expect(snap.notices[0]).not.toContain(older)
    expect((await readWorkspaceFile(dir)).name).toBe('Good')
    expect(await corruptFiles(dir)).toHaveLength(1)
  })

  it('never overwrites an earlier corrupt file, even at the same moment', async () => {
    const dir = await tempDir()
    const clock = manualClock()
    for (const junk of ['first junk', 'second junk', '']) {
      await writeFile(join(dir, 'workspace.json'), junk)
      const store = await openStore(dir, { now: clock.now })
      await store.close()
    }
    const aside = await corruptFiles(dir)
    expect(aside).toHaveLength(3)
    const contents = await Promise.all(aside.map((n) => readFile(join(dir, n), 'utf8')))
    expect(contents.sort()).toEqual(['', 'first junk', 'second junk'])
  })

  it('treats bytes that are not UTF-8 as damaged, and reads a UTF-8 BOM file normally', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))
    const store = await openStore(dir)
    expect(store.snapshot().notices[0]).toContain('not UTF-8')
    await store.close()

    const bom = await tempDir()
    await writeFile(join(bom, 'workspace.json'), '\uFEFF' + pretty(workspace('With BOM')))
    const withBom = await openStore(bom)
    expect(withBom.snapshot()).toMatchObject({ notices: [], workspace: { name: 'With BOM' } })
  })

  it('drops __proto__ keys from the file and says so', async () => {
    const dir = await tempDir()
    const text = pretty(workspace('Safe')).replace('"name"', '"__proto__": { "polluted": true },\n  "name"')
    await writeFile(join(dir, 'workspace.json'), text)
    const store = await openStore(dir)
    expect(store.snapshot().workspace.name).toBe('Safe')
    expect(store.snapshot().notices[0]).toContain('__proto__')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('survives absurdly deep nesting (no stack overflow escapes open)', async () => {
    const dir = await tempDir()
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    await writeFile(join(dir, 'workspace.json'), `{"schemaVersion":1,"name":"x","cards":${deep}}`)
    const store = await openStore(dir)
    expect(store.snapshot().notices[0]).toContain('could not be read')
    expect(await corruptFiles(dir)).toHaveLength(1)
  })

  it('cleans up temporary files a crash left behind', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.json'), pretty(workspace('Fine')))
    await writeFile(join(dir, '.workspace.json.999.0123456789ab.tmp'), '{"half')
    await writeFile(join(dir, 'notes.tmp'), 'not ours')
    await openStore(dir)
    expect(await listDir(dir)).toEqual(['notes.tmp', 'workspace.json', 'workspace.lock'])
  })

  it('starts empty when workspace.json is missing and points at the backups', async () => {
    const dir = await tempDir()
    await writeBackup(dir, '2026-11-21T08:00:00.000Z', 'periodic', pretty(workspace('Old')))
    const store = await openStore(dir)
    expect(store.snapshot().notices[0]).toMatch(/No workspace file was found .* 1 backup in /)
    expect(store.snapshot().workspace.name).toBe('My workspace')
  })
})

describe('schema versions', () => {
  it('opens a newer schemaVersion read-only, names the version and never writes', async () => {
    const dir = await tempDir()
    const text = pretty({ ...workspace('From the future', 1), schemaVersion: 2, newField: [1, 2] })
    await writeFile(join(dir, 'workspace.json'), text)
    const store = await openStore(dir)
    const snap = store.snapshot()
    expect(snap.status.state).toBe('read-only')
    expect(snap.status.message).toContain('schema version 2')
    expect(snap.status.message).toContain('reads up to version 1')
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
      schemaVersion: 1,
      name: 'Draft',
      categories: [{ id: 'c', order: 0 }]
    })
    const [backup] = await store.listBackups().then((b) => b.filter((x) => x.reason === 'before migration'))
    expect(await readFile(join(dir, 'backups', backup.name), 'utf8')).toBe(v0)
    expect(snap.notices[0]).toContain('upgraded from schema version 0 to 1')
    expect(snap.notices[0]).toContain(backup.name)
    expect((await readWorkspaceFile(dir)).schemaVersion).toBe(1)
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
    const original = pretty(workspace('On a read-only share', 2))
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
    await writeFile(join(dir, 'workspace.json'), pretty(workspace('Secret')))
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
      await writeFile(join(dir, 'workspace.json'), pretty(workspace('Real')))
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
