/**
 * One zustand store: the workspace snapshot main sent (kept in step by applying each Change's
 * patches in revision order) and the UI state. Every mutation goes through `run`, i.e. a command
 * applied by main; the renderer never edits the workspace itself.
 */
import { applyPatches, enablePatches, setAutoFreeze } from 'immer'
import { notifications } from '@mantine/notifications'
import { create } from 'zustand'
import type { Command } from '../../../shared/commands/schema'
import type { Change, StoreStatus } from '../../../shared/ipc/types'
import type { Workspace } from '../../../shared/model/schema'
import { call, errorMessage } from '../api/client'

enablePatches()
// The snapshot main sends is a plain object; freezing it on the first patch walks all of it (30 ms
// at 10,000 cards, on the path of a keyboard move). Nothing here mutates it: every change is a patch.
setAutoFreeze(false)

/** The views; each has its navigation entry and pane in App.tsx's `VIEWS` (the typecheck insists). */
export type View = 'board' | 'duplicates' | 'capabilities' | 'needs' | 'gaps'

interface State {
  workspace: Workspace | null
  revision: number
  undoLabel: string | null
  redoLabel: string | null
  status: StoreStatus
  notices: string[]
  filePath: string
  loadError: string | null
  view: View
  load: () => Promise<void>
  run: (command: Command) => Promise<boolean>
  undo: () => Promise<void>
  redo: () => Promise<void>
  /** Fills the empty workspace with the example that ships with the app. */
  openExample: () => Promise<void>
  receive: (change: Change) => void
  setStatus: (status: StoreStatus) => void
  setView: (view: View) => void
  toast: (kind: 'info' | 'error', message: string) => void
  dismissNotices: () => void
}

/** The error toasts on screen, which Escape and a change of view close. */
const errorToasts = new Set<string>()

/** Closes the error toasts on screen; false when there were none. */
export function closeErrorToasts(): boolean {
  if (errorToasts.size === 0) return false
  for (const id of errorToasts) notifications.hide(id)
  errorToasts.clear()
  return true
}

export const useApp = create<State>()((set, get) => ({
  workspace: null,
  revision: 0,
  undoLabel: null,
  redoLabel: null,
  status: { state: 'saved', message: null },
  notices: [],
  filePath: '',
  loadError: null,
  view: 'board',

  load: async () => {
    try {
      const snapshot = await call('getWorkspace', {})
      set({ ...snapshot, loadError: null })
    } catch (error) {
      set({ loadError: errorMessage(error) })
    }
  },

  run: async (command) => {
    try {
      get().receive(await call('applyCommand', { command }))
      return true
    } catch (error) {
      get().toast('error', errorMessage(error))
      return false
    }
  },

  undo: async () => {
    try {
      const change = await call('undo', {})
      if (change) {
        get().receive(change)
        get().toast('info', `Undone: ${change.label}`)
      }
    } catch (error) {
      get().toast('error', errorMessage(error))
    }
  },

  redo: async () => {
    try {
      const change = await call('redo', {})
      if (change) {
        get().receive(change)
        get().toast('info', `Redone: ${change.label}`)
      }
    } catch (error) {
      get().toast('error', errorMessage(error))
    }
  },

  openExample: async () => {
    try {
      const change = await call('openExampleWorkspace', {})
      get().receive(change)
      get().toast('info', 'Opened the example workspace. Undo (Ctrl+Z) removes it again.')
    } catch (error) {
      get().toast('error', errorMessage(error))
    }
  },

  receive: (change) => {
    const { workspace, revision } = get()
    if (change.revision <= revision) return // already applied (the response and the event both carry it)
    if (!workspace || change.revision !== revision + 1) {
      void get().load() // missed a revision: take a fresh snapshot
      return
    }
    set({
      workspace: applyPatches(workspace, change.patches),
      revision: change.revision,
      undoLabel: change.undoLabel,
      redoLabel: change.redoLabel
    })
  },

  setStatus: (status) => set({ status }),
  setView: (view) => {
    // An error belongs to the view it happened in: it does not follow the user to another.
    if (view !== get().view) closeErrorToasts()
    set({ view })
  },
  toast: (kind, message) => {
    const id = notifications.show({
      message,
      color: kind === 'error' ? 'red' : 'blue',
      autoClose: kind === 'error' ? 8000 : 3000,
      withBorder: true,
      closeButtonProps: { 'aria-label': 'Dismiss message' },
      onClose: () => errorToasts.delete(id)
    })
    if (kind === 'error') errorToasts.add(id)
  },
  dismissNotices: () => set({ notices: [] })
}))
