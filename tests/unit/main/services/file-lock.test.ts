import { spawn } from 'node:child_process'
import { readFile, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  acquireLock,
  isProcessAlive,
  processStartTime,
  releaseLock,
  type LockInfo
} from '../../../../src/main/services/file-lock'
import { nodeFs } from '../../../../src/main/services/fs-port'
import { listDir, tempDir } from './helpers'

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.on('exit', resolve))
  return child.pid as number
}

/** A lock taken a minute ago, unless `info` says otherwise. */
const lockJson = (info: Partial<LockInfo>): string =>
  JSON.stringify({
    pid: 1,
    owner: 'Someone',
    host: hostname(),
    since: new Date(Date.now() - 60_000).toISOString(),
    ...info
  })

describe('file lock', () => {
  it('creates workspace.lock with pid, owner, host and since, and tells a second taker who holds it', async () => {
    const dir = await tempDir()
    const path = join(dir, 'workspace.lock')
    const first = await acquireLock(nodeFs, path, 'Persona Planner (pid 1)')
    expect(first.kind).toBe('acquired')
    const written = JSON.parse(await readFile(path, 'utf8')) as LockInfo
    expect(written).toEqual({
      pid: process.pid,
      owner: 'Persona Planner (pid 1)',
      host: hostname(),
      since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      started: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/)
    })

    const second = await acquireLock(nodeFs, path, 'Second')
    expect(second).toEqual({ kind: 'held', holder: written })
    if (first.kind === 'acquired') await releaseLock(nodeFs, path, first.info)
    expect(await listDir(dir)).toEqual([])
  })

  it('takes over a stale lock whose process is gone (ESRCH)', async () => {
    const dir = await tempDir()
    const path = join(dir, 'workspace.lock')
    const pid = await deadPid()
    expect(isProcessAlive(pid)).toBe(false)
    await writeFile(path, lockJson({ pid, owner: 'Crashed' }))
    const outcome = await acquireLock(nodeFs, path, 'Me')
    expect(outcome).toMatchObject({ kind: 'acquired', tookOver: { pid, owner: 'Crashed' } })
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, owner: 'Me' })
    expect(await listDir(dir)).toEqual(['workspace.lock']) // the stale file moved aside is deleted
  })

  it('respects a lock whose process is alive, and one from another host', async () => {
    const dir = await tempDir()
    const path = join(dir, 'workspace.lock')
    await writeFile(path, lockJson({ pid: process.ppid, owner: 'Alive' }))
    expect(await acquireLock(nodeFs, path, 'Me')).toMatchObject({ kind: 'held', holder: { owner: 'Alive' } })

    await writeFile(path, lockJson({ pid: await deadPid(), host: 'some-other-machine' }))
    expect(await acquireLock(nodeFs, path, 'Me')).toMatchObject({
      kind: 'held',
      holder: { host: 'some-other-machine' }
    })
  })

  it('treats a lock with our own pid that this process does not hold as stale (pid reused)', async () => {
    const dir = await tempDir()
    const path = join(dir, 'workspace.lock')
    await writeFile(path, lockJson({ pid: process.pid, owner: 'Earlier run' }))
    expect(await acquireLock(nodeFs, path, 'Me')).toMatchObject({
      kind: 'acquired',
      tookOver: { owner: 'Earlier run' }
    })
  })

  it('takes over a lock whose pid now belongs to another live process (pid reuse)', async () => {
    const dir = await tempDir()
    const path = join(dir, 'workspace.lock')
    // process.ppid is alive; the lock says its holder started an hour ago, which is not when ppid started.
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString()
    const reused = lockJson({ pid: process.ppid, owner: 'Crashed an hour ago', started: anHourAgo })
    await writeFile(path, reused)
    const startedAt = (): number => Date.now() - 5_000
    expect(await acquireLock(nodeFs, path, 'Me', { startTimeOf: startedAt })).toMatchObject({
      kind: 'acquired',
      tookOver: { owner: 'Crashed an hour ago' }
    })

    // Where start times cannot be read, a lock taken before the machine started is stale too.
    await writeFile(
      path,
      lockJson({ pid: process.ppid, owner: 'Before the reboot', since: '2026-01-05T08:00:00.000Z' })
    )
    const options = { startTimeOf: () => null, bootTime: () => Date.parse('2026-02-01T00:00:00.000Z') }
    expect(await acquireLock(nodeFs, path, 'Me', options)).toMatchObject({
      kind: 'acquired',
      tookOver: { owner: 'Before the reboot' }
    })
  })

  it('keeps respecting a live holder whose start time matches, or cannot be read', async () => {
    const dir = await tempDir()
    const path = join(dir, 'workspace.lock')
    const started = new Date(Date.now() - 5_000).toISOString()
    await writeFile(path, lockJson({ pid: process.ppid, owner: 'Running', started }))
    const same = { startTimeOf: () => Date.parse(started) + 500 }
    expect(await acquireLock(nodeFs, path, 'Me', same)).toMatchObject({ kind: 'held' })
    expect(await acquireLock(nodeFs, path, 'Me', { startTimeOf: () => null })).toMatchObject({ kind: 'held' })
  })

  it.runIf(process.platform === 'linux')('reads a live process start time on Linux', () => {
    const ownStart = Date.now() - process.uptime() * 1000
    expect(Math.abs((processStartTime(process.pid) ?? 0) - ownStart)).toBeLessThan(2_000)
    expect(processStartTime(2 ** 30)).toBeNull()
  })

  it('waits out an unreadable lock while it is fresh, and replaces it once it is old', async () => {
    const dir = await tempDir()
    const path = join(dir, 'workspace.lock')
    await writeFile(path, '')
    expect(await acquireLock(nodeFs, path, 'Me')).toEqual({ kind: 'held', holder: null })
    const old = new Date(Date.now() - 60_000)
    await utimes(path, old, old)
    expect(await acquireLock(nodeFs, path, 'Me')).toMatchObject({
      kind: 'acquired',
      replacedUnreadable: true
    })
  })

  it('releases only its own lock', async () => {
    const dir = await tempDir()
    const path = join(dir, 'workspace.lock')
    const outcome = await acquireLock(nodeFs, path, 'Me')
    if (outcome.kind !== 'acquired') throw new Error('expected the lock')
    await writeFile(path, lockJson({ pid: process.ppid, owner: 'Someone else' }))
    await releaseLock(nodeFs, path, outcome.info)
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ owner: 'Someone else' })
  })

  it('reports a folder it cannot write to as failed, not as held', async () => {
    const dir = await tempDir()
    const outcome = await acquireLock(nodeFs, join(dir, 'missing-folder', 'workspace.lock'), 'Me')
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'ENOENT' } })
  })
})
