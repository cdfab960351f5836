/**
 * The board's UI state (never saved): selection, collapsed columns, the open "new card/category"
 * form, and the drag in progress. Components select single fields so a change re-renders only
 * what shows it (a card selects whether it is selected, a column whether it is the drop target).
 */
import { create } from 'zustand'
import type { Workspace } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import { boardColumns } from './columns'
import type { DropTarget } from './drop-target'
import { inBoardOrder, rangeBetween } from './drop-target'

type Composer = { kind: 'card'; columnKey: string } | { kind: 'category' } | null

interface CardDrag {
  /** The cards moving, in board order. */
  ids: string[]
  activeId: string
  target: DropTarget
}

interface BoardUi {
  selected: ReadonlySet<string>
  anchor: string | null
  collapsed: ReadonlySet<string>
  composer: Composer
  drag: CardDrag | null
  /** When the last drag ended, so the click that may follow a drop does not open the card. */
  droppedAt: number
  /** Toggle (Ctrl/Cmd): add or remove. Range (Shift): from the anchor to this card. */
  select: (id: string, mode: 'toggle' | 'range', order?: readonly string[]) => void
  /** A plain click: no selection, but the next Shift-click selects from here. */
  setAnchor: (id: string) => void
  clearSelection: () => void
  toggleCollapsed: (columnKey: string) => void
  setComposer: (composer: Composer) => void
  startDrag: (drag: CardDrag) => void
  setTarget: (target: DropTarget) => void
  endDrag: () => void
}

const EMPTY: ReadonlySet<string> = new Set()

export const useBoard = create<BoardUi>()((set, get) => ({
  selected: EMPTY,
  anchor: null,
  collapsed: EMPTY,
  composer: null,
  drag: null,
  droppedAt: 0,

  select: (id, mode, order = []) => {
    const { selected, anchor } = get()
    if (mode === 'range' && anchor) return set({ selected: new Set(rangeBetween(order, anchor, id)) })
    const next = new Set(selected)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    set({ selected: next, anchor: id })
  },
  setAnchor: (id) => set({ selected: EMPTY, anchor: id }),
  clearSelection: () => set({ selected: EMPTY, anchor: null }),
  toggleCollapsed: (columnKey) => {
    const next = new Set(get().collapsed)
    if (next.has(columnKey)) next.delete(columnKey)
    else next.add(columnKey)
    set({ collapsed: next })
  },
  setComposer: (composer) => set({ composer }),
  startDrag: (drag) => set({ drag }),
  setTarget: (target) => {
    const { drag } = get()
    if (!drag || (drag.target.columnKey === target.columnKey && drag.target.beforeId === target.beforeId))
      return
    set({ drag: { ...drag, target } })
  },
  endDrag: () => set({ drag: null, droppedAt: performance.now() })
}))

/** Whether this card is one of those being dragged. */
export const useIsMoving = (id: string): boolean => useBoard((s) => s.drag?.ids.includes(id) ?? false)

/** The drop target's `beforeId` when this column is the target, `undefined` when it is not. */
export const useDropInColumn = (columnKey: string): string | null | undefined =>
  useBoard((s) => (s.drag?.target.columnKey === columnKey ? s.drag.target.beforeId : undefined))

/**
 * The selected cards that still exist, in board order, whether the filters show them or not: a
 * selection acts on exactly what the selection bar says it holds (it says how many are hidden).
 */
export function selectionInBoardOrder(
  selected: ReadonlySet<string>,
  workspace: Pick<Workspace, 'categories' | 'cards'> | null
): string[] {
  if (selected.size === 0 || !workspace) return []
  return inBoardOrder(boardColumns(workspace.categories, workspace.cards), selected)
}

/** The current selection in board order (see `selectionInBoardOrder`). */
export const currentSelection = (): string[] =>
  selectionInBoardOrder(useBoard.getState().selected, useApp.getState().workspace)
