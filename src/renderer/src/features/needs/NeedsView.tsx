import { Center, Pagination, Stack, Table, Text, Title } from '@mantine/core'
import { useDeferredValue, useMemo, useState } from 'react'
import { useCoverageIndex } from '../gaps/use-gap-analysis'
import { CapabilityDropTargets } from './CapabilityDropTargets'
import { NeedsFilters } from './NeedsFilters'
import { NeedTableRow } from './NeedTableRow'
import {
  NO_FILTERS,
  countValues,
  filterRows,
  needRows,
  sortRows,
  type NeedFilters,
  type Sort
} from './needs-rows'
import { SortHeader } from './SortHeader'

const PAGE_SIZE = 100

/** Every persona need in one sortable, filterable table: kind, priority, horizon, links, override. */
export function NeedsView(): React.JSX.Element | null {
  const index = useCoverageIndex()
  const [filters, setFilters] = useState<NeedFilters>(NO_FILTERS)
  const [sort, setSort] = useState<Sort | null>(null)
  const [page, setPage] = useState(1)
  const deferredFilters = useDeferredValue(filters)
  const rows = useMemo(() => (index ? needRows(index) : []), [index])
  const counts = useMemo(() => countValues(rows), [rows])
  const shown = useMemo(
    () => sortRows(filterRows(rows, deferredFilters), sort, deferredFilters.statusAt),
    [rows, deferredFilters, sort]
  )
  if (!index) return null
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE))
  const current = Math.min(page, pages)
  const pageRows = shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)
  const changeFilters = (next: NeedFilters): void => {
    setFilters(next)
    setPage(1)
  }

  return (
    <Stack h="100%" gap="sm" style={{ overflowY: 'auto' }} data-testid="needs-view">
      <div>
        <Title order={1} size="h2">
          Needs
        </Title>
        <Text c="dimmed" size="sm">
          Every persona need: whether it is IT or business, how much it matters, when it must be met, and the
          capabilities that meet it. What the source did not say is “Not set” until you set it.
        </Text>
      </div>
      <NeedsFilters
        index={index}
        counts={counts}
        filters={filters}
        onChange={changeFilters}
        shown={shown.length}
        total={rows.length}
      />
      <CapabilityDropTargets />
      {rows.length === 0 ? (
        <Text c="dimmed">No persona needs yet: import persona pages or add needs to a persona.</Text>
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table striped verticalSpacing={6} aria-label="Needs" data-testid="needs-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={28}>
                  <Text span size="xs" c="dimmed">
                    Drag
                  </Text>
                </Table.Th>
                <SortHeader column="persona" label="Persona" sort={sort} onSort={setSort} />
                <SortHeader column="need" label="Need" sort={sort} onSort={setSort} />
                {/* What meets the need and its status come first, so a small window shows them without scrolling. */}
                <Table.Th scope="col">Capabilities</Table.Th>
                <SortHeader column="status" label="Status" sort={sort} onSort={setSort} />
                <SortHeader column="kind" label="Kind" sort={sort} onSort={setSort} />
                <SortHeader column="priority" label="Priority" sort={sort} onSort={setSort} />
                <SortHeader column="horizon" label="Needed by" sort={sort} onSort={setSort} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pageRows.map((row) => (
                <NeedTableRow key={row.key} row={row} statusAt={deferredFilters.statusAt} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && (
        <Center>
          <Pagination total={pages} value={current} onChange={setPage} aria-label="Needs pages" />
        </Center>
      )}
    </Stack>
  )
}
