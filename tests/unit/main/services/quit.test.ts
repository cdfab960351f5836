/**
 * Quitting with a real store on a FaultyFs: drafts are saved first (or given up on after the
 * timeout), a failed final save asks the user, naming the unsaved changes and the error, and each
 * answer does what it says: try again, save a copy elsewhere, or quit without saving.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  DRAFT_FLUSH_TIMEOUT_MS,
  DraftFlushes,
  MAX_NAMED_CHANGES,
  QUIT_TEXT,
  closeForQuit,
  quitDetail,
  quitOnce,
  type QuitAnswer,
  type QuitDeps
} from '../../../../src/main/services/quit'
import { parseWorkspaceBytes } from '../../../../src/main/services/workspace-store-file'
import { FaultyFs, listDir, openStore, readWorkspaceFile, rename, saveOfWorkspace, tempDir } from './helpers'

const DISK_FULL = 'Could not save: the disk is full (ENOSPC).'

/** A store whose workspace.json says 'On disk', with 'Unsaved' applied and its save failing. */
async function failingStore() {
  const dir = await tempDir()
  const fs = new FaultyFs()
  const store = await openStore(dir, { fs, saveDelayMs: 60_000 })
  store.apply(rename('On disk'))
  await store.flush()
  fs.arm({ op: 'write', code: 'ENOSPC', path: saveOfWorkspace(dir) })
  store.apply(rename('Unsaved'))
  return { dir, fs, store }
}

/** Answers the questions in turn with `answers`, recording what each question named. */
function scripted(answers: (QuitAnswer | (() => QuitAnswer))[]) {
  const asked: { labels: string[]; error: string }[] = []
  const ask: QuitDeps['ask'] = async (labels, error) => {
    asked.push({ labels, error })
    const next = answers.shift()
    if (next === undefined) throw new Error(`asked more often than scripted: ${error}`)
    return typeof next === 'function' ? next() : next
  }
  return { asked, ask }
}

const noDrafts = async (): Promise<void> => undefined
const noCopy = async (): Promise<string | null> => null

describe('closeForQuit', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('closes without asking when the save succeeds, after the drafts are saved', async () => {
    const dir = await tempDir()
    const store = await openStore(dir, { saveDelayMs: 60_000 })
    const { asked, ask } = scripted([])
    // The page's draft arrives as a command while main waits for the flush.
    const flushDrafts = async (): Promise<void> => void store.apply(rename('Typed just before quit'))
    expect(await closeForQuit({ store, flushDrafts, ask, chooseCopyPath: noCopy })).toEqual({ kind: 'saved' })
    expect(asked).toEqual([])
    expect((await readWorkspaceFile(dir)).name).toBe('Typed just before quit')
    expect(await listDir(dir)).not.toContain('workspace.lock')
  })

  it('asks when the save fails, naming the unsaved changes and the error; "try again" saves once it can', async () => {
    const { dir, fs, store } = await failingStore()
    const { asked, ask } = scripted([
      'retry', // still failing: asked again
      () => {
        fs.disarm()
        return 'retry'
      }
    ])
    expect(await closeForQuit({ store, flushDrafts: noDrafts, ask, chooseCopyPath: noCopy })).toEqual({
      kind: 'saved'
    })
    expect(asked).toHaveLength(2)
    for (const question of asked) {
      expect(question.labels).toEqual(['Rename workspace to “Unsaved”'])
      expect(question.error).toContain(DISK_FULL)
    }
    expect((await readWorkspaceFile(dir)).name).toBe('Unsaved')
    expect(await listDir(dir)).not.toContain('workspace.lock')
  })

  it('"save a copy" writes a readable workspace where the user chose, then lets the app quit', async () => {
    const { dir, store } = await failingStore()
    const elsewhere = join(await tempDir('pp-copy-'), 'rescued.json')
    const { asked, ask } = scripted(['copy'])
    const outcome = await closeForQuit({
      store,
      flushDrafts: noDrafts,
      ask,
      chooseCopyPath: async () => elsewhere
    })
    expect(outcome).toEqual({
      kind: 'copied',
      path: elsewhere,
      unsavedLabels: ['Rename workspace to “Unsaved”']
    })
    expect(asked).toHaveLength(1)
    const copy = parseWorkspaceBytes(new Uint8Array(await readFile(elsewhere)))
    expect(copy).toMatchObject({ kind: 'ok', workspace: { name: 'Unsaved' } })
    expect((await readWorkspaceFile(dir)).name).toBe('On disk') // the failing file is left alone
  })

  it('asks again when the copy dialog is cancelled or the copy cannot be written, naming that error', async () => {
    const { store } = await failingStore()
    const missingFolder = join(await tempDir('pp-copy-'), 'gone', 'rescued.json')
    const paths: (string | null)[] = [null, missingFolder]
    const { asked, ask } = scripted(['copy', 'copy', 'discard'])
    const outcome = await closeForQuit({
      store,
      flushDrafts: noDrafts,
      ask,
      chooseCopyPath: async () => paths.shift() ?? null
    })
    expect(outcome.kind).toBe('discarded')
    expect(asked.map((q) => q.error)).toEqual([
      expect.stringContaining(DISK_FULL),
      expect.stringContaining(DISK_FULL),
      `Could not save the copy to ${missingFolder}: the file or folder does not exist (ENOENT).`
    ])
  })

  it('"quit without saving" lets the app quit, reporting the changes lost, and leaves the file as it was', async () => {
    const { dir, store } = await failingStore()
    store.apply(rename('Unsaved again'))
    const { asked, ask } = scripted(['discard'])
    const outcome = await closeForQuit({ store, flushDrafts: noDrafts, ask, chooseCopyPath: noCopy })
    const lost = ['Rename workspace to “Unsaved”', 'Rename workspace to “Unsaved again”']
    expect(outcome).toEqual({ kind: 'discarded', unsavedLabels: lost })
    expect(asked).toEqual([{ labels: lost, error: expect.stringContaining(DISK_FULL) }])
    expect((await readWorkspaceFile(dir)).name).toBe('On disk')
  })

  it('closes the store after the flush timeout when the page never answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const dir = await tempDir()
    const store = await openStore(dir, { saveDelayMs: 60_000 })
    store.apply(rename('Applied before the quit'))
    const sent: number[] = []
    const drafts = new DraftFlushes({ send: (id) => sent.push(id) > 0 })
    const { ask } = scripted([])
    let done = false
    const closing = closeForQuit({ store, flushDrafts: () => drafts.request(), ask, chooseCopyPath: noCopy })
    void closing.then(() => (done = true))
    await vi.advanceTimersByTimeAsync(DRAFT_FLUSH_TIMEOUT_MS - 1)
    expect(done).toBe(false)
    expect(sent).toEqual([1])
    await vi.advanceTimersByTimeAsync(1)
    expect(await closing).toEqual({ kind: 'saved' })
    expect((await readWorkspaceFile(dir)).name).toBe('Applied before the quit')
  })
})

describe('DraftFlushes', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('resolves when the page answers its request, not an earlier one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const drafts = new DraftFlushes({ send: () => true })
    const first = drafts.request()
    const second = drafts.request()
    let secondDone: string | null = null
    void second.then((how) => (secondDone = how))
    drafts.flushed(1)
    expect(await first).toBe('flushed')
    await vi.advanceTimersByTimeAsync(0)
    expect(secondDone).toBeNull()
    drafts.flushed(2)
    expect(await second).toBe('flushed')
    drafts.flushed(2) // a repeated or unknown answer is ignored
    drafts.flushed(99)
  })

  it(`gives up after ${DRAFT_FLUSH_TIMEOUT_MS} ms, and at once when there is no page`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const hung = new DraftFlushes({ send: () => true })
    let outcome: string | null = null
    void hung.request().then((how) => (outcome = how))
    await vi.advanceTimersByTimeAsync(DRAFT_FLUSH_TIMEOUT_MS - 1)
    expect(outcome).toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    expect(outcome).toBe('timeout')

    expect(await new DraftFlushes({ send: () => false }).request()).toBe('no-page')
    const torn = new DraftFlushes({
      send: () => {
        throw new Error('Object has been destroyed')
      }
    })
    expect(await torn.request()).toBe('no-page')
  })
})

describe('quitDetail', () => {
  it('gives the error, then each unsaved change once, in order', () => {
    expect(quitDetail(['Edit “A”', 'Rename workspace to “B”', 'Edit “A”'], 'Could not save: x.')).toBe(
      'Could not save: x.\n\nNot saved yet:\n• Edit “A”\n• Rename workspace to “B”'
    )
  })

  it(`names at most ${MAX_NAMED_CHANGES} changes and counts the rest`, () => {
    const labels = Array.from({ length: MAX_NAMED_CHANGES + 3 }, (_, i) => `Edit “${i}”`)
    const lines = quitDetail(labels, 'E.').split('\n')
    expect(lines.filter((line) => line.startsWith('• '))).toHaveLength(MAX_NAMED_CHANGES)
    expect(lines.at(-1)).toBe('…and 3 more changes.')
    expect(
      quitDetail([...labels.slice(0, MAX_NAMED_CHANGES), 'one more'], 'E.')
        .split('\n')
        .at(-1)
    ).toBe('…and 1 more change.')
  })

  it('says so when the unsaved changes have no name (a recovered workspace not saved yet)', () => {
    expect(quitDetail([], 'E.')).toBe(`E.\n\n${QUIT_TEXT.noLabels}`)
  })
})

describe('quitOnce', () => {
  const event = () => ({
    prevented: false,
    preventDefault() {
      this.prevented = true
    }
  })

  it('holds back every quit until the close has finished, runs it once, then quits and lets quitting pass', async () => {
    let finish: () => void = () => undefined
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const quit = vi.fn()
    const onQuit = quitOnce(close, quit)
    const windowClose = event()
    const beforeQuit = event()
    onQuit(windowClose)
    onQuit(beforeQuit)
    expect([windowClose.prevented, beforeQuit.prevented]).toEqual([true, true])
    expect(close).toHaveBeenCalledTimes(1)
    expect(quit).not.toHaveBeenCalled()
    finish()
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1))
    const afterwards = event()
    onQuit(afterwards)
    expect(afterwards.prevented).toBe(false)
    expect(close).toHaveBeenCalledTimes(1)
  })

  it('stays open when the close fails unexpectedly, so the next quit tries again', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const close = vi.fn().mockRejectedValueOnce(new Error('dialog failed')).mockResolvedValueOnce(undefined)
    const quit = vi.fn()
    const onQuit = quitOnce(close, quit)
    onQuit(event())
    await vi.waitFor(() => expect(errors).toHaveBeenCalled())
    expect(quit).not.toHaveBeenCalled()
    const again = event()
    onQuit(again)
    expect(again.prevented).toBe(true)
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1))
    errors.mockRestore()
  })
})
