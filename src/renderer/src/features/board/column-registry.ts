/**
 * What each mounted column lets the board ask of it during a drag or a keyboard move: geometry
 * that only the column's virtualizer knows (cards off screen are not in the DOM). Columns register
 * while mounted; nothing here is React state.
 */
export interface ColumnHandle {
  /** The slot (0 = above the first shown card … n = below the last) at a screen y. */
  slotAt: (clientY: number) => number
  /** Scrolls so the slot is in view and returns its screen position (the card edge it sits on). */
  revealSlot: (slot: number) => { x: number; y: number }
  /** The column's scrolling list, for auto-scroll while dragging. */
  scrollElement: () => HTMLElement | null
  /** Scrolls to a shown card and focuses it once it is rendered. */
  focusCard: (index: number) => void
}

const handles = new Map<string, ColumnHandle>()

export function registerColumn(key: string, handle: ColumnHandle): () => void {
  handles.set(key, handle)
  return () => {
    if (handles.get(key) === handle) handles.delete(key)
  }
}

export const columnHandle = (key: string): ColumnHandle | undefined => handles.get(key)
