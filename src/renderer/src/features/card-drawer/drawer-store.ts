/** Which card the detail drawer shows (UI state, never saved). */
import { create } from 'zustand'

interface DrawerState {
  cardId: string | null
  open: (cardId: string) => void
  close: () => void
}

export const useDrawer = create<DrawerState>()((set) => ({
  cardId: null,
  open: (cardId) => set({ cardId }),
  close: () => set({ cardId: null })
}))
