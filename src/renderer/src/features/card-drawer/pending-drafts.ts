/**
 * The drafts holding an edit not sent yet (see use-draft.ts), so that everything typed can be
 * saved at once when main is about to close the workspace (its `flushDrafts` event), and the
 * edits sent but not answered yet: while there is either, the header says "Saving…"
 * (`useHasUnsentDrafts`), from the first keystroke until main has the edit (and then main's own
 * status says when it is on disk).
 */
import { useSyncExternalStore } from 'react'
import { changesSettled } from '../../api/client'

const pending = new Set<() => void>()
/** Draft writes sent to main and not answered yet. */
let writing = 0
const listeners = new Set<() => void>()

const notify = (): void => {
  for (const listener of [...listeners]) listener()
}

/** Registers a draft's `flush` while it holds an unsent edit; the call returned forgets it again. */
export function holdDraft(flush: () => void): () => void {
  pending.add(flush)
  notify()
  return () => {
    if (pending.delete(flush)) notify()
  }
}

/** Counts a draft's write as unsaved until main has answered it (applied or refused). */
export function trackDraftWrite<T>(write: Promise<T>): Promise<T> {
  writing++
  notify()
  const done = (): void => {
    writing--
    notify()
  }
  write.then(done, done)
  return write
}

/** Whether an edit is typed but not yet applied by main: held in a draft, or sent and not answered. */
export const hasUnsentDrafts = (): boolean => pending.size > 0 || writing > 0

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** `hasUnsentDrafts`, kept up to date in a component. */
export const useHasUnsentDrafts = (): boolean => useSyncExternalStore(subscribe, hasUnsentDrafts)

/** Sends every pending draft now; resolves once main has answered each command (applied or refused). */
export async function flushAllDrafts(): Promise<void> {
  for (const flush of [...pending]) flush()
  await changesSettled()
}
