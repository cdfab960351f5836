import { Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconGavel } from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef } from 'react'
import {
  COVERAGE_STATUSES,
  worseStatus,
  type CapabilityColumn,
  type CategoryResult,
  type CoverageCounts,
  type CoverageStatus,
  type GapAnalysis,
  type MatrixCell,
  type PersonaRow,
  countsLabel
} from '../../../../shared/analysis'
import { EFFECTIVE_LOOK } from '../capabilities/capability-look'
import { STATUS_LOOK, statusIconColor } from './status-look'

const sticky = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  // The columns have fixed widths: a long title without spaces (a URL) wraps instead of overflowing.
  overflowWrap: 'anywhere'
} as const

const needKey = (personaId: string, needId: string): string => `${personaId}/${needId}`

/** The worst status among counts, for the icon of a totals cell. */
const worst = (counts: CoverageCounts): CoverageStatus =>
  COVERAGE_STATUSES.filter((s) => counts[s] > 0).reduce(worseStatus, 'met')

function Counts({
  counts,
  status = worst(counts)
}: {
  counts: CoverageCounts
  status?: CoverageStatus
}): React.JSX.Element {
  if (counts.total === 0)
    return (
      <Text size="xs" c="dimmed">
        No needs
      </Text>
    )
  const look = STATUS_LOOK[status]
  return (
    <Group gap={4} wrap="nowrap">
      <look.Icon size={16} color={statusIconColor(status)} aria-hidden />
      <Text size="xs" fw={500}>
        {countsLabel(counts)}
      </Text>
    </Group>
  )
}

function OverrideMark(): React.JSX.Element {
  return (
    <Tooltip label="Includes a need whose status was set by hand">
      <span>
        <IconGavel size={14} aria-hidden />
        <VisuallyHidden>(includes an override)</VisuallyHidden>
      </span>
    </Tooltip>
  )
}

function Cell({
  cell,
  hasOverride,
  colIndex
}: {
  cell: MatrixCell | undefined
  hasOverride: boolean
  colIndex: number
}): React.JSX.Element {
  if (!cell)
    return (
      <Table.Td aria-colindex={colIndex}>
        <Text size="xs" c="dimmed" aria-hidden>
          –
        </Text>
        <VisuallyHidden>No linked needs</VisuallyHidden>
      </Table.Td>
    )
  const look = STATUS_LOOK[cell.status]
  return (
    <Table.Td
      bg={`var(--mantine-color-${look.color}-light)`}
      data-status={cell.status}
      aria-colindex={colIndex}
    >
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Counts counts={cell.counts} status={cell.status} />
        {hasOverride && <OverrideMark />}
      </Group>
    </Table.Td>
  )
}

function ColumnHeader({
  column,
  colIndex
}: {
  column: CapabilityColumn
  colIndex: number
}): React.JSX.Element {
  const look = EFFECTIVE_LOOK[column.stateAt]
  return (
    <Table.Th scope="col" aria-colindex={colIndex}>
      <Text size="sm" fw={600}>
        {column.name}
      </Text>
      <Group gap={4} wrap="nowrap">
        <look.Icon size={14} color={`var(--mantine-color-${look.color}-7)`} aria-hidden />
        <Text size="xs" c="dimmed" fw={400}>
          {look.label}
        </Text>
      </Group>
    </Table.Th>
  )
}

/** Widths of the persona column, of each capability column and of the totals column. */
const PERSONA_WIDTH = 220
const COLUMN_WIDTH = 140
const TOTALS_WIDTH = 160
const ESTIMATED_ROW_HEIGHT = 44
/** How tall the matrix may grow before it scrolls within the page. */
const MAX_HEIGHT = 560

/** A matrix row: a category's heading and totals, or a persona's cells. */
type MatrixLine = { category: CategoryResult; row?: undefined } | { row: PersonaRow; category?: undefined }

/** The capability columns on screen: their indexes, and the width of the columns left out on either side. */
interface ColumnWindow {
  indexes: number[]
  before: number
  after: number
}

/** Stands for the cells not rendered left or right of those on screen (its width is in the colgroup). */
function Spacer({ width }: { width: number }): React.JSX.Element | null {
  if (width <= 0) return null
  return <td aria-hidden style={{ padding: 0 }} />
}

function PersonaMatrixRow({
  row,
  columns,
  band,
  overridden,
  rowIndex,
  measure
}: {
  row: PersonaRow
  columns: CapabilityColumn[]
  band: ColumnWindow
  overridden: ReadonlySet<string>
  rowIndex: number
  measure: (element: HTMLTableRowElement | null) => void
}): React.JSX.Element {
  const cells = new Map(row.cells.map((c) => [c.capabilityId, c]))
  const hasOverride = (cell: MatrixCell | undefined): boolean =>
    cell?.needIds.some((id) => overridden.has(needKey(row.personaId, id))) ?? false
  return (
    <Table.Tr
      ref={measure}
      data-index={rowIndex - 2}
      aria-rowindex={rowIndex}
      data-testid="matrix-row"
      data-persona-id={row.personaId}
    >
      <Table.Th scope="row" style={sticky} fw={500} aria-colindex={1}>
        {row.title}
        {row.headcount !== null && (
          <Text span size="xs" c="dimmed">
            {' '}
            ({row.headcount.toLocaleString()})
          </Text>
        )}
      </Table.Th>
      <Spacer width={band.before} />
      {band.indexes.map((i) => {
        const cell = cells.get(columns[i].capabilityId)
        return (
          <Cell key={columns[i].capabilityId} cell={cell} hasOverride={hasOverride(cell)} colIndex={i + 2} />
        )
      })}
      <Spacer width={band.after} />
      <Table.Td data-testid="row-totals" aria-colindex={columns.length + 2}>
        <Counts counts={row.totals} />
      </Table.Td>
    </Table.Tr>
  )
}

function CategoryRow({
  category,
  band,
  totalsIndex,
  rowIndex,
  measure
}: {
  category: CategoryResult
  band: ColumnWindow
  totalsIndex: number
  rowIndex: number
  measure: (element: HTMLTableRowElement | null) => void
}): React.JSX.Element {
  const span = 1 + band.indexes.length + (band.before > 0 ? 1 : 0) + (band.after > 0 ? 1 : 0)
  return (
    <Table.Tr
      ref={measure}
      data-index={rowIndex - 2}
      aria-rowindex={rowIndex}
      bg="var(--mantine-color-default-hover)"
      data-testid="category-row"
    >
      <Table.Th scope="rowgroup" colSpan={span} style={sticky} bg="inherit" aria-colindex={1}>
        {category.name}
      </Table.Th>
      <Table.Td data-testid="category-totals" aria-colindex={totalsIndex}>
        <Counts counts={category.totals} />
      </Table.Td>
    </Table.Tr>
  )
}

/**
 * Personas (rows, grouped by category) by capabilities (columns); each cell the coverage of the
 * needs linking them. Virtualised both ways: thousands of personas by hundreds of capabilities
 * would be hundreds of thousands of cells, so only the rows and columns near the viewport are
 * rendered, between spacers that keep the scroll size; aria-rowcount, aria-colcount and the
 * indexes of each rendered cell tell assistive technology where it stands in the whole.
 */
export function GapMatrix({ analysis }: { analysis: GapAnalysis }): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null)
  const overridden = useMemo(
    () =>
      new Set(analysis.needs.filter((n) => n.coverage.overridden).map((n) => needKey(n.personaId, n.needId))),
    [analysis]
  )
  const lines = useMemo(
    () =>
      analysis.categories.flatMap((category): MatrixLine[] => [
        { category },
        ...category.rows.map((row) => ({ row }))
      ]),
    [analysis]
  )
  const { columns } = analysis
  const initialRect = { width: window.innerWidth, height: MAX_HEIGHT }
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizers are read afresh each render
  const rows = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => {
      const line = lines[index]
      return line.row ? line.row.personaId : `category:${line.category.categoryId ?? ''}`
    },
    overscan: 6,
    // Measured rows re-render once, batched, not once per row inside the commit (each a forced layout).
    useFlushSync: false,
    // Rows and columns in the first render, before the box is measured: else they all arrive in a
    // synchronous re-render after the first commit, outside the background render that opens the view.
    initialRect,
    // Rows start below the header row, sticky at the top of the scroll box.
    scrollMargin: ESTIMATED_ROW_HEIGHT
  })
  const cols = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_WIDTH,
    getItemKey: (index) => columns[index].capabilityId,
    overscan: 2,
    useFlushSync: false,
    initialRect,
    scrollMargin: PERSONA_WIDTH
  })
  const visibleColumns = cols.getVirtualItems()
  const band: ColumnWindow = {
    indexes: visibleColumns.map((c) => c.index),
    before: visibleColumns.length > 0 ? visibleColumns[0].start - PERSONA_WIDTH : 0,
    after:
      visibleColumns.length > 0
        ? (columns.length - 1 - visibleColumns[visibleColumns.length - 1].index) * COLUMN_WIDTH
        : columns.length * COLUMN_WIDTH
  }
  const items = rows.getVirtualItems()
  const margin = rows.options.scrollMargin
  const above = items.length > 0 ? items[0].start - margin : 0
  const below = items.length > 0 ? rows.getTotalSize() - (items[items.length - 1].end - margin) : 0
  const totalsIndex = columns.length + 2
  const span = 2 + band.indexes.length + (band.before > 0 ? 1 : 0) + (band.after > 0 ? 1 : 0)
  return (
    <div
      ref={scrollRef}
      // Focusable, so the keyboard can scroll it: nothing in the matrix takes focus.
      tabIndex={0}
      style={{ overflow: 'auto', maxHeight: MAX_HEIGHT }}
      data-testid="gap-matrix-scroll"
    >
      <Table
        stickyHeader
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        layout="fixed"
        w={PERSONA_WIDTH + columns.length * COLUMN_WIDTH + TOTALS_WIDTH}
        aria-label="Personas by capability"
        aria-rowcount={lines.length + 1}
        aria-colcount={columns.length + 2}
        data-testid="gap-matrix"
      >
        {/* A fixed layout takes its column widths from here, so columns keep their width while scrolling. */}
        <colgroup>
          <col style={{ width: PERSONA_WIDTH }} />
          {band.before > 0 && <col style={{ width: band.before }} />}
          {band.indexes.map((i) => (
            <col key={columns[i].capabilityId} style={{ width: COLUMN_WIDTH }} />
          ))}
          {band.after > 0 && <col style={{ width: band.after }} />}
          <col style={{ width: TOTALS_WIDTH }} />
        </colgroup>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th scope="col" style={{ ...sticky, zIndex: 2 }} aria-colindex={1}>
              Persona
            </Table.Th>
            <Spacer width={band.before} />
            {band.indexes.map((i) => (
              <ColumnHeader key={columns[i].capabilityId} column={columns[i]} colIndex={i + 2} />
            ))}
            <Spacer width={band.after} />
            <Table.Th scope="col" aria-colindex={totalsIndex}>
              All needs
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {above > 0 && (
            <tr aria-hidden style={{ height: above }}>
              <td colSpan={span} style={{ padding: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const line = lines[item.index]
            return line.row ? (
              <PersonaMatrixRow
                key={item.key}
                row={line.row}
                columns={columns}
                band={band}
                overridden={overridden}
                rowIndex={item.index + 2}
                measure={rows.measureElement}
              />
            ) : (
              <CategoryRow
                key={item.key}
                category={line.category}
                band={band}
                totalsIndex={totalsIndex}
                rowIndex={item.index + 2}
                measure={rows.measureElement}
              />
            )
          })}
          {below > 0 && (
            <tr aria-hidden style={{ height: below }}>
              <td colSpan={span} style={{ padding: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  )
}
