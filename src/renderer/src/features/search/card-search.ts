/**
 * Full-text search over cards with minisearch (fuzzy and prefix; DESIGN.md "Known traps": 9-34 ms
 * a query at 60k records). The index follows the workspace incrementally: only cards whose object
 * changed since the last sync are re-indexed (immer keeps unchanged cards identical).
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
  private indexed = new Map<string, Card>()

  /** Brings the index in step with `cards`: adds new cards, re-indexes changed ones, drops removed ones. */
  sync(cards: readonly Card[]): void {
    const next = new Map<string, Card>()
    for (const card of cards) {
      next.set(card.id, card)
      const before = this.indexed.get(card.id)
      if (before === card) continue
      if (before) this.index.replace(toDoc(card))
      else this.index.add(toDoc(card))
    }
    for (const id of this.indexed.keys()) if (!next.has(id)) this.index.discard(id)
    this.indexed = next
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
