import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Text,
  Tooltip,
  UnstyledButton,
  useMantineColorScheme,
  type MantineColorScheme
} from '@mantine/core'
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconCheck,
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

const SCHEMES: { value: MantineColorScheme; label: string }[] = [
  { value: 'auto', label: 'Same as system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' }
]

/** Menu.Item always renders role="menuitem"; a scheme is one of three, checked or not. */
const asRadio = (item: HTMLElement | null): void => item?.setAttribute('role', 'menuitemradio')

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
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  // The app's name is not a heading: each view's title is the page's one h1.
  // When space runs out, the workspace name shortens; the app name and the save status never do.
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
        <Text fw={700} size="lg" style={{ flexShrink: 0 }}>
          Persona Planner
        </Text>
        <Tooltip label="Workspace details: name and description">
          <UnstyledButton
            onClick={() => onDialog('workspace')}
            aria-label={`Workspace details: ${name}`}
            style={{ minWidth: 0, flexShrink: 1 }}
          >
            <Text className="secondary-text" size="sm" truncate data-testid="workspace-name">
              {name}
            </Text>
          </UnstyledButton>
        </Tooltip>
        <SaveStatus />
      </Group>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
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
            <Menu.Label id="colour-scheme-label">Colour scheme</Menu.Label>
            {SCHEMES.map(({ value, label }) => (
              <Menu.Item
                key={value}
                ref={asRadio}
                aria-checked={colorScheme === value}
                leftSection={
                  colorScheme === value ? <IconCheck size={14} aria-hidden /> : <span style={{ width: 14 }} />
                }
                onClick={() => setColorScheme(value)}
              >
                {label}
              </Menu.Item>
            ))}
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
