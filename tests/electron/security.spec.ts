/**
 * What the renderer can reach, checked where only Electron can show it: no Node in the page, the
 * Content-Security-Policy header on the app:// document and in force, and a preload that adds
 * window.api and nothing else.
 */
import { CHANNELS, EVENTS } from '../../src/shared/ipc/channels'
import type { AppEvents } from '../../src/shared/ipc/contract'
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { secureWebPreferences } from '../../src/main/platform/security'
import { PRELOAD_SCRIPT, expect, test } from './fixtures'

/** The preload subscribes to each of EVENTS as `on<Event>`. */
type Subscription = `on${Capitalize<keyof typeof EVENTS>}`
type Same<A, B> = [A, B] extends [B, A] ? true : false
// Fails to compile when the contract's AppEvents and EVENTS stop naming the same subscriptions.
const subscriptionsMatchContract: Same<Subscription, keyof AppEvents> = true
void subscriptionsMatchContract

/** Every name window.api must carry: one method per channel and one subscription per event. */
const API_NAMES = [
  ...Object.keys(CHANNELS),
  ...Object.keys(EVENTS).map((event) => `on${event[0].toUpperCase()}${event.slice(1)}`)
].sort()

test('the renderer has no Node, and the CSP header is served and in force', async ({ window }) => {
  await expect(window.getByRole('banner')).toBeVisible()
  expect(window.url()).toBe(`${APP_ORIGIN}/index.html`)

  const node = await window.evaluate(() => {
    const scope = globalThis as { require?: unknown; process?: unknown; module?: unknown }
    return { require: typeof scope.require, process: typeof scope.process, module: typeof scope.module }
  })
  expect(node).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' })

  // The header the app:// protocol handler sends with the document (the same handler answers this fetch).
  const header = await window.evaluate(async () =>
    (await fetch(document.URL)).headers.get('content-security-policy')
  )
  expect(header).toBe(CONTENT_SECURITY_POLICY)

  // script-src 'self': an injected inline script does not run, and the page reports the violation.
  type Scope = { __ppInlineRan?: boolean; __ppInlineBlocked?: string[] }
  await window.evaluate(() => {
    const blocked: string[] = ((globalThis as Scope).__ppInlineBlocked = [])
    document.addEventListener('securitypolicyviolation', (event) => {
      if (event.blockedURI === 'inline') blocked.push(event.effectiveDirective)
    })
    const script = document.createElement('script')
    script.textContent = 'window.__ppInlineRan = true'
    document.head.append(script)
  })
  await expect
    .poll(() => window.evaluate(() => (globalThis as Scope).__ppInlineBlocked?.[0] ?? null))
    .toMatch(/^script-src/)
  expect(await window.evaluate(() => (globalThis as Scope).__ppInlineRan === true)).toBe(false)

  // No 'unsafe-eval': code from strings is refused. Run from a task of the page's own, since
  // DevTools lets code from strings through while it evaluates (that is how its console works).
  const evaluated = await window.evaluate(
    () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            // eslint-disable-next-line no-new-func -- the point: the CSP must refuse code built from a string
            resolve(typeof new Function('return 1'))
          } catch (error) {
            resolve(error instanceof EvalError ? 'refused' : String(error))
          }
        })
      )
  )
  expect(evaluated).toBe('refused')

  // connect-src 'self': nothing remote, whatever the network.
  const remote = await window.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'fetched',
      () => 'refused'
    )
  )
  expect(remote).toBe('refused')
})

test('window.api is the only global the preload adds: frozen, read-only, with exactly the contract’s methods', async ({
  electronApp,
  window
}) => {
  await expect(window.getByRole('banner')).toBeVisible()
  const api = await window.evaluate(() => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'api')
    const value = descriptor?.value as Record<string, unknown>
    return {
      writable: descriptor?.writable,
      configurable: descriptor?.configurable,
      frozen: Object.isFrozen(value),
      names: Object.getOwnPropertyNames(value).sort(),
      functions: Object.values(value).every((member) => typeof member === 'function')
    }
  })
  expect(api).toEqual({
    writable: false,
    configurable: false,
    frozen: true,
    names: API_NAMES,
    functions: true
  })

  // Two hidden windows on the app's own page with the main window's preferences, one without the
  // preload: the globals they end up with differ by `api` alone.
  const withPreload = secureWebPreferences(PRELOAD_SCRIPT)
  const withoutPreload = Object.fromEntries(
    Object.entries(withPreload).filter(([name]) => name !== 'preload')
  )
  const globals = await electronApp.evaluate(
    async ({ BrowserWindow }, { preferences, url }) => {
      const names: string[][] = []
      for (const webPreferences of preferences) {
        const probe = new BrowserWindow({ show: false, webPreferences })
        try {
          await probe.loadURL(url)
          names.push(await probe.webContents.executeJavaScript('Object.getOwnPropertyNames(window)'))
        } finally {
          probe.destroy()
        }
      }
      return names
    },
    { preferences: [withPreload, withoutPreload], url: `${APP_ORIGIN}/index.html` }
  )
  const [preloaded, plain] = globals.map((names) => new Set(names))
  expect([...preloaded].filter((name) => !plain.has(name))).toEqual(['api'])
  expect([...plain].filter((name) => !preloaded.has(name))).toEqual([])
})
