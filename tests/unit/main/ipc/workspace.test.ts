/**
 * The example workspace shipped in resources/: what a new user gets from "Open the example
 * workspace" on the empty board, and the handler that opens it (one undo takes it away).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers, type HandlerTable } from '../../../../src/main/ipc/handlers'
import { WorkspaceStore } from '../../../../src/main/services/workspace-store'
import { analyzeGaps, buildCoverageIndex } from '../../../../src/shared/analysis/gap-analysis'
import { parseProfileText } from '../../../../src/shared/formats'
import { newCategory } from '../../../../src/shared/model/defaults'

const EXAMPLE = resolve(import.meta.dirname, '../../../../resources/example-workspace.json')

let dir: string
let store: WorkspaceStore

function handlersFor(exampleWorkspacePath: string): HandlerTable {
  return createHandlers({
    store,
    platform: {
      chooseImportFiles: async () => null,
      chooseSavePath: async () => null,
      openExternal: async () => undefined,
      printToPdf: async () => new Uint8Array(),
      exampleWorkspacePath
    }
  })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pp-example-'))
  store = await WorkspaceStore.open({ dir, saveDelayMs: 0 })
})

afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

describe('the example workspace', () => {
  it('is a clean workspace with roles, personas with needs, two capabilities and gaps the medium-term plan closes', async () => {
    const parsed = parseProfileText(await readFile(EXAMPLE, 'utf8'), 'example-workspace.json')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.categories.map((c) => c.name)).toEqual([
      'Policy and management',
      'Service delivery',
      'IT specialists'
    ])
    expect(parsed.cards.filter((c) => c.kind === 'role')).toHaveLength(6)
    expect(parsed.cards.filter((c) => c.kind === 'persona').map((c) => c.title)).toEqual([
      'Inspector on the road',
      'Team manager'
    ])
    expect(parsed.capabilities.map((c) => [c.name, c.state])).toEqual([
      ['Laptop with VPN', 'in-place'],
      ['Mobile case app', 'planned']
    ])
    // Our own example says every need's kind, priority and horizon: none is left unset.
    const needs = parsed.cards.flatMap((c) => (c.kind === 'persona' ? c.needs : []))
    expect(needs.map((n) => [n.kind, n.priority, n.horizon])).toEqual([
      ['it', 'must', 'now'],
      ['it', 'should', 'now'],
      ['it', 'should', 'medium'],
      ['business', 'could', 'long']
    ])

    const index = buildCoverageIndex({ ...store.snapshot().workspace, ...parsed })
    const now = analyzeGaps(index, 'now').totals
    const medium = analyzeGaps(index, 'medium').totals
    expect(now).toMatchObject({ met: 1, gap: 2, unassessed: 1, total: 4 })
    expect(medium).toMatchObject({ met: 3, gap: 0, unassessed: 1, total: 4 })
  })

  it('opens in an empty workspace as one step, named, and one undo takes it away', async () => {
    const handlers = handlersFor(EXAMPLE)
    const before = store.snapshot().workspace
    const opened = await handlers.openExampleWorkspace({})
    expect(opened).toMatchObject({ ok: true, data: { label: 'Open the example workspace' } })
    const workspace = store.snapshot().workspace
    expect(workspace.name).toBe('Example: a small service department')
    expect([workspace.categories.length, workspace.cards.length, workspace.capabilities.length]).toEqual([
      3, 8, 2
    ])

    expect(await handlers.undo({})).toMatchObject({ ok: true })
    expect(store.snapshot().workspace).toEqual(before)
  })

  it('never replaces a workspace that has content', async () => {
    await store.apply({ type: 'category.create', category: newCategory({ id: 'mine', name: 'Mine' }) })
    const revision = store.snapshot().revision
    const result = await handlersFor(EXAMPLE).openExampleWorkspace({})
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(store.snapshot().revision).toBe(revision)
    expect(store.snapshot().workspace.categories.map((c) => c.name)).toEqual(['Mine'])
  })

  it('says so when the shipped file is missing, and changes nothing', async () => {
    const result = await handlersFor(join(dir, 'nowhere.json')).openExampleWorkspace({})
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('example workspace') }
    })
    expect(store.snapshot().revision).toBe(0)
  })
})
