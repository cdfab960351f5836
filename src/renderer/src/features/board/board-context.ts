/**
 * What cards need from the board without re-rendering when it changes: stable callbacks (they read
 * the board's latest data when called) and the per-card facts shown on tiles.
 */
import { createContext, useContext } from 'react'
import type { CardStats } from './card-stats'

export interface BoardActions {
  onCardClick: (event: React.MouseEvent, id: string) => void
  /** Returns true when the key was a board shortcut (open, select, delete, move focus). */
  onCardKeyDown: (event: React.KeyboardEvent, id: string, columnKey: string) => boolean
}

export interface BoardFacts {
  stats: ReadonlyMap<string, CardStats>
  duplicates: ReadonlySet<string>
  /** Words that matched the search, per card; null without a search. */
  highlights: ReadonlyMap<string, string[]> | null
}

export const BoardActionsContext = createContext<BoardActions | null>(null)
export const BoardFactsContext = createContext<BoardFacts>({
  stats: new Map(),
  duplicates: new Set(),
  highlights: null
})

export function useBoardActions(): BoardActions {
  const actions = useContext(BoardActionsContext)
  if (!actions) throw new Error('useBoardActions outside the board')
  return actions
}

export const useBoardFacts = (): BoardFacts => useContext(BoardFactsContext)

export const cardDragId = (cardId: string): string => `card:${cardId}`
export const columnDragId = (columnKey: string): string => `column:${columnKey}`

/** What a draggable or droppable carries in its dnd-kit `data`. */
export type DragData =
  { type: 'card'; cardId: string; columnKey: string } | { type: 'column'; columnKey: string }

/** Reads a dnd-kit `data` value back (sortable adds fields of its own, so it is checked, not assumed). */
export function dragData(value: unknown): DragData | null {
  if (typeof value !== 'object' || value === null || !('type' in value) || !('columnKey' in value))
    return null
  const { columnKey } = value
  if (typeof columnKey !== 'string') return null
  if (value.type === 'column') return { type: 'column', columnKey }
  if (value.type === 'card' && 'cardId' in value && typeof value.cardId === 'string')
    return { type: 'card', cardId: value.cardId, columnKey }
  return null
}
