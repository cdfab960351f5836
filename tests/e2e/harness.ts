/**
 * The test harness (DESIGN.md "Test harness"): the built renderer runs in Chromium, and
 * window.api is a Playwright binding that calls the same handler table main registers, over a
 * real WorkspaceStore in a temporary folder. Only Electron itself is left out.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, expect, type Page } from '@playwright/test'
import { createHandlers, type HandlerTable, type Platform } from '../../src/main/ipc/handlers'
import { WorkspaceStore } from '../../src/main/services/workspace-store'
import { buildSync } from 'esbuild'
import { CHANNELS, EVENTS, type EventName, type Method } from '../../src/shared/ipc/channels'
import type { Payload } from '../../src/shared/ipc/contract'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'

export const APP_URL = 'http://localhost:5199/'
/** The built renderer; PP_RENDERER_DIR points elsewhere when several builds run side by side. */
export const RENDERER = resolve(process.env.PP_RENDERER_DIR ?? 'out/renderer')
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2'
}

/** What a test can script: the files the open dialog returns, the path the save dialog returns. */
export interface FakePlatform extends Platform {
  nextOpenPaths: string[][]
  nextSavePaths: string[]
  opened: string[]
}

export interface Harness {
  dir: string
  workspaceFile: string
  store: WorkspaceStore
  platform: FakePlatform
  handlers: HandlerTable
  /** Resolves when everything applied so far is on disk. */
  flush(): Promise<void>
  readWorkspaceFile(): Promise<{
    name: string
    capabilities: { name: string }[]
    categories: { name: string }[]
    cards: { title: string; categoryId: string | null }[]
  }>
}

async function serveRenderer(page: Page): Promise<void> {
  await page.route(`${APP_URL}**`, async (route) => {
    const path = new URL(route.request().url()).pathname
    const file = join(RENDERER, path === '/' ? 'index.html' : path)
    if (!file.startsWith(RENDERER)) return route.fulfill({ status: 404 })
    try {
      await route.fulfill({
        body: await readFile(file),
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
        headers: { 'content-security-policy': CONTENT_SECURITY_POLICY }
      })
    } catch {
      await route.fulfill({ status: 404 })
    }
  })
}

/**
 * src/shared/ipc/build-api.ts bundled for the page, where it builds window.api exactly as the
 * preload does, on a Playwright binding instead of ipcRenderer.
 */
const BUILD_API = buildSync({
  entryPoints: [fileURLToPath(new URL('../../src/shared/ipc/build-api.ts', import.meta.url))],
  bundle: true,
  format: 'iife',
  globalName: '__ppApi',
  write: false,
  // init scripts run in a function scope: hand the result to the page's global object
  footer: { js: 'globalThis.__ppApi = __ppApi' }
}).outputFiles[0].text

/**
 * The import parser's worker (src/main/parse-worker-entry.ts) bundled as a CommonJS file, as
 * electron-vite builds it into out/main: a worker thread needs JavaScript on disk.
 */
const PARSE_WORKER = join(mkdtempSync(join(tmpdir(), 'persona-planner-worker-')), 'parse-worker.cjs')
buildSync({
  entryPoints: [fileURLToPath(new URL('../../src/main/parse-worker-entry.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: PARSE_WORKER,
  logLevel: 'warning'
})
process.once('exit', () => rmSync(dirname(PARSE_WORKER), { recursive: true, force: true }))

const METHOD_BY_CHANNEL = new Map<string, Method>(
  Object.entries(CHANNELS).map(([method, channel]) => [channel, method as Method])
)

/** Installs window.api in the page: buildApi over the binding, like the preload over IPC. */
async function bridge(page: Page, handlers: HandlerTable): Promise<void> {
  await page.exposeBinding('__ppInvoke', async (_source, channel: string, request: unknown) => {
    const method = METHOD_BY_CHANNEL.get(channel)
    if (method === undefined)
      return { ok: false, error: { code: 'validation', message: `No channel ${channel}.` } }
    // Uint8Array cannot cross the binding: the page sends base64, here it becomes bytes again.
    const decoded = JSON.parse(JSON.stringify(request ?? {}), (_key, value: unknown) =>
      value && typeof value === 'object' && '__bytes' in value
        ? new Uint8Array(Buffer.from((value as { __bytes: string }).__bytes, 'base64'))
        : value
    ) as unknown
    return handlers[method](decoded)
  })
  await page.addInitScript({ content: BUILD_API })
  await page.addInitScript(() => {
    type Listener = (value: unknown) => void
    const listeners: Record<string, Set<Listener>> = {}
    const encode = (value: unknown): unknown => {
      if (value instanceof Uint8Array) {
        let binary = ''
        for (let i = 0; i < value.length; i += 0x8000)
          binary += String.fromCharCode(...value.subarray(i, i + 0x8000))
        return { __bytes: btoa(binary) }
      }
      if (Array.isArray(value)) return value.map(encode)
      if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]))
      return value
    }
    const w = window as unknown as Record<string, unknown>
    const invoke = w.__ppInvoke as (channel: string, request: unknown) => Promise<unknown>
    const { buildApi } = w.__ppApi as typeof import('../../src/shared/ipc/build-api')
    w.api = buildApi(
      (channel, request) => invoke(channel, encode(request)),
      (channel, listener) => {
        ;(listeners[channel] ??= new Set()).add(listener)
        return () => listeners[channel].delete(listener)
      }
    )
    w.__ppEmit = (channel: string, value: unknown) =>
      listeners[channel]?.forEach((listener) => listener(value))
  })
}

/** Sends a main-process event (workspace change, store status, menu action) to the page. */
export async function emit<E extends EventName>(page: Page, event: E, payload: Payload<E>): Promise<void> {
  await page.evaluate(
    ([channel, value]) =>
      (window as unknown as { __ppEmit: (channel: string, value: unknown) => void }).__ppEmit(channel, value),
    [EVENTS[event], payload] as const
  )
}

export async function openApp(
  page: Page,
  dir: string,
  platformOverrides: Partial<Platform> = {}
): Promise<Harness> {
  const store = await WorkspaceStore.open({ dir, owner: 'e2e test' })
  const platform: FakePlatform = {
    nextOpenPaths: [],
    nextSavePaths: [],
    opened: [],
    chooseImportFiles: async () => platform.nextOpenPaths.shift() ?? null,
    chooseSavePath: async () => platform.nextSavePaths.shift() ?? null,
    openExternal: async (url) => {
      platform.opened.push(url)
    },
    exampleWorkspacePath: resolve('resources/example-workspace.json'),
    printToPdf: async (html) => {
      const printer = await page.context().newPage()
      try {
        await printer.setContent(html)
        return new Uint8Array(await printer.pdf({ format: 'A4', printBackground: true }))
      } finally {
        await printer.close()
      }
    },
    ...platformOverrides
  }
  const handlers = createHandlers({
    store,
    platform,
    importWorker: {
      workerPath: PARSE_WORKER,
      onProgress: (progress) => void emit(page, 'importProgress', progress).catch(() => undefined)
    }
  })
  store.onChange((change) => void emit(page, 'workspaceChanged', change).catch(() => undefined))
  store.onStatus((status) => void emit(page, 'storeStatus', status).catch(() => undefined))
  await serveRenderer(page)
  await bridge(page, handlers)
  await page.goto(APP_URL)
  const workspaceFile = join(dir, 'workspace.json')
  return {
    dir,
    workspaceFile,
    store,
    platform,
    handlers,
    flush: () => store.flush(),
    readWorkspaceFile: async () => JSON.parse(await readFile(workspaceFile, 'utf8'))
  }
}

export const test = base.extend<{ dataDir: string; app: Harness }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires a fixture's first argument to be destructured
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'persona-planner-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
  app: async ({ page, dataDir }, use) => {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    const app = await openApp(page, dataDir)
    await use(app)
    await app.store.close()
    expect(pageErrors, 'uncaught errors in the page').toEqual([])
  }
})

export { expect }
