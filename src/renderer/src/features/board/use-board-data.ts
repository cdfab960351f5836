import { useDeferredValue, useEffect, useMemo } from 'react'
import type { Card, Category, Workspace } from '../../../../shared/model/schema'
import { useDuplicateSearch } from '../duplicates/duplicate-search'
import { indexInBackground, searchCards } from '../search/card-search'
import { isFilterActive, passesFilter, type CardFilter } from '../search/filter'
import { useSearch } from '../search/search-store'
import type { BoardFacts } from './board-context'
import { cardStats } from './card-stats'
import type { ShownColumn } from './Column'
import { boardColumns, columnKey, keepUnchanged, type BoardColumn } from './columns'

export interface BoardData {
  /** The columns on screen (all, or those the category filter picks), each with the cards shown. */
  columns: ShownColumn[]
  /** Categories in board order. */
  categories: Category[]
  facts: BoardFacts
  /** The filters the board shows (a render behind the search field while the user types). */
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
  // A keystroke re-renders only the search field at once; the board follows when the page is free.
  const filter = useDeferredValue(useSearch((s) => s.filter))
  const { query } = filter
  const all = useMemo(() => stableColumns(unordered, cards), [unordered, cards])
  const stats = useMemo(() => cardStats(cards, capabilities), [cards, capabilities])
  const duplicates = useDuplicateSearch(cards).ids
  useEffect(() => indexInBackground(cards), [cards])
  const textMatches = useMemo(() => (query.trim() === '' ? null : searchCards(cards, query)), [cards, query])
  const isFiltered = isFilterActive(filter)

  const columns = useMemo((): ShownColumn[] => {
    if (!isFiltered) return all.map(unfiltered)
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

// The columns the board computed last (there is one board): unchanged ones are kept (see `keepUnchanged`).
let lastColumns: BoardColumn[] = []
function stableColumns(categories: readonly Category[], cards: readonly Card[]): BoardColumn[] {
  lastColumns = keepUnchanged(lastColumns, boardColumns(categories, cards))
  return lastColumns
}

// An unfiltered column shows all its cards; one object per column, so unchanged columns keep their props.
const shownAll = new WeakMap<BoardColumn, ShownColumn>()
function unfiltered(column: BoardColumn): ShownColumn {
  let shown = shownAll.get(column)
  if (!shown) {
    shown = { ...column, shown: column.cards }
    shownAll.set(column, shown)
  }
  return shown
}
