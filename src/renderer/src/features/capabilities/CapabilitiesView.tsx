import { ActionIcon, Button, Group, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core'
import {
  IconFileExport,
  IconFileImport,
  IconPencil,
  IconPlus,
  IconSearch,
  IconTrash
} from '@tabler/icons-react'
import { useState } from 'react'
import type { CapabilityColumn } from '../../../../shared/analysis'
import { plural } from '../../../../shared/text/plural'
import type { Capability } from '../../../../shared/model/schema'
import { normalizeTitle } from '../../../../shared/text/normalize'
import { call, errorMessage } from '../../api/client'
import { useApp } from '../../store'
import { useGapAnalysis } from '../gaps/use-gap-analysis'
import { CapabilityFormModal } from './CapabilityFormModal'
import { CapabilityStateBadge } from './CapabilityStateBadge'

type Editing = { capability?: Capability } | null

function CapabilityRow({
  capability,
  column,
  onEdit
}: {
  capability: Capability
  column: CapabilityColumn | undefined
  onEdit: () => void
}): React.JSX.Element {
  const run = useApp((s) => s.run)
  const toast = useApp((s) => s.toast)
  const remove = async (): Promise<void> => {
    if (await run({ type: 'capability.delete', id: capability.id }))
      toast('info', `Deleted “${capability.name}”. Undo (Ctrl+Z) brings it back with its links.`)
  }
  return (
    <Table.Tr data-testid="capability-row">
      <Table.Th scope="row" fw={500}>
        {capability.name}
        {capability.description && (
          <Text size="xs" c="dimmed" fw={400} lineClamp={2}>
            {capability.description}
          </Text>
        )}
      </Table.Th>
      <Table.Td>
        <CapabilityStateBadge capability={capability} />
      </Table.Td>
      <Table.Td>{capability.owner || <Text c="dimmed">–</Text>}</Table.Td>
      <Table.Td>{plural(column?.totals.total ?? 0, 'need')}</Table.Td>
      <Table.Td>
        <Text size="xs" lineClamp={2}>
          {capability.notes}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Edit">
            <ActionIcon variant="subtle" aria-label={`Edit ${capability.name}`} onClick={onEdit}>
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete (also unlinks it from needs)">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete ${capability.name}`}
              onClick={() => void remove()}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}

function useExportCatalogue(): () => Promise<void> {
  const toast = useApp((s) => s.toast)
  return async () => {
    try {
      const saved = await call('exportWorkspace', { format: 'csv-capabilities' })
      if (saved) toast('info', `Capabilities exported to ${saved.path}`)
    } catch (error) {
      toast('error', errorMessage(error))
    }
  }
}

/** The IT capabilities catalogue: create, edit, delete; CSV in (through the import preview) and out. */
export function CapabilitiesView({ onImport }: { onImport: () => void }): React.JSX.Element | null {
  const capabilities = useApp((s) => s.workspace?.capabilities)
  const analysis = useGapAnalysis('now')
  const exportCatalogue = useExportCatalogue()
  const [editing, setEditing] = useState<Editing>(null)
  const [query, setQuery] = useState('')
  if (!capabilities || !analysis) return null
  const columns = new Map(analysis.columns.map((c) => [c.capabilityId, c]))
  const wanted = normalizeTitle(query)
  const shown = wanted
    ? capabilities.filter((c) => normalizeTitle(`${c.name} ${c.description} ${c.owner}`).includes(wanted))
    : capabilities

  return (
    <Stack h="100%" gap="md" style={{ overflowY: 'auto' }} data-testid="capabilities-view">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Capabilities
          </Title>
          <Text c="dimmed" size="sm">
            The IT capabilities, services and tools that meet persona needs: in place, partial, planned for a
            horizon, or absent.
          </Text>
        </div>
        <Group gap="sm">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({})}>
            New capability
          </Button>
          <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
            Import CSV…
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileExport size={16} aria-hidden />}
            onClick={() => void exportCatalogue()}
          >
            Export CSV…
          </Button>
        </Group>
      </Group>
      <TextInput
        w={320}
        aria-label="Search capabilities"
        placeholder="Search name, description, owner"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      {capabilities.length === 0 ? (
        <Text c="dimmed">
          No capabilities yet. Add one, or import a capabilities CSV (columns: name, description, state,
          horizon, owner, notes).
        </Text>
      ) : (
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs" aria-label="Capabilities">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Capability</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Owner</Table.Th>
              <Table.Th scope="col">Linked</Table.Th>
              <Table.Th scope="col">Notes</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((capability) => (
              <CapabilityRow
                key={capability.id}
                capability={capability}
                column={columns.get(capability.id)}
                onEdit={() => setEditing({ capability })}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <CapabilityFormModal capability={editing.capability} onClose={() => setEditing(null)} />}
    </Stack>
  )
}
