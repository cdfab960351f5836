import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useApp } from '../store'

/** The workspace's longest name, as the command schema allows. */
const MAX_NAME_LENGTH = 200

/**
 * Names and describes the workspace. An import fills both from the documents' title and
 * introduction; the description is Markdown, shown and edited here as plain text.
 * Saving is one undoable command.
 */
export function WorkspaceDetailsModal({ onClose }: { onClose: () => void }): React.JSX.Element {
  const run = useApp((s) => s.run)
  const workspace = useApp((s) => s.workspace)
  const [name, setName] = useState(workspace?.name ?? '')
  const [description, setDescription] = useState(workspace?.description ?? '')
  const [busy, setBusy] = useState(false)

  const trimmed = name.trim()
  const nameError = trimmed === '' ? 'The workspace needs a name.' : null

  const save = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    if (!workspace || nameError) return
    const patch = {
      ...(trimmed !== workspace.name ? { name: trimmed } : {}),
      ...(description !== workspace.description ? { description } : {})
    }
    if (Object.keys(patch).length === 0) return onClose()
    setBusy(true)
    const done = await run({ type: 'workspace.update', patch })
    setBusy(false)
    if (done) onClose()
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title="Workspace details"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={(e) => void save(e)}>
        <Stack>
          <TextInput
            label="Name"
            required
            data-autofocus
            maxLength={MAX_NAME_LENGTH}
            value={name}
            error={nameError}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Textarea
            label="Description"
            description="Markdown. An import adds the introduction of each document here, with its links."
            autosize
            minRows={4}
            maxRows={16}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Text size="xs" className="secondary-text">
            Exports to Markdown write the name as the title and the description as the introduction.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={nameError !== null}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
