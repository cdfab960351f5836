import { Button, CloseButton, Group, Paper, Select, Text } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useApp } from '../../store'
import { QUIET_TEXT } from './text-colors'
import { useBoard } from './board-store'
import type { ShownColumn } from './Column'
import { categoryIdOf, columnName } from './columns'
import { inBoardOrder } from './drop-target'
import { deleteCards } from './use-card-actions'

/** Shown while several cards are selected: move them to a column or delete them, in one command. */
export function SelectionBar({ columns }: { columns: ShownColumn[] }): React.JSX.Element | null {
  const selected = useBoard((s) => s.selected)
  const clear = useBoard((s) => s.clearSelection)
  const run = useApp((s) => s.run)
  if (selected.size < 2) return null
  const ids = inBoardOrder(columns, selected)
  const titleOf = (id: string): string =>
    columns.flatMap((c) => c.cards).find((card) => card.id === id)?.title ?? ''
  const moveTo = (key: string | null): void => {
    const column = columns.find((c) => c.key === key)
    if (!column) return
    const index = column.cards.filter((c) => !selected.has(c.id)).length
    void run({ type: 'card.move', ids, categoryId: categoryIdOf(column.key), index })
  }
  return (
    <Paper withBorder px="sm" py={6} bg="var(--mantine-color-indigo-light)" data-testid="selection-bar">
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" fw={600} aria-live="polite">
          {selected.size} cards selected
        </Text>
        <Text size="xs" c={QUIET_TEXT} visibleFrom="lg">
          Drag any of them to move them all.
        </Text>
        <Select
          size="xs"
          aria-label="Move selected cards to column"
          placeholder="Move to…"
          data={columns.map((c) => ({ value: c.key, label: columnName(c) }))}
          value={null}
          onChange={moveTo}
          w={200}
        />
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconTrash size={14} aria-hidden />}
          onClick={() => void deleteCards(ids, titleOf)}
        >
          Delete
        </Button>
        <CloseButton size="sm" aria-label="Clear selection" onClick={clear} ml="auto" />
      </Group>
    </Paper>
  )
}
