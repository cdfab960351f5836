import {
  ActionIcon,
  AppShell,
  Button,
  Center,
  Group,
  Loader,
  LoadingOverlay,
  NavLink,
  Stack,
  Text,
  Title,
  Tooltip
} from '@mantine/core'
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconCopy,
  IconFileExport,
  IconFileImport,
  IconLayoutKanban,
  IconListCheck,
  IconReportAnalytics,
  IconTool
} from '@tabler/icons-react'
import { useEffect, useState, type DragEvent } from 'react'
import { events } from './api/client'
import { Notices } from './components/Notices'
import { SaveStatus } from './components/SaveStatus'
import { BoardView } from './features/board/BoardView'
import { DuplicatesView } from './features/duplicates/DuplicatesView'
import { CapabilitiesView } from './features/capabilities/CapabilitiesView'
import { ExportReportModal } from './features/gaps/ExportReportModal'
import { GapView } from './features/gaps/GapView'
import { NeedsView } from './features/needs/NeedsView'
import { ExportModal } from './features/export/ExportModal'
import { ImportPreviewModal } from './features/import/ImportPreviewModal'
import { useImport } from './features/import/use-import'
import { useShortcuts } from './use-shortcuts'
import { useApp, type View } from './store'

const VIEWS: { view: View; label: string; Icon: typeof IconLayoutKanban }[] = [
  { view: 'board', label: 'Board', Icon: IconLayoutKanban },
  { view: 'duplicates', label: 'Duplicates', Icon: IconCopy },
  { view: 'capabilities', label: 'Capabilities', Icon: IconTool },
  { view: 'needs', label: 'Needs', Icon: IconListCheck },
  { view: 'gaps', label: 'Gap analysis', Icon: IconReportAnalytics }
]

export function App(): React.JSX.Element {
  const workspace = useApp((s) => s.workspace)
  const loadError = useApp((s) => s.loadError)
  const view = useApp((s) => s.view)
  const setView = useApp((s) => s.setView)
  const undoLabel = useApp((s) => s.undoLabel)
  const redoLabel = useApp((s) => s.redoLabel)
  const { load, undo, redo, receive, setStatus } = useApp.getState()
  const importer = useImport()
  const [exporting, setExporting] = useState(false)
  const [exportingReport, setExportingReport] = useState(false)

  useEffect(() => {
    void load()
    const offChange = events.onWorkspaceChanged(receive)
    const offStatus = events.onStoreStatus(setStatus)
    return () => {
      offChange()
      offStatus()
    }
  }, [load, receive, setStatus])

  useShortcuts({
    import: () => void importer.chooseFiles(),
    export: () => setExporting(true),
    exportReport: () => setExportingReport(true)
  })

  const onDrop = (e: DragEvent): void => {
    if (e.dataTransfer.files.length === 0) return
    e.preventDefault()
    void importer.importDropped([...e.dataTransfer.files])
  }

  if (loadError) {
    return (
      <Center h="100%">
        <Stack align="center">
          <Title order={3}>The workspace could not be opened</Title>
          <Text>{loadError}</Text>
          <Button onClick={() => void load()}>Try again</Button>
        </Stack>
      </Center>
    )
  }
  if (!workspace) {
    return (
      <Center h="100%">
        <Loader aria-label="Opening workspace" />
      </Center>
    )
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 200, breakpoint: 0 }}
      padding="md"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={4}>Persona Planner</Title>
            <Text className="secondary-text" size="sm" truncate data-testid="workspace-name">
              {workspace.name}
            </Text>
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
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={() => void importer.chooseFiles()}
            >
              Import…
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileExport size={16} aria-hidden />}
              onClick={() => setExporting(true)}
            >
              Export…
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Views">
        {VIEWS.map(({ view: v, label, Icon }) => (
          <NavLink
            key={v}
            label={label}
            active={view === v}
            variant="filled"
            leftSection={<Icon size={18} aria-hidden />}
            onClick={() => setView(v)}
            aria-current={view === v ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        <LoadingOverlay
          visible={importer.busy}
          overlayProps={{ blur: 1 }}
          loaderProps={{ children: 'Reading files…' }}
        />
        <Notices />
        <div style={{ flex: 1, minHeight: 0 }}>
          {view === 'board' && <BoardView onImport={() => void importer.chooseFiles()} />}
          {view === 'duplicates' && <DuplicatesView />}
          {view === 'capabilities' && <CapabilitiesView onImport={() => void importer.chooseFiles()} />}
          {view === 'needs' && <NeedsView />}
          {view === 'gaps' && <GapView />}
        </div>
      </AppShell.Main>
      {importer.preview && <ImportPreviewModal preview={importer.preview} onClose={importer.close} />}
      {exporting && <ExportModal onClose={() => setExporting(false)} />}
      {exportingReport && (
        <ExportReportModal initialHorizon="now" onClose={() => setExportingReport(false)} />
      )}
    </AppShell>
  )
}
