import { Alert, Box, Button, Center, Group, List, Loader, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconArrowBackUp, IconCopyCheck } from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { DuplicateGroup } from '../../../../shared/analysis/duplicates'
import type { Card, Category, DismissedDuplicate } from '../../../../shared/model/schema'
import { plural } from '../../../../shared/text/plural'
import { useApp } from '../../store'
import { CardDrawer } from '../card-drawer/CardDrawer'
import { clearGroupChoices, DuplicateGroupCard } from './DuplicateGroupCard'
import { useDuplicateSearch } from './duplicate-search'
import { QUIET_TEXT } from '../board/text-colors'

const NO_CARDS: Card[] = []
const NO_PAIRS: DismissedDuplicate[] = []

/** What the view says about the search itself: whole sentences, one place. */
const SEARCH_TEXT = {
  looking: 'Looking for duplicates…',
  capped:
    'The duplicate search stopped early: some near matches may be missing. Titles that match exactly are all grouped.',
  failed: (reason: string) => `The duplicate search failed: ${reason}`
}

/** What the view says about pairs marked "Not a duplicate". */
const DISMISSED_TEXT = {
  heading: 'Dismissed pairs',
  intro:
    'These titles were marked “Not a duplicate”; they are never grouped again. Restore one to look at it again.',
  pair: (a: string, b: string) => (a === b ? `Cards titled “${a}”` : `“${a}” and “${b}”`),
  restore: (a: string, b: string) => (a === b ? `Restore cards titled “${a}”` : `Restore “${a}” and “${b}”`),
  restored: (a: string, b: string) =>
    a === b
      ? `Cards titled “${a}” can be grouped as duplicates again.`
      : `“${a}” and “${b}” can be grouped as duplicates again.`
}

/** Pairs marked "Not a duplicate", each with Restore. */
function DismissedPairs(): React.JSX.Element | null {
  const pairs = useApp((s) => s.workspace?.dismissedDuplicates ?? NO_PAIRS)
  const run = useApp((s) => s.run)
  const toast = useApp((s) => s.toast)
  if (pairs.length === 0) return null
  const restore = async (pair: DismissedDuplicate): Promise<void> => {
    if (await run({ type: 'duplicates.restore', pair }))
      toast('info', DISMISSED_TEXT.restored(...pair.titles))
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby="dismissed-pairs" data-testid="dismissed-pairs">
      <Title order={2} size="h4" id="dismissed-pairs">
        {DISMISSED_TEXT.heading}
      </Title>
      <Text size="sm" c={QUIET_TEXT}>
        {DISMISSED_TEXT.intro}
      </Text>
      <List listStyleType="none" spacing={4}>
        {pairs.map((pair) => (
          <List.Item key={`${pair.kind}:${pair.titles.join('\u0000')}`} data-testid="dismissed-pair">
            <Group gap="sm">
              <Text size="sm">{DISMISSED_TEXT.pair(...pair.titles)}</Text>
              <Button
                variant="default"
                size="compact-sm"
                leftSection={<IconArrowBackUp size={14} aria-hidden />}
                aria-label={DISMISSED_TEXT.restore(...pair.titles)}
                onClick={() => void restore(pair)}
              >
                Restore
              </Button>
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}

/** Room between two groups, and a group's height before it is measured (two or three cards). */
const GROUP_GAP = 16
const ESTIMATED_GROUP_HEIGHT = 300

/**
 * The groups, virtualised: hundreds of groups of tables and selects would freeze the page, so only
 * those near the viewport are in the DOM. Tab still reaches every group: focus scrolls the
 * focused control into view, and the overscan keeps the groups on either side of it rendered.
 */
function GroupList({
  groups,
  byId,
  boardOrder,
  categories,
  scroller
}: {
  groups: DuplicateGroup[]
  byId: ReadonlyMap<string, Card>
  boardOrder: (a: Card, b: Card) => number
  categories: Category[]
  /** The view's scrolling element (state, not a ref: a parent's ref is set after its children's effects run). */
  scroller: HTMLDivElement | null
}): React.JSX.Element {
  const listRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer is read afresh each render
  const virtualizer = useVirtualizer({
    count: groups.length,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATED_GROUP_HEIGHT,
    getItemKey: (index) => groups[index].key,
    gap: GROUP_GAP,
    overscan: 2,
    // Measured rows re-render once, batched, not once per row inside the commit (each a forced layout).
    useFlushSync: false,
    // Groups in the first render, before the view is measured: else they all arrive in a
    // synchronous re-render after the first commit, outside the background render that opens the view.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    // The heading, the help and any alert come before the list in the same scroll container.
    scrollMargin: listRef.current?.offsetTop ?? 0
  })
  return (
    <div ref={listRef} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {virtualizer.getVirtualItems().map((item) => {
        const group = groups[item.index]
        return (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`
            }}
          >
            <DuplicateGroupCard
              groupKey={group.key}
              match={group.match}
              cards={group.ids.flatMap((id) => byId.get(id) ?? []).sort(boardOrder)}
              categories={categories}
            />
          </div>
        )
      })}
    </div>
  )
}

/** Groups of cards whose titles match or nearly match, each with a merge that the user decides. */
export function DuplicatesView(): React.JSX.Element {
  const cards = useApp((s) => s.workspace?.cards ?? NO_CARDS)
  const categories = useApp((s) => s.workspace?.categories)
  const search = useDuplicateSearch(cards)
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null)
  useEffect(() => clearGroupChoices, [])
  const byId = useMemo(() => new Map(cards.map((c) => [c.id, c])), [cards])
  // The latest answer's groups, without the cards gone since (a merge, a delete) while a new search runs.
  const groups = useMemo(
    () =>
      search.groups
        .map((g) => ({ ...g, ids: g.ids.filter((id) => byId.has(id)) }))
        .filter((g) => g.ids.length > 1),
    [search.groups, byId]
  )
  const isFirstSearch =
    search.status === 'idle' || (search.status === 'looking' && search.groups.length === 0)
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
      <Box
        ref={setScroller}
        h="100%"
        style={{ overflowY: 'auto', position: 'relative' }}
        data-testid="duplicates-view"
      >
        <Stack gap="md" maw={1100} pb="xl">
          <Group justify="space-between" align="baseline">
            <Title order={1} size="h2">
              Possible duplicates
            </Title>
            <Text c={QUIET_TEXT} data-testid="duplicates-summary" aria-live="polite">
              {isFirstSearch
                ? ''
                : groups.length === 0
                  ? 'None found'
                  : `${plural(groups.length, 'group')}, ${involved} cards`}
            </Text>
          </Group>
          <Text size="sm" c={QUIET_TEXT}>
            Cards of the same kind are grouped when their titles match once case, spacing, punctuation,
            plurals and small words are set aside, or nearly match: one title is a reading of a slashed other
            (“Software/systems developer” and “Software developer”), most words are shared, or one looks like
            a typo of the other. Nothing is merged until you say so; a merge keeps one card, gains every
            distinct description (each with the name of the card it came from), link, tag and list item of the
            others, and undoes like any change. “Not a duplicate” keeps two titles apart for good.
          </Text>
          {search.status === 'failed' && search.error !== null && (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              data-testid="duplicates-failed"
            >
              {SEARCH_TEXT.failed(search.error)}
            </Alert>
          )}
          {search.capped && (
            <Alert
              color="yellow"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              data-testid="duplicates-capped"
            >
              {SEARCH_TEXT.capped}
            </Alert>
          )}
          {isFirstSearch ? (
            <Center py="xl" data-testid="duplicates-looking">
              <Stack align="center" gap="xs">
                <Loader size="sm" aria-hidden />
                <Text size="sm" c={QUIET_TEXT}>
                  {SEARCH_TEXT.looking}
                </Text>
              </Stack>
            </Center>
          ) : groups.length === 0 ? (
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
            <GroupList
              groups={groups}
              byId={byId}
              boardOrder={boardOrder}
              categories={ordered}
              scroller={scroller}
            />
          )}
          <DismissedPairs />
        </Stack>
      </Box>
      <CardDrawer />
    </>
  )
}
