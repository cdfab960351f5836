import { Button, Group, Text } from '@mantine/core'
import { IconLink } from '@tabler/icons-react'
import { useState } from 'react'
import type { Capability } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import { STATE_LOOK } from '../capabilities/capability-look'
import { carriesNeed, readDraggedNeed } from './need-drag'

/** A chip's look when nothing is dragged over it, and over it. */
const CHIP_STYLE: React.CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  gap: 6,
  whiteSpace: 'nowrap',
  padding: '6px var(--mantine-spacing-sm)',
  border: '1px dashed var(--mantine-color-default-border)',
  borderRadius: 'var(--mantine-radius-xl)',
  fontSize: 'var(--mantine-font-size-sm)',
  fontWeight: 500
}
const OVER_STYLE: React.CSSProperties = {
  ...CHIP_STYLE,
  borderStyle: 'solid',
  borderColor: 'var(--mantine-primary-color-filled)',
  background: 'var(--mantine-primary-color-light)'
}

/**
 * Plain elements, not Mantine's Paper, Group and Text, and no store subscription: the view opens
 * with hundreds of chips, and each Mantine component and subscription was a cost paid per chip.
 */
function DropChip({ capability }: { capability: Capability }): React.JSX.Element {
  const [over, setOver] = useState(false)
  const look = STATE_LOOK[capability.state]

  const drop = async (e: React.DragEvent): Promise<void> => {
    setOver(false)
    const dragged = readDraggedNeed(e.dataTransfer)
    if (!dragged) return
    const { run, toast, workspace } = useApp.getState()
    const card = workspace?.cards.find((c) => c.id === dragged.cardId)
    const need = card?.kind === 'persona' ? card.needs.find((n) => n.id === dragged.needId) : undefined
    if (need?.capabilityIds.includes(capability.id)) {
      toast('info', `Already linked to “${capability.name}”.`)
      return
    }
    if (await run({ type: 'need.link', ...dragged, capabilityId: capability.id, linked: true }))
      toast('info', `Linked “${need?.text ?? 'need'}” to “${capability.name}”.`)
  }

  return (
    <div
      data-testid="capability-drop-target"
      data-over={over || undefined}
      style={over ? OVER_STYLE : CHIP_STYLE}
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
      <look.Icon size={14} color={`var(--mantine-color-${look.color}-7)`} aria-label={look.label} />
      {capability.name}
    </div>
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
