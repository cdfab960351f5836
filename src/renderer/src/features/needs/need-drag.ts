/** The HTML5 drag payload of a need dragged onto a capability. */
const NEED_DRAG_TYPE = 'application/x-persona-planner-need'

export interface DraggedNeed {
  cardId: string
  needId: string
}

export function writeDraggedNeed(data: DataTransfer, need: DraggedNeed): void {
  data.setData(NEED_DRAG_TYPE, JSON.stringify(need))
  data.effectAllowed = 'link'
}

export const carriesNeed = (data: DataTransfer): boolean => data.types.includes(NEED_DRAG_TYPE)

/** The dragged need, or null when the drop carries something else. */
export function readDraggedNeed(data: DataTransfer): DraggedNeed | null {
  try {
    const value: unknown = JSON.parse(data.getData(NEED_DRAG_TYPE))
    if (
      value !== null &&
      typeof value === 'object' &&
      'cardId' in value &&
      'needId' in value &&
      typeof value.cardId === 'string' &&
      typeof value.needId === 'string'
    )
      return { cardId: value.cardId, needId: value.needId }
  } catch {
    // not JSON: not ours
  }
  return null
}
