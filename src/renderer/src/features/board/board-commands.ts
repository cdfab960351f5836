/** Menu and shortcut requests answered by the board: File › New Card, New Category, Edit › Find…. */
import { useApp } from '../../store'
import { useSearch } from '../search/search-store'
import { useBoard } from './board-store'
import { INBOX_KEY } from './columns'

/** Opens the "new card" form in the Uncategorised inbox. */
export function requestNewCard(): void {
  useApp.getState().setView('board')
  const board = useBoard.getState()
  if (board.collapsed.has(INBOX_KEY)) board.toggleCollapsed(INBOX_KEY)
  board.setComposer({ kind: 'card', columnKey: INBOX_KEY })
}

export function requestNewCategory(): void {
  useApp.getState().setView('board')
  useBoard.getState().setComposer({ kind: 'category' })
}

/** Focuses the board's search field (Ctrl+F). */
export function requestFind(): void {
  useApp.getState().setView('board')
  useSearch.getState().requestFocus()
}
