import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BackupStore,
  PeriodicBackups,
  backupName,
  backupsToPrune,
  parseBackupName,
  reasonSlug,
  type BackupEntry
} from '../../../../src/main/services/backups'
import { nodeFs } from '../../../../src/main/services/fs-port'
import type { Workspace } from '../../../../src/shared/model/schema'
import { FaultyFs, listDir, manualClock, openStore, rename, tempDir } from './helpers'

const entry = (minute: number, slug: string): BackupEntry => {
  const createdAt = new Date(Date.UTC(2026, 10, 23, 10, minute))
  return { name: backupName(createdAt, slug), createdAt, slug }
}

describe('backup names', () => {
  it('carry the time (sortable) and the reason', () => {
    const at = new Date('2026-11-23T10:00:00.000Z')
    expect(backupName(at, 'periodic')).toBe('workspace-2026-11-23T10-00-00-000Z-periodic.json')
    expect(backupName(at, 'before import')).toBe('workspace-2026-11-23T10-00-00-000Z-before-import.json')
    expect(parseBackupName('workspace-2026-11-23T10-00-00-000Z-before-import.json')).toEqual({
      name: 'workspace-2026-11-23T10-00-00-000Z-before-import.json',
      createdAt: at,
      slug: 'before-import'
    })
    expect(reasonSlug('  Before: IMPORT!! ')).toBe('before-import')
    expect(reasonSlug('…')).toBe('manual')
  })

  it('reject anything that is not a backup name, including paths', () => {
    for (const name of [
      '../workspace.json',
      'workspace.json',
      'backups/workspace-2026-11-23T10-00-00-000Z-periodic.json',
      'workspace-2026-11-23T10-00-00-000Z-periodic.json/../../x.json',
      'workspace-2026-11-23T10-00-00-000Z-.json',
      'workspace-2026-13-45T10-00-00-000Z-periodic.json'
    ]) {
      expect(parseBackupName(name), name).toBeNull()
    }
  })
})

describe('pruning', () => {
  it('keeps the newest ten', () => {
    const all = Array.from({ length: 12 }, (_, i) => entry(i, 'periodic'))
    expect(backupsToPrune(all).map((e) => e.name)).toEqual([all[1].name, all[0].name])
  })

  it('never prunes the most recent forced backup before older ones', () => {
    const forced = entry(0, 'before-import')
    const olderForced = entry(1, 'before-migration')
    const forcedNewest = entry(2, 'before-import')
    const periodic = Array.from({ length: 11 }, (_, i) => entry(10 + i, 'periodic'))
    const pruned = backupsToPrune([forced, olderForced, forcedNewest, ...periodic]).map((e) => e.name)
    expect(pruned).not.toContain(forcedNewest.name)
    expect(pruned).toEqual(
      expect.arrayContaining([forced.name, olderForced.name, periodic[0].name, periodic[1].name])
    )
    expect(pruned).toHaveLength(4) // 14 - 10
  })
})

describe('BackupStore', () => {
  it('writes unique, ordered names even when the clock stands still or goes back, and keeps ten', async () => {
    const dir = await tempDir()
    const clock = manualClock()
    const store = new BackupStore(nodeFs, join(dir, 'backups'), { now: clock.now })
    const names: string[] = []
    for (let i = 0; i < 13; i++) {
      names.push(await store.write(i === 1 ? 'before import' : 'periodic', `{"i":${i}}`))
      if (i === 5) clock.advance(-60_000)
    }
    expect(new Set(names).size).toBe(13)
    expect([...names].sort()).toEqual(names)
    const kept = await listDir(join(dir, 'backups'))
    expect(kept).toHaveLength(10)
    expect(kept).not.toContain(names[2])
    expect(kept).toContain(names[1]) // the forced one survives ten newer periodic backups
    expect(await readFile(join(dir, 'backups', names[12]), 'utf8')).toBe('{"i":12}')
    const listed = await store.list()
    expect(listed.map((b) => b.name)).toEqual([...kept].reverse())
    expect(listed.find((b) => b.name === names[1])).toMatchObject({ reason: 'before import', bytes: 7 })
  })
})

describe('PeriodicBackups', () => {
  it('takes one backup per interval, and another when the clock goes back', async () => {
    const dir = await tempDir()
    const clock = manualClock()
    const backups = new BackupStore(nodeFs, join(dir, 'backups'), { now: clock.now })
    const periodic = new PeriodicBackups(backups, 60_000, clock.now, null)
    const texts: string[] = []
    const text = (value: string) => () => (texts.push(value), value)

    expect(await periodic.afterSave(text('first'))).toBeNull() // none yet: due at once
    clock.advance(59_999)
    expect(await periodic.afterSave(text('too soon'))).toBeNull()
    clock.advance(1)
    expect(await periodic.afterSave(text('a minute later'))).toBeNull()
    clock.advance(-3_600_000) // the clock was set back an hour
    expect(await periodic.afterSave(text('after the clock went back'))).toBeNull()
    expect(texts).toEqual(['first', 'a minute later', 'after the clock went back']) // only when due
    expect(await backups.entries()).toHaveLength(3)
  })

  it('counts the interval from the last periodic backup in the folder', async () => {
    const dir = await tempDir()
    const clock = manualClock()
    const backups = new BackupStore(nodeFs, join(dir, 'backups'), { now: clock.now })
    await backups.write('periodic', 'earlier session')
    clock.advance(30_000)
    const periodic = new PeriodicBackups(backups, 60_000, clock.now, await backups.lastPeriodic())
    expect(await periodic.afterSave(() => 'too soon')).toBeNull()
    expect(await backups.entries()).toHaveLength(1)
  })

  it('returns a note instead of throwing when the backup fails, and tries again next time', async () => {
    const dir = await tempDir()
    const clock = manualClock()
    const fs = new FaultyFs().arm({ op: 'open', code: 'ENOSPC' })
    const backups = new BackupStore(fs, join(dir, 'backups'), { now: clock.now })
    const periodic = new PeriodicBackups(backups, 60_000, clock.now, null)
    const note = await periodic.afterSave(() => 'text')
    expect(note).toContain(`the periodic backup in ${join(dir, 'backups')} failed`)
    expect(note).toContain('ENOSPC')
    fs.disarm()
    expect(await periodic.afterSave(() => 'text')).toBeNull()
    expect(await backups.entries()).toHaveLength(1)
  })
})

describe('WorkspaceStore backups', () => {
  it('takes at most one periodic backup per interval, on save', async () => {
    const dir = await tempDir()
    const clock = manualClock()
    const store = await openStore(dir, { now: clock.now, backupIntervalMs: 60_000, saveDelayMs: 0 })
    // The first save (of the new workspace) took the first periodic backup.
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['periodic'])
    for (let i = 0; i < 5; i++) {
      store.apply(rename(`edit ${i}`))
      await store.flush()
      clock.advance(10_000)
    }
    expect(await store.listBackups()).toHaveLength(1)
    clock.advance(20_000) // 70 s after the first backup
    store.apply(rename('after a minute'))
    await store.flush()
    const backups = await store.listBackups()
    expect(backups.map((b) => b.reason)).toEqual(['periodic', 'periodic'])
    expect(backups[0]).toMatchObject({ createdAt: clock.now().toISOString() })
    const newest = JSON.parse(await readFile(join(dir, 'backups', backups[0].name), 'utf8')) as Workspace
    expect(newest.name).toBe('after a minute')
  })

  it('takes forced backups on demand, keeps ten, and never prunes the most recent forced one first', async () => {
    const dir = await tempDir()
    const clock = manualClock()
    const store = await openStore(dir, { now: clock.now, backupIntervalMs: 1000, saveDelayMs: 0 })
    store.apply(rename('before the import'))
    await store.backup('before import')
    for (let i = 0; i < 12; i++) {
      clock.advance(2000)
      store.apply(rename(`periodic ${i}`))
      await store.flush()
    }
    const backups = await store.listBackups()
    expect(backups).toHaveLength(10)
    expect(backups.map((b) => b.name)).toEqual([...backups.map((b) => b.name)].sort().reverse())
    const forced = backups.filter((b) => b.reason === 'before import')
    expect(forced).toHaveLength(1)
    expect(backups.at(-1)).toEqual(forced[0]) // the oldest one left, with nine periodic ones after it
    const content = JSON.parse(await readFile(join(dir, 'backups', forced[0].name), 'utf8')) as Workspace
    expect(content.name).toBe('before the import')
    expect(forced[0].bytes).toBeGreaterThan(100)
  })
})
