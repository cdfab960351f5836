import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  VisuallyHidden
} from '@mantine/core'
import { IconArrowMerge, IconX } from '@tabler/icons-react'
import { create } from 'zustand'
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

/** What the view says about a merge and a dismissal: whole sentences, one place. */
const MERGE_TEXT = {
  intoOne: 'Merge into one card in the category below',
  perCategory: 'Merge within each category: one card per category',
  perCategoryHelp: (count: number) =>
    `The cards of each category become one card there: ${plural(count, 'card')} in all.`,
  sources: 'Each description keeps a line naming the card it came from.',
  merged: (count: number, title: string) =>
    `Merged ${count} cards into “${title}”. Undo (Ctrl+Z) separates them again.`,
  mergedPerCategory: (count: number, kept: number) =>
    `Merged ${count} cards into ${plural(kept, 'card')}, one per category. Undo (Ctrl+Z) separates them again.`,
  dismissed: (a: string, b: string) =>
    `“${b}” is no longer shown as a duplicate of “${a}”. Undo (Ctrl+Z) or Restore shows them again.`
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
  const summary = `The kept card will hold ${plural(descriptions, 'description')}, ${plural(merged.links.length, 'link')}, ${plural(merged.tags.length, 'tag')} and ${items}.`
  return descriptions > 1 ? `${summary} ${MERGE_TEXT.sources}` : summary
}

/** What the user chose in one group, until a merge: the card kept, the cards left out, where the merged card goes. */
interface GroupChoice {
  keptId: string | null
  excluded: ReadonlySet<string>
  chosenColumn: string | null
  mode: 'one' | 'per-category'
}

const NO_CHOICE: GroupChoice = { keptId: null, excluded: new Set(), chosenColumn: null, mode: 'one' }

/**
 * The choices of every group, by group key, outside the groups: the view is virtualised, so a
 * group scrolled away is unmounted and must find its choices again when it comes back. Cleared
 * when the view closes (`clearGroupChoices`), so the view opens as it always did.
 */
const useGroupChoices = create<Record<string, GroupChoice>>()(() => ({}))

export const clearGroupChoices = (): void => useGroupChoices.setState({}, true)

function useGroupChoice(key: string): [GroupChoice, (change: Partial<GroupChoice>) => void] {
  const choice = useGroupChoices((s) => s[key]) ?? NO_CHOICE
  const change = (next: Partial<GroupChoice>): void =>
    useGroupChoices.setState((s) => ({ [key]: { ...(s[key] ?? NO_CHOICE), ...next } }))
  return [choice, change]
}

/** One group: pick the card to keep, the cards to merge into it, and the category it ends up in. */
export function DuplicateGroupCard({
  groupKey,
  match,
  cards,
  categories
}: {
  groupKey: string
  match: DuplicateMatch
  cards: Card[]
  categories: Category[]
}): React.JSX.Element | null {
  const run = useApp((s) => s.run)
  const toast = useApp((s) => s.toast)
  const openCard = useDrawer((s) => s.open)
  const [{ keptId, excluded, chosenColumn, mode }, choose] = useGroupChoice(groupKey)
  const survivor = cards.find((c) => c.id === keptId) ?? cards[0]
  if (!survivor) return null
  const merging = cards.filter((c) => c.id !== survivor.id && !excluded.has(c.id))
  const mergingColumns = new Set([survivor, ...merging].map((c) => c.categoryId))
  const perCategory = mode === 'per-category' && mergingColumns.size > 1
  /** With one card per category, only categories holding two or more of the chosen cards change. */
  const keptPerCategory = mergingColumns.size
  const target = chosenColumn ?? columnKey(survivor.categoryId)
  const categoryName = (id: string | null): string => categories.find((c) => c.id === id)?.name ?? INBOX_NAME
  const look = MATCH_LOOK[match]

  const sharesCategory = [...mergingColumns].some(
    (column) => [survivor, ...merging].filter((c) => c.categoryId === column).length > 1
  )
  const canMerge = merging.length > 0 && (!perCategory || sharesCategory)
  const merge = async (): Promise<void> => {
    const ids = [survivor.id, ...merging.map((c) => c.id)]
    const command = {
      type: 'card.merge' as const,
      survivorId: survivor.id,
      ids,
      categoryId: perCategory ? null : categoryIdOf(target),
      ...(perCategory ? { perCategory: true } : {})
    }
    if (!(await run(command))) return
    toast(
      'info',
      perCategory
        ? MERGE_TEXT.mergedPerCategory(ids.length, keptPerCategory)
        : MERGE_TEXT.merged(ids.length, survivor.title)
    )
  }
  const dismiss = async (card: Card): Promise<void> => {
    const pair = { kind: card.kind, titles: [survivor.title, card.title] as [string, string] }
    if (await run({ type: 'duplicates.dismiss', pair }))
      toast('info', MERGE_TEXT.dismissed(survivor.title, card.title))
  }
  const toggle = (id: string, include: boolean): void => {
    const next = new Set(excluded)
    if (include) next.delete(id)
    else next.add(id)
    choose({ excluded: next })
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
          <Text fw={700} component="h2" m={0} size="md">
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
        onChange={(id) => choose({ keptId: id })}
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
              <Table.Th w={150}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
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
                <Table.Td>
                  {card.id !== survivor.id && (
                    <Button
                      variant="default"
                      size="compact-sm"
                      leftSection={<IconX size={14} aria-hidden />}
                      aria-label={`“${card.title}” in ${categoryName(card.categoryId)} is not a duplicate of “${survivor.title}”`}
                      onClick={() => void dismiss(card)}
                    >
                      Not a duplicate
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Radio.Group>
      {mergingColumns.size > 1 && (
        <Radio.Group
          mt="sm"
          value={mode}
          onChange={(value) => choose({ mode: value === 'per-category' ? 'per-category' : 'one' })}
          label="How to merge cards from different categories"
        >
          <Stack gap={6} mt={6}>
            <Radio value="one" label={MERGE_TEXT.intoOne} />
            <Radio
              value="per-category"
              label={MERGE_TEXT.perCategory}
              description={MERGE_TEXT.perCategoryHelp(keptPerCategory)}
            />
          </Stack>
        </Radio.Group>
      )}
      <Group justify="space-between" align="flex-end" mt="sm" wrap="wrap">
        {!perCategory && (
          <Select
            label="Category of the merged card"
            w={260}
            data={[
              { value: INBOX_KEY, label: INBOX_NAME },
              ...categories.map((c) => ({ value: c.id, label: c.name }))
            ]}
            value={target}
            onChange={(value) => choose({ chosenColumn: value })}
            allowDeselect={false}
          />
        )}
        <Text size="sm" c={QUIET_TEXT} style={{ flex: 1, minWidth: 240 }}>
          {merging.length === 0
            ? 'Tick at least one other card to merge.'
            : !canMerge
              ? 'No two of the ticked cards share a category.'
              : perCategory
                ? MERGE_TEXT.sources
                : mergeSummary(survivor, merging)}
        </Text>
        <Button
          color="indigo.8"
          leftSection={<IconArrowMerge size={16} aria-hidden />}
          disabled={!canMerge}
          onClick={() => void merge()}
        >
          {perCategory ? `Merge within each category` : `Merge ${merging.length + 1} cards`}
        </Button>
      </Group>
    </Paper>
  )
}
