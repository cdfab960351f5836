import { Button, Group, Paper, Text } from '@mantine/core'
import { IconLink } from '@tabler/icons-react'
import { useState } from 'react'
import type { Capability } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import { STATE_LOOK } from '../capabilities/capability-look'
import { carriesNeed, readDraggedNeed } from './need-drag'

function DropChip({ capability }: { capability: Capability }): React.JSX.Element {
  const run = useApp((s) => s.run)
  const toast = useApp((s) => s.toast)
  const [over, setOver] = useState(false)
  const look = STATE_LOOK[capability.state]

  const drop = async (e: React.DragEvent): Promise<void> => {
    setOver(false)
    const dragged = readDraggedNeed(e.dataTransfer)
    if (!dragged) return
    const card = useApp.getState().workspace?.cards.find((c) => c.id === dragged.cardId)
    const need = card?.kind === 'persona' ? card.needs.find((n) => n.id === dragged.needId) : undefined
    if (need?.capabilityIds.includes(capability.id)) {
      toast('info', `Already linked to “${capability.name}”.`)
      return
    }
    if (await run({ type: 'need.link', ...dragged, capabilityId: capability.id, linked: true }))
      toast('info', `Linked “${need?.text ?? 'need'}” to “${capability.name}”.`)
  }

  return (
    <Paper
      withBorder
      px="sm"
      py={6}
      radius="xl"
      data-testid="capability-drop-target"
      data-over={over || undefined}
      style={{
        borderStyle: over ? 'solid' : 'dashed',
        borderColor: over ? 'var(--mantine-primary-color-filled)' : undefined,
        background: over ? 'var(--mantine-primary-color-light)' : undefined
      }}
      onDragOver={(e) => {
        if (!carriesNeed(e.dataTransfer)) return
        e.preventDefault()
        e.stopPropagation()
        e.dataTransfer.dropEffect = 'link'
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!carriesNeed(e.dataTransfer)) return
        e.preventDefault()
        e.stopPropagation()
        void drop(e)
      }}
    >
      <Group gap={6} wrap="nowrap">
        <look.Icon size={14} color={`var(--mantine-color-${look.color}-7)`} aria-label={look.label} />
        <Text size="sm" fw={500}>
          {capability.name}
        </Text>
      </Group>
    </Paper>
  )
}

/** Capabilities as drop targets for the needs table's drag handles (the picker is the keyboard way). */
export function CapabilityDropTargets(): React.JSX.Element {
  const capabilities = useApp((s) => s.workspace?.capabilities)
  const setView = useApp((s) => s.setView)
  if (!capabilities?.length)
    return (
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          No capabilities to link to yet.
        </Text>
        <Button size="xs" variant="light" onClick={() => setView('capabilities')}>
          Add capabilities
        </Button>
      </Group>
    )
  return (
    // At most three lines of chips before they scroll: hundreds of capabilities would push the table
    // off the screen. Focusable, so the keyboard can scroll it too.
    <Group
      gap="xs"
      aria-label="Capabilities to drop needs on"
      role="group"
      mah={132}
      tabIndex={0}
      style={{ overflowY: 'auto', flexShrink: 0 }}
    >
      <Group gap={4} wrap="nowrap">
        <IconLink size={14} aria-hidden />
        <Text size="xs" c="dimmed">
          Drag a need by its handle onto a capability to link it:
        </Text>
      </Group>
      {capabilities.map((capability) => (
        <DropChip key={capability.id} capability={capability} />
      ))}
    </Group>
  )
}
