import { ActionIcon, Button, Group, Menu, Text, Title, Tooltip, UnstyledButton } from '@mantine/core'
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconDots,
  IconFileExport,
  IconFileImport,
  IconHistory,
  IconInfoCircle,
  IconPencil,
  IconReportAnalytics
} from '@tabler/icons-react'
import { useApp } from '../store'
import type { Dialog } from './dialogs'
import { SaveStatus } from './SaveStatus'

export function AppHeader({
  onImport,
  onDialog
}: {
  onImport: () => void
  onDialog: (dialog: Dialog) => void
}): React.JSX.Element {
  const name = useApp((s) => s.workspace?.name ?? '')
  const undoLabel = useApp((s) => s.undoLabel)
  const redoLabel = useApp((s) => s.redoLabel)
  const undo = useApp((s) => s.undo)
  const redo = useApp((s) => s.redo)
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Title order={4}>Persona Planner</Title>
        <Tooltip label="Workspace details: name and description">
          <UnstyledButton
            onClick={() => onDialog('workspace')}
            aria-label={`Workspace details: ${name}`}
            style={{ minWidth: 0 }}
          >
            <Text className="secondary-text" size="sm" truncate data-testid="workspace-name">
              {name}
            </Text>
          </UnstyledButton>
        </Tooltip>
        <SaveStatus />
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Tooltip label={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Undo"
            disabled={!undoLabel}
            onClick={() => void undo()}
          >
            <IconArrowBackUp size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Redo"
            disabled={!redoLabel}
            onClick={() => void redo()}
          >
            <IconArrowForwardUp size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
          Import…
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileExport size={16} aria-hidden />}
          onClick={() => onDialog('export')}
        >
          Export…
        </Button>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" size="lg" aria-label="More actions">
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => onDialog('workspace')}
            >
              Workspace details…
            </Menu.Item>
            <Menu.Item
              leftSection={<IconReportAnalytics size={14} aria-hidden />}
              onClick={() => onDialog('export-report')}
            >
              Export gap report…
            </Menu.Item>
            <Menu.Item
              leftSection={<IconHistory size={14} aria-hidden />}
              onClick={() => onDialog('restore')}
            >
              Restore from backup…
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item
              leftSection={<IconInfoCircle size={14} aria-hidden />}
              onClick={() => onDialog('about')}
            >
              About Persona Planner
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  )
}
