import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { newCapability } from '../../../../shared/model/defaults'
import { CAPABILITY_STATES, type Capability, type CapabilityState } from '../../../../shared/model/schema'
import { normalizeTitle } from '../../../../shared/text/normalize'
import { useApp } from '../../store'
import { HORIZON_OPTIONS, isHorizon } from '../gaps/horizon-options'
import { STATE_LOOK } from './capability-look'

const STATE_OPTIONS = CAPABILITY_STATES.map((s) => ({ value: s, label: STATE_LOOK[s].label }))
const isState = (value: string | null): value is CapabilityState =>
  (CAPABILITY_STATES as readonly (string | null)[]).includes(value)

/** Why a planned capability needs its horizon: a hint at first, an error once the field was left empty. */
const ARRIVES_HELP = 'Without a horizon it never counts as in place.'

type Fields = Omit<Capability, 'id'>
const NONE: Capability[] = []

/** Creates a capability (no `capability` given) or edits one; each save is one undoable command. */
export function CapabilityFormModal({
  capability,
  onClose
}: {
  capability?: Capability
  onClose: () => void
}): React.JSX.Element {
  const run = useApp((s) => s.run)
  const others = useApp((s) => s.workspace?.capabilities ?? NONE)
  const [fields, setFields] = useState<Fields>(() => {
    const { id: _id, ...rest } = capability ?? newCapability({ id: '', name: '' })
    return rest
  })
  const [busy, setBusy] = useState(false)
  /** The Arrives field turns red only once the user has left it empty, not on opening the form. */
  const [arrivesTouched, setArrivesTouched] = useState(false)
  const set = (patch: Partial<Fields>): void => setFields((f) => ({ ...f, ...patch }))

  const name = fields.name.trim()
  const taken = others.some((c) => c.id !== capability?.id && normalizeTitle(c.name) === normalizeTitle(name))
  const nameError = taken ? 'A capability with this name already exists.' : null

  const save = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    if (!name || taken) return
    const values: Fields = {
      ...fields,
      name,
      horizon: fields.state === 'planned' ? fields.horizon : null
    }
    setBusy(true)
    const done = capability
      ? await run({ type: 'capability.update', id: capability.id, patch: values })
      : await run({ type: 'capability.create', capability: { id: crypto.randomUUID(), ...values } })
    setBusy(false)
    if (done) onClose()
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={capability ? `Edit “${capability.name}”` : 'New capability'}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={(e) => void save(e)}>
        <Stack>
          <TextInput
            label="Name"
            required
            data-autofocus
            value={fields.name}
            error={nameError}
            onChange={(e) => set({ name: e.currentTarget.value })}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={fields.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
          />
          <Group grow align="flex-start">
            <Select
              label="State"
              data={STATE_OPTIONS}
              allowDeselect={false}
              value={fields.state}
              onChange={(v) => isState(v) && set({ state: v })}
            />
            <Select
              label="Arrives"
              placeholder={fields.state === 'planned' ? 'When the plan delivers it' : 'Only for planned ones'}
              data={HORIZON_OPTIONS}
              disabled={fields.state !== 'planned'}
              value={fields.state === 'planned' ? fields.horizon : null}
              description={
                fields.state === 'planned' && fields.horizon === null && !arrivesTouched
                  ? ARRIVES_HELP
                  : undefined
              }
              error={
                fields.state === 'planned' && fields.horizon === null && arrivesTouched ? ARRIVES_HELP : null
              }
              onBlur={() => setArrivesTouched(true)}
              onChange={(v) => {
                setArrivesTouched(true)
                set({ horizon: v !== null && isHorizon(v) ? v : null })
              }}
            />
          </Group>
          <TextInput
            label="Owner"
            value={fields.owner}
            onChange={(e) => set({ owner: e.currentTarget.value })}
          />
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            value={fields.notes}
            onChange={(e) => set({ notes: e.currentTarget.value })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!name || taken}>
              {capability ? 'Save' : 'Create capability'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
