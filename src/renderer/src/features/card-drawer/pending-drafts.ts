/**
 * The drafts holding an edit not sent yet (see use-draft.ts), so that everything typed can be
 * saved at once when main is about to close the workspace (its `flushDrafts` event).
 */
import { changesSettled } from '../../api/client'

const pending = new Set<() => void>()

/** Registers a draft's `flush` while it holds an unsent edit; the call returned forgets it again. */
export function holdDraft(flush: () => void): () => void {
  pending.add(flush)
  return () => pending.delete(flush)
}

/** Sends every pending draft now; resolves once main has answered each command (applied or refused). */
export async function flushAllDrafts(): Promise<void> {
  for (const flush of [...pending]) flush()
  await changesSettled()
}
