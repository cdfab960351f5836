import { Anchor, Badge, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { GapAnalysis, RankedGap } from '../../../../shared/analysis'
import { priorityLabel } from '../../../../shared/analysis/report/common'
import { plural } from '../../../../shared/text/plural'
import { useApp } from '../../store'
import { ShowMore } from './ShowMore'
import { STATUS_LOOK } from './status-look'

const LIMIT = 10

function GapRow({ gap, names }: { gap: RankedGap; names: Map<string, string> }): React.JSX.Element {
  const look = STATUS_LOOK[gap.status]
  const capabilities = gap.capabilityIds.map((id) => names.get(id) ?? id)
  return (
    <Table.Tr data-testid="ranked-gap">
      <Table.Td>{gap.rank}</Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2} title={gap.text}>
          {gap.text}
        </Text>
        <Text size="xs" c="dimmed">
          {capabilities.length > 0 ? `Linked: ${capabilities.join(', ')}` : 'No capability linked'}
          {gap.needs.some((n) => n.overridden) && ' · status set by hand (override)'}
        </Text>
      </Table.Td>
      <Table.Td miw={110}>
        <Badge variant="light" color={look.color} leftSection={<look.Icon size={12} aria-hidden />}>
          {look.label}
        </Badge>
      </Table.Td>
      <Table.Td fs={gap.priority === null ? 'italic' : undefined}>{priorityLabel(gap.priority)}</Table.Td>
      <Table.Td ta="right">{gap.personas}</Table.Td>
      <Table.Td ta="right">{gap.headcount?.toLocaleString() ?? '–'}</Table.Td>
      <Table.Td ta="right">{gap.weight.toLocaleString()}</Table.Td>
    </Table.Tr>
  )
}

/** Says how many ranked gaps have no priority set, and where to set it. */
function PriorityNotSet({ count }: { count: number }): React.JSX.Element | null {
  const setView = useApp((s) => s.setView)
  if (count === 0) return null
  return (
    <Text size="sm" c="dimmed" data-testid="gaps-priority-not-set">
      {plural(count, 'gap has', 'gaps have')} no priority set: they weigh 0 and come after the others, those
      touching more people first.{' '}
      <Anchor component="button" size="sm" onClick={() => setView('needs')}>
        Set priorities in the needs table
      </Anchor>
    </Text>
  )
}

/** Unmet needs, heaviest first: priority × personas with the same need × their headcount. */
export function RankedGaps({ analysis }: { analysis: GapAnalysis }): React.JSX.Element {
  const [expanded, setExpanded] = useState(false)
  const names = new Map(analysis.columns.map((c) => [c.capabilityId, c.name]))
  const gaps = expanded ? analysis.rankedGaps : analysis.rankedGaps.slice(0, LIMIT)
  if (analysis.rankedGaps.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No linked need is unmet at this horizon. Needs with no capability linked are counted as unassessed,
        not as gaps.
      </Text>
    )
  return (
    <Stack gap="xs" align="flex-start">
      <Table striped w="100%" verticalSpacing={6} aria-label="Ranked gaps" data-testid="ranked-gaps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">Need</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Priority</Table.Th>
            <Table.Th scope="col" ta="right">
              Personas
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Headcount
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Weight
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gaps.map((gap) => (
            <GapRow key={gap.key} gap={gap} names={names} />
          ))}
        </Table.Tbody>
      </Table>
      <PriorityNotSet count={analysis.rankedGaps.filter((g) => g.priority === null).length} />
      <ShowMore
        total={analysis.rankedGaps.length}
        limit={LIMIT}
        expanded={expanded}
        onToggle={() => setExpanded((e) => !e)}
      />
    </Stack>
  )
}
