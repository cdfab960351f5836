/**
 * Where a drag of cards would land, as data: a column and the card the moving ones go before
 * (null: after the last card shown). Pure functions, shared by mouse, touch and keyboard drags,
 * so every input ends in the same `card.move` command.
 */

export interface DropTarget {
  columnKey: string
  /** The first card that will follow the moving ones; null for the end of the column. */
  beforeId: string | null
}

export type Direction = 'up' | 'down' | 'left' | 'right'

/** A column as a drag sees it: the card ids it shows (all of them unless a filter is on). */
export interface DragColumn {
  key: string
  shownIds: readonly string[]
}

const without = (ids: readonly string[], moving: ReadonlySet<string>): string[] =>
  ids.filter((id) => !moving.has(id))

/** The drop target for a slot (0 = above the first shown card, n = below the last). */
export function targetAtSlot(column: DragColumn, moving: ReadonlySet<string>, slot: number): DropTarget {
  const beforeId = column.shownIds.slice(slot).find((id) => !moving.has(id)) ?? null
  return { columnKey: column.key, beforeId }
}

/** Where a drag starts: just where the active card already is, so dropping at once changes nothing. */
export function initialTarget(column: DragColumn, moving: ReadonlySet<string>, activeId: string): DropTarget {
  const at = column.shownIds.indexOf(activeId)
  return targetAtSlot(column, moving, at < 0 ? column.shownIds.length : at)
}

/** Position of a target among the column's other cards: 0 … count. */
export function targetPosition(
  column: DragColumn,
  moving: ReadonlySet<string>,
  target: DropTarget
): { position: number; count: number } {
  const rest = without(column.shownIds, moving)
  const at = target.beforeId === null ? -1 : rest.indexOf(target.beforeId)
  return { position: at < 0 ? rest.length : at, count: rest.length }
}

/** The next target from the keyboard: up and down between cards, left and right between columns. */
export function stepTarget(
  columns: readonly DragColumn[],
  moving: ReadonlySet<string>,
  current: DropTarget,
  direction: Direction
): DropTarget {
  const index = columns.findIndex((c) => c.key === current.columnKey)
  if (index < 0) return current
  const { position, count } = targetPosition(columns[index], moving, current)
  const at = (column: DragColumn, p: number): DropTarget => ({
    columnKey: column.key,
    beforeId: without(column.shownIds, moving)[p] ?? null
  })
  switch (direction) {
    case 'up':
      return position > 0 ? at(columns[index], position - 1) : current
    case 'down':
      return position < count ? at(columns[index], position + 1) : current
    case 'left':
    case 'right': {
      const next = columns[index + (direction === 'left' ? -1 : 1)]
      if (!next) return current
      return at(next, Math.min(position, without(next.shownIds, moving).length))
    }
  }
}

/**
 * The index `card.move` takes for a drop: the position among the target column's cards once the
 * moving ones are out. `columnIds` is the whole column, `shownIds` what the board shows of it.
 * A target at the end of a filtered column lands just after the last card shown.
 */
export function moveIndex(
  columnIds: readonly string[],
  shownIds: readonly string[],
  moving: ReadonlySet<string>,
  beforeId: string | null
): number {
  const rest = without(columnIds, moving)
  if (beforeId !== null) {
    const at = rest.indexOf(beforeId)
    if (at >= 0) return at
  }
  const lastShown = without(shownIds, moving).at(-1)
  return lastShown === undefined ? rest.length : rest.indexOf(lastShown) + 1
}

/** Whether moving `ids` (in this order) to `index` of a column leaves the column as it is. */
export function isNoopMove(columnIds: readonly string[], ids: readonly string[], index: number): boolean {
  const moving = new Set(ids)
  if (!ids.every((id) => columnIds.includes(id))) return false
  const rest = without(columnIds, moving)
  const next = [...rest.slice(0, index), ...ids, ...rest.slice(index)]
  return next.every((id, i) => id === columnIds[i])
}

/** The ids in board order (column by column, top to bottom), for commands and range selection. */
export function inBoardOrder(
  columns: readonly { cards: readonly { id: string }[] }[],
  ids: ReadonlySet<string>
): string[] {
  return columns.flatMap((c) => c.cards.filter((card) => ids.has(card.id)).map((card) => card.id))
}

/** The ids between two cards (inclusive) in the order given, for Shift-click. */
export function rangeBetween(order: readonly string[], from: string, to: string): string[] {
  const a = order.indexOf(from)
  const b = order.indexOf(to)
  if (a < 0 || b < 0) return [to]
  return order.slice(Math.min(a, b), Math.max(a, b) + 1)
}
