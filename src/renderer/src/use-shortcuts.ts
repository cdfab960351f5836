import { useMantineColorScheme } from '@mantine/core'
import { useEffect, useRef } from 'react'
import type { MenuAction } from '../../shared/ipc/types'
import { on } from './api/client'
import type { Dialog } from './components/dialogs'
import { requestFind, requestNewCard, requestNewCategory } from './features/board/board-commands'
import { useApp } from './store'

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** Ctrl/Cmd + key (and Shift) → action; the menu shows the same accelerators (src/main/platform/menu.ts). */
const KEYS: Record<string, MenuAction> = {
  z: 'undo',
  'shift+z': 'redo',
  y: 'redo',
  o: 'import',
  e: 'export',
  'shift+e': 'export-report',
  f: 'find',
  n: 'new-card',
  'shift+n': 'new-category',
  1: 'show-board',
  2: 'show-duplicates',
  3: 'show-capabilities',
  4: 'show-needs',
  5: 'show-gaps'
}

/**
 * Keyboard shortcuts and menu actions share one path. In a text field, Ctrl+Z is the field's own
 * undo; elsewhere it undoes the last workspace command.
 */
export function useShortcuts(actions: { import: () => void; openDialog: (dialog: Dialog) => void }): void {
  const { setColorScheme } = useMantineColorScheme()
  const latest = useRef({ ...actions, setColorScheme })
  useEffect(() => {
    latest.current = { ...actions, setColorScheme }
  })
  useEffect(() => {
    const { undo, redo, setView } = useApp.getState()
    const perform: Record<MenuAction, () => void> = {
      undo: () => void undo(),
      redo: () => void redo(),
      import: () => latest.current.import(),
      export: () => latest.current.openDialog('export'),
      'export-report': () => latest.current.openDialog('export-report'),
      'restore-backup': () => latest.current.openDialog('restore'),
      'workspace-details': () => latest.current.openDialog('workspace'),
      about: () => latest.current.openDialog('about'),
      find: requestFind,
      'new-card': requestNewCard,
      'new-category': requestNewCategory,
      'show-board': () => setView('board'),
      'show-duplicates': () => setView('duplicates'),
      'show-capabilities': () => setView('capabilities'),
      'show-needs': () => setView('needs'),
      'show-gaps': () => setView('gaps'),
      'scheme-system': () => latest.current.setColorScheme('auto'),
      'scheme-light': () => latest.current.setColorScheme('light'),
      'scheme-dark': () => latest.current.setColorScheme('dark')
    }
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const action = KEYS[`${e.shiftKey ? 'shift+' : ''}${e.key.toLowerCase()}`]
      if (!action) return
      if ((action === 'undo' || action === 'redo') && isEditable(e.target)) return
      e.preventDefault()
      perform[action]()
    }
    window.addEventListener('keydown', onKey)
    const offMenu = on('menuAction', (action) => {
      if ((action === 'undo' || action === 'redo') && isEditable(document.activeElement)) {
        document.execCommand(action) // the menu took the key from a text field: give it back
        return
      }
      perform[action]()
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      offMenu()
    }
  }, [])
}
