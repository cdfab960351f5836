/**
 * Electron lifecycle and glue only: single instance, secure window, menu, IPC registration,
 * the app:// protocol, window state and flushing the store before quit. The services do the work.
 */
import { join } from 'node:path'
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session, shell } from 'electron'
import { EVENTS, type EventName } from '../shared/ipc/channels'
import type { Payload } from '../shared/ipc/contract'
import type { MenuAction } from '../shared/ipc/types'
import { APP_ORIGIN } from '../shared/csp'
import { createHandlers } from './ipc/handlers'
import { electronPlatform } from './platform/electron-platform'
import { menuTemplate } from './platform/menu'
import { registerIpc } from './platform/ipc'
import { registerAppProtocol } from './platform/protocol'
import { hardenSession, hardenWebContents, isAppUrl, secureWebPreferences } from './platform/security'
import { resourcesDir, windowIconPath } from './platform/resources'
import { WorkspaceStore } from './services/workspace-store'
import { loadWindowState, saveWindowState } from './services/window-state'

// `||`, not `??`: an empty ELECTRON_RENDERER_URL is no dev server (isAppUrl would trust every URL).
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'] || undefined
// Tests and portable setups point the data folder elsewhere.
if (process.env['PERSONA_PLANNER_USER_DATA'])
  app.setPath('userData', process.env['PERSONA_PLANNER_USER_DATA'])

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
])

let mainWindow: BrowserWindow | null = null
let store: WorkspaceStore | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Persona Planner could not start', String(error))
    app.exit(1)
  })
}

async function start(): Promise<void> {
  const userData = app.getPath('userData')
  const statePath = join(userData, 'window-state.json')
  const send = <E extends EventName>(event: E, payload: Payload<E>): void =>
    mainWindow?.webContents.send(EVENTS[event], payload)
  const resources = resourcesDir({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    mainDir: import.meta.dirname
  })

  store = await WorkspaceStore.open({ dir: userData, owner: `Persona Planner (pid ${process.pid})` })
  store.onChange((change) => send('workspaceChanged', change))
  store.onStatus((status) => send('storeStatus', status))

  const platform = electronPlatform(() => mainWindow, resources)

  registerIpc(ipcMain, createHandlers({ store, platform }), (url) => isAppUrl(url, devServerUrl))
  hardenSession(session.defaultSession, devServerUrl)
  registerAppProtocol(protocol, join(import.meta.dirname, '../renderer'))

  const sendMenu = (action: MenuAction): void => send('menuAction', action)
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(sendMenu, {
        isMac: process.platform === 'darwin',
        isDev: devServerUrl !== undefined,
        openDataFolder: () => void shell.openPath(userData)
      })
    )
  )

  const state = await loadWindowState(statePath)
  mainWindow = new BrowserWindow({
    ...state,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Persona Planner',
    icon: windowIconPath(process.platform, resources),
    backgroundColor: '#1f1f1f',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs'))
  })
  if (state.isMaximized) mainWindow.maximize()
  hardenWebContents(mainWindow.webContents, (url) => shell.openExternal(url), devServerUrl)
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('close', () => {
    if (!mainWindow) return
    const bounds = mainWindow.getNormalBounds()
    void saveWindowState(statePath, { ...bounds, isMaximized: mainWindow.isMaximized() })
  })
  mainWindow.on('closed', () => (mainWindow = null))
  await mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
}

let quitting = false
app.on('before-quit', (event) => {
  if (quitting || !store) return
  event.preventDefault()
  quitting = true
  store.close().finally(() => app.quit())
})

app.on('window-all-closed', () => app.quit())
