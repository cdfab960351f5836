import {
  Anchor,
  Chip,
  CloseButton,
  Group,
  MultiSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput
} from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useMemo, useRef } from 'react'
import { INBOX_NAME } from '../../../../shared/model/defaults'
import type { CardKind } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import type { BoardData } from '../board/use-board-data'
import { columnHandle } from '../board/column-registry'
import { columnName, INBOX_KEY } from '../board/columns'
import { LINK_TEXT } from '../board/text-colors'
import { useSearch } from './search-store'

const KIND_OPTIONS = [
  { value: 'all', label: 'All' },
  { value: 'role', label: 'Roles' },
  { value: 'persona', label: 'Personas' }
]
const NO_TAGS: string[] = []

/** Search and filters above the board, and the line that says the board is filtered. */
export function SearchBar({ data }: { data: BoardData }): React.JSX.Element {
  // The fields show what was typed at once; `data.filter` is what the board shows, a render behind.
  const filter = useSearch((s) => s.filter)
  const setFilter = useSearch((s) => s.setFilter)
  const clear = useSearch((s) => s.clear)
  const input = useFocusOnRequest()
  const cards = useApp((s) => s.workspace?.cards)
  const tags = useMemo(
    () => (cards ? [...new Set(cards.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b)) : NO_TAGS),
    [cards]
  )
  const categoryOptions = useMemo(
    () => [
      { value: INBOX_KEY, label: INBOX_NAME },
      ...data.categories.map((c) => ({ value: c.id, label: columnName({ category: c }) }))
    ],
    [data.categories]
  )
  const kind = filter.kinds.length === 1 ? filter.kinds[0] : 'all'
  useFirstMatchInView(data)

  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap" align="center" role="search" aria-label="Search and filter cards">
        <TextInput
          ref={input}
          w={300}
          size="sm"
          aria-label="Search cards"
          placeholder="Search cards (Ctrl+F)"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter.query}
          onChange={(e) => setFilter({ query: e.currentTarget.value })}
          onKeyDown={(e) => e.key === 'Escape' && setFilter({ query: '' })}
          rightSection={
            filter.query ? (
              <CloseButton size="sm" aria-label="Clear search" onClick={() => setFilter({ query: '' })} />
            ) : undefined
          }
        />
        <SegmentedControl
          size="sm"
          aria-label="Kind of card"
          data={KIND_OPTIONS}
          value={kind}
          onChange={(value) => setFilter({ kinds: KINDS[value] ?? [] })}
        />
        <MultiSelect
          size="sm"
          w={200}
          aria-label="Filter by category"
          placeholder={filter.columnKeys.length ? undefined : 'Any category'}
          data={categoryOptions}
          value={filter.columnKeys}
          onChange={(columnKeys) => setFilter({ columnKeys })}
          clearable
          searchable
        />
        <MultiSelect
          size="sm"
          w={170}
          aria-label="Filter by tag"
          placeholder={filter.tags.length ? undefined : tags.length ? 'Any tag' : 'No tags yet'}
          data={tags}
          value={filter.tags}
          onChange={(next) => setFilter({ tags: next })}
          disabled={tags.length === 0}
          clearable
          searchable
        />
        <Chip size="sm" checked={filter.hasGaps} onChange={(hasGaps) => setFilter({ hasGaps })}>
          Has gaps now
        </Chip>
        <Chip size="sm" checked={filter.duplicates} onChange={(duplicates) => setFilter({ duplicates })}>
          Duplicates
        </Chip>
      </Group>
      {data.isFiltered && (
        <Text size="sm" data-testid="filter-summary" aria-live="polite">
          Showing {data.shownCount} of {data.totalCount} cards —{' '}
          <Anchor component="button" type="button" size="sm" c={LINK_TEXT} underline="always" onClick={clear}>
            clear filters
          </Anchor>
        </Text>
      )}
    </Stack>
  )
}

const KINDS: Record<string, CardKind[]> = { all: [], role: ['role'], persona: ['persona'] }

/**
 * While filtering, brings the first column with a match into view, its list at the top, each time
 * the filters change: the board may have been scrolled to columns the filters since took away.
 */
function useFirstMatchInView({ columns, filter, isFiltered }: BoardData): void {
  const firstKey = columns.find((c) => c.shown.length > 0)?.key
  useEffect(() => {
    if (!isFiltered || firstKey === undefined) return
    const list = columnHandle(firstKey)?.scrollElement()
    list?.scrollTo({ top: 0 })
    list?.closest('[data-testid="column"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [isFiltered, firstKey, filter])
}

/** A ref for the search field that focuses (and selects) it on Ctrl+F or Edit › Find…. */
function useFocusOnRequest(): React.RefObject<HTMLInputElement | null> {
  const input = useRef<HTMLInputElement>(null)
  const isRequested = useSearch((s) => s.isFocusRequested)
  const done = useSearch((s) => s.focusDone)
  useEffect(() => {
    if (!isRequested) return
    input.current?.focus()
    input.current?.select()
    done()
  }, [isRequested, done])
  return input
}
