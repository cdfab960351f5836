import { Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconGavel } from '@tabler/icons-react'
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

const sticky = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const

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
  hasOverride
}: {
  cell: MatrixCell | undefined
  hasOverride: boolean
}): React.JSX.Element {
  if (!cell)
    return (
      <Table.Td>
        <Text size="xs" c="dimmed" aria-hidden>
          –
        </Text>
        <VisuallyHidden>No linked needs</VisuallyHidden>
      </Table.Td>
    )
  const look = STATUS_LOOK[cell.status]
  return (
    <Table.Td bg={`var(--mantine-color-${look.color}-light)`} data-status={cell.status}>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Counts counts={cell.counts} status={cell.status} />
        {hasOverride && <OverrideMark />}
      </Group>
    </Table.Td>
  )
}

function ColumnHeader({ column }: { column: CapabilityColumn }): React.JSX.Element {
  const look = EFFECTIVE_LOOK[column.stateAt]
  return (
    <Table.Th scope="col" miw={120}>
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

function PersonaMatrixRow({
  row,
  columns,
  overridden
}: {
  row: PersonaRow
  columns: CapabilityColumn[]
  overridden: ReadonlySet<string>
}): React.JSX.Element {
  const cells = new Map(row.cells.map((c) => [c.capabilityId, c]))
  const hasOverride = (cell: MatrixCell | undefined): boolean =>
    cell?.needIds.some((id) => overridden.has(needKey(row.personaId, id))) ?? false
  return (
    <Table.Tr data-testid="matrix-row" data-persona-id={row.personaId}>
      <Table.Th scope="row" style={sticky} fw={500}>
        {row.title}
        {row.headcount !== null && (
          <Text span size="xs" c="dimmed">
            {' '}
            ({row.headcount.toLocaleString()})
          </Text>
        )}
      </Table.Th>
      {columns.map((column) => (
        <Cell
          key={column.capabilityId}
          cell={cells.get(column.capabilityId)}
          hasOverride={hasOverride(cells.get(column.capabilityId))}
        />
      ))}
      <Table.Td data-testid="row-totals">
        <Counts counts={row.totals} />
      </Table.Td>
    </Table.Tr>
  )
}

function CategoryRows({
  category,
  columns,
  overridden
}: {
  category: CategoryResult
  columns: CapabilityColumn[]
  overridden: ReadonlySet<string>
}): React.JSX.Element {
  return (
    <>
      <Table.Tr bg="var(--mantine-color-default-hover)" data-testid="category-row">
        <Table.Th scope="rowgroup" colSpan={columns.length + 1} style={sticky} bg="inherit">
          {category.name}
        </Table.Th>
        <Table.Td data-testid="category-totals">
          <Counts counts={category.totals} />
        </Table.Td>
      </Table.Tr>
      {category.rows.map((row) => (
        <PersonaMatrixRow key={row.personaId} row={row} columns={columns} overridden={overridden} />
      ))}
    </>
  )
}

/** Personas (rows, grouped by category) by capabilities (columns); each cell the coverage of the needs linking them. */
export function GapMatrix({ analysis }: { analysis: GapAnalysis }): React.JSX.Element {
  const overridden = new Set(
    analysis.needs.filter((n) => n.coverage.overridden).map((n) => needKey(n.personaId, n.needId))
  )
  return (
    <Table.ScrollContainer minWidth={360 + analysis.columns.length * 140} maxHeight={560}>
      <Table
        stickyHeader
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        aria-label="Personas by capability"
        data-testid="gap-matrix"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={{ ...sticky, zIndex: 2 }} miw={200}>
              Persona
            </Table.Th>
            {analysis.columns.map((column) => (
              <ColumnHeader key={column.capabilityId} column={column} />
            ))}
            <Table.Th scope="col" miw={160}>
              All needs
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.categories.map((category) => (
            <CategoryRows
              key={category.categoryId ?? 'uncategorised'}
              category={category}
              columns={analysis.columns}
              overridden={overridden}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
