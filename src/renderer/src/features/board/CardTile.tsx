import { Badge, Group, Highlight, Paper, Text } from '@mantine/core'
import { IconCheck, IconCopy, IconListCheck, IconUser, IconUsersGroup } from '@tabler/icons-react'
import { memo, useMemo } from 'react'
import {
  countsSummary,
  worseStatus,
  COVERAGE_STATUSES,
  type CoverageCounts
} from '../../../../shared/analysis'
import type { Card } from '../../../../shared/model/schema'
import { plural } from '../../../../shared/text/plural'
import { STATUS_LOOK, statusIconColor } from '../gaps/status-look'
import { matchReason } from '../search/match-reason'
import classes from './board.module.css'
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
  /** For personas: how many needs, and their coverage now (card-stats.ts keeps the object while unchanged). */
  needs?: number
  counts?: CoverageCounts
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
  counts,
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
      {highlight && highlight.length > 0 && <MatchReasonLine card={card} highlight={highlight} />}
      {card.description && <Description text={card.description} highlight={highlight} />}
      {card.tags.length > 0 && <Tags tags={card.tags} />}
      {needs !== undefined && counts !== undefined && <PersonaStats needs={needs} counts={counts} />}
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

/** Why the search found this card when the title does not show it: "Need: … classification tool …". */
function MatchReasonLine({ card, highlight }: { card: Card; highlight: string[] }): React.JSX.Element | null {
  const reason = useMemo(() => matchReason(card, highlight), [card, highlight])
  if (!reason) return null
  return (
    <Highlight
      highlight={highlight}
      size="xs"
      mt={2}
      className="line-clamp-2"
      accentInsensitive
      data-testid="match-reason"
    >
      {`${reason.field}: ${reason.snippet}`}
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

/**
 * "5 needs" and their coverage now in the gap analysis's words ("2 gaps, 3 unassessed"), with the
 * icon and colour of the worst status; a card with no needs shows only "0 needs".
 */
function PersonaStats({ needs, counts }: { needs: number; counts: CoverageCounts }): React.JSX.Element {
  const worst = COVERAGE_STATUSES.filter((s) => counts[s] > 0).reduce(worseStatus, 'met')
  const look = STATUS_LOOK[worst]
  return (
    <Group gap="sm" mt={6} data-testid="persona-stats">
      <Group gap={4} wrap="nowrap">
        <IconListCheck size={14} aria-hidden />
        <Text size="xs">{plural(needs, 'need')}</Text>
      </Group>
      {counts.total > 0 && (
        <Group gap={4} wrap="nowrap" data-testid="persona-coverage" data-status={worst}>
          <look.Icon size={14} color={statusIconColor(worst)} aria-hidden />
          <Text size="xs" fw={counts.gap > 0 ? 600 : undefined}>
            {countsSummary(counts)}
          </Text>
        </Group>
      )}
    </Group>
  )
}
