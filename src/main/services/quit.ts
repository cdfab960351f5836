/**
 * Closing the workspace when the window closes or the app quits, so that no change is lost
 * without asking: the page saves its field drafts first (with a timeout, so a hung page cannot
 * block quitting), then the store saves and releases its lock. If that final save fails, the user
 * is asked, naming the unsaved changes and the error: try again, save a copy elsewhere, or quit
 * without saving. Plain Node: src/main/index.ts passes in the window, the dialogs and `app.quit`.
 */
import type { Workspace } from '../../shared/model/schema'
import { plural } from '../../shared/text/plural'
import { AppFailure } from '../../shared/result'
import { exportToPath } from './export-service'
import { describeFsError } from './fs-port'

/** How long quitting waits for the page to save its drafts. */
export const DRAFT_FLUSH_TIMEOUT_MS = 2000

/**
 * Asks the page to save its drafts (the `flushDrafts` event) and waits for its answer (the
 * `draftsFlushed` method), at most `timeoutMs`. Each request has its own id: a late answer to an
 * earlier request does not end a later one.
 */
export class DraftFlushes {
  private lastId = 0
  private readonly waiting = new Map<number, () => void>()

  constructor(
    private readonly options: {
      /** Sends the event to the page; false when there is no page to send it to. */
      send: (id: number) => boolean
      timeoutMs?: number
    }
  ) {}

  /** Resolves with 'flushed' when the page answers, 'timeout' when it does not in time, 'no-page' when there is none. */
  request(): Promise<'flushed' | 'timeout' | 'no-page'> {
    const id = ++this.lastId
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        resolve('timeout')
      }, this.options.timeoutMs ?? DRAFT_FLUSH_TIMEOUT_MS)
      this.waiting.set(id, () => {
        clearTimeout(timer)
        this.waiting.delete(id)
        resolve('flushed')
      })
      let sent = false
      try {
        sent = this.options.send(id)
      } catch {
        // a page being torn down: nothing to wait for
      }
      if (!sent) {
        clearTimeout(timer)
        this.waiting.delete(id)
        resolve('no-page')
      }
    })
  }

  /** The page's answer: its drafts for request `id` are applied. An unknown id is ignored. */
  flushed(id: number): void {
    this.waiting.get(id)?.()
  }
}

export type QuitAnswer = 'retry' | 'copy' | 'discard'

/** The store as quitting needs it. */
export interface ClosingStore {
  close(): Promise<void>
  unsavedLabels(): string[]
  snapshot(): { workspace: Workspace }
}

export interface QuitDeps {
  store: ClosingStore
  /** Asks the page to save its drafts; resolves when it has, or when it gave up waiting. */
  flushDrafts: () => Promise<unknown>
  /** Asks the user what to do about a failed final save. */
  ask: (unsavedLabels: string[], errorMessage: string) => Promise<QuitAnswer>
  /** Where to save a copy of the workspace (a save dialog); null when the user cancels. */
  chooseCopyPath: () => Promise<string | null>
}

export type QuitOutcome =
  | { kind: 'saved' }
  | { kind: 'copied'; path: string; unsavedLabels: string[] }
  | { kind: 'discarded'; unsavedLabels: string[] }

const messageOf = (error: unknown): string =>
  error instanceof AppFailure || error instanceof Error ? error.message : String(error)

/**
 * Saves the drafts and closes the store. Resolves once the app may quit: the workspace saved, a
 * copy of it written where the user chose, or the user's choice to lose the named changes.
 */
export async function closeForQuit(deps: QuitDeps): Promise<QuitOutcome> {
  await deps.flushDrafts().catch(() => undefined)
  let error: string
  try {
    await deps.store.close()
    return { kind: 'saved' }
  } catch (failure) {
    error = messageOf(failure)
  }
  for (;;) {
    const labels = deps.store.unsavedLabels()
    const answer = await deps.ask(labels, error)
    if (answer === 'discard') return { kind: 'discarded', unsavedLabels: labels }
    if (answer === 'retry') {
      try {
        await deps.store.close()
        return { kind: 'saved' }
      } catch (failure) {
        error = messageOf(failure)
      }
      continue
    }
    const path = await deps.chooseCopyPath()
    if (path === null) continue // cancelled: ask again, never quit on a cancel
    try {
      await exportToPath(deps.store.snapshot().workspace, 'json', path)
      return { kind: 'copied', path, unsavedLabels: labels }
    } catch (failure) {
      error = copyFailed(path, failure)
    }
  }
}

const copyFailed = (path: string, error: unknown): string =>
  `Could not save the copy to ${path}: ${describeFsError(error)}.`

/** At most this many changes are named; the rest are counted. */
export const MAX_NAMED_CHANGES = 10

/** The answers in the order of `QUIT_QUESTION.buttons`; the first is also what Escape means. */
export const QUIT_ANSWERS: readonly QuitAnswer[] = ['retry', 'copy', 'discard']

/** The question's text: every sentence in one place, for translation. */
export const QUIT_TEXT = {
  title: 'Changes not saved',
  message: 'Your latest changes could not be saved.',
  changesHeading: 'Not saved yet:',
  noLabels: 'Some changes since the last save are not saved yet.',
  more: (n: number): string => `…and ${plural(n, 'more change', 'more changes')}.`,
  buttons: ['Try again', 'Save a copy…', 'Quit without saving'],
  copyDialogTitle: 'Save a copy of the workspace'
} as const

/**
 * The question's details: the error, then the unsaved changes by name (each named once, in the
 * order they were made, at most MAX_NAMED_CHANGES).
 */
export function quitDetail(unsavedLabels: string[], errorMessage: string): string {
  const distinct = [...new Set(unsavedLabels)]
  if (distinct.length === 0) return `${errorMessage}\n\n${QUIT_TEXT.noLabels}`
  const named = distinct.slice(0, MAX_NAMED_CHANGES).map((label) => `• ${label}`)
  const rest = distinct.length - named.length
  if (rest > 0) named.push(QUIT_TEXT.more(rest))
  return `${errorMessage}\n\n${QUIT_TEXT.changesHeading}\n${named.join('\n')}`
}

/**
 * Runs `close` once, however often the window and the app ask to quit meanwhile: each asking
 * event is held back (preventDefault) until `close` has finished, then `quit` is called and every
 * later event passes. If `close` fails unexpectedly, quitting stays possible: the next event tries again.
 */
export function quitOnce(
  close: () => Promise<unknown>,
  quit: () => void
): (event: { preventDefault(): void }) => void {
  let state: 'open' | 'closing' | 'closed' = 'open'
  return (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    close().then(
      () => {
        state = 'closed'
        quit()
      },
      (error: unknown) => {
        console.error(error)
        state = 'open'
      }
    )
  }
}
