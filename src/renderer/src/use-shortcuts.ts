import { useEffect, useRef } from 'react'
import { events } from './api/client'
import { requestFind, requestNewCard, requestNewCategory } from './features/board/board-commands'
import { useApp } from './store'

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * Keyboard shortcuts and menu actions share one path. In a text field, Ctrl+Z is the field's own
 * undo; elsewhere it undoes the last workspace command.
 */
export function useShortcuts(actions: {
  import: () => void
  export: () => void
  exportReport: () => void
}): void {
  const latest = useRef(actions)
  useEffect(() => {
    latest.current = actions
  })
  useEffect(() => {
    const { undo, redo } = useApp.getState()
    const perform = (action: string): void => {
      if (action === 'undo') void undo()
      if (action === 'redo') void redo()
      if (action === 'import') latest.current.import()
      if (action === 'export') latest.current.export()
      if (action === 'export-report') latest.current.exportReport()
      if (action === 'new-card') requestNewCard()
      if (action === 'new-category') requestNewCategory()
      if (action === 'find') requestFind()
    }
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const key = e.key.toLowerCase()
      const action =
        key === 'z'
          ? e.shiftKey
            ? 'redo'
            : 'undo'
          : key === 'y'
            ? 'redo'
            : key === 'o'
              ? 'import'
              : key === 'e'
                ? 'export'
                : key === 'f'
                  ? 'find'
                  : key === 'n'
                    ? e.shiftKey
                      ? 'new-category'
                      : 'new-card'
                    : null
      if (!action) return
      if ((action === 'undo' || action === 'redo') && isEditable(e.target)) return
      e.preventDefault()
      perform(action)
    }
    window.addEventListener('keydown', onKey)
    const offMenu = events.onMenuAction((action) => {
      if ((action === 'undo' || action === 'redo') && isEditable(document.activeElement)) {
        document.execCommand(action) // the menu took the key from a text field: give it back
        return
      }
      perform(action)
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      offMenu()
    }
  }, [])
}
