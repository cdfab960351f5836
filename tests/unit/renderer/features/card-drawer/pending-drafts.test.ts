/**
 * flushAllDrafts: every held draft is sent, and it resolves only once main has answered each
 * change in flight (those the drafts sent included), never waiting on calls that change nothing.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { call } from '../../../../../src/renderer/src/api/client'
import {
  flushAllDrafts,
  holdDraft
} from '../../../../../src/renderer/src/features/card-drawer/pending-drafts'
import type { Result } from '../../../../../src/shared/result'

/** A window.api whose calls stay pending until the test answers them. */
function fakeApi() {
  const answers: { method: string; answer: (result: Result<unknown>) => void }[] = []
  const pending = (method: string) => (): Promise<Result<unknown>> =>
    new Promise((resolve) => answers.push({ method, answer: resolve }))
  Object.assign(globalThis, {
    window: {
      api: {
        applyCommand: pending('applyCommand'),
        undo: pending('undo'),
        chooseImportFiles: pending('chooseImportFiles')
      }
    }
  })
  return answers
}

const settledYet = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false
  void promise.then(() => (done = true))
  for (let i = 0; i < 5; i++) await Promise.resolve()
  return done
}

const command = { type: 'workspace.update', patch: { name: 'X' } } as const

describe('flushAllDrafts', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'window')
  })

  it('sends each held draft once and waits for main to answer what they sent', async () => {
    const answers = fakeApi()
    let sent = 0
    const flush = (): void => {
      sent++
      release()
      void call('applyCommand', { command }).catch(() => undefined)
    }
    const release = holdDraft(flush)
    const flushed = flushAllDrafts()
    expect(sent).toBe(1)
    expect(answers.map((a) => a.method)).toEqual(['applyCommand'])
    expect(await settledYet(flushed)).toBe(false)
    answers[0].answer({ ok: false, error: { code: 'validation', message: 'refused' } }) // refused counts as answered
    await flushed
    await flushAllDrafts() // released: not sent again
    expect(sent).toBe(1)
  })

  it('waits for undo and changes already in flight, not for calls that change nothing', async () => {
    const answers = fakeApi()
    void call('chooseImportFiles', {}).catch(() => undefined) // a dialog left open
    void call('undo', {}).catch(() => undefined)
    const flushed = flushAllDrafts()
    expect(await settledYet(flushed)).toBe(false)
    answers.find((a) => a.method === 'undo')?.answer({ ok: true, data: null })
    await flushed
  })
})
