import { Stack, Table, Text, Title } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useDeferredValue, useMemo, useRef, useState } from 'react'
import type { Horizon } from '../../../../shared/model/schema'
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
  type NeedRow,
  type Sort
} from './needs-rows'
import { SortHeader } from './SortHeader'

/** A row's height before it is measured: one line of need text, the status and its override button. */
const ESTIMATED_ROW_HEIGHT = 96
/**
 * Rows rendered beyond the viewport on either side: Tab from the last row on screen finds the next
 * one in the DOM (the browser scrolls the focused control into view, and the virtualizer follows).
 * Few, as each row holds a capability picker and three selects: opening the view costs as many.
 */
const OVERSCAN = 4
/** The table's width before it scrolls sideways, and its least height before the whole view scrolls. */
const MIN_WIDTH = 1100
const MIN_HEIGHT = 280

/**
 * The needs table in a box of its own that scrolls both ways under a sticky header, virtualised by
 * rows: only the rows near the viewport are in the DOM, between two spacer rows that keep the
 * scroll height. The table tells assistive technology how many rows there are (aria-rowcount) and
 * where each rendered one stands (aria-rowindex; the header row is 1).
 */
function NeedsTable({
  rows,
  sort,
  onSort,
  statusAt
}: {
  rows: NeedRow[]
  sort: Sort | null
  onSort: (sort: Sort | null) => void
  statusAt: Horizon
}): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null)
  const headRef = useRef<HTMLTableSectionElement>(null)
  const headHeight = headRef.current?.offsetHeight ?? 0
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer is read afresh each render
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => rows[index].key,
    overscan: OVERSCAN,
    // Measured rows re-render once, batched, not once per row inside the commit (each a forced layout).
    useFlushSync: false,
    // Rows in the first render, before the box is measured: else they all arrive in a synchronous
    // re-render after the first commit, outside the background render that opens the view.
    initialRect: { width: MIN_WIDTH, height: window.innerHeight },
    // The rows start below the sticky header.
    scrollMargin: headHeight
  })
  const items = virtualizer.getVirtualItems()
  const margin = virtualizer.options.scrollMargin
  const before = items.length > 0 ? items[0].start - margin : 0
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1].end - margin) : 0
  return (
    <div
      ref={scrollRef}
      // The focused row scrolls into view below the sticky header, not under it.
      style={{ flex: 1, minHeight: MIN_HEIGHT, overflow: 'auto', scrollPaddingTop: headHeight }}
      data-testid="needs-table-scroll"
    >
      <Table
        stickyHeader
        miw={MIN_WIDTH}
        verticalSpacing={6}
        aria-label="Needs"
        aria-rowcount={rows.length + 1}
        data-testid="needs-table"
      >
        <Table.Thead ref={headRef}>
          <Table.Tr aria-rowindex={1}>
            <Table.Th scope="col" w={28}>
              <Text span size="xs" c="dimmed">
                Drag
              </Text>
            </Table.Th>
            <SortHeader column="persona" label="Persona" sort={sort} onSort={onSort} />
            <SortHeader column="need" label="Need" sort={sort} onSort={onSort} />
            {/* What meets the need and its status come first, so a small window shows them without scrolling. */}
            <Table.Th scope="col">Capabilities</Table.Th>
            <SortHeader column="status" label="Status" sort={sort} onSort={onSort} />
            <SortHeader column="kind" label="Kind" sort={sort} onSort={onSort} />
            <SortHeader column="priority" label="Priority" sort={sort} onSort={onSort} />
            <SortHeader column="horizon" label="Needed by" sort={sort} onSort={onSort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && <SpacerRow height={before} />}
          {items.map((item) => (
            <NeedTableRow
              key={item.key}
              row={rows[item.index]}
              statusAt={statusAt}
              index={item.index}
              measure={virtualizer.measureElement}
            />
          ))}
          {after > 0 && <SpacerRow height={after} />}
        </Table.Tbody>
      </Table>
    </div>
  )
}

/** Stands for the rows not rendered above or below, so the scrollbar tells where the viewport is. */
function SpacerRow({ height }: { height: number }): React.JSX.Element {
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={8} style={{ padding: 0, border: 0 }} />
    </tr>
  )
}

/** Every persona need in one sortable, filterable table: kind, priority, horizon, links, override. */
export function NeedsView(): React.JSX.Element | null {
  const index = useCoverageIndex()
  const [filters, setFilters] = useState<NeedFilters>(NO_FILTERS)
  const [sort, setSort] = useState<Sort | null>(null)
  const deferredFilters = useDeferredValue(filters)
  const rows = useMemo(() => (index ? needRows(index) : []), [index])
  const counts = useMemo(() => countValues(rows), [rows])
  const shown = useMemo(
    () => sortRows(filterRows(rows, deferredFilters), sort, deferredFilters.statusAt),
    [rows, deferredFilters, sort]
  )
  if (!index) return null

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
        onChange={setFilters}
        shown={shown.length}
        total={rows.length}
      />
      <CapabilityDropTargets />
      {rows.length === 0 ? (
        <Text c="dimmed">No persona needs yet: import persona pages or add needs to a persona.</Text>
      ) : (
        <NeedsTable rows={shown} sort={sort} onSort={setSort} statusAt={deferredFilters.statusAt} />
      )}
    </Stack>
  )
}
