/**
 * The Electron suite's fixture: the built app (out/main/index.js) in the real Electron, with a
 * fresh data folder per test (PERSONA_PLANNER_USER_DATA, read at the top of main), closed after
 * the test. Native dialogs are stubbed in main with `electronApp.evaluate`; nothing in src/ knows
 * about tests.
 *
 * Where the Electron binary is not installed, every test skips and says why (the skip-reasons
 * reporter prints it). PP_REQUIRE_ELECTRON=1 turns that skip into a failure, for CI jobs that
 * must really run the suite.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  _electron as electron,
  test as base,
  expect,
  type ElectronApplication,
  type Page
} from '@playwright/test'
import { electronStatus, projectElectron } from '../../scripts/ensure-electron.mjs'
import { WORKSPACE_FILE, WorkspaceStore } from '../../src/main/services/workspace-store'
import {
  emptyWorkspace,
  newCapability,
  newCategory,
  newNeed,
  newPersona
} from '../../src/shared/model/defaults'
import type { Workspace } from '../../src/shared/model/schema'

/** The project folder: Electron starts it as `electron .` does, through package.json's `main`. */
export const APP_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)))
export const MAIN_SCRIPT = join(APP_DIR, 'out/main/index.js')
export const PRELOAD_SCRIPT = join(APP_DIR, 'out/preload/index.cjs')

/** The Electron executable this project is pinned to, or why it cannot run here. Never downloads. */
export function findElectron(): { execPath: string } | { missing: string } {
  const { electronDir, version } = projectElectron()
  const status = electronStatus({
    electronDir,
    version,
    env: process.env,
    platform: process.platform,
    arch: process.arch
  })
  if (status.state === 'installed' || status.state === 'override') return { execPath: status.execPath }
  const why =
    status.state === 'bad-override' ? status.reason : `Electron ${version}'s binary is not installed`
  return {
    missing:
      `${why}, so the Electron suite cannot run here. Fetch it with \`node scripts/ensure-electron.mjs\` ` +
      '(or `npx install-electron`), or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron. ' +
      'tests/e2e covers the renderer and the IPC handlers without it.'
  }
}

/** The environment of a launched app: ours, its own data folder, and nothing that changes how Electron starts. */
export function appEnv(userData: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value
  delete env.ELECTRON_RUN_AS_NODE // would start Electron as plain Node
  delete env.ELECTRON_RENDERER_URL // would point main at a dev server
  env.PERSONA_PLANNER_USER_DATA = userData
  return env
}

/** Extra switches for a second instance started without Playwright (which adds them itself). */
export const PLATFORM_ARGS = process.platform === 'linux' ? ['--no-sandbox'] : []

export interface SavedWorkspace {
  name: string
  categories: { id: string; name: string }[]
  cards: { title: string; categoryId: string | null }[]
}

/** A small workspace: one category, one persona with one need, one capability that does not meet it yet. */
export function sampleWorkspace(): Workspace {
  const category = newCategory({ id: randomUUID(), name: 'Policy makers' })
  const capability = newCapability({
    id: randomUUID(),
    name: 'Classification tool',
    state: 'planned',
    horizon: 'medium'
  })
  const persona = newPersona({
    id: randomUUID(),
    title: 'Records officer',
    categoryId: category.id,
    needs: [
      newNeed({ id: randomUUID(), text: 'Needs a classification tool', capabilityIds: [capability.id] })
    ]
  })
  return {
    ...emptyWorkspace(),
    name: 'Electron suite',
    categories: [category],
    cards: [persona],
    capabilities: [capability]
  }
}

interface ElectronOptions {
  /** A workspace written into the data folder, through the real store, before the app starts. */
  seed: Workspace | null
}

interface ElectronFixtures {
  /** The Electron executable; every test is skipped, with the reason, when there is none. */
  executablePath: string
  /** This test's data folder, removed afterwards. */
  userData: string
  /** Launches an instance on `userData`; every app still running is closed after the test. */
  launchApp: () => Promise<ElectronApplication>
  /** <userData>/workspace.json as it is on disk now. */
  readWorkspace: () => Promise<SavedWorkspace>
  electronApp: ElectronApplication
  /** The main window; uncaught page errors fail the test. */
  window: Page
}

export const test = base.extend<ElectronOptions & ElectronFixtures>({
  seed: [null, { option: true }],

  executablePath: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a fixture's first argument to be destructured
    async ({}, use, testInfo) => {
      const found = findElectron()
      if ('missing' in found) {
        if (process.env.PP_REQUIRE_ELECTRON === '1') throw new Error(found.missing)
        testInfo.skip(true, found.missing)
        return
      }
      if (!existsSync(MAIN_SCRIPT)) throw new Error(`${MAIN_SCRIPT} is missing: run \`npm run build\` first.`)
      await use(found.execPath)
    },
    { auto: true }
  ],

  // eslint-disable-next-line no-empty-pattern -- as above
  userData: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'persona-planner-electron-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true, maxRetries: 5 })
  },

  launchApp: async ({ executablePath, userData }, use, testInfo) => {
    const running = new Set<ElectronApplication>()
    const output: string[] = []
    await use(async () => {
      const app = await electron.launch({ executablePath, args: [APP_DIR], env: appEnv(userData) })
      running.add(app)
      app.on('close', () => running.delete(app))
      const keep = (chunk: Buffer): void => void output.push(chunk.toString('utf8'))
      app.process().stdout?.on('data', keep)
      app.process().stderr?.on('data', keep)
      return app
    })
    for (const app of running) await app.close().catch(() => undefined)
    if (testInfo.status !== testInfo.expectedStatus && output.length > 0)
      await testInfo.attach('electron-output.txt', { body: output.join(''), contentType: 'text/plain' })
  },

  readWorkspace: async ({ userData }, use) => {
    await use(
      async () => JSON.parse(await readFile(join(userData, WORKSPACE_FILE), 'utf8')) as SavedWorkspace
    )
  },

  electronApp: async ({ seed, userData, launchApp }, use) => {
    if (seed) {
      const store = await WorkspaceStore.open({ dir: userData, owner: 'Electron suite seed' })
      store.apply({ type: 'workspace.replace', workspace: seed, label: 'Seed' })
      await store.close()
    }
    await use(await launchApp())
  },

  window: async ({ electronApp }, use) => {
    const window = await electronApp.firstWindow()
    const pageErrors: string[] = []
    window.on('pageerror', (error) => pageErrors.push(error.message))
    await use(window)
    expect(pageErrors, 'uncaught errors in the window').toEqual([])
  }
})

/** Makes the native open dialog answer with `paths`; `dialogCalls` reads back what main asked it. */
export async function stubOpenDialog(app: ElectronApplication, paths: string[]): Promise<void> {
  await app.evaluate(({ dialog }, filePaths) => {
    const calls: unknown[] = []
    ;(globalThis as { __ppDialogCalls?: unknown[] }).__ppDialogCalls = calls
    dialog.showOpenDialog = async (...args: unknown[]) => {
      calls.push(args.at(-1))
      return { canceled: false, filePaths }
    }
  }, paths)
}

/** Makes the native save dialog answer with `path`. */
export async function stubSaveDialog(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = async () => ({ canceled: false, filePath })
  }, path)
}

/** The options main passed to the stubbed dialogs, in order. */
export async function dialogCalls(app: ElectronApplication): Promise<{ title?: string }[]> {
  return app.evaluate(() => {
    const calls = (globalThis as { __ppDialogCalls?: unknown[] }).__ppDialogCalls ?? []
    return calls.map((options) => ({ title: (options as { title?: string } | undefined)?.title }))
  })
}

/**
 * Clicks an item of the application menu, found by its labels from the top (`&` mnemonics
 * ignored), as the user would. Fails when the item is not there.
 */
export async function clickMenuItem(app: ElectronApplication, labels: string[]): Promise<void> {
  const found = await app.evaluate(({ Menu, BrowserWindow }, path) => {
    let items = Menu.getApplicationMenu()?.items ?? []
    let item: (typeof items)[number] | undefined
    for (const label of path) {
      item = items.find((candidate) => candidate.label.replace(/&/g, '') === label)
      if (!item) return false
      items = item.submenu?.items ?? []
    }
    const target = BrowserWindow.getAllWindows().find((w) => w.isVisible())
    item?.click(undefined, target, target?.webContents)
    return item !== undefined
  }, labels)
  expect(found, `menu item ${labels.join(' › ')}`).toBe(true)
}

/** Starts the app a second time on the same data folder, outside Playwright, and waits for it to exit. */
export function launchSecondInstance(
  executablePath: string,
  userData: string,
  timeoutMs = 20_000
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((settle, reject) => {
    const child = spawn(executablePath, [APP_DIR, ...PLATFORM_ARGS], {
      env: appEnv(userData),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`The second instance was still running after ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      settle({ code, signal, output })
    })
  })
}

export { expect }
