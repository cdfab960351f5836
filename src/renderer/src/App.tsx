import {
  ActionIcon,
  AppShell,
  Button,
  Center,
  Loader,
  NavLink,
  Stack,
  Text,
  Title,
  Tooltip
} from '@mantine/core'
import { useLocalStorage, useMediaQuery } from '@mantine/hooks'
import {
  IconCopy,
  IconLayoutKanban,
  IconLayoutSidebarLeftCollapse,
  IconLayoutSidebarLeftExpand,
  IconListCheck,
  IconReportAnalytics,
  IconTool
} from '@tabler/icons-react'
import { useDeferredValue, useEffect, useState, type DragEvent } from 'react'
import { call, on } from './api/client'
import { AboutModal } from './components/AboutModal'
import { AppHeader } from './components/AppHeader'
import type { Dialog } from './components/dialogs'
import { WorkspaceDetailsModal } from './components/WorkspaceDetailsModal'
import { Notices } from './components/Notices'
import { ViewErrorBoundary } from './components/ViewErrorBoundary'
import { RestoreBackupModal } from './features/backups/RestoreBackupModal'
import { BoardView } from './features/board/BoardView'
import { CapabilitiesView } from './features/capabilities/CapabilitiesView'
import { DuplicatesView } from './features/duplicates/DuplicatesView'
import { flushAllDrafts } from './features/card-drawer/pending-drafts'
import { ExportModal } from './features/export/ExportModal'
import { ExportReportModal } from './features/gaps/ExportReportModal'
import { GapView } from './features/gaps/GapView'
import { usePrepareAnalyses } from './features/gaps/use-gap-analysis'
import { ImportPreviewModal } from './features/import/ImportPreviewModal'
import { ImportProgressOverlay } from './features/import/ImportProgressOverlay'
import { useImport } from './features/import/use-import'
import { NeedsView } from './features/needs/NeedsView'
import { needRows } from './features/needs/needs-rows'
import { useApp, type View } from './store'
import { useShortcuts } from './use-shortcuts'

interface ViewEntry {
  label: string
  Icon: typeof IconLayoutKanban
  /** What the main area shows; the board and capabilities offer an import button. */
  Pane: (props: { onImport: () => void }) => React.JSX.Element | null
}

/** Every view's navigation entry and pane: a View left out here fails the typecheck, never shows a blank pane. */
const VIEWS: Record<View, ViewEntry> = {
  board: { label: 'Board', Icon: IconLayoutKanban, Pane: BoardView },
  duplicates: { label: 'Duplicates', Icon: IconCopy, Pane: DuplicatesView },
  capabilities: { label: 'Capabilities', Icon: IconTool, Pane: CapabilitiesView },
  needs: { label: 'Needs', Icon: IconListCheck, Pane: NeedsView },
  gaps: { label: 'Gap analysis', Icon: IconReportAnalytics, Pane: GapView }
}
// The keys of a Record<View, …> literal are exactly the views, in the order written: the navigation's order.
const VIEW_ORDER = Object.keys(VIEWS) as View[]

/** Below this width the sidebar shows icons only, unless the user expanded it. */
const NARROW_WINDOW = '(max-width: 1199px)'

/**
 * The sidebar's width: icons only in a narrow window, names otherwise, and whatever the user last
 * chose with the toggle at any size (remembered).
 */
function useSidebar(): { collapsed: boolean; toggle: () => void } {
  const narrow = useMediaQuery(NARROW_WINDOW, undefined, { getInitialValueInEffect: false })
  const [choice, setChoice] = useLocalStorage<'collapsed' | 'expanded' | null>({
    key: 'pp.sidebar',
    defaultValue: null,
    getInitialValueInEffect: false
  })
  const collapsed = choice === null ? narrow : choice === 'collapsed'
  return { collapsed, toggle: () => setChoice(collapsed ? 'expanded' : 'collapsed') }
}

/** The views' navigation: one button per view, the current one marked; icons with tooltips when collapsed. */
function ViewsNav({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }): React.JSX.Element {
  const view = useApp((s) => s.view)
  const setView = useApp((s) => s.setView)
  return (
    <Stack gap={4}>
      {VIEW_ORDER.map((v, i) => {
        const { label, Icon } = VIEWS[v]
        return (
          // Named beside the icon when expanded; the tooltip then would only cover the view.
          <Tooltip
            key={v}
            label={`${label} (Ctrl+${i + 1})`}
            position="right"
            withArrow
            disabled={!collapsed}
            // Rendered inside the navigation, so the tooltip a focused entry shows is in its landmark.
            withinPortal={false}
          >
            <NavLink
              component="button"
              label={collapsed ? undefined : label}
              aria-label={collapsed ? label : undefined}
              active={view === v}
              variant="filled"
              leftSection={<Icon size={18} aria-hidden />}
              onClick={() => setView(v)}
              aria-current={view === v ? 'page' : undefined}
            />
          </Tooltip>
        )
      })}
      <Tooltip
        label={collapsed ? 'Show view names' : 'Hide view names'}
        position="right"
        withArrow
        withinPortal={false}
      >
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          mt="xs"
          aria-label="Show view names"
          aria-expanded={!collapsed}
          aria-controls="views-nav"
          onClick={onToggle}
          data-testid="sidebar-toggle"
        >
          {collapsed ? (
            <IconLayoutSidebarLeftExpand size={18} aria-hidden />
          ) : (
            <IconLayoutSidebarLeftCollapse size={18} aria-hidden />
          )}
        </ActionIcon>
      </Tooltip>
    </Stack>
  )
}

export function App(): React.JSX.Element {
  const workspace = useApp((s) => s.workspace)
  const loadError = useApp((s) => s.loadError)
  // The navigation answers at once; the chosen view renders in the background, in slices, so
  // opening a large view never blocks the page (the old view stays until the new one is ready).
  const view = useDeferredValue(useApp((s) => s.view))
  const { Pane } = VIEWS[view]
  const setView = useApp((s) => s.setView)
  const sidebar = useSidebar()
  const { load, receive, setStatus } = useApp.getState()
  const importer = useImport()
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const closeDialog = (): void => setDialog(null)

  useEffect(() => {
    void load()
    const offChange = on('workspaceChanged', receive)
    const offStatus = on('storeStatus', setStatus)
    // Main is closing the workspace (quit, window closed): send what is typed, then say so.
    const offFlush = on('flushDrafts', ({ id }) => {
      void flushAllDrafts()
        .then(() => call('draftsFlushed', { id }))
        .catch(() => undefined) // main stops waiting after a timeout
    })
    return () => {
      offChange()
      offStatus()
      offFlush()
    }
  }, [load, receive, setStatus])

  useShortcuts({ import: () => void importer.chooseFiles(), openDialog: setDialog })
  // The needs and gap views open on what is computed here in idle time, whichever view is shown.
  usePrepareAnalyses(needRows)

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
      navbar={{ width: sidebar.collapsed ? 60 : 200, breakpoint: 0 }}
      padding="md"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <AppShell.Header>
        <AppHeader onImport={() => void importer.chooseFiles()} onDialog={setDialog} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Views" id="views-nav" data-collapsed={sidebar.collapsed}>
        <ViewsNav collapsed={sidebar.collapsed} onToggle={sidebar.toggle} />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        {importer.busy && <ImportProgressOverlay progress={importer.progress} onCancel={importer.cancel} />}
        <Notices />
        <div style={{ flex: 1, minHeight: 0 }}>
          <ViewErrorBoundary
            key={view}
            label={VIEWS[view].label}
            onLeave={view === 'board' ? undefined : () => setView('board')}
            onRetry={load}
          >
            <Pane onImport={() => void importer.chooseFiles()} />
          </ViewErrorBoundary>
        </div>
      </AppShell.Main>
      {importer.preview && <ImportPreviewModal preview={importer.preview} onClose={importer.close} />}
      {dialog === 'export' && <ExportModal onClose={closeDialog} />}
      {dialog === 'export-report' && <ExportReportModal initialHorizon="now" onClose={closeDialog} />}
      {dialog === 'restore' && <RestoreBackupModal onClose={closeDialog} />}
      {dialog === 'about' && <AboutModal onClose={closeDialog} />}
      {dialog === 'workspace' && <WorkspaceDetailsModal onClose={closeDialog} />}
    </AppShell>
  )
}
