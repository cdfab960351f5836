/** The messages between the page and the duplicate-detection worker (duplicates.worker.ts). */
import type {
  DismissedPair,
  DuplicateCandidate,
  DuplicateSearch
} from '../../../../shared/analysis/duplicates'

export interface DuplicateRequest {
  /** Grows with every request: only the answer to the latest one is used. */
  seq: number
  cards: DuplicateCandidate[]
  /** Pairs marked "Not a duplicate": never grouped. */
  dismissed: DismissedPair[]
}

export type DuplicateAnswer =
  { seq: number; ok: true; search: DuplicateSearch } | { seq: number; ok: false; message: string }
