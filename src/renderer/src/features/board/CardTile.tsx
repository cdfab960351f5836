import { Badge, Group, Highlight, Paper, Text } from '@mantine/core'
import {
  IconAlertTriangle,
  IconCheck,
  IconCopy,
  IconListCheck,
  IconUser,
  IconUsersGroup
} from '@tabler/icons-react'
import { memo } from 'react'
import type { Card } from '../../../../shared/model/schema'
import { plural } from '../../../../shared/text/plural'
import classes from './board.module.css'
import type { CardStats } from './card-stats'
import { QUIET_TEXT } from './text-colors'

/** Roles and personas are told apart by icon, word and colour, never colour alone. */
export const KIND_LOOK = {
  role: { label: 'Role', color: 'blue', Icon: IconUser },
  persona: { label: 'Persona', color: 'grape', Icon: IconUsersGroup }
} as const

const MAX_TAGS = 3

export interface CardTileProps {
  card: Card
  isSelected?: boolean
  isDuplicate?: boolean
  /** For personas: how many needs, and how many of them are open gaps (numbers keep memo cheap). */
  needs?: number
  openGaps?: number
  /** Words to highlight in the title and description (the search's matches). */
  highlight?: string[]
  /** Shown on the drag overlay when several cards move. */
  count?: number
}

/** How a card looks on the board and under the pointer while dragged; no interaction of its own. */
export const CardTile = memo(function CardTile({
  card,
  isSelected = false,
  isDuplicate = false,
  needs,
  openGaps,
  highlight,
  count = 1
}: CardTileProps): React.JSX.Element {
  const look = KIND_LOOK[card.kind]
  return (
    <Paper
      withBorder
      p="xs"
      shadow={count > 1 ? 'md' : 'xs'}
      className={classes.tile}
      data-kind={card.kind}
      data-selected={isSelected || undefined}
    >
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <Group gap={4} wrap="nowrap">
          <Badge
            size="xs"
            variant="light"
            color={look.color}
            leftSection={<look.Icon size={10} aria-hidden />}
          >
            {look.label}
          </Badge>
          {isDuplicate && (
            <Badge
              size="xs"
              variant="filled"
              color="yellow.3"
              autoContrast
              leftSection={<IconCopy size={10} aria-hidden />}
              data-testid="duplicate-badge"
            >
              Duplicate?
            </Badge>
          )}
        </Group>
        {count > 1 && (
          <Badge size="sm" variant="filled" color="indigo.8" data-testid="drag-count">
            {count} cards
          </Badge>
        )}
        {isSelected && count === 1 && (
          <Badge
            size="xs"
            variant="filled"
            color="indigo.8"
            leftSection={<IconCheck size={10} aria-hidden />}
          >
            Selected
          </Badge>
        )}
      </Group>
      <CardTitle title={card.title} highlight={highlight} />
      {card.description && <Description text={card.description} highlight={highlight} />}
      {card.tags.length > 0 && <Tags tags={card.tags} />}
      {needs !== undefined && <PersonaStats needs={needs} openGaps={openGaps ?? 0} />}
    </Paper>
  )
})

function CardTitle({ title, highlight }: { title: string; highlight?: string[] }): React.JSX.Element {
  if (!highlight || highlight.length === 0) {
    return (
      <Text fw={600} size="sm" mt={4} data-testid="card-title">
        {title}
      </Text>
    )
  }
  return (
    <Highlight highlight={highlight} fw={600} size="sm" mt={4} data-testid="card-title" accentInsensitive>
      {title}
    </Highlight>
  )
}

function Description({ text, highlight }: { text: string; highlight?: string[] }): React.JSX.Element {
  if (!highlight || highlight.length === 0) {
    return (
      <Text size="xs" c={QUIET_TEXT} className="line-clamp-2">
        {text}
      </Text>
    )
  }
  return (
    <Highlight highlight={highlight} size="xs" c={QUIET_TEXT} className="line-clamp-2" accentInsensitive>
      {text}
    </Highlight>
  )
}

function Tags({ tags }: { tags: string[] }): React.JSX.Element {
  const hidden = tags.length - MAX_TAGS
  return (
    <Group gap={4} mt={6}>
      {tags.slice(0, MAX_TAGS).map((tag) => (
        <Badge key={tag} size="xs" variant="default" tt="none">
          {tag}
        </Badge>
      ))}
      {hidden > 0 && (
        <Text size="xs" c={QUIET_TEXT}>
          +{hidden} more
        </Text>
      )}
    </Group>
  )
}

function PersonaStats({ needs, openGaps }: CardStats): React.JSX.Element {
  return (
    <Group gap="sm" mt={6} data-testid="persona-stats">
      <Group gap={4} wrap="nowrap">
        <IconListCheck size={14} aria-hidden />
        <Text size="xs">{plural(needs, 'need')}</Text>
      </Group>
      <Group gap={4} wrap="nowrap" c={openGaps > 0 ? 'red.8' : QUIET_TEXT}>
        <IconAlertTriangle size={14} aria-hidden />
        <Text size="xs" inherit fw={openGaps > 0 ? 600 : undefined}>
          {plural(openGaps, 'open gap')}
        </Text>
      </Group>
    </Group>
  )
}
