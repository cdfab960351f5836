import { Button, Group, SegmentedControl, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { newPersona, newRole } from '../../../../shared/model/defaults'
import type { CardKind } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import { categoryIdOf } from './columns'

export function NewCardForm({
  columnKey,
  onDone
}: {
  columnKey: string
  onDone: () => void
}): React.JSX.Element {
  const run = useApp((s) => s.run)
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<CardKind>('role')
  const submit = async (): Promise<void> => {
    const clean = title.trim()
    if (clean === '') return
    const fields = { id: crypto.randomUUID(), title: clean }
    const card = kind === 'role' ? newRole(fields) : newPersona(fields)
    if (await run({ type: 'card.create', card, categoryId: categoryIdOf(columnKey) })) onDone()
  }
  return (
    <Stack
      gap={6}
      component="form"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <TextInput
        size="xs"
        autoFocus
        label="Card title"
        placeholder="e.g. Data steward"
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
      />
      <SegmentedControl
        size="xs"
        aria-label="Kind of card"
        value={kind}
        onChange={(v) => setKind(v === 'persona' ? 'persona' : 'role')}
        data={[
          { value: 'role', label: 'Role' },
          { value: 'persona', label: 'Persona' }
        ]}
      />
      <Group gap={6} justify="flex-end">
        <Button size="xs" variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button size="xs" type="submit" disabled={title.trim() === ''}>
          Add card
        </Button>
      </Group>
    </Stack>
  )
}
