/** When start fails: the way out restores the newest readable backup and keeps the file that did not open. */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeFs } from '../../../../src/main/services/fs-port'
import {
  describeStartError,
  restoreNewestBackup,
  START_FAILURE_TEXT
} from '../../../../src/main/services/start-failure'
import { listDir, openStore, pretty, sampleWorkspace, tempDir, writeBackup } from './helpers'

const now = (): Date => new Date('2026-12-02T09:00:00.000Z')

describe('restoreNewestBackup', () => {
  it('puts the newest backup that reads in place and keeps the file that did not open beside it', async () => {
    const dir = await tempDir()
    const failing = '{"schemaVersion": 2, "cards": [[[[ not what the app wrote'
    await writeFile(join(dir, 'workspace.json'), failing)
    const good = pretty(sampleWorkspace('Monday', 2))
    const older = await writeBackup(dir, '2026-11-30T10:00:00.000Z', 'periodic', good)
    await writeBackup(dir, '2026-12-01T10:00:00.000Z', 'periodic', '{ damaged')

    const outcome = await restoreNewestBackup(nodeFs, dir, now)
    expect(outcome).toEqual({
      kind: 'restored',
      backup: older,
      movedAside: join(dir, 'workspace.corrupt-2026-12-02T09-00-00-000Z.json')
    })
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(good)
    expect(await readFile(join(dir, 'workspace.corrupt-2026-12-02T09-00-00-000Z.json'), 'utf8')).toBe(failing)

    const store = await openStore(dir)
    expect(store.snapshot().workspace.name).toBe('Monday')
    await store.close()
  })

  it('restores into a folder whose workspace file is gone', async () => {
    const dir = await tempDir()
    const good = pretty(sampleWorkspace('Tuesday'))
    const name = await writeBackup(dir, '2026-11-30T10:00:00.000Z', 'periodic', good)
    expect(await restoreNewestBackup(nodeFs, dir, now)).toEqual({
      kind: 'restored',
      backup: name,
      movedAside: null
    })
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(good)
  })

  it('changes nothing when no backup reads', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.json'), 'kept')
    await writeBackup(dir, '2026-12-01T10:00:00.000Z', 'periodic', '{ damaged')
    expect(await restoreNewestBackup(nodeFs, dir, now)).toEqual({ kind: 'no-backup' })
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe('kept')
    expect(await listDir(dir)).toEqual(['backups', 'workspace.json'])
  })
})

describe('what the start-failure box says', () => {
  it('names the error in one line, the data folder, and that nothing is deleted', () => {
    expect(describeStartError(new RangeError('Maximum call stack size exceeded'))).toBe(
      'The workspace is too deeply nested to read (Maximum call stack size exceeded).'
    )
    expect(describeStartError(new Error('EACCES: permission denied'))).toBe('EACCES: permission denied')
    const detail = START_FAILURE_TEXT.detail('Boom.', '/data')
    expect(detail).toContain('Boom.')
    expect(detail).toContain('/data')
    expect(detail).toContain('nothing is deleted')
  })
})
