/**
 * The window's and session's security settings, checked against a recording fake of the few
 * Electron objects they touch (the real binary is not needed).
 */
import { describe, expect, it, vi } from 'vitest'
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../../../src/shared/csp'
import { resolveAppFile } from '../../../../src/main/platform/protocol'
import {
  hardenSession,
  hardenWebContents,
  secureWebPreferences
} from '../../../../src/main/platform/security'
import { checkExternalUrl } from '../../../../src/main/services/external-url'

type Listener = (event: { preventDefault: () => void }, url: string) => void

function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  return {
    on: (name: string, listener: Listener) => void listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
    navigate(name: string, url: string): boolean {
      let prevented = false
      listeners.get(name)!({ preventDefault: () => (prevented = true) }, url)
      return prevented
    },
    open: (url: string) => openHandler!({ url })
  }
}

describe('window security', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security on', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })

  it('denies navigation away from the app and every new window; only http(s) goes to the browser', async () => {
    const contents = fakeContents()
    const openExternal = vi.fn(async (_url: string) => undefined)
    hardenWebContents(contents as never, openExternal, undefined)
    expect(contents.navigate('will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false)
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true)
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(contents.open('https://www.gov.uk/guidance/service-designer')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://evil.example/',
      'https://www.gov.uk/guidance/service-designer'
    ])
  })

  it('denies every permission and cancels requests to anything but the app', () => {
    let request: ((contents: unknown, permission: string, cb: (allowed: boolean) => void) => void) | null =
      null
    let check: (() => boolean) | null = null
    let filter: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null = null
    hardenSession(
      {
        setPermissionRequestHandler: (h: never) => void (request = h),
        setPermissionCheckHandler: (h: never) => void (check = h),
        webRequest: { onBeforeRequest: (h: never) => void (filter = h) }
      } as never,
      undefined
    )
    const granted = vi.fn()
    request!({}, 'media', granted)
    expect(granted).toHaveBeenCalledWith(false)
    expect(check!()).toBe(false)
    const verdict = (url: string) => {
      let cancel: boolean | null = null
      filter!({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(verdict(`${APP_ORIGIN}/assets/index.js`)).toBe(false)
    expect(verdict('https://fonts.googleapis.com/css')).toBe(true)
    expect(verdict('file:///etc/passwd')).toBe(true)
  })

  it('has a strict Content-Security-Policy: nothing remote, no eval, no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
    expect(CONTENT_SECURITY_POLICY.match(/script-src[^;]*/)![0]).not.toContain('unsafe-inline')
  })

  it('serves only files inside the renderer folder from app://', () => {
    expect(resolveAppFile('/app/renderer', `${APP_ORIGIN}/`)).toBe('/app/renderer/index.html')
    expect(resolveAppFile('/app/renderer', `${APP_ORIGIN}/assets/a.js`)).toBe('/app/renderer/assets/a.js')
    expect(resolveAppFile('/app/renderer', `${APP_ORIGIN}/..%2F..%2Fetc%2Fpasswd`)).toBeNull()
    // dot segments are resolved by the URL parser before the path is joined: they cannot climb out
    expect(resolveAppFile('/app/renderer', `${APP_ORIGIN}/%2e%2e/main/index.js`)).toBe(
      '/app/renderer/main/index.js'
    )
  })

  it.each([
    'javascript:alert(1)',
    'file:///C:/Windows',
    'data:text/html,x',
    'https://user:pw@host/',
    'not a url',
    'ms-settings:'
  ])('refuses to open %s externally', (url) => expect(() => checkExternalUrl(url)).toThrow())

  it('opens plain https links', () =>
    expect(checkExternalUrl('https://esco.ec.europa.eu/en')).toBe('https://esco.ec.europa.eu/en'))
})

// electron-builder.yml (fuses, asar, targets) is checked in tests/unit/electron-builder.test.ts.
describe('packaging', () => {
  it('loads the packaged renderer from app://, never file://', async () => {
    const { readFile } = await import('node:fs/promises')
    const main = await readFile('src/main/index.ts', 'utf8')
    expect(main).toContain('loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)')
    expect(main).not.toMatch(/loadFile|file:\/\//)
  })
})
