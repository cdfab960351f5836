/**
 * Exposes exactly one object, window.api, built from the shared channel tables: a named method per
 * contract method, and event subscriptions that strip the Electron event and return an unsubscribe.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildApi } from '../shared/ipc/build-api'

const api = buildApi(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (channel, listener) => {
    const wrapped = (_event: IpcRendererEvent, value: unknown): void => listener(value)
    ipcRenderer.on(channel, wrapped)
    return () => ipcRenderer.removeListener(channel, wrapped)
  }
)

contextBridge.exposeInMainWorld('api', api)
