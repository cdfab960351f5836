import { useDroppable } from '@dnd-kit/core'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { ActionIcon, Badge, Button, ColorSwatch, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { IconChevronsRight, IconGripVertical, IconPlus } from '@tabler/icons-react'
import { memo } from 'react'
import type { Card } from '../../../../shared/model/schema'
import { columnLabel } from './announcements'
import { columnDragId } from './board-context'
import classes from './board.module.css'
import { useBoard, useDropInColumn } from './board-store'
import { ColumnCards } from './ColumnCards'
import { ColumnHeader } from './ColumnHeader'
import { columnName, INBOX_KEY, type BoardColumn } from './columns'
import { NewCardForm } from './NewCardForm'

export interface ShownColumn extends BoardColumn {
  /** The cards the filters let through (all of them without filters). */
  shown: Card[]
}

export const CategoryColumn = memo(function CategoryColumn({
  column,
  filtered
}: {
  column: ShownColumn
  filtered: boolean
}): React.JSX.Element {
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, transform, transition, isDragging } =
    useSortable({
      id: columnDragId(column.key),
      data: { type: 'column', columnKey: column.key },
      attributes: { roleDescription: 'movable column' }
    })
  return (
    <ColumnFrame
      column={column}
      filtered={filtered}
      setNode={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      isLifted={isDragging}
      handle={
        <ActionIcon
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          variant="subtle"
          color="gray"
          size="sm"
          className={classes.handle}
          aria-label={`Move column ${columnName(column)} (Space, then arrow keys)`}
        >
          <IconGripVertical size={14} aria-hidden />
        </ActionIcon>
      }
    />
  )
})

export const InboxColumn = memo(function InboxColumn({
  column,
  filtered
}: {
  column: ShownColumn
  filtered: boolean
}): React.JSX.Element {
  const { setNodeRef } = useDroppable({
    id: columnDragId(INBOX_KEY),
    data: { type: 'column', columnKey: INBOX_KEY }
  })
  return <ColumnFrame column={column} filtered={filtered} setNode={setNodeRef} />
})

/** Wide enough for "Uncategorised", its count and its collapse button. */
const EMPTY_INBOX_WIDTH = 220

function ColumnFrame({
  column,
  filtered,
  setNode,
  style,
  isLifted = false,
  handle
}: {
  column: ShownColumn
  filtered: boolean
  setNode: (node: HTMLElement | null) => void
  style?: React.CSSProperties
  isLifted?: boolean
  handle?: React.ReactNode
}): React.JSX.Element {
  const isCollapsed = useBoard((s) => s.collapsed.has(column.key))
  const isTarget = useDropInColumn(column.key) !== undefined
  const name = columnName(column)
  const count = filtered ? `${column.shown.length} of ${column.cards.length}` : `${column.cards.length}`
  // An empty Uncategorised column stays a narrow drop target; a category's colour bands its top.
  const width = isCollapsed ? 52 : !column.category && column.cards.length === 0 ? EMPTY_INBOX_WIDTH : 300
  return (
    <Paper
      ref={setNode}
      withBorder
      p={isCollapsed ? 6 : 'sm'}
      w={width}
      miw={width}
      bg="var(--mantine-color-default-hover)"
      className={isTarget ? classes.columnTarget : undefined}
      data-testid="column"
      data-column-key={column.key}
      data-category-id={column.category?.id ?? 'inbox'}
      aria-label={columnLabel(name, column.shown.length, column.cards.length, filtered)}
      role="region"
      style={{
        display: 'flex',
        flexDirection: 'column',
        maxHeight: '100%',
        borderTop: column.category
          ? `4px solid var(--mantine-color-${column.category.color}-filled)`
          : undefined,
        opacity: isLifted ? 0.6 : undefined,
        zIndex: isLifted ? 2 : undefined,
        ...style
      }}
    >
      {isCollapsed ? (
        <CollapsedColumn column={column} name={name} count={count} />
      ) : (
        <>
          <ColumnHeader column={column} name={name} count={count} handle={handle} />
          <ColumnCards
            columnKey={column.key}
            cards={column.shown}
            emptyText={filtered && column.cards.length > 0 ? 'No matching cards' : 'No cards yet'}
          />
          <AddCard columnKey={column.key} name={name} />
        </>
      )}
    </Paper>
  )
}

function CollapsedColumn({
  column,
  name,
  count
}: {
  column: ShownColumn
  name: string
  count: string
}): React.JSX.Element {
  const toggle = useBoard((s) => s.toggleCollapsed)
  return (
    <Stack align="center" gap={8}>
      <Tooltip label="Expand column">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Expand ${name}`}
          onClick={() => toggle(column.key)}
        >
          <IconChevronsRight size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <ColorSwatch
        size={12}
        color={`var(--mantine-color-${column.category?.color ?? 'gray'}-6)`}
        aria-hidden
      />
      <Badge size="sm" variant="default" tt="none">
        {count}
      </Badge>
      <Text fw={700} size="sm" className={classes.collapsedName} data-testid="column-name">
        {name}
      </Text>
    </Stack>
  )
}

function AddCard({ columnKey, name }: { columnKey: string; name: string }): React.JSX.Element {
  const isAdding = useBoard((s) => s.composer?.kind === 'card' && s.composer.columnKey === columnKey)
  const setComposer = useBoard((s) => s.setComposer)
  return (
    <div style={{ marginTop: 8 }}>
      {isAdding ? (
        <NewCardForm columnKey={columnKey} onDone={() => setComposer(null)} />
      ) : (
        <Button
          size="xs"
          variant="subtle"
          fullWidth
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setComposer({ kind: 'card', columnKey })}
          aria-label={`Add card to ${name}`}
        >
          Add card
        </Button>
      )}
    </div>
  )
}
