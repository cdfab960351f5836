import { Stack, Table, Text } from '@mantine/core'
import { IconGripVertical } from '@tabler/icons-react'
import { memo } from 'react'
import { HORIZON_LABEL, KIND_LABEL, PRIORITY_LABEL } from '../../../../shared/analysis/report/common'
import { HORIZONS, NEED_KINDS, PRIORITIES, type Horizon } from '../../../../shared/model/schema'
import { plural } from '../../../../shared/text/plural'
import { StatusBadge } from '../gaps/StatusBadge'
import { STATUS_LOOK } from '../gaps/status-look'
import { NeedCapabilitiesField } from './NeedCapabilitiesField'
import { writeDraggedNeed } from './need-drag'
import { NeedValueSelect } from './NeedValueSelect'
import type { NeedRow } from './needs-rows'
import { OverrideEditor } from './OverrideEditor'
import { useUpdateNeed } from './use-update-need'

/** "Met from medium term" when a later horizon changes the status shown. */
function LaterStatus({ row, statusAt }: { row: NeedRow; statusAt: Horizon }): React.JSX.Element | null {
  const now = row.coverage[statusAt].status
  const later = HORIZONS.slice(HORIZONS.indexOf(statusAt) + 1).find((h) => row.coverage[h].status !== now)
  if (!later) return null
  return (
    <Text size="xs" c="dimmed">
      {STATUS_LOOK[row.coverage[later].status].label} from {HORIZON_LABEL[later].toLowerCase()}
    </Text>
  )
}

export const NeedTableRow = memo(function NeedTableRow({
  row,
  statusAt,
  index,
  measure
}: {
  row: NeedRow
  statusAt: Horizon
  /** The row's place among the rows shown (the table is virtualised). */
  index: number
  /** The virtualizer's measure, given the row's element. */
  measure: (element: HTMLTableRowElement | null) => void
}): React.JSX.Element {
  const update = useUpdateNeed()
  const { need, persona } = row
  const short = need.text.length > 60 ? `${need.text.slice(0, 57)}…` : need.text
  return (
    <Table.Tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      // Striped by the row's place, not its place among the rendered rows, so stripes stay put on scroll.
      bg={index % 2 === 0 ? 'var(--table-striped-color)' : undefined}
      data-testid="need-row"
      data-need-id={need.id}
    >
      <Table.Td>
        <div
          draggable
          onDragStart={(e) => writeDraggedNeed(e.dataTransfer, { cardId: persona.id, needId: need.id })}
          title="Drag onto a capability to link"
          style={{ cursor: 'grab', display: 'flex' }}
          data-testid="need-drag-handle"
          aria-hidden
        >
          <IconGripVertical size={16} />
        </div>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {persona.title}
        </Text>
        {row.categoryName !== persona.title && (
          <Text size="xs" c="dimmed">
            {row.categoryName}
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={260}>
        <Text size="sm" lineClamp={3} title={need.text}>
          {need.text}
        </Text>
        {need.children.length > 0 && (
          <Text size="xs" c="dimmed">
            + {plural(need.children.length, 'detail')}
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={200}>
        <NeedCapabilitiesField cardId={persona.id} need={need} />
      </Table.Td>
      <Table.Td miw={210}>
        <Stack gap={2} align="flex-start">
          <StatusBadge coverage={row.coverage[statusAt]} />
          {need.override && (
            <Text size="xs" c="dimmed" lineClamp={2} data-testid="override-rationale">
              Why: {need.override.rationale}
            </Text>
          )}
          <LaterStatus row={row} statusAt={statusAt} />
          <OverrideEditor need={need} onChange={(override) => void update(persona, need.id, { override })} />
        </Stack>
      </Table.Td>
      <Table.Td>
        <NeedValueSelect
          size="xs"
          miw={90}
          aria-label={`Kind of need: ${short}`}
          values={NEED_KINDS}
          labels={KIND_LABEL}
          value={need.kind}
          onValueChange={(kind) => void update(persona, need.id, { kind })}
        />
      </Table.Td>
      <Table.Td>
        <NeedValueSelect
          size="xs"
          miw={90}
          aria-label={`Priority of need: ${short}`}
          values={PRIORITIES}
          labels={PRIORITY_LABEL}
          value={need.priority}
          onValueChange={(priority) => void update(persona, need.id, { priority })}
        />
      </Table.Td>
      <Table.Td>
        <NeedValueSelect
          size="xs"
          miw={122}
          aria-label={`Horizon of need: ${short}`}
          values={HORIZONS}
          labels={HORIZON_LABEL}
          value={need.horizon}
          onValueChange={(horizon) => void update(persona, need.id, { horizon })}
        />
      </Table.Td>
    </Table.Tr>
  )
})
