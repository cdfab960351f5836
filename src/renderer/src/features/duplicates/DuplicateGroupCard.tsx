import { Anchor, Badge, Button, Checkbox, Group, Paper, Radio, Select, Table, Text } from '@mantine/core'
import { IconArrowMerge } from '@tabler/icons-react'
import { useState } from 'react'
import type { DuplicateMatch } from '../../../../shared/analysis/duplicates'
import { mergeCardContent } from '../../../../shared/commands/merge'
import { INBOX_NAME } from '../../../../shared/model/defaults'
import type { Card, Category } from '../../../../shared/model/schema'
import { normalizeTitle } from '../../../../shared/text/normalize'
import { plural } from '../../../../shared/text/plural'
import { useApp } from '../../store'
import { categoryIdOf, columnKey, INBOX_KEY } from '../board/columns'
import { useDrawer } from '../card-drawer/drawer-store'
import { LINK_TEXT, QUIET_TEXT } from '../board/text-colors'

const MATCH_LOOK: Record<DuplicateMatch, { label: string; color: string }> = {
  exact: { label: 'Same title', color: 'orange.3' },
  near: { label: 'Similar titles', color: 'yellow.3' }
}

/** What the kept card will hold once merged, in words. */
function mergeSummary(survivor: Card, others: Card[]): string {
  const merged = mergeCardContent(survivor, others)
  const descriptions = new Set(
    [survivor, ...others].map((c) => normalizeTitle(c.description)).filter((d) => d !== '')
  ).size
  const items =
    merged.kind === 'role'
      ? plural(merged.qualifications.length, 'qualification')
      : plural(
          merged.goals.length + merged.habits.length + merged.needs.length + merged.problems.length,
          'list item'
        )
  return `The kept card will hold ${plural(descriptions, 'description')}, ${plural(merged.links.length, 'link')}, ${plural(merged.tags.length, 'tag')} and ${items}.`
}

/** One group: pick the card to keep, the cards to merge into it, and the category it ends up in. */
export function DuplicateGroupCard({
  match,
  cards,
  categories
}: {
  match: DuplicateMatch
  cards: Card[]
  categories: Category[]
}): React.JSX.Element | null {
  const run = useApp((s) => s.run)
  const toast = useApp((s) => s.toast)
  const openCard = useDrawer((s) => s.open)
  const [keptId, setKeptId] = useState(cards[0]?.id)
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set())
  const [chosenColumn, setChosenColumn] = useState<string | null>(null)
  const survivor = cards.find((c) => c.id === keptId) ?? cards[0]
  if (!survivor) return null
  const merging = cards.filter((c) => c.id !== survivor.id && !excluded.has(c.id))
  const target = chosenColumn ?? columnKey(survivor.categoryId)
  const categoryName = (id: string | null): string => categories.find((c) => c.id === id)?.name ?? INBOX_NAME
  const look = MATCH_LOOK[match]

  const merge = async (): Promise<void> => {
    const ids = [survivor.id, ...merging.map((c) => c.id)]
    if (!(await run({ type: 'card.merge', survivorId: survivor.id, ids, categoryId: categoryIdOf(target) })))
      return
    toast('info', `Merged ${ids.length} cards into “${survivor.title}”. Undo (Ctrl+Z) separates them again.`)
  }
  const toggle = (id: string, include: boolean): void => {
    const next = new Set(excluded)
    if (include) next.delete(id)
    else next.add(id)
    setExcluded(next)
  }

  return (
    <Paper
      withBorder
      p="md"
      data-testid="duplicate-group"
      aria-label={`Possible duplicates: ${survivor.title}`}
      role="region"
    >
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={700} component="h3" m={0} size="md">
            {survivor.title}
          </Text>
          <Badge variant="filled" color={look.color} autoContrast>
            {look.label}
          </Badge>
          <Badge variant="default">{plural(cards.length, 'card')}</Badge>
        </Group>
      </Group>
      <Radio.Group
        value={survivor.id}
        onChange={setKeptId}
        aria-label={`Card to keep of “${survivor.title}”`}
      >
        <Table verticalSpacing={6} aria-label={`Cards titled like “${survivor.title}”`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>Keep</Table.Th>
              <Table.Th w={70}>Merge</Table.Th>
              <Table.Th w={240}>Title</Table.Th>
              <Table.Th w={170}>Category</Table.Th>
              <Table.Th>Description</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cards.map((card) => (
              <Table.Tr key={card.id} data-testid="duplicate-card">
                <Table.Td>
                  <Radio
                    value={card.id}
                    aria-label={`Keep “${card.title}” in ${categoryName(card.categoryId)}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`Merge “${card.title}” in ${categoryName(card.categoryId)}`}
                    checked={card.id === survivor.id || !excluded.has(card.id)}
                    disabled={card.id === survivor.id}
                    onChange={(e) => toggle(card.id, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    c={LINK_TEXT}
                    onClick={() => openCard(card.id)}
                  >
                    {card.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{categoryName(card.categoryId)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c={QUIET_TEXT} className="line-clamp-2">
                    {card.description || '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Radio.Group>
      <Group justify="space-between" align="flex-end" mt="sm" wrap="wrap">
        <Select
          label="Category of the merged card"
          w={260}
          data={[
            { value: INBOX_KEY, label: INBOX_NAME },
            ...categories.map((c) => ({ value: c.id, label: c.name }))
          ]}
          value={target}
          onChange={(value) => setChosenColumn(value)}
          allowDeselect={false}
        />
        <Text size="sm" c={QUIET_TEXT} style={{ flex: 1, minWidth: 240 }}>
          {merging.length === 0 ? 'Tick at least one other card to merge.' : mergeSummary(survivor, merging)}
        </Text>
        <Button
          color="indigo.8"
          leftSection={<IconArrowMerge size={16} aria-hidden />}
          disabled={merging.length === 0}
          onClick={() => void merge()}
        >
          Merge {merging.length + 1} cards
        </Button>
      </Group>
    </Paper>
  )
}
