import { useDraggable } from '@dnd-kit/core'
import { memo } from 'react'
import { countsSummary } from '../../../../shared/analysis'
import type { Card } from '../../../../shared/model/schema'
import { plural } from '../../../../shared/text/plural'
import { cardDragId, useBoardActions, useBoardFacts } from './board-context'
import classes from './board.module.css'
import { useBoard, useIsMoving } from './board-store'
import { CardTile, KIND_LOOK } from './CardTile'

/**
 * A card on the board: focusable, draggable (mouse, touch, keyboard), selectable. Click or Enter
 * opens it; Ctrl/Cmd-click or Ctrl+Space adds it to the selection, Shift-click selects a range.
 */
export const DraggableCard = memo(function DraggableCard({
  card,
  columnKey
}: {
  card: Card
  columnKey: string
}): React.JSX.Element {
  const actions = useBoardActions()
  const facts = useBoardFacts()
  const isSelected = useBoard((s) => s.selected.has(card.id))
  const isMoving = useIsMoving(card.id)
  const { attributes, listeners, setNodeRef } = useDraggable({
    id: cardDragId(card.id),
    data: { type: 'card', cardId: card.id, columnKey },
    attributes: { roleDescription: 'draggable card' }
  })
  const stats = facts.stats.get(card.id)
  const isDuplicate = facts.duplicates.has(card.id)
  const label = [
    `${KIND_LOOK[card.kind].label}: ${card.title}`,
    isDuplicate ? 'possible duplicate' : '',
    stats ? plural(stats.needs, 'need') : '',
    stats && stats.counts.total > 0 ? countsSummary(stats.counts) : '',
    isSelected ? 'selected' : ''
  ]
    .filter(Boolean)
    .join(', ')
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      className={classes.card}
      data-testid="card"
      data-card-id={card.id}
      data-moving={isMoving || undefined}
      aria-label={label}
      onClick={(e) => actions.onCardClick(e, card.id)}
      onKeyDown={(e) => {
        if (!actions.onCardKeyDown(e, card.id, columnKey)) listeners?.onKeyDown?.(e)
      }}
    >
      <CardTile
        card={card}
        isSelected={isSelected}
        isDuplicate={isDuplicate}
        needs={stats?.needs}
        counts={stats?.counts}
        highlight={facts.highlights?.get(card.id)}
      />
    </div>
  )
})
