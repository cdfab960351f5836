/**
 * Dragging on the board, without React: cards (one, or the selection) between and within columns
 * and columns between columns, by mouse, touch or keyboard. The drop target is data (see
 * drop-target.ts) held in the board store; every drop is one command (`card.move` with all the
 * moving ids, or `category.move`), so it persists and undoes. The board feeds it its latest
 * columns; dnd-kit calls its handlers, announcements and keyboard `step`.
 */
import type {
  Announcements,
  DragCancelEvent,
  DragEndEvent,
  DragMoveEvent,
  DragStartEvent,
  SensorContext,
  Translate,
  UniqueIdentifier
} from '@dnd-kit/core'
import { getEventCoordinates } from '@dnd-kit/utilities'
import type { Command } from '../../../../shared/commands/schema'
import type { Category } from '../../../../shared/model/schema'
import * as say from './announcements'
import { columnDragId, dragData, type DragData } from './board-context'
import { useApp } from '../../store'
import { currentSelection, useBoard } from './board-store'
import type { ShownColumn } from './Column'
import { columnHandle } from './column-registry'
import { categoryIdOf, columnName } from './columns'
import {
  initialTarget,
  isNoopMove,
  moveIndex,
  stepTarget,
  targetAtSlot,
  targetPosition,
  type Direction,
  type DragColumn,
  type DropTarget
} from './drop-target'

/** How close to a column's top or bottom edge the pointer scrolls it, and how fast at most. */
const EDGE = 56
const MAX_SCROLL_STEP = 24
/** Where the dragged card sits relative to the slot it would drop into, during keyboard drags. */
const KEYBOARD_OFFSET = { x: 16, y: 6 }

const ids = (cards: readonly { id: string }[]): string[] => cards.map((c) => c.id)
const board = (): ReturnType<typeof useBoard.getState> => useBoard.getState()
const sameTarget = (a: DropTarget, b: DropTarget): boolean =>
  a.columnKey === b.columnKey && a.beforeId === b.beforeId

export class BoardDragController {
  private columns: ShownColumn[] = []
  private categories: Category[] = []
  /** "Data Scientist" or "3 cards (…)": what the current card drag moves, for announcements. */
  private what = ''
  /** The last target announced, so each position is said once. */
  private announced = ''
  /** What onDragEnd / onDragCancel announce, worked out by the handlers that run just before. */
  private message: string | undefined
  private pointer: Translate | null = null
  private overKey: string | null = null
  private columnTarget = -1
  private frame = 0

  constructor(private readonly run: (command: Command) => Promise<boolean>) {}

  update(columns: ShownColumn[], categories: Category[]): void {
    this.columns = columns
    this.categories = categories
  }

  // ---- dnd-kit handlers -------------------------------------------------------------------

  onDragStart = (event: DragStartEvent): void => {
    this.message = undefined
    const data = dragData(event.active.data.current)
    if (data?.type === 'column') {
      this.columnTarget = this.categoryKeys().indexOf(data.columnKey)
      this.announced = `column|${data.columnKey}`
    } else if (data?.type === 'card') {
      this.startCard(data)
      if (!(event.activatorEvent instanceof KeyboardEvent)) this.follow(event.activatorEvent)
    }
  }

  onDragMove = (event: DragMoveEvent): void => {
    if (event.activatorEvent instanceof KeyboardEvent) return // the keyboard moves by `step`
    if (dragData(event.active.data.current)?.type !== 'card') return
    const over = dragData(event.over?.data.current)
    if (over?.type === 'column') this.overKey = over.columnKey
    this.aim()
  }

  onDragEnd = (event: DragEndEvent): void => {
    this.stopFollowing()
    const data = dragData(event.active.data.current)
    if (data?.type === 'column') this.dropColumn(data.columnKey, dragData(event.over?.data.current))
    else this.dropCard(event.activatorEvent instanceof KeyboardEvent)
  }

  onDragCancel = (event: DragCancelEvent): void => {
    this.stopFollowing()
    const current = board().drag
    board().endDrag()
    const data = dragData(event.active.data.current)
    if (data?.type === 'column') this.message = say.columnCancelled(this.columnName(data.columnKey))
    else if (data?.type === 'card' && current)
      this.message = say.cancelled(this.what, this.columnName(data.columnKey))
  }

  /** The keyboard sensor's step: moves the target and returns where the dragged element goes. */
  step = (active: UniqueIdentifier, direction: Direction, context: SensorContext): Translate | null => {
    const data =
      dragData(context.active?.data.current) ?? dragData(context.draggableNodes.get(active)?.data.current)
    return data?.type === 'column' ? this.stepColumn(direction, context) : this.stepCard(direction)
  }

  announcements: Announcements = {
    onDragStart: ({ active }) => {
      const data = dragData(active.data.current)
      if (data?.type === 'column') return say.columnPickedUp(...this.columnPlace(data.columnKey))
      const current = board().drag
      return current ? say.pickedUp(this.what, this.place(current.target, current.ids)) : undefined
    },
    onDragMove: ({ active, over }) => {
      const data = dragData(active.data.current)
      if (data?.type === 'column') {
        const to = dragData(over?.data.current)
        if (!to || `column|${to.columnKey}` === this.announced) return undefined
        this.announced = `column|${to.columnKey}`
        const [, position, count] = this.columnPlace(to.columnKey)
        return say.columnMovedTo(this.columnName(data.columnKey), position, count)
      }
      const current = board().drag
      const key = current && `${current.target.columnKey}|${current.target.beforeId}`
      if (!current || key === this.announced) return undefined
      this.announced = key ?? ''
      return say.movedTo(this.what, this.place(current.target, current.ids))
    },
    onDragOver: () => undefined,
    onDragEnd: () => this.message,
    onDragCancel: () => this.message
  }

  stopFollowing = (): void => {
    window.removeEventListener('pointermove', this.onPointerMove)
    cancelAnimationFrame(this.frame)
  }

  // ---- cards ------------------------------------------------------------------------------

  private startCard(data: Extract<DragData, { type: 'card' }>): void {
    // The whole selection moves, cards the filters hide included, as the selection bar says.
    const moving = board().selected.has(data.cardId) ? currentSelection() : [data.cardId]
    const titles = new Map(useApp.getState().workspace?.cards.map((card) => [card.id, card.title]))
    this.what = say.movingName(moving.map((id) => titles.get(id) ?? ''))
    const target = initialTarget(this.dragColumn(data.columnKey), new Set(moving), data.cardId)
    board().startDrag({ ids: moving, activeId: data.cardId, target })
    this.announced = `${target.columnKey}|${target.beforeId}`
    this.overKey = data.columnKey
  }

  private dropCard(isKeyboard: boolean): void {
    const current = board().drag
    board().endDrag()
    const column = current && this.findColumn(current.target.columnKey)
    if (!current || !column) return
    const moving = new Set(current.ids)
    const index = moveIndex(ids(column.cards), ids(column.shown), moving, current.target.beforeId)
    if (isNoopMove(ids(column.cards), current.ids, index)) {
      this.message = say.droppedInPlace(this.what)
      return
    }
    this.message = say.droppedAt(this.what, this.place(current.target, current.ids))
    const command: Command = {
      type: 'card.move',
      ids: current.ids,
      categoryId: categoryIdOf(column.key),
      index
    }
    void this.run(command).then((ok) => {
      if (ok && isKeyboard) this.refocus(current.activeId)
    })
  }

  private stepCard(direction: Direction): Translate | null {
    const current = board().drag
    if (!current) return null
    const columns: DragColumn[] = this.columns.map((c) => ({
      key: c.key,
      shownIds: board().collapsed.has(c.key) ? [] : ids(c.shown)
    }))
    const next = stepTarget(columns, new Set(current.ids), current.target, direction)
    if (sameTarget(next, current.target)) return null
    board().setTarget(next)
    return this.pointFor(next)
  }

  /** Screen point for the dragged card in a keyboard drag: at the target slot, scrolled into view. */
  private pointFor(target: DropTarget): Translate | null {
    const column = this.findColumn(target.columnKey)
    const handle = columnHandle(target.columnKey)
    if (!column) return null
    if (!handle || board().collapsed.has(target.columnKey)) {
      const node = document.querySelector(`[data-column-key="${CSS.escape(target.columnKey)}"]`)
      node?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      const rect = node?.getBoundingClientRect()
      return rect ? { x: rect.left + KEYBOARD_OFFSET.x, y: rect.top + 48 } : null
    }
    const shown = ids(column.shown)
    const slot = target.beforeId === null ? shown.length : Math.max(0, shown.indexOf(target.beforeId))
    const at = handle.revealSlot(slot)
    return { x: at.x + KEYBOARD_OFFSET.x, y: at.y + KEYBOARD_OFFSET.y }
  }

  /** After a keyboard drop the card is rendered afresh in its new place: give it the focus back. */
  private refocus(cardId: string): void {
    const focus = (): void => {
      for (const column of this.columns) {
        const index = column.shown.findIndex((c) => c.id === cardId)
        if (index >= 0) columnHandle(column.key)?.focusCard(index)
      }
    }
    requestAnimationFrame(() => requestAnimationFrame(focus))
  }

  // ---- pointer ----------------------------------------------------------------------------

  /**
   * Follows the pointer itself (dnd-kit's event delta adds the columns' scroll since the drag
   * began, which is not where the pointer is) and auto-scrolls the column under it.
   */
  private follow(activator: Event): void {
    this.pointer = getEventCoordinates(activator)
    window.addEventListener('pointermove', this.onPointerMove)
    this.frame = requestAnimationFrame(this.autoScroll)
  }

  private onPointerMove = (event: PointerEvent): void => {
    this.pointer = { x: event.clientX, y: event.clientY }
    this.aim()
  }

  /** Aims a pointer drag: the slot under the pointer in the column it is over. */
  private aim(): void {
    const current = board().drag
    const column = this.overKey ? this.findColumn(this.overKey) : undefined
    if (!current || !column || !this.pointer) return
    const handle = board().collapsed.has(column.key) ? undefined : columnHandle(column.key)
    const slot = handle ? handle.slotAt(this.pointer.y) : column.shown.length
    board().setTarget(targetAtSlot(this.dragColumn(column.key), new Set(current.ids), slot))
  }

  /** Scrolls the column under the pointer while the pointer is near its top or bottom edge. */
  private autoScroll = (): void => {
    const el = this.overKey ? columnHandle(this.overKey)?.scrollElement() : null
    const p = this.pointer
    if (el && p) {
      const rect = el.getBoundingClientRect()
      const inside = p.x >= rect.left && p.x <= rect.right
      const beyond =
        p.y < rect.top + EDGE
          ? p.y - (rect.top + EDGE)
          : p.y > rect.bottom - EDGE
            ? p.y - (rect.bottom - EDGE)
            : 0
      if (inside && beyond !== 0) {
        el.scrollTop += Math.max(-MAX_SCROLL_STEP, Math.min(MAX_SCROLL_STEP, Math.round(beyond / 3)))
        this.aim()
      }
    }
    this.frame = requestAnimationFrame(this.autoScroll)
  }

  // ---- columns ----------------------------------------------------------------------------

  private stepColumn(direction: Direction, context: SensorContext): Translate | null {
    if (direction === 'up' || direction === 'down') return null
    const keys = this.categoryKeys()
    const next = Math.min(keys.length - 1, Math.max(0, this.columnTarget + (direction === 'left' ? -1 : 1)))
    if (next === this.columnTarget) return null
    this.columnTarget = next
    const rect = context.droppableRects.get(columnDragId(keys[next]))
    return rect ? { x: rect.left, y: rect.top } : null
  }

  private dropColumn(key: string, over: DragData | null): void {
    const to = over?.type === 'column' ? over.columnKey : null
    const index = this.categories.findIndex((c) => c.id === to)
    if (!to || to === key || index < 0) {
      this.message = say.columnCancelled(this.columnName(key))
      return
    }
    const [, position, count] = this.columnPlace(to)
    this.message = say.columnDropped(this.columnName(key), position, count)
    void this.run({ type: 'category.move', id: key, index })
  }

  // ---- lookups ----------------------------------------------------------------------------

  private findColumn(key: string): ShownColumn | undefined {
    return this.columns.find((c) => c.key === key)
  }

  private dragColumn(key: string): DragColumn {
    const column = this.findColumn(key)
    return { key, shownIds: column ? ids(column.shown) : [] }
  }

  private columnName(key: string): string {
    const column = this.findColumn(key)
    return column ? columnName(column) : ''
  }

  private categoryKeys(): string[] {
    return this.columns.filter((c) => c.category).map((c) => c.key)
  }

  private columnPlace(key: string): [string, number, number] {
    const keys = this.categoryKeys()
    return [this.columnName(key), keys.indexOf(key), keys.length]
  }

  private place(target: DropTarget, moving: readonly string[]): say.Place {
    const position = targetPosition(this.dragColumn(target.columnKey), new Set(moving), target)
    return { column: this.columnName(target.columnKey), ...position }
  }
}
