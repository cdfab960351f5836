/** The board's search text and filters (UI state, never saved), and the Ctrl+F request. */
import { create } from 'zustand'
import { NO_FILTER, type CardFilter } from './filter'

interface SearchState {
  filter: CardFilter
  /** Set by Ctrl+F (or Edit › Find…); the search field focuses itself and clears it. */
  isFocusRequested: boolean
  setFilter: (patch: Partial<CardFilter>) => void
  clear: () => void
  requestFocus: () => void
  focusDone: () => void
}

export const useSearch = create<SearchState>()((set, get) => ({
  filter: NO_FILTER,
  isFocusRequested: false,
  setFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),
  clear: () => set({ filter: NO_FILTER }),
  requestFocus: () => set({ isFocusRequested: true }),
  focusDone: () => set({ isFocusRequested: false })
}))
