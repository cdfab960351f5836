import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BackupStore,
  backupName,
  backupsToPrune,
  parseBackupName,
  reasonSlug,
  type BackupEntry
} from '../../../../src/main/services/backups'
import { nodeFs } from '../../../../src/main/services/fs-port'
import { listDir, manualClock, tempDir } from './helpers'

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
