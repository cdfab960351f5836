/**
 * Full-text search over cards with minisearch (fuzzy and prefix; DESIGN.md "Known traps": 9-34 ms
 * a query at 60k records). The index follows the workspace incrementally: only cards whose object
 * changed since the last sync are re-indexed (immer keeps unchanged cards identical), and it is
 * built in idle slices after the board paints, not on the first keystroke.
 */
import MiniSearch from 'minisearch'
import type { Card, ListItem } from '../../../../shared/model/schema'

interface SearchDoc {
  id: string
  title: string
  description: string
  items: string
  tags: string
}

const flatten = (items: readonly ListItem[]): string[] =>
  items.flatMap((item) => [item.text, ...flatten(item.children)])

/** Every list item of a card (goals, habits, needs, problems, qualifications), one per line. */
function listText(card: Card): string {
  if (card.kind === 'role') return card.qualifications.join('\n')
  return [card.goals, card.habits, card.needs, card.problems].flatMap(flatten).join('\n')
}

const toDoc = (card: Card): SearchDoc => ({
  id: card.id,
  title: card.title,
  description: `${card.description}\n${card.notes}`,
  items: listText(card),
  tags: card.tags.join(' ')
})

/** Case and accents never matter ("credit" finds "crédit"). */
export const fold = (term: string): string =>
  term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

export class CardSearchIndex {
  private readonly index = new MiniSearch<SearchDoc>({
    fields: ['title', 'description', 'items', 'tags'],
    processTerm: fold,
    searchOptions: {
      boost: { title: 3, tags: 2 },
      prefix: true,
      // Short words are typed in full; longer ones may carry a typo or two.
      fuzzy: (term) => (term.length >= 5 ? 0.15 : false),
      maxFuzzy: 2,
      combineWith: 'AND'
    }
  })
  /** Every card in the index, as it was indexed: a card is re-indexed only when its object changed. */
  private readonly indexed = new Map<string, Card>()
  /** The cards a sync is bringing the index in step with, how far it got, and the ids it passed. */
  private target: readonly Card[] | null = null
  private cursor = 0
  private passed = new Set<string>()

  /**
   * Brings the index in step with `cards`: adds new cards, re-indexes changed ones (immer keeps
   * every unchanged card the same object, so only what a patch touched is indexed again), drops
   * removed ones. With a `deadline` (a performance.now() time) it stops once past it and returns
   * false; the next call with the same `cards` carries on where it stopped.
   */
  sync(cards: readonly Card[], deadline = Infinity): boolean {
    if (cards !== this.target) {
      this.target = cards
      this.cursor = 0
      this.passed = new Set()
    }
    while (this.cursor < cards.length) {
      // Looking at the clock every few cards: indexing one takes a few microseconds.
      if (this.cursor % 32 === 0 && performance.now() > deadline) return false
      const card = cards[this.cursor++]
      this.passed.add(card.id)
      const before = this.indexed.get(card.id)
      if (before === card) continue
      if (before) this.index.replace(toDoc(card))
      else this.index.add(toDoc(card))
      this.indexed.set(card.id, card)
    }
    if (this.indexed.size > this.passed.size) {
      for (const id of this.indexed.keys()) {
        if (this.passed.has(id)) continue
        this.index.discard(id)
        this.indexed.delete(id)
      }
    }
    return true
  }

  /** Matching card ids, each with the words of the card that matched (for highlighting). */
  search(query: string): Map<string, string[]> {
    const matches = new Map<string, string[]>()
    if (query.trim() === '') return matches
    for (const result of this.index.search(query)) matches.set(String(result.id), result.terms)
    return matches
  }
}

const shared = new CardSearchIndex()

/** Searches the workspace's cards with one index kept in step across calls. */
export function searchCards(cards: readonly Card[], query: string): Map<string, string[]> {
  shared.sync(cards)
  return shared.search(query)
}

/** The longest slice of background indexing: the page answers a keystroke within this. */
const SLICE_MS = 16

/** Calls `task` with the time it may take, when the page is idle. Returns a cancel. */
const whenIdle = (task: (budget: number) => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback((idle) => task(Math.max(1, idle.timeRemaining())))
    return () => cancelIdleCallback(handle)
  }
  const handle = setTimeout(() => task(SLICE_MS), 1)
  return () => clearTimeout(handle)
}

/**
 * Brings the shared index in step with `cards` in slices while the page is idle, so the first
 * keystroke finds it ready (indexing 10,000 cards at once takes most of a second) and no slice
 * holds the page long. A search before it is done finishes the rest at once. Returns a cancel.
 */
export function indexInBackground(cards: readonly Card[]): () => void {
  let cancel = whenIdle(function slice(budget) {
    if (!shared.sync(cards, performance.now() + Math.min(budget, SLICE_MS))) cancel = whenIdle(slice)
  })
  return () => cancel()
}
