import { DndContext, DragOverlay } from '@dnd-kit/core'
import { horizontalListSortingStrategy, SortableContext } from '@dnd-kit/sortable'
import { Button, Center, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { IconFileImport, IconLayoutKanban, IconSchool } from '@tabler/icons-react'
import { memo, useMemo } from 'react'
import type { Workspace } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import { CardDrawer } from '../card-drawer/CardDrawer'
import { SearchBar } from '../search/SearchBar'
import { SCREEN_READER_INSTRUCTIONS } from './announcements'
import { BoardActionsContext, BoardFactsContext, columnDragId } from './board-context'
import classes from './board.module.css'
import { useBoard } from './board-store'
import { CardTile } from './CardTile'
import { QUIET_TEXT } from './text-colors'
import { CategoryColumn, InboxColumn, type ShownColumn } from './Column'
import { NewCategoryButton } from './NewCategoryButton'
import { useBoardData } from './use-board-data'
import { useBoardDrag } from './use-board-drag'
import { useCardActions } from './use-card-actions'
import { SelectionBar } from './SelectionBar'

/** dnd-kit scrolls the board sideways; each column scrolls itself (drag-controller.ts). */
const BOARD_AUTO_SCROLL = {
  threshold: { x: 0.12, y: 0.2 },
  canScroll: (element: Element) => element.getAttribute('data-testid') === 'board'
}

export function BoardView({ onImport }: { onImport: () => void }): React.JSX.Element | null {
  const workspace = useApp((s) => s.workspace)
  if (!workspace) return null
  if (workspace.cards.length === 0 && workspace.categories.length === 0)
    return <EmptyWorkspace onImport={onImport} />
  return (
    <>
      <Board workspace={workspace} />
      <CardDrawer />
    </>
  )
}

function Board({ workspace }: { workspace: Workspace }): React.JSX.Element {
  const data = useBoardData(workspace)
  const actions = useCardActions(data.columns)
  const drag = useBoardDrag(data.columns, data.categories)
  const sortableIds = useMemo(
    () => data.columns.filter((c) => c.category).map((c) => columnDragId(c.key)),
    [data.columns]
  )
  const accessibility = useMemo(
    () => ({
      announcements: drag.announcements,
      screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS }
    }),
    [drag.announcements]
  )
  return (
    <Stack h="100%" gap="xs">
      <VisuallyHidden component="h1">Board</VisuallyHidden>
      <SearchBar data={data} />
      <SelectionBar columns={data.columns} />
      <BoardActionsContext value={actions}>
        <BoardFactsContext value={data.facts}>
          <DndContext
            sensors={drag.sensors}
            collisionDetection={drag.collisionDetection}
            onDragStart={drag.onDragStart}
            onDragMove={drag.onDragMove}
            onDragEnd={drag.onDragEnd}
            onDragCancel={drag.onDragCancel}
            accessibility={accessibility}
            autoScroll={BOARD_AUTO_SCROLL}
          >
            <SortableContext items={sortableIds} strategy={horizontalListSortingStrategy}>
              <Columns columns={data.columns} isFiltered={data.isFiltered} />
            </SortableContext>
            <DragOverlay dropAnimation={null}>
              <DragPreview />
            </DragOverlay>
          </DndContext>
        </BoardFactsContext>
      </BoardActionsContext>
    </Stack>
  )
}

const Columns = memo(function Columns({
  columns,
  isFiltered
}: {
  columns: ShownColumn[]
  isFiltered: boolean
}): React.JSX.Element {
  return (
    <Group
      align="stretch"
      wrap="nowrap"
      gap="sm"
      style={{ flex: 1, minHeight: 0, overflowX: 'auto', overflowY: 'hidden', paddingBottom: 4 }}
      data-testid="board"
      aria-label="Board"
      role="group"
    >
      {columns.length === 0 && (
        <Text c={QUIET_TEXT} p="md" data-testid="no-matches">
          No card matches these filters.
        </Text>
      )}
      {columns.map((column) =>
        column.category ? (
          <CategoryColumn key={column.key} column={column} filtered={isFiltered} />
        ) : (
          <InboxColumn key={column.key} column={column} filtered={isFiltered} />
        )
      )}
      <div>
        <NewCategoryButton />
      </div>
    </Group>
  )
})

/** The card under the pointer while dragging; a stack with a count when several cards move. */
function DragPreview(): React.JSX.Element | null {
  const activeId = useBoard((s) => s.drag?.activeId)
  const count = useBoard((s) => s.drag?.ids.length ?? 0)
  const card = useApp((s) => (activeId ? s.workspace?.cards.find((c) => c.id === activeId) : undefined))
  if (!card) return null
  return (
    <div className={`${classes.overlay} ${count > 1 ? classes.stacked : ''}`} data-testid="drag-preview">
      <CardTile card={card} count={count} />
    </div>
  )
}

function EmptyWorkspace({ onImport }: { onImport: () => void }): React.JSX.Element {
  const openExample = useApp((s) => s.openExample)
  return (
    <Center h="100%">
      <Stack align="center" maw={520} gap="md" data-testid="empty-workspace">
        <IconLayoutKanban size={48} stroke={1.2} aria-hidden />
        <Title order={1} size="h2">
          Start your workspace
        </Title>
        <Text ta="center" c={QUIET_TEXT}>
          Import the role taxonomies and persona pages you already have (Markdown, CSV or JSON), or start with
          a blank board and add categories and cards yourself. Everything stays on this computer.
        </Text>
        <Group>
          <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
            Import profiles…
          </Button>
          <NewCategoryButton />
        </Group>
        <Text ta="center" c={QUIET_TEXT} size="sm">
          New to Persona Planner? See it working on a small made-up department first.
        </Text>
        <Button
          variant="light"
          leftSection={<IconSchool size={16} aria-hidden />}
          onClick={() => void openExample()}
        >
          Open the example workspace
        </Button>
      </Stack>
    </Center>
  )
}
