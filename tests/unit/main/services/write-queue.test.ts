/** The write queue on its own (fake timers, a recording `write`), and coalescing through the store. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WriteQueue, type WriteQueueOptions } from '../../../../src/main/services/write-queue'
import type { StoreStatus } from '../../../../src/shared/ipc/types'
import { AppFailure } from '../../../../src/shared/result'
import {
  FaultyFs,
  createCategory,
  createRole,
  moveCard,
  openStore,
  readWorkspaceFile,
  tempDir
} from './helpers'

const WINDOW = 250

/** A queue whose writes are recorded and, when `hold` is set, wait for `release()`. */
function recordingQueue(options: Partial<WriteQueueOptions> = {}) {
  const writes: number[] = []
  const states: StoreStatus['state'][] = []
  let hold = false
  let release: () => void = () => undefined
  const queue = new WriteQueue({
    write: async () => {
      writes.push(Date.now())
      if (hold) await new Promise<void>((resolve) => (release = resolve))
      return null
    },
    failure: (error) => new AppFailure('io', `Could not save: ${String(error)}`),
    delayMs: WINDOW,
    status: { state: 'saved', message: null },
    ...options
  })
  queue.onStatus((s) => states.push(s.state))
  return {
    queue,
    writes,
    states,
    hold: () => void (hold = true),
    release: () => {
      hold = false
      release()
    }
  }
}

describe('WriteQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('coalesces 50 changes in 100 ms into one write when the window ends', async () => {
    const { queue, writes, states } = recordingQueue()
    for (let i = 0; i < 50; i++) {
      queue.changed()
      await vi.advanceTimersByTimeAsync(2)
    }
    expect(writes).toEqual([])
    expect(queue.status.state).toBe('saving')
    await vi.advanceTimersByTimeAsync(WINDOW - 100)
    expect(writes).toEqual([WINDOW]) // once, at the end of the window that the first change opened
    expect(states).toEqual(['saving', 'saved'])
    expect(queue.hasUnsaved).toBe(false)
  })

  it('is a fixed window, not a debounce: steady changes still save once per window', async () => {
    const { queue, writes } = recordingQueue()
    for (let t = 0; t < 1000; t += 50) {
      queue.changed()
      await vi.advanceTimersByTimeAsync(50)
    }
    expect(writes).toEqual([250, 500, 750, 1000])
  })

  it('says saved only once the write resolved; a change during a write is saved by the next one', async () => {
    const { queue, writes, states, hold, release } = recordingQueue()
    hold()
    queue.changed()
    const flushed = queue.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(writes).toHaveLength(1)
    queue.changed() // while the write is in flight
    expect(queue.status.state).toBe('saving')
    release()
    await flushed
    expect(queue.status.state).toBe('saving') // the first write did not include the second change
    expect(queue.hasUnsaved).toBe(true)
    await queue.flush()
    expect(writes).toHaveLength(2)
    expect(states).toEqual(['saving', 'saved'])
  })

  it('makes a failed write an error status and a rejected flush, and stays in error until a write succeeds', async () => {
    let fail = true
    const { queue, states } = recordingQueue({
      write: async () => {
        if (fail) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
        return null
      }
    })
    queue.changed()
    await expect(queue.flush()).rejects.toMatchObject({
      code: 'io',
      message: 'Could not save: Error: disk full'
    })
    expect(queue.status).toEqual({ state: 'error', message: 'Could not save: Error: disk full' })

    queue.changed() // a retry is pending: still 'error', never 'saving'
    expect(queue.status.state).toBe('error')
    await vi.advanceTimersByTimeAsync(WINDOW) // the timed retry fails too, and rejects nothing
    expect(queue.status.state).toBe('error')

    fail = false
    await queue.flush()
    expect(queue.status).toEqual({ state: 'saved', message: null })
    expect(states).toEqual(['saving', 'error', 'saved'])
  })

  it('passes an AppFailure from the write on as it is', async () => {
    const locked = new AppFailure('locked', 'Could not save: it is open elsewhere.')
    const { queue } = recordingQueue({ write: () => Promise.reject(locked) })
    queue.changed()
    await expect(queue.flush()).rejects.toBe(locked)
    expect(queue.status).toEqual({ state: 'error', message: locked.message })
  })

  it("shows the write's note as the status message", async () => {
    const { queue } = recordingQueue({ write: async () => 'Saved, but the periodic backup failed.' })
    queue.changed()
    await queue.flush()
    expect(queue.status).toEqual({ state: 'saved', message: 'Saved, but the periodic backup failed.' })
  })

  it('runs writes and other tasks one at a time, in the order they were queued', async () => {
    const order: string[] = []
    const { queue } = recordingQueue({
      write: async () => {
        order.push('write starts')
        await new Promise((resolve) => setTimeout(resolve, 100))
        order.push('write ends')
        return null
      }
    })
    queue.changed()
    const flushed = queue.flush()
    const task = queue.run(async () => void order.push('backup'))
    await vi.advanceTimersByTimeAsync(100)
    await Promise.all([flushed, task])
    expect(order).toEqual(['write starts', 'write ends', 'backup'])
  })

  it('starts unsaved when told so, without a timer: the first flush writes', async () => {
    const { queue, writes } = recordingQueue({ isDirty: true })
    expect(queue.status.state).toBe('saving')
    expect(queue.hasUnsaved).toBe(true)
    await vi.advanceTimersByTimeAsync(WINDOW * 4)
    expect(writes).toEqual([])
    await queue.flush()
    expect(writes).toHaveLength(1)
    expect(queue.status.state).toBe('saved')

    const failing = recordingQueue({ isDirty: true, status: { state: 'error', message: 'Cannot write' } })
    expect(failing.queue.status).toEqual({ state: 'error', message: 'Cannot write' }) // an error stays
  })

  it('stop() cancels the window, waits for the queue, and schedules nothing after it', async () => {
    const { queue, writes } = recordingQueue()
    queue.changed()
    await queue.stop()
    queue.changed()
    await vi.advanceTimersByTimeAsync(WINDOW * 4)
    expect(writes).toEqual([])
    await queue.flush() // flush still writes
    expect(writes).toHaveLength(1)
  })
})

describe('WorkspaceStore saves', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('coalesces a burst of 50 moves in 100 ms into one write', async () => {
    const dir = await tempDir()
    const fs = new FaultyFs()
    const store = await openStore(dir, { fs })
    store.apply(createCategory('a'))
    store.apply(createCategory('b'))
    for (let i = 0; i < 5; i++) store.apply(createRole(`r${i}`, 'a'))
    await store.flush()
    const before = fs.renamesOnto('workspace.json')

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    for (let i = 0; i < 50; i++) {
      store.apply(moveCard(`r${i % 5}`, i % 2 === 0 ? 'b' : 'a', i % 3))
      vi.advanceTimersByTime(2)
      await new Promise((resolve) => setImmediate(resolve)) // a save that had started could progress
    }
    expect(fs.renamesOnto('workspace.json') - before).toBe(0) // the window is still open
    vi.advanceTimersByTime(WINDOW - 100) // it ends: one save starts
    await store.flush() // waits for it; nothing is left to write
    expect(fs.renamesOnto('workspace.json') - before).toBe(1)
    expect(await readWorkspaceFile(dir)).toEqual(store.snapshot().workspace)
  })
})
