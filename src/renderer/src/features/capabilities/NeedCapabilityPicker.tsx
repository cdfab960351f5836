import { Group, MultiSelect, Text } from '@mantine/core'
import { useMemo } from 'react'
import type { Capability, Need } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import { STATE_LOOK, stateLabel } from './capability-look'

const NONE: Capability[] = []

/**
 * Links a need to capabilities by picking them (the keyboard way to link). Each pick or removal
 * is one `need.link` command, so each is one undo step. For the card drawer and the needs table.
 */
export function NeedCapabilityPicker({
  cardId,
  need,
  label,
  autoFocus
}: {
  cardId: string
  need: Need
  /** A visible label; without one the field is labelled for screen readers with the need's text. */
  label?: string
  /** Focused once mounted (and so opened): the needs table mounts it when its stand-in is focused. */
  autoFocus?: boolean
}): React.JSX.Element {
  const run = useApp((s) => s.run)
  const capabilities = useApp((s) => s.workspace?.capabilities ?? NONE)
  const byId = useMemo(() => new Map(capabilities.map((c) => [c.id, c])), [capabilities])
  const data = useMemo(() => capabilities.map((c) => ({ value: c.id, label: c.name })), [capabilities])
  const value = need.capabilityIds.filter((id) => byId.has(id))

  const change = async (next: string[]): Promise<void> => {
    const links = [
      ...next.filter((id) => !value.includes(id)).map((id) => [id, true] as const),
      ...value.filter((id) => !next.includes(id)).map((id) => [id, false] as const)
    ]
    // One command at a time, so the revisions arrive in order.
    for (const [capabilityId, linked] of links)
      if (!(await run({ type: 'need.link', cardId, needId: need.id, capabilityId, linked }))) return
  }

  return (
    <MultiSelect
      label={label}
      autoFocus={autoFocus}
      aria-label={label ? undefined : `Capabilities for need: ${need.text}`}
      placeholder={
        value.length === 0 ? (capabilities.length ? 'Link capabilities' : 'No capabilities yet') : undefined
      }
      data={data}
      value={value}
      onChange={(next) => void change(next)}
      searchable
      clearable
      size="xs"
      nothingFoundMessage="No capability by that name"
      // Mantine keeps a closed dropdown's options in the DOM; a table of pickers over hundreds of
      // capabilities would hold tens of thousands of hidden elements.
      comboboxProps={{ width: 340, position: 'bottom-start', keepMounted: false }}
      renderOption={({ option }) => {
        const capability = byId.get(option.value)
        if (!capability) return option.label
        const look = STATE_LOOK[capability.state]
        return (
          <Group gap={6} wrap="nowrap">
            <look.Icon size={14} color={`var(--mantine-color-${look.color}-7)`} aria-hidden />
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {stateLabel(capability)}
            </Text>
          </Group>
        )
      }}
    />
  )
}
