import { Pill, PillsInput } from '@mantine/core'
import { useState } from 'react'
import type { Capability, Need } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import { NeedCapabilityPicker } from '../capabilities/NeedCapabilityPicker'

const NONE: Capability[] = []
const namesByList = new WeakMap<Capability[], Map<string, string>>()

/** Capability names by id, once per list of capabilities rather than once per row. */
function namesOf(capabilities: Capability[]): Map<string, string> {
  let names = namesByList.get(capabilities)
  if (!names) {
    names = new Map(capabilities.map((c) => [c.id, c.name]))
    namesByList.set(capabilities, names)
  }
  return names
}

/**
 * The needs table's capability links: the linked names as pills in a read-only field, replaced by
 * the picker (which opens, as the picker does on focus) once the field is focused, by Tab or by a
 * click. A picker is the costliest part of a row, and the table opens with a screenful of rows:
 * only the rows one edits pay for it.
 */
export function NeedCapabilitiesField({ cardId, need }: { cardId: string; need: Need }): React.JSX.Element {
  const [editing, setEditing] = useState(false)
  const capabilities = useApp((s) => s.workspace?.capabilities ?? NONE)
  if (editing) return <NeedCapabilityPicker cardId={cardId} need={need} autoFocus />
  const names = namesOf(capabilities)
  const linked = need.capabilityIds.filter((id) => names.has(id))
  return (
    // The picker's own input and pills, without its combobox, dropdown and options: the same look
    // and height, so the row does not move when the picker takes its place.
    <PillsInput size="xs" data-testid="need-capabilities">
      <Pill.Group>
        {linked.map((id) => (
          <Pill key={id}>{names.get(id)}</Pill>
        ))}
        <PillsInput.Field
          role="combobox"
          aria-expanded={false}
          aria-haspopup="listbox"
          aria-label={`Capabilities for need: ${need.text}`}
          placeholder={
            linked.length > 0 ? undefined : capabilities.length ? 'Link capabilities' : 'No capabilities yet'
          }
          readOnly
          onFocus={() => setEditing(true)}
        />
      </Pill.Group>
    </PillsInput>
  )
}
