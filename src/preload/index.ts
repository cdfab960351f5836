/**
 * Exposes exactly one object, window.api: a named method per contract channel, plus event
 * subscriptions that strip the Electron event and return an unsubscribe function.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, EVENTS, type Method } from '../shared/ipc/channels'
import type { AppApi } from '../shared/ipc/contract'

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, value: T): void => listener(value)
  ipcRenderer.on(channel, wrapped)
  return () => ipcRenderer.removeListener(channel, wrapped)
}

const methods = Object.fromEntries(
  (Object.keys(CHANNELS) as Method[]).map((method) => [
    method,
    (request: unknown) => ipcRenderer.invoke(CHANNELS[method], request ?? {})
  ])
)

const api = {
  ...methods,
  onWorkspaceChanged: (listener) => subscribe(EVENTS.workspaceChanged, listener),
  onStoreStatus: (listener) => subscribe(EVENTS.storeStatus, listener),
  onMenuAction: (listener) => subscribe(EVENTS.menuAction, listener)
} as AppApi // the methods are built from CHANNELS, whose keys the contract types one by one

contextBridge.exposeInMainWorld('api', api)
