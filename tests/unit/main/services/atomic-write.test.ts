import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  atomicTempName,
  isAtomicTempName,
  writeFileAtomic,
  writeFileAtomicWith
} from '../../../../src/main/services/atomic-write'
import { FaultyFs, SAVE_STEPS, tempDir, tempFilesIn } from './helpers'

const ERRNOS = ['ENOSPC', 'EACCES', 'EIO'] as const

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file (real fs, original signature)', async () => {
    const dir = await tempDir()
    const path = join(dir, 'doc.json')
    await writeFile(path, 'old')
    await writeFileAtomic(path, 'new')
    expect(await readFile(path, 'utf8')).toBe('new')
    await writeFileAtomic(path, new TextEncoder().encode('bytes'))
    expect(await readFile(path, 'utf8')).toBe('bytes')
    expect(await tempFilesIn(dir)).toEqual([])
  })

  it('goes open → write → fsync → close → rename → folder fsync, in that order', async () => {
    const dir = await tempDir()
    const fs = new FaultyFs()
    await writeFileAtomicWith(fs, join(dir, 'doc.json'), 'x', { platform: 'linux' })
    expect(fs.calls.map((c) => c.op).filter((op) => op !== 'rm')).toEqual([...SAVE_STEPS])
  })

  describe.each(SAVE_STEPS.flatMap((step) => ERRNOS.map((code) => [step, code] as const)))(
    '%s fails with %s',
    (step, code) => {
      it('throws that error, keeps the old file (or the new one once renamed) and removes the temp file', async () => {
        const dir = await tempDir()
        const path = join(dir, 'doc.json')
        await writeFile(path, '{"old":true}')
        const fs = new FaultyFs().arm({ op: step, code })
        await expect(
          writeFileAtomicWith(fs, path, '{"new":true}', { platform: 'linux' })
        ).rejects.toMatchObject({
          code
        })
        const expected = step === 'dirsync' ? '{"new":true}' : '{"old":true}'
        expect(await readFile(path, 'utf8')).toBe(expected)
        expect(await tempFilesIn(dir)).toEqual([])
      })
    }
  )

  it('skips the folder fsync on Windows', async () => {
    const dir = await tempDir()
    const fs = new FaultyFs()
    await writeFileAtomicWith(fs, join(dir, 'doc.json'), 'x', { platform: 'win32' })
    expect(fs.calls.some((c) => c.op === 'dirsync')).toBe(false)
  })

  it('tolerates a file system that cannot fsync folders (EINVAL)', async () => {
    const dir = await tempDir()
    const fs = new FaultyFs().arm({ op: 'dirsync', code: 'EINVAL' })
    await writeFileAtomicWith(fs, join(dir, 'doc.json'), 'x', { platform: 'linux' })
    expect(await readFile(join(dir, 'doc.json'), 'utf8')).toBe('x')
  })

  it('retries a rename Windows refuses for a moment (EPERM), but not elsewhere', async () => {
    const dir = await tempDir()
    const path = join(dir, 'doc.json')
    const windows = new FaultyFs().arm({ op: 'rename', code: 'EPERM', times: 2 })
    await writeFileAtomicWith(windows, path, 'win', { platform: 'win32', renameRetryDelaysMs: [1, 1, 1] })
    expect(await readFile(path, 'utf8')).toBe('win')

    const linux = new FaultyFs().arm({ op: 'rename', code: 'EPERM', times: 1 })
    await expect(writeFileAtomicWith(linux, path, 'linux', { platform: 'linux' })).rejects.toMatchObject({
      code: 'EPERM'
    })
    expect(await readFile(path, 'utf8')).toBe('win')

    const stuck = new FaultyFs().arm({ op: 'rename', code: 'EBUSY' })
    await expect(
      writeFileAtomicWith(stuck, path, 'never', { platform: 'win32', renameRetryDelaysMs: [1, 1] })
    ).rejects.toMatchObject({ code: 'EBUSY' })
    expect(stuck.calls.length).toBeGreaterThan(0)
    expect(await tempFilesIn(dir)).toEqual([])
  })

  it('names temp files uniquely and recognises only its own pattern', () => {
    const a = atomicTempName('workspace.json')
    const b = atomicTempName('workspace.json')
    expect(a).not.toBe(b)
    expect(isAtomicTempName(a, 'workspace.json')).toBe(true)
    expect(isAtomicTempName(a, 'other.json')).toBe(false)
    expect(isAtomicTempName('.workspace.json.tmp', 'workspace.json')).toBe(false)
    expect(isAtomicTempName('workspace.json', 'workspace.json')).toBe(false)
  })
})
