import { Center, Group, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { IconCopyCheck } from '@tabler/icons-react'
import { useMemo } from 'react'
import type { Card } from '../../../../shared/model/schema'
import { plural } from '../../../../shared/text/plural'
import { useApp } from '../../store'
import { CardDrawer } from '../card-drawer/CardDrawer'
import { DuplicateGroupCard } from './DuplicateGroupCard'
import { duplicateGroupsOf } from './duplicate-groups'
import { QUIET_TEXT } from '../board/text-colors'

const NO_CARDS: Card[] = []

/** Groups of cards whose titles match or nearly match, each with a merge that the user decides. */
export function DuplicatesView(): React.JSX.Element {
  const cards = useApp((s) => s.workspace?.cards ?? NO_CARDS)
  const categories = useApp((s) => s.workspace?.categories)
  const groups = useMemo(() => duplicateGroupsOf(cards), [cards])
  const byId = useMemo(() => new Map(cards.map((c) => [c.id, c])), [cards])
  const ordered = useMemo(() => [...(categories ?? [])].sort((a, b) => a.order - b.order), [categories])
  /** Cards of a group in board order (the inbox, then categories), so the first one offered to keep is the first on the board. */
  const boardOrder = useMemo(() => {
    const column = new Map(ordered.map((c, i) => [c.id, i + 1]))
    const rank = (card: Card): number => column.get(card.categoryId ?? '') ?? 0
    return (a: Card, b: Card): number => rank(a) - rank(b) || a.order - b.order
  }, [ordered])
  const involved = groups.reduce((n, g) => n + g.ids.length, 0)
  return (
    <>
      <ScrollArea h="100%" type="auto" data-testid="duplicates-view">
        <Stack gap="md" maw={1100} pb="xl">
          <Group justify="space-between" align="baseline">
            <Title order={2}>Possible duplicates</Title>
            <Text c={QUIET_TEXT} data-testid="duplicates-summary">
              {groups.length === 0 ? 'None found' : `${plural(groups.length, 'group')}, ${involved} cards`}
            </Text>
          </Group>
          <Text size="sm" c={QUIET_TEXT}>
            Cards of the same kind are grouped when their titles match once case, spacing, punctuation,
            plurals and small words are set aside, or nearly match: one title is a reading of a slashed other
            (“Software/systems developer” and “Software developer”), most words are shared, or one looks like
            a typo of the other. Nothing is merged until you say so; a merge keeps one card, gains every
            distinct description, link, tag and list item of the others, and undoes like any change.
          </Text>
          {groups.length === 0 ? (
            <Center py="xl">
              <Stack align="center" gap="xs">
                <IconCopyCheck size={40} stroke={1.3} aria-hidden />
                <Text fw={600}>No duplicates</Text>
                <Text size="sm" c={QUIET_TEXT}>
                  Every card has a title of its own.
                </Text>
              </Stack>
            </Center>
          ) : (
            groups.map((group) => (
              <DuplicateGroupCard
                key={group.key}
                match={group.match}
                cards={group.ids.flatMap((id) => byId.get(id) ?? []).sort(boardOrder)}
                categories={ordered}
              />
            ))
          )}
        </Stack>
      </ScrollArea>
      <CardDrawer />
    </>
  )
}
