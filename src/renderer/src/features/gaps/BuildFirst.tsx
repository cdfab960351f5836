import { Group, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { BuildCandidate, GapAnalysis } from '../../../../shared/analysis'
import { plural } from '../../../../shared/text/plural'
import { EFFECTIVE_LOOK, stateLabel } from '../capabilities/capability-look'
import { ShowMore } from './ShowMore'

const LIMIT = 8

function CandidateRow({ candidate }: { candidate: BuildCandidate }): React.JSX.Element {
  const look = EFFECTIVE_LOOK[candidate.stateAt]
  return (
    <Table.Tr data-testid="build-first">
      <Table.Td>{candidate.rank}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {candidate.name}
        </Text>
        <Group gap={4} wrap="nowrap">
          <look.Icon size={14} color={`var(--mantine-color-${look.color}-7)`} aria-hidden />
          <Text size="xs" c="dimmed">
            {stateLabel(candidate)}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {plural(candidate.needsClosed, 'need')}, {plural(candidate.personas, 'persona')}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{candidate.weight.toLocaleString()}</Table.Td>
    </Table.Tr>
  )
}

/** Capabilities not in place yet, by the weight of the unmet needs each would meet. */
export function BuildFirst({ analysis }: { analysis: GapAnalysis }): React.JSX.Element {
  const [expanded, setExpanded] = useState(false)
  const candidates = expanded ? analysis.buildFirst : analysis.buildFirst.slice(0, LIMIT)
  if (analysis.buildFirst.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Nothing to build at this horizon: no unmet need is linked to a capability that would meet it.
      </Text>
    )
  return (
    <Stack gap="xs" align="flex-start">
      <Table
        striped
        w="100%"
        verticalSpacing={6}
        aria-label="What to build first"
        data-testid="build-first-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">Capability</Table.Th>
            <Table.Th scope="col">Would meet</Table.Th>
            <Table.Th scope="col" ta="right">
              Weight
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidates.map((candidate) => (
            <CandidateRow key={candidate.capabilityId} candidate={candidate} />
          ))}
        </Table.Tbody>
      </Table>
      <ShowMore
        total={analysis.buildFirst.length}
        limit={LIMIT}
        expanded={expanded}
        onToggle={() => setExpanded((e) => !e)}
      />
    </Stack>
  )
}
