/**
 * The component tests' helpers: `renderWithProviders` draws a component inside MantineProvider with
 * the app's theme, as main.tsx does; `installApi` builds window.api on the real handler table over a
 * WorkspaceStore in a temporary folder, bridged through buildApi exactly as the preload does (the
 * e2e harness does the same over a Playwright binding). Only Electron is left out.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { MantineProvider } from '@mantine/core'
import { render, type RenderResult } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createHandlers, type HandlerTable } from '../../../src/main/ipc/handlers'
import type { Platform } from '../../../src/main/ipc/types'
import { WorkspaceStore } from '../../../src/main/services/workspace-store'
import { useApp } from '../../../src/renderer/src/store'
import { cssVariablesResolver, theme } from '../../../src/renderer/src/theme'
import { buildApi } from '../../../src/shared/ipc/build-api'
import { CHANNELS, EVENTS, type Method } from '../../../src/shared/ipc/channels'

export function renderWithProviders(ui: ReactElement): RenderResult {
  return render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {ui}
    </MantineProvider>
  )
}

export interface FakeApi {
  store: WorkspaceStore
  handlers: HandlerTable
  /** Closes the store, removes its folder and window.api. */
  dispose(): Promise<void>
}

const METHOD_BY_CHANNEL = new Map<string, Method>(
  Object.entries(CHANNELS).map(([method, channel]) => [channel, method as Method])
)

/**
 * Installs window.api over a fresh workspace in a temporary folder and loads it into the app's
 * store. Dialogs answer "cancelled"; opening a link is recorded nowhere.
 */
export async function installApi(): Promise<FakeApi> {
  const dir = await mkdtemp(join(tmpdir(), 'persona-planner-component-'))
  const store = await WorkspaceStore.open({ dir, owner: 'component test' })
  const platform: Platform = {
    chooseImportFiles: async () => null,
    chooseSavePath: async () => null,
    openExternal: async () => undefined,
    printToPdf: async () => new Uint8Array(),
    exampleWorkspacePath: resolve('resources/example-workspace.json')
  }
  const handlers = createHandlers({ store, platform })
  const listeners = new Map<string, Set<(value: unknown) => void>>()
  const api = buildApi(
    async (channel, request) => {
      const method = METHOD_BY_CHANNEL.get(channel)
      if (method === undefined) throw new Error(`No channel ${channel}.`)
      // As over IPC, the request and the answer are copies, never shared objects.
      return structuredClone(await handlers[method](structuredClone(request)))
    },
    (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      listeners.set(channel, set.add(listener))
      return () => set.delete(listener)
    }
  )
  const emit = (channel: string, value: unknown): void =>
    listeners.get(channel)?.forEach((listener) => listener(structuredClone(value)))
  store.onChange((change) => emit(EVENTS.workspaceChanged, change))
  store.onStatus((status) => emit(EVENTS.storeStatus, status))
  Object.defineProperty(window, 'api', { value: api, configurable: true })
  await useApp.getState().load()
  return {
    store,
    handlers,
    dispose: async () => {
      await store.close()
      Reflect.deleteProperty(window, 'api')
      await rm(dir, { recursive: true, force: true })
    }
  }
}
