import { Badge, Button, Drawer, Group, Select, Stack, TagsInput, Text } from '@mantine/core'
import { IconCopy, IconTrash } from '@tabler/icons-react'
import { useEffect, useMemo } from 'react'
import { INBOX_NAME } from '../../../../shared/model/defaults'
import type { Card } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import { KIND_LOOK } from '../board/CardTile'
import { QUIET_TEXT } from '../board/text-colors'
import { columnKey, categoryIdOf, INBOX_KEY } from '../board/columns'
import { deleteCards } from '../board/use-card-actions'
import { DraftTextarea, DraftTextInput } from './DraftFields'
import { useDrawer } from './drawer-store'
import { LinksEditor } from './LinksEditor'
import { PersonaFields, RoleFields, type Update } from './KindFields'

/** The app header's height (App.tsx): the drawer and its overlay start below it. */
const HEADER_HEIGHT = 56

/** The detail drawer: every field of one card, each saving itself as a `card.update`. */
export function CardDrawer(): React.JSX.Element {
  const cardId = useDrawer((s) => s.cardId)
  const close = useDrawer((s) => s.close)
  const card = useApp((s) => (cardId ? s.workspace?.cards.find((c) => c.id === cardId) : undefined))
  useEffect(() => {
    if (cardId && !card) close() // deleted, or undone away
  }, [cardId, card, close])
  return (
    <Drawer
      opened={card !== undefined}
      onClose={close}
      position="right"
      size={580}
      closeButtonProps={{ 'aria-label': 'Close card details' }}
      // Below the header, not over it: its Undo and Redo stay at hand while a card is open.
      styles={{ inner: { top: HEADER_HEIGHT }, overlay: { top: HEADER_HEIGHT } }}
      title={card && <DrawerTitle card={card} />}
      data-testid="card-drawer"
    >
      {card && <CardForm key={card.id} card={card} />}
    </Drawer>
  )
}

/** The kind and title: they also name the dialog for screen readers. */
function DrawerTitle({ card }: { card: Card }): React.JSX.Element {
  const look = KIND_LOOK[card.kind]
  return (
    <Group gap="xs" wrap="nowrap">
      <Badge variant="light" color={look.color} leftSection={<look.Icon size={12} aria-hidden />}>
        {look.label}
      </Badge>
      <Text fw={600} lineClamp={1}>
        {card.title || 'Untitled card'}
      </Text>
    </Group>
  )
}

function CardForm({ card }: { card: Card }): React.JSX.Element {
  const run = useApp((s) => s.run)
  const update: Update = (patch) => run({ type: 'card.update', id: card.id, patch })
  return (
    <Stack gap="md" pb="xl">
      <DraftTextInput label="Title" saved={card.title} onSave={(title) => update({ title })} />
      {card.kind === 'persona' && (
        <DraftTextInput
          label="Subtitle"
          placeholder="A short line under the name, such as “Manager and above”"
          saved={card.subtitle}
          onSave={(subtitle) => update({ subtitle: subtitle.trim() })}
        />
      )}
      <CategoryField card={card} />
      <DraftTextarea
        label="Description"
        saved={card.description}
        onSave={(description) => update({ description })}
      />
      <TagsField card={card} update={update} />
      {card.kind === 'role' ? (
        <RoleFields card={card} update={update} />
      ) : (
        <PersonaFields card={card} update={update} />
      )}
      <LinksEditor links={card.links} onChange={(links) => update({ links })} />
      <DraftTextarea label="Notes" saved={card.notes} onSave={(notes) => update({ notes })} />
      {card.provenance && (
        <Text size="xs" c={QUIET_TEXT}>
          Imported from {card.provenance.source}, line {card.provenance.line}
        </Text>
      )}
      <CardActions card={card} />
    </Stack>
  )
}

/** Moving to another column is a `card.move` (to the end of that column), not an update. */
function CategoryField({ card }: { card: Card }): React.JSX.Element {
  const run = useApp((s) => s.run)
  const categories = useApp((s) => s.workspace?.categories)
  const cards = useApp((s) => s.workspace?.cards)
  const options = useMemo(
    () => [
      { value: INBOX_KEY, label: INBOX_NAME },
      ...[...(categories ?? [])]
        .sort((a, b) => a.order - b.order)
        .map((c) => ({ value: c.id, label: c.name }))
    ],
    [categories]
  )
  const move = (key: string | null): void => {
    if (key === null || key === columnKey(card.categoryId)) return
    const categoryId = categoryIdOf(key)
    const index = (cards ?? []).filter((c) => c.categoryId === categoryId).length
    void run({ type: 'card.move', ids: [card.id], categoryId, index })
  }
  return (
    <Select
      label="Category"
      data={options}
      value={columnKey(card.categoryId)}
      onChange={move}
      allowDeselect={false}
      searchable
    />
  )
}

function TagsField({ card, update }: { card: Card; update: Update }): React.JSX.Element {
  const cards = useApp((s) => s.workspace?.cards)
  const known = useMemo(() => [...new Set((cards ?? []).flatMap((c) => c.tags))].sort(), [cards])
  return (
    <TagsInput
      label="Tags"
      placeholder="Type a tag and press Enter"
      data={known}
      value={card.tags}
      onChange={(tags) => void update({ tags })}
      clearable
    />
  )
}

function CardActions({ card }: { card: Card }): React.JSX.Element {
  const run = useApp((s) => s.run)
  const open = useDrawer((s) => s.open)
  const close = useDrawer((s) => s.close)
  const duplicate = async (): Promise<void> => {
    const newId = crypto.randomUUID()
    if (await run({ type: 'card.duplicate', id: card.id, newId })) open(newId)
  }
  const remove = async (): Promise<void> => {
    close()
    await deleteCards([card.id], () => card.title)
  }
  return (
    <Group justify="space-between" mt="md">
      <Button
        variant="default"
        leftSection={<IconCopy size={16} aria-hidden />}
        onClick={() => void duplicate()}
      >
        Duplicate card
      </Button>
      <Button
        color="red"
        variant="light"
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => void remove()}
      >
        Delete card
      </Button>
    </Group>
  )
}
