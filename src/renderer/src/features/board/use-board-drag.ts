import {
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DndContextProps
} from '@dnd-kit/core'
import { useEffect, useState } from 'react'
import type { Category } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import { boardCollision } from './collision'
import type { ShownColumn } from './Column'
import { BoardDragController } from './drag-controller'
import { BoardKeyboardSensor } from './keyboard-sensor'

export type BoardDrag = Required<
  Pick<DndContextProps, 'sensors' | 'onDragStart' | 'onDragMove' | 'onDragEnd' | 'onDragCancel'>
> & { collisionDetection: CollisionDetection; announcements: Announcements }

/**
 * The board's drag and drop for dnd-kit: sensors (mouse past 5 px, touch after a 200 ms press,
 * keyboard on Space), collision detection, handlers and announcements (see drag-controller.ts).
 */
export function useBoardDrag(columns: ShownColumn[], categories: Category[]): BoardDrag {
  const run = useApp((s) => s.run)
  const [drag] = useState(() => new BoardDragController(run))
  useEffect(() => {
    drag.update(columns, categories)
  }, [drag, columns, categories])
  useEffect(() => drag.stopFollowing, [drag])
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(BoardKeyboardSensor, { step: drag.step })
  )
  return {
    sensors,
    collisionDetection: boardCollision,
    announcements: drag.announcements,
    onDragStart: drag.onDragStart,
    onDragMove: drag.onDragMove,
    onDragEnd: drag.onDragEnd,
    onDragCancel: drag.onDragCancel
  }
}
