import { Button, Center, Group, Stack, Text, Title } from '@mantine/core'
import { IconFileImport, IconLayoutKanban } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useApp } from '../../store'
import { boardColumns } from './columns'
import { Column } from './Column'
import { NewCategoryButton } from './NewCategoryButton'

export function BoardView({ onImport }: { onImport: () => void }): React.JSX.Element | null {
  const workspace = useApp((s) => s.workspace)
  const columns = useMemo(() => (workspace ? boardColumns(workspace) : []), [workspace])
  if (!workspace) return null
  if (workspace.cards.length === 0 && workspace.categories.length === 0)
    return <EmptyWorkspace onImport={onImport} />
  return (
    <Group
      align="stretch"
      wrap="nowrap"
      gap="sm"
      h="100%"
      style={{ overflowX: 'auto', overflowY: 'hidden' }}
      data-testid="board"
      aria-label="Board"
    >
      {columns.map((column) => (
        <Column key={column.category?.id ?? 'inbox'} column={column} />
      ))}
      <div>
        <NewCategoryButton />
      </div>
    </Group>
  )
}

function EmptyWorkspace({ onImport }: { onImport: () => void }): React.JSX.Element {
  return (
    <Center h="100%">
      <Stack align="center" maw={520} gap="md" data-testid="empty-workspace">
        <IconLayoutKanban size={48} stroke={1.2} aria-hidden />
        <Title order={2}>Start your workspace</Title>
        <Text ta="center" c="dimmed">
          Import the role taxonomies and persona pages you already have (Markdown, CSV or JSON), or start with
          a blank board and add categories and cards yourself. Everything stays on this computer.
        </Text>
        <Group>
          <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
            Import profiles…
          </Button>
          <NewCategoryButton />
        </Group>
      </Stack>
    </Center>
  )
}
