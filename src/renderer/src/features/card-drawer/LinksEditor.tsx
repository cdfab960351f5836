import { ActionIcon, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { IconExternalLink, IconPlus, IconTrash } from '@tabler/icons-react'
import type { Link } from '../../../../shared/model/schema'
import { call, errorMessage } from '../../api/client'
import { useApp } from '../../store'
import { useCommit } from './use-commit'
import { useDraft } from './use-draft'
import { QUIET_TEXT } from '../board/text-colors'

type Save = (links: Link[]) => Promise<boolean> | void

/** A card's links: label and address per row; each edit saves the whole list as one command. */
export function LinksEditor({ links, onChange }: { links: Link[]; onChange: Save }): React.JSX.Element {
  const commit = useCommit(links, onChange)
  const edit = (index: number, patch: Partial<Link>): void =>
    commit((list) => list.map((link, i) => (i === index ? { ...link, ...patch } : link)))
  return (
    <Stack gap={4} data-testid="links-editor">
      <Text fw={600} size="sm" component="h3" m={0}>
        Links
      </Text>
      {links.length === 0 && (
        <Text size="xs" c={QUIET_TEXT}>
          No links yet.
        </Text>
      )}
      {links.map((link, index) => (
        <LinkRow
          key={index}
          link={link}
          index={index}
          onEdit={(patch) => edit(index, patch)}
          onRemove={() => commit((list) => list.filter((_, i) => i !== index))}
        />
      ))}
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconPlus size={12} aria-hidden />}
        onClick={() => commit((list) => [...list, { label: '', url: '' }])}
        style={{ alignSelf: 'flex-start' }}
      >
        Add link
      </Button>
    </Stack>
  )
}

function LinkRow({
  link,
  index,
  onEdit,
  onRemove
}: {
  link: Link
  index: number
  onEdit: (patch: Partial<Link>) => void
  onRemove: () => void
}): React.JSX.Element {
  const toast = useApp((s) => s.toast)
  const label = useDraft(link.label, (value) => onEdit({ label: value }))
  const url = useDraft(link.url, (value) => onEdit({ url: value.trim() }))
  const open = (): void => {
    call('openExternal', { url: link.url }).catch((e: unknown) => toast('error', errorMessage(e)))
  }
  return (
    <Group gap={4} wrap="nowrap" align="flex-end">
      <TextInput
        size="xs"
        label={index === 0 ? 'Label' : undefined}
        aria-label={`Label of link ${index + 1}`}
        value={label.value}
        onChange={(e) => label.set(e.currentTarget.value)}
        onBlur={label.flush}
        w={150}
      />
      <TextInput
        size="xs"
        label={index === 0 ? 'Address' : undefined}
        aria-label={`Address of link ${index + 1}`}
        placeholder="https://…"
        value={url.value}
        onChange={(e) => url.set(e.currentTarget.value)}
        onBlur={url.flush}
        style={{ flex: 1 }}
      />
      <Tooltip label="Open in the browser">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Open link ${index + 1}`}
          onClick={open}
          disabled={!/^https?:\/\//i.test(link.url)}
        >
          <IconExternalLink size={14} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <ActionIcon variant="subtle" color="red" aria-label={`Delete link ${index + 1}`} onClick={onRemove}>
        <IconTrash size={14} aria-hidden />
      </ActionIcon>
    </Group>
  )
}
