/** The application menu: every item either sends a MenuAction to the renderer or is a standard role. */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuAction } from '../../shared/ipc/types'

export function menuTemplate(
  send: (action: MenuAction) => void,
  options: { isMac: boolean; isDev: boolean; openDataFolder: () => void }
): MenuItemConstructorOptions[] {
  // The renderer handles these keys itself (so a text field keeps its own Ctrl+Z); the menu only shows them.
  const item = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => send(action)
  })
  return [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New Card', 'new-card', 'CmdOrCtrl+N'),
        item('New Category', 'new-category', 'CmdOrCtrl+Shift+N'),
        { type: 'separator' },
        item('Import…', 'import', 'CmdOrCtrl+O'),
        item('Export…', 'export', 'CmdOrCtrl+E'),
        item('Export Gap Report…', 'export-report', 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        item('Workspace Details…', 'workspace-details'),
        item('Restore from Backup…', 'restore-backup'),
        { label: 'Open Data Folder', click: options.openDataFolder },
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', options.isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('Find…', 'find', 'CmdOrCtrl+F')
      ]
    },
    {
      label: '&View',
      submenu: [
        item('Board', 'show-board', 'CmdOrCtrl+1'),
        item('Duplicates', 'show-duplicates', 'CmdOrCtrl+2'),
        item('Capabilities', 'show-capabilities', 'CmdOrCtrl+3'),
        item('Needs', 'show-needs', 'CmdOrCtrl+4'),
        item('Gap Analysis', 'show-gaps', 'CmdOrCtrl+5'),
        { type: 'separator' },
        {
          label: 'Colour Scheme',
          submenu: [
            item('Same as System', 'scheme-system'),
            item('Light', 'scheme-light'),
            item('Dark', 'scheme-dark')
          ]
        },
        { type: 'separator' },
        ...(options.isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { label: '&Help', submenu: [item('About Persona Planner', 'about')] }
  ]
}
