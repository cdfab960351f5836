/**
 * The workspace's duplicate groups, found in a Web Worker so the board never waits for them: the
 * board draws at once and its duplicate badges arrive with the worker's answer. A search runs again
 * only when a card's id, kind or title changed (a move or a description edit leaves it as it
 * was), or the pairs marked "Not a duplicate" did; a newer search supersedes an older one, whose answer is dropped. If no worker can start,
 * the search runs on the page, after the board has drawn, with a console warning.
 */
import { useEffect } from 'react'
import { create } from 'zustand'
import {
  duplicateIds,
  findDuplicates,
  type DuplicateCandidate,
  type DuplicateGroup
} from '../../../../shared/analysis/duplicates'
import type { Card, DismissedDuplicate } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import type { DuplicateAnswer, DuplicateRequest } from './duplicate-protocol'

export interface DuplicateState {
  /** `idle` before the first search; `looking` while the latest search has no answer. */
  status: 'idle' | 'looking' | 'ready' | 'failed'
  /** The latest answer's groups (kept while a newer search runs). */
  groups: DuplicateGroup[]
  /** The ids of every card in some group. */
  ids: ReadonlySet<string>
  /** Whether a limit cut the latest answer's search short: some near matches may be missing. */
  capped: boolean
  /** Why the latest search failed, when it did. */
  error: string | null
}

export const useDuplicates = create<DuplicateState>()(() => ({
  status: 'idle',
  groups: [],
  ids: new Set(),
  capped: false,
  error: null
}))

let seq = 0
let lastCards: readonly Card[] | null = null
let lastDismissed: readonly DismissedDuplicate[] | undefined
let worker: Worker | null | undefined
let pending: DuplicateRequest | null = null

function receive(answer: DuplicateAnswer): void {
  if (answer.seq !== seq) return
  pending = null
  if (answer.ok)
    useDuplicates.setState({
      status: 'ready',
      groups: answer.search.groups,
      ids: duplicateIds(answer.search.groups),
      capped: answer.search.capped,
      error: null
    })
  else useDuplicates.setState({ status: 'failed', error: answer.message })
}

/** On the page: used only when no worker can start. Runs after the current task, so the board draws first. */
function searchOnPage(request: DuplicateRequest): void {
  setTimeout(() => {
    if (request.seq !== seq) return
    try {
      receive({
        seq: request.seq,
        ok: true,
        search: findDuplicates(request.cards, { dismissed: request.dismissed })
      })
    } catch (error) {
      receive({
        seq: request.seq,
        ok: false,
        message: error instanceof Error ? error.message : String(error)
      })
    }
  }, 0)
}

function giveUpWorker(reason: string): void {
  console.warn(`Duplicate detection runs on the page, not in a worker: ${reason}`)
  worker?.terminate()
  worker = null
  if (pending) searchOnPage(pending)
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./duplicates.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<DuplicateAnswer>) => receive(event.data)
    worker.onerror = (event) => {
      event.preventDefault()
      giveUpWorker(event.message || 'the worker could not load or failed.')
    }
    worker.onmessageerror = () => giveUpWorker('an answer could not be read.')
  } catch (error) {
    worker = null
    console.warn(
      `Duplicate detection runs on the page, not in a worker: ${error instanceof Error ? error.message : String(error)}`
    )
  }
  return worker
}

/** Whether two card lists have the same ids, kinds and titles in the same order. */
function sameTitles(a: readonly Card[], b: readonly Card[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    const y = b[i]
    if (x !== y && (x.id !== y.id || x.kind !== y.kind || x.title !== y.title)) return false
  }
  return true
}

const NONE: readonly DismissedDuplicate[] = []

/** Starts a search for these cards, unless the latest one was for the same titles and dismissed pairs. */
export function searchDuplicates(
  cards: readonly Card[],
  dismissed: readonly DismissedDuplicate[] = NONE
): void {
  if (lastCards !== null && sameTitles(lastCards, cards) && lastDismissed === dismissed) return
  lastCards = cards
  lastDismissed = dismissed
  if (cards.length < 2) {
    // Nothing can be a duplicate: no worker needed (a new workspace starts here).
    seq++
    pending = null
    useDuplicates.setState({ status: 'ready', groups: [], ids: new Set(), capped: false, error: null })
    return
  }
  const candidates: DuplicateCandidate[] = cards.map(({ id, kind, title }) => ({ id, kind, title }))
  pending = { seq: ++seq, cards: candidates, dismissed: [...dismissed] }
  useDuplicates.setState({ status: 'looking' })
  const running = startWorker()
  if (running) running.postMessage(pending)
  else searchOnPage(pending)
}

/** The duplicate groups of these cards, as far as known: starts a search when their titles or the dismissed pairs changed. */
export function useDuplicateSearch(cards: readonly Card[]): DuplicateState {
  const dismissed = useApp((s) => s.workspace?.dismissedDuplicates ?? NONE)
  useEffect(() => searchDuplicates(cards, dismissed), [cards, dismissed])
  return useDuplicates()
}
