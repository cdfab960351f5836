import { closestCenter, type CollisionDetection } from '@dnd-kit/core'
import { columnDragId, dragData } from './board-context'
import { INBOX_KEY } from './columns'

/**
 * Only columns are droppable. A card drag is over the column under the pointer (for keyboard
 * drags, under the dragged card's centre), or the nearest one sideways; where in the column it
 * lands is worked out from the column's virtualizer, not from per-card droppables. A column drag
 * is over the closest category column (the inbox stays first).
 */
export const boardCollision: CollisionDetection = (args) => {
  const columns = args.droppableContainers.filter((c) => dragData(c.data.current)?.type === 'column')
  if (dragData(args.active.data.current)?.type === 'column') {
    const inbox = columnDragId(INBOX_KEY)
    return closestCenter({ ...args, droppableContainers: columns.filter((c) => c.id !== inbox) })
  }
  const x = args.pointerCoordinates?.x ?? args.collisionRect.left + args.collisionRect.width / 2
  let best: (typeof columns)[number] | null = null
  let bestDistance = Infinity
  for (const column of columns) {
    // Live rects: the board may have scrolled sideways since the drag began.
    const rect = column.node.current?.getBoundingClientRect()
    if (!rect) continue
    const distance = x < rect.left ? rect.left - x : x > rect.right ? x - rect.right : 0
    if (distance < bestDistance) {
      best = column
      bestDistance = distance
    }
  }
  return best ? [{ id: best.id, data: { droppableContainer: best, value: bestDistance } }] : []
}
