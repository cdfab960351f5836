import { Table, UnstyledButton, Group, Text } from '@mantine/core'
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react'
import type { Sort, SortKey } from './needs-rows'

/** A column header that sorts by its column: ascending, then descending, then board order. */
export function SortHeader({
  column,
  label,
  sort,
  onSort
}: {
  column: SortKey
  label: string
  sort: Sort | null
  onSort: (sort: Sort | null) => void
}): React.JSX.Element {
  const active = sort?.key === column
  const Icon = !active ? IconSelector : sort.descending ? IconChevronDown : IconChevronUp
  const next = (): Sort | null =>
    !active ? { key: column, descending: false } : sort.descending ? null : { key: column, descending: true }
  return (
    <Table.Th scope="col" aria-sort={!active ? 'none' : sort.descending ? 'descending' : 'ascending'}>
      <UnstyledButton onClick={() => onSort(next())}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  )
}
