/**
 * Duplicate detection off the UI thread: answers each request with `findDuplicates`, whose work
 * is bounded whatever the titles. Started by duplicate-search.ts.
 */
import { findDuplicates } from '../../../../shared/analysis/duplicates'
import type { DuplicateAnswer, DuplicateRequest } from './duplicate-protocol'

// The renderer's types describe a window; in a worker, postMessage takes the message alone.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DuplicateRequest>) => void) | null
  postMessage: (answer: DuplicateAnswer) => void
}

scope.onmessage = ({ data: { seq, cards, dismissed } }) => {
  try {
    scope.postMessage({ seq, ok: true, search: findDuplicates(cards, { dismissed }) })
  } catch (error) {
    scope.postMessage({ seq, ok: false, message: error instanceof Error ? error.message : String(error) })
  }
}
