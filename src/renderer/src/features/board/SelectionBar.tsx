import { Button, CloseButton, Group, Paper, Select, Text } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useMemo } from 'react'
import { plural } from '../../../../shared/text/plural'
import { useApp } from '../../store'
import { QUIET_TEXT } from './text-colors'
import { selectionInBoardOrder, useBoard } from './board-store'
import type { ShownColumn } from './Column'
import { boardColumns, categoryIdOf, columnName } from './columns'
import { deleteCards } from './use-card-actions'

/** "2 cards selected" or, when the filters hide some of them, "3 cards selected, 2 hidden by the filters". */
export function selectionText(count: number, hidden: number): string {
  if (hidden === 0) return `${plural(count, 'card')} selected`
  return `${plural(count, 'card')} selected, ${hidden} hidden by the filters`
}

/**
 * Shown while several cards are selected: move them to a column or delete them, in one command.
 * It acts on every selected card, those the filters hide included, and says how many are hidden.
 */
export function SelectionBar({ columns }: { columns: ShownColumn[] }): React.JSX.Element | null {
  const selected = useBoard((s) => s.selected)
  const clear = useBoard((s) => s.clearSelection)
  const run = useApp((s) => s.run)
  const workspace = useApp((s) => s.workspace)
  const all = useMemo(
    () => (workspace ? boardColumns(workspace.categories, workspace.cards) : []),
    [workspace]
  )
  const ids = useMemo(() => selectionInBoardOrder(selected, workspace), [selected, workspace])
  const shown = useMemo(() => new Set(columns.flatMap((c) => c.shown.map((card) => card.id))), [columns])
  if (ids.length < 2) return null
  const hidden = ids.filter((id) => !shown.has(id)).length
  const titleOf = (id: string): string => workspace?.cards.find((card) => card.id === id)?.title ?? ''
  const moveTo = (key: string | null): void => {
    const column = all.find((c) => c.key === key)
    if (!column) return
    const index = column.cards.filter((c) => !selected.has(c.id)).length
    void run({ type: 'card.move', ids, categoryId: categoryIdOf(column.key), index })
  }
  return (
    <Paper withBorder px="sm" py={6} bg="var(--mantine-color-indigo-light)" data-testid="selection-bar">
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" fw={600} aria-live="polite" data-testid="selection-count">
          {selectionText(ids.length, hidden)}
        </Text>
        <Text size="xs" c={QUIET_TEXT} visibleFrom="lg">
          Drag any of them to move them all.
        </Text>
        <Select
          size="xs"
          aria-label="Move selected cards to column"
          placeholder="Move to…"
          data={all.map((c) => ({ value: c.key, label: columnName(c) }))}
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
