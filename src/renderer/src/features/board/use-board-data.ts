import { useDeferredValue, useMemo } from 'react'
import type { Card, Category, Workspace } from '../../../../shared/model/schema'
import { useDuplicateSearch } from '../duplicates/duplicate-search'
import { searchCards } from '../search/card-search'
import { isFilterActive, passesFilter, type CardFilter } from '../search/filter'
import { useSearch } from '../search/search-store'
import type { BoardFacts } from './board-context'
import { cardStats } from './card-stats'
import type { ShownColumn } from './Column'
import { boardColumns, columnKey } from './columns'

export interface BoardData {
  /** The columns on screen (all, or those the category filter picks), each with the cards shown. */
  columns: ShownColumn[]
  /** Categories in board order. */
  categories: Category[]
  facts: BoardFacts
  filter: CardFilter
  isFiltered: boolean
  shownCount: number
  totalCount: number
}

/**
 * Everything the board shows, derived from the workspace and the filters. Duplicate detection
 * runs in a worker (duplicate-search.ts): the board paints at once and its badges arrive later.
 */
export function useBoardData(workspace: Workspace): BoardData {
  const { cards, categories: unordered, capabilities } = workspace
  const filter = useSearch((s) => s.filter)
  const query = useDeferredValue(filter.query)
  const all = useMemo(() => boardColumns(unordered, cards), [unordered, cards])
  const stats = useMemo(() => cardStats(cards, capabilities), [cards, capabilities])
  const duplicates = useDuplicateSearch(cards).ids
  const textMatches = useMemo(() => (query.trim() === '' ? null : searchCards(cards, query)), [cards, query])
  const active = { ...filter, query }
  const isFiltered = isFilterActive(active)

  const columns = useMemo((): ShownColumn[] => {
    if (!isFiltered) return all.map((c) => ({ ...c, shown: c.cards }))
    const facts = {
      textMatches,
      gapCounts: (id: string) => stats.get(id)?.counts ?? null,
      isDuplicate: (id: string) => duplicates.has(id),
      columnKeyOf: (card: Card) => columnKey(card.categoryId)
    }
    // While filtering, the board shows the columns picked, or else those with a match.
    return all
      .filter((c) => filter.columnKeys.length === 0 || filter.columnKeys.includes(c.key))
      .map((c) => ({ ...c, shown: c.cards.filter((card) => passesFilter(card, filter, facts)) }))
      .filter((c) => filter.columnKeys.length > 0 || c.shown.length > 0)
  }, [all, filter, isFiltered, textMatches, stats, duplicates])

  const facts = useMemo(
    () => ({ stats, duplicates, highlights: textMatches }),
    [stats, duplicates, textMatches]
  )
  return {
    columns,
    categories: all.flatMap((c) => (c.category ? [c.category] : [])),
    facts,
    filter,
    isFiltered,
    shownCount: columns.reduce((n, c) => n + c.shown.length, 0),
    totalCount: cards.length
  }
}
