import { useEffect, useMemo, useRef } from 'react'
import { useApp } from '../../store'
import { useDrawer } from '../card-drawer/drawer-store'
import type { BoardActions } from './board-context'
import { plural } from '../../../../shared/text/plural'
import { currentSelection, useBoard } from './board-store'
import type { ShownColumn } from './Column'
import { columnHandle } from './column-registry'

/** A click right after a drop is the end of the drag, not a request to open the card. */
const CLICK_AFTER_DROP_MS = 250

/** Deletes cards as one command; the toast says what went and how to get it back. */
export async function deleteCards(ids: string[], titleOf: (id: string) => string): Promise<void> {
  if (ids.length === 0) return
  const { run, toast } = useApp.getState()
  const message = deletedMessage(ids.length, titleOf(ids[0])) // named while the card is still there
  if (!(await run({ type: 'card.delete', ids }))) return
  useBoard.getState().clearSelection()
  toast('info', message)
}

/** "Deleted “Data analyst”. Undo (Ctrl+Z) brings it back." or "Deleted 2 cards. Undo (Ctrl+Z) restores them." */
export const deletedMessage = (count: number, firstTitle: string): string =>
  count === 1
    ? `Deleted “${firstTitle}”. Undo (Ctrl+Z) brings it back.`
    : `Deleted ${plural(count, 'card')}. Undo (Ctrl+Z) restores them.`

/**
 * Clicks and keys on cards: click or Enter opens the drawer; Ctrl/Cmd-click and Ctrl+Space toggle
 * the selection, Shift-click and Shift+Space select a range; Delete removes the card (or the
 * selection it is in); the arrow keys move the focus between cards and columns; Escape clears the
 * selection. Space with no modifier is left to dnd-kit (pick up).
 */
export function useCardActions(columns: ShownColumn[]): BoardActions {
  const latest = useRef(columns)
  useEffect(() => {
    latest.current = columns
  })
  return useMemo((): BoardActions => {
    const board = (): ReturnType<typeof useBoard.getState> => useBoard.getState()
    const order = (): string[] => latest.current.flatMap((c) => c.shown.map((card) => card.id))
    const titleOf = (id: string): string =>
      useApp.getState().workspace?.cards.find((card) => card.id === id)?.title ?? ''
    const open = (id: string): void => {
      board().setAnchor(id)
      useDrawer.getState().open(id)
    }
    const focusFrom = (columnKey: string, id: string, key: string): boolean => {
      const visible = latest.current.filter((c) => !board().collapsed.has(c.key) && c.shown.length > 0)
      const at = visible.findIndex((c) => c.key === columnKey)
      if (at < 0) return false
      const index = visible[at].shown.findIndex((c) => c.id === id)
      const go = (column: ShownColumn, i: number): true => {
        columnHandle(column.key)?.focusCard(Math.max(0, Math.min(i, column.shown.length - 1)))
        return true
      }
      switch (key) {
        case 'ArrowUp':
          return go(visible[at], index - 1)
        case 'ArrowDown':
          return go(visible[at], index + 1)
        case 'Home':
          return go(visible[at], 0)
        case 'End':
          return go(visible[at], visible[at].shown.length - 1)
        case 'ArrowLeft':
          return at > 0 ? go(visible[at - 1], index) : true
        case 'ArrowRight':
          return at < visible.length - 1 ? go(visible[at + 1], index) : true
        default:
          return false
      }
    }
    return {
      onCardClick: (event, id) => {
        if (performance.now() - board().droppedAt < CLICK_AFTER_DROP_MS) return
        if (event.ctrlKey || event.metaKey) board().select(id, 'toggle')
        else if (event.shiftKey) board().select(id, 'range', order())
        else open(id)
      },
      onCardKeyDown: (event, id, columnKey) => {
        if (board().drag) return true // the keyboard sensor has the keys until the drop
        const key = event.key
        const modified = event.ctrlKey || event.metaKey
        let handled = true
        if (key === 'Enter' && !modified && !event.shiftKey) useDrawer.getState().open(id)
        else if (key === ' ' && modified) board().select(id, 'toggle')
        else if (key === ' ' && event.shiftKey) board().select(id, 'range', order())
        else if (key === 'Escape') board().clearSelection()
        else if (key === 'Delete' || key === 'Backspace') {
          // The whole selection, hidden cards included, as the selection bar says.
          const ids = board().selected.has(id) ? currentSelection() : [id]
          void deleteCards(ids, titleOf)
        } else handled = !modified && !event.altKey && focusFrom(columnKey, id, key)
        if (handled) event.preventDefault()
        return handled
      }
    }
  }, [])
}
