import { AppShell, Button, Center, Loader, LoadingOverlay, NavLink, Stack, Text, Title } from '@mantine/core'
import { IconCopy, IconLayoutKanban, IconListCheck, IconReportAnalytics, IconTool } from '@tabler/icons-react'
import { useEffect, useState, type DragEvent } from 'react'
import { events } from './api/client'
import { AboutModal } from './components/AboutModal'
import { AppHeader } from './components/AppHeader'
import type { Dialog } from './components/dialogs'
import { Notices } from './components/Notices'
import { RestoreBackupModal } from './features/backups/RestoreBackupModal'
import { BoardView } from './features/board/BoardView'
import { CapabilitiesView } from './features/capabilities/CapabilitiesView'
import { DuplicatesView } from './features/duplicates/DuplicatesView'
import { ExportModal } from './features/export/ExportModal'
import { ExportReportModal } from './features/gaps/ExportReportModal'
import { GapView } from './features/gaps/GapView'
import { ImportPreviewModal } from './features/import/ImportPreviewModal'
import { useImport } from './features/import/use-import'
import { NeedsView } from './features/needs/NeedsView'
import { useApp, type View } from './store'
import { useShortcuts } from './use-shortcuts'

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
  const { load, receive, setStatus } = useApp.getState()
  const importer = useImport()
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const closeDialog = (): void => setDialog(null)

  useEffect(() => {
    void load()
    const offChange = events.onWorkspaceChanged(receive)
    const offStatus = events.onStoreStatus(setStatus)
    return () => {
      offChange()
      offStatus()
    }
  }, [load, receive, setStatus])

  useShortcuts({ import: () => void importer.chooseFiles(), openDialog: setDialog })

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
        <AppHeader onImport={() => void importer.chooseFiles()} onDialog={setDialog} />
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
      {dialog === 'export' && <ExportModal onClose={closeDialog} />}
      {dialog === 'export-report' && <ExportReportModal initialHorizon="now" onClose={closeDialog} />}
      {dialog === 'restore' && <RestoreBackupModal onClose={closeDialog} />}
      {dialog === 'about' && <AboutModal onClose={closeDialog} />}
    </AppShell>
  )
}
