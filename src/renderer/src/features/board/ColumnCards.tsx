import { Text } from '@mantine/core'
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useRef } from 'react'
import type { Card } from '../../../../shared/model/schema'
import classes from './board.module.css'
import { useDropInColumn } from './board-store'
import { registerColumn } from './column-registry'
import { QUIET_TEXT } from './text-colors'
import { DraggableCard } from './DraggableCard'

const GAP = 6
const ESTIMATED_HEIGHT = 96
const FOCUS_TRIES = 5

type ListVirtualizer = Virtualizer<HTMLDivElement, Element>

/** Where a slot is within the list: at the top edge of the card it comes before, or below the last card. */
function slotOffset(virtualizer: ListVirtualizer, slot: number, count: number): number {
  if (count === 0) return 0
  const items = virtualizer.measurementsCache
  return slot < count ? items[slot].start - GAP / 2 : items[count - 1].end + GAP / 2
}

/**
 * A column's cards, virtualised (one virtualizer per column; DESIGN.md "Known traps": thousands
 * of cards stay smooth only if few are in the DOM), with the drop indicator of a drag.
 */
export const ColumnCards = memo(function ColumnCards({
  columnKey,
  cards,
  emptyText
}: {
  columnKey: string
  /** The cards shown (all, or those passing the filters). */
  cards: Card[]
  emptyText: string
}): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer is read afresh each render
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_HEIGHT,
    getItemKey: (index) => cards[index].id,
    gap: GAP,
    overscan: 4
  })
  useColumnHandle(columnKey, scrollRef, virtualizer, cards)
  const dropBefore = useDropInColumn(columnKey)
  const dropSlot =
    dropBefore === undefined
      ? null
      : dropBefore === null
        ? cards.length
        : cards.findIndex((c) => c.id === dropBefore)

  return (
    <div
      ref={scrollRef}
      style={{ flex: 1, minHeight: 0, overflowY: 'auto', padding: '2px 4px 2px 2px' }}
      data-testid="column-cards"
    >
      {cards.length === 0 && (
        <Text size="xs" c={QUIET_TEXT} ta="center" py="md">
          {emptyText}
        </Text>
      )}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${item.start}px)`
            }}
          >
            <DraggableCard card={cards[item.index]} columnKey={columnKey} />
          </div>
        ))}
        {dropSlot !== null && dropSlot >= 0 && (
          <div
            className={classes.dropIndicator}
            style={{ top: slotOffset(virtualizer, dropSlot, cards.length) }}
            data-testid="drop-indicator"
            aria-hidden
          />
        )}
      </div>
    </div>
  )
})

/** Registers what a drag or a keyboard move needs to ask of this column (see column-registry.ts). */
function useColumnHandle(
  columnKey: string,
  scrollRef: React.RefObject<HTMLDivElement | null>,
  virtualizer: ListVirtualizer,
  cards: Card[]
): void {
  const latest = useRef(cards)
  useEffect(() => {
    latest.current = cards
  })
  useEffect(
    () =>
      registerColumn(columnKey, {
        slotAt: (clientY) => {
          const el = scrollRef.current
          const count = latest.current.length
          if (!el || count === 0) return 0
          const offset = clientY - el.getBoundingClientRect().top + el.scrollTop
          const item = virtualizer.getVirtualItemForOffset(offset)
          if (!item) return offset <= 0 ? 0 : count
          return item.index + (offset > item.start + item.size / 2 ? 1 : 0)
        },
        revealSlot: (slot) => {
          const el = scrollRef.current
          const count = latest.current.length
          el?.closest('[data-testid="column"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
          if (count > 0) virtualizer.scrollToIndex(Math.min(slot, count - 1), { align: 'auto' })
          const rect = el?.getBoundingClientRect()
          if (!el || !rect) return { x: 0, y: 0 }
          return { x: rect.left + 2, y: rect.top + slotOffset(virtualizer, slot, count) - el.scrollTop }
        },
        scrollElement: () => scrollRef.current,
        focusCard: (index) => {
          const id = latest.current[index]?.id
          if (id === undefined) return
          virtualizer.scrollToIndex(index, { align: 'auto' })
          const tryFocus = (left: number): void => {
            const node = scrollRef.current?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`)
            if (node) node.focus()
            else if (left > 0) requestAnimationFrame(() => tryFocus(left - 1))
          }
          requestAnimationFrame(() => tryFocus(FOCUS_TRIES))
        }
      }),
    [columnKey, scrollRef, virtualizer]
  )
}
