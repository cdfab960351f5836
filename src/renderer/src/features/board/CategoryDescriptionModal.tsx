import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import type { Category } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import { QUIET_TEXT } from './text-colors'

/**
 * Edits a category's description (an ESDC profile's subtitle, a GovStack category's
 * introduction). Saving is one undoable `category.update`.
 */
export function CategoryDescriptionModal({
  category,
  onClose
}: {
  category: Category
  onClose: () => void
}): React.JSX.Element {
  const run = useApp((s) => s.run)
  const [description, setDescription] = useState(category.description)
  const save = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    if (description === category.description) return onClose()
    if (await run({ type: 'category.update', id: category.id, patch: { description } })) onClose()
  }
  return (
    <Modal opened onClose={onClose} title={`Description of ${category.name}`}>
      <form onSubmit={(event) => void save(event)}>
        <Stack gap="md">
          <Textarea
            label="Description"
            autosize
            minRows={3}
            maxRows={12}
            data-autofocus
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Text size="sm" c={QUIET_TEXT}>
            Shown under the column’s name. Persona Markdown exports write it in the profile list.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Save description</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
