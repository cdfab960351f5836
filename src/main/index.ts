/**
 * Electron lifecycle and glue only: single instance, secure window, menu, IPC registration,
 * the app:// protocol, window state, and the quit: services/quit.ts decides (drafts, the final save,
 * the question when it fails); this file gives it the window, the dialogs and app.quit.
 */
import { join } from 'node:path'
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  session,
  shell,
  type MessageBoxOptions,
  type SaveDialogOptions
} from 'electron'
import { EVENTS, type EventName } from '../shared/ipc/channels'
import type { Payload } from '../shared/ipc/contract'
import type { ImportProgress, MenuAction } from '../shared/ipc/types'
import { APP_ORIGIN } from '../shared/csp'
import { createHandlers } from './ipc/handlers'
import { electronPlatform } from './platform/electron-platform'
import { menuTemplate } from './platform/menu'
import { registerIpc } from './platform/ipc'
import { registerAppProtocol } from './platform/protocol'
import { hardenSession, hardenWebContents, isAppUrl, secureWebPreferences } from './platform/security'
import { resourcesDir, windowIconPath } from './platform/resources'
import {
  DraftFlushes,
  QUIT_ANSWERS,
  QUIT_TEXT,
  closeForQuit,
  quitDetail,
  quitOnce,
  type QuitAnswer
} from './services/quit'
import { nodeFs } from './services/fs-port'
import { describeStartError, restoreNewestBackup, START_FAILURE_TEXT } from './services/start-failure'
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

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => startFailed(error))
}

/**
 * Start failed (the workspace threw while opening, the window could not be made): say what went
 * wrong and offer the way out instead of leaving no window and no word.
 */
async function startFailed(error: unknown): Promise<void> {
  console.error(error)
  const dataDir = app.getPath('userData')
  const text = START_FAILURE_TEXT
  const buttons = [text.restore, text.openFolder, text.quit]
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: text.title,
      message: text.message,
      detail: text.detail(describeStartError(error), dataDir),
      buttons,
      defaultId: 0,
      cancelId: 2,
      noLink: true
    })
    if (buttons[response] === text.openFolder) {
      await shell.openPath(dataDir)
      continue
    }
    if (buttons[response] === text.restore) {
      const outcome = await restoreNewestBackup(nodeFs, dataDir, () => new Date())
      if (outcome.kind === 'restored') {
        await dialog.showMessageBox({
          type: 'info',
          message: text.restored(outcome.backup, outcome.movedAside)
        })
        app.relaunch()
      } else {
        const message = outcome.kind === 'no-backup' ? text.noBackup : text.restoreFailed(outcome.message)
        await dialog.showMessageBox({ type: 'warning', message })
        continue
      }
    }
    app.exit(1)
    return
  }
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

  const store = await WorkspaceStore.open({ dir: userData, owner: `Persona Planner (pid ${process.pid})` })
  store.onChange((change) => send('workspaceChanged', change))
  store.onStatus((status) => send('storeStatus', status))

  const platform = electronPlatform(() => mainWindow, resources)
  const drafts = new DraftFlushes({
    send: (id) => {
      if (!mainWindow || mainWindow.isDestroyed() || mainWindow.webContents.isCrashed()) return false
      send('flushDrafts', { id })
      return true
    }
  })
  requestQuit = quitOnce(
    () =>
      closeForQuit({
        store,
        flushDrafts: () => drafts.request(),
        ask: askAboutFailedSave,
        chooseCopyPath
      }),
    () => app.quit()
  )

  // Imports are parsed in a worker thread built beside this bundle (services/parse-worker.ts).
  const importWorker = {
    workerPath: join(import.meta.dirname, 'parse-worker.js'),
    onProgress: (progress: ImportProgress) => send('importProgress', progress)
  }
  registerIpc(ipcMain, createHandlers({ store, platform, drafts, importWorker }), (url) =>
    isAppUrl(url, devServerUrl)
  )
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
  mainWindow.on('close', (event) => {
    if (!mainWindow) return
    const bounds = mainWindow.getNormalBounds()
    void saveWindowState(statePath, { ...bounds, isMaximized: mainWindow.isMaximized() })
    // Closing the window quits (window-all-closed): save while the page can still send its drafts.
    requestQuit?.(event)
  })
  mainWindow.on('closed', () => (mainWindow = null))
  await mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
}

/** Holds back the window's close and the app's quit until the workspace is closed (services/quit.ts). */
let requestQuit: ((event: { preventDefault(): void }) => void) | null = null

/** The question when the final save fails; Escape means "Try again", never losing changes by default. */
async function askAboutFailedSave(unsavedLabels: string[], errorMessage: string): Promise<QuitAnswer> {
  const options: MessageBoxOptions = {
    type: 'warning',
    title: QUIT_TEXT.title,
    message: QUIT_TEXT.message,
    detail: quitDetail(unsavedLabels, errorMessage),
    buttons: [...QUIT_TEXT.buttons],
    defaultId: 0,
    cancelId: 0,
    noLink: true
  }
  const parent = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options)
  return QUIT_ANSWERS[response] ?? 'retry'
}

/** Where to save a copy of the workspace when its own file cannot be written; null when cancelled. */
async function chooseCopyPath(): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: QUIT_TEXT.copyDialogTitle,
    defaultPath: join(app.getPath('documents'), 'workspace.json')
  }
  const parent = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}

app.on('before-quit', (event) => requestQuit?.(event))

app.on('window-all-closed', () => app.quit())
