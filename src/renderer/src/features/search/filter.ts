/** The board's filters as data, and which cards pass them. Pure: the board and tests share it. */
import { hasGaps, type CoverageCounts } from '../../../../shared/analysis'
import type { Card, CardKind } from '../../../../shared/model/schema'

export interface CardFilter {
  query: string
  /** Empty: every kind. */
  kinds: CardKind[]
  /** Column keys (category ids, or the inbox key); empty: every column. */
  columnKeys: string[]
  /** Cards carrying any of these tags; empty: any card. */
  tags: string[]
  /** Personas with at least one need whose status now is `gap` (as the gap view's "Now" counts them). */
  hasGaps: boolean
  duplicates: boolean
}

export const NO_FILTER: CardFilter = {
  query: '',
  kinds: [],
  columnKeys: [],
  tags: [],
  hasGaps: false,
  duplicates: false
}

export const isFilterActive = (f: CardFilter): boolean =>
  f.query.trim() !== '' ||
  f.kinds.length > 0 ||
  f.columnKeys.length > 0 ||
  f.tags.length > 0 ||
  f.hasGaps ||
  f.duplicates

export interface FilterFacts {
  /** Text matches when there is a query (null: no query). */
  textMatches: ReadonlyMap<string, readonly string[]> | null
  /** A persona's needs by coverage status now (board/card-stats.ts); null for a role. */
  gapCounts: (id: string) => CoverageCounts | null
  isDuplicate: (id: string) => boolean
  columnKeyOf: (card: Card) => string
}

export function passesFilter(card: Card, filter: CardFilter, facts: FilterFacts): boolean {
  if (facts.textMatches && !facts.textMatches.has(card.id)) return false
  if (filter.kinds.length > 0 && !filter.kinds.includes(card.kind)) return false
  if (filter.columnKeys.length > 0 && !filter.columnKeys.includes(facts.columnKeyOf(card))) return false
  if (filter.tags.length > 0 && !card.tags.some((t) => filter.tags.includes(t))) return false
  if (filter.hasGaps && !hasGaps(facts.gapCounts(card.id) ?? { gap: 0 })) return false
  if (filter.duplicates && !facts.isDuplicate(card.id)) return false
  return true
}
