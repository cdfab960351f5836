import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BackupStore } from '../../../../src/main/services/backups'
import { nodeFs } from '../../../../src/main/services/fs-port'
import { moveAside, newestValidBackup, removeCrashLeftovers } from '../../../../src/main/services/recovery'
import {
  FaultyFs,
  listDir,
  manualClock,
  openStore,
  pretty,
  readWorkspaceFile,
  sampleWorkspace,
  tempDir,
  writeBackup
} from './helpers'

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
    const good = await writeBackup(
      dir,
      '2026-11-20T08:00:00.000Z',
      'periodic',
      pretty(sampleWorkspace('Good', 1))
    )
    await writeBackup(dir, '2026-11-21T08:00:00.000Z', 'periodic', '{"schemaVersion":1,"na')
    await writeBackup(
      dir,
      '2026-11-21T09:00:00.000Z',
      'periodic',
      pretty({ ...sampleWorkspace('Newer'), schemaVersion: 99 })
    )
    const locked = await writeBackup(
      dir,
      '2026-11-22T08:00:00.000Z',
      'before import',
      pretty(sampleWorkspace('Locked'))
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
    const name = await writeBackup(
      dir,
      '2026-11-21T08:00:00.000Z',
      'periodic',
      pretty(sampleWorkspace('Old'))
    )
    await writeFile(join(dir, 'workspace.json'), pretty(sampleWorkspace('Fine')))
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
    const good = pretty(sampleWorkspace('Months of work', 3))
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
    await writeFile(join(dir, 'workspace.json'), pretty({ ...sampleWorkspace('Bad'), cards: 'not a list' }))
    const older = await writeBackup(
      dir,
      '2026-11-20T08:00:00.000Z',
      'periodic',
      pretty(sampleWorkspace('Older', 1))
    )
    const good = await writeBackup(
      dir,
      '2026-11-21T08:00:00.000Z',
      'before import',
      pretty(sampleWorkspace('Good', 2))
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
    await writeFile(join(bom, 'workspace.json'), '\uFEFF' + pretty(sampleWorkspace('With BOM')))
    const withBom = await openStore(bom)
    expect(withBom.snapshot()).toMatchObject({ notices: [], workspace: { name: 'With BOM' } })
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
    await writeFile(join(dir, 'workspace.json'), pretty(sampleWorkspace('Fine')))
    await writeFile(join(dir, '.workspace.json.999.0123456789ab.tmp'), '{"half')
    await writeFile(join(dir, 'notes.tmp'), 'not ours')
    await openStore(dir)
    expect(await listDir(dir)).toEqual(['notes.tmp', 'workspace.json', 'workspace.lock'])
  })
})
