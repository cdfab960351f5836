/**
 * Every security setting of the window and its session, written against the small part of
 * Electron's API they use, so unit tests check them against a recording fake.
 */
import type { Session, WebContents, WebPreferences } from 'electron'
import { APP_ORIGIN } from '../../shared/csp'
import { checkExternalUrl } from '../services/external-url'

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true
  }
}

/** True for the pages the app itself serves: the packaged origin, or the dev server in development. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true
  return devServerUrl !== undefined && url.startsWith(devServerUrl)
}

type OpenExternal = (url: string) => Promise<void>

/** Denies navigation away from the app and every new window; http(s) links go to the system browser. */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: OpenExternal,
  devServerUrl: string | undefined
): void {
  const sendOut = (url: string): void => {
    try {
      void openExternal(checkExternalUrl(url))
    } catch {
      // not an http(s) URL: dropped on purpose
    }
  }
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, devServerUrl)) return
    event.preventDefault()
    sendOut(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url)
    return { action: 'deny' }
  })
}

/** Refuses every permission (camera, notifications, geolocation ...) and every remote request. */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>,
  devServerUrl: string | undefined
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url.startsWith(`${APP_ORIGIN}/`) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      (devServerUrl !== undefined &&
        (details.url.startsWith(devServerUrl) || details.url.startsWith(devServerUrl.replace(/^http/, 'ws'))))
    callback({ cancel: !allowed })
  })
}
