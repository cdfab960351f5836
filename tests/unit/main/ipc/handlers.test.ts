/** The handler table main registers: every channel refuses a request of the wrong shape, and the store stays as it was. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers, type HandlerTable, type Platform } from '../../../../src/main/ipc/handlers'
import { WorkspaceStore } from '../../../../src/main/services/workspace-store'
import { MAX_IMPORT_BYTES, MAX_IMPORT_TOTAL_BYTES } from '../../../../src/shared/formats'
import { CHANNELS, type Method } from '../../../../src/shared/ipc/channels'
import type { Command } from '../../../../src/shared/commands/schema'
import { newPersona, newRole } from '../../../../src/shared/model/defaults'
import { MAX_LIST_DEPTH, type ListItem } from '../../../../src/shared/model/schema'

import { FIXTURES, TAXONOMY } from '../../shared/formats/helpers'

const EXAMPLE_WORKSPACE = resolve(import.meta.dirname, '../../../../resources/example-workspace.json')

/** A request of the wrong shape for each channel (methods without input get an unexpected key). */
const BAD_REQUESTS: Record<Method, unknown[]> = {
  getWorkspace: [{ extra: 1 }, 'workspace', 42],
  applyCommand: [
    {},
    { command: { type: 'card.explode' } },
    { command: { type: 'card.move', ids: [], categoryId: null, index: 0 } },
    { command: { type: 'card.move', ids: ['x'], categoryId: null, index: -1 } }
  ],
  undo: [{ steps: 3 }],
  redo: [[]],
  previewImportFiles: [
    { files: [] },
    { files: [{ name: 'a.md', data: 'not bytes' }] },
    { files: [{ name: '', data: new Uint8Array(1) }] }
  ],
  chooseImportFiles: [{ path: '/etc/passwd' }],
  applyImport: [{ token: '' }, { token: 'x', mode: 'overwrite' }],
  discardImport: [{}],
  cancelImport: [{ token: 'x' }],
  openExampleWorkspace: [{ path: '/etc/passwd' }],
  exportWorkspace: [{ format: 'docx' }, {}],
  exportReport: [
    { format: 'md', horizon: 'someday' },
    { format: 'xls', horizon: 'now' }
  ],
  listBackups: [{ all: true }],
  restoreBackup: [{ name: '' }, { name: 7 }],
  openExternal: [{ url: '' }, { href: 'https://x' }],
  draftsFlushed: [{}, { id: 0 }, { id: 1.5 }, { id: '1' }]
}

let dir: string
let store: WorkspaceStore
let handlers: HandlerTable
let platform: Platform
let saves: string[]
let opened: string[]
/** What the stubbed open dialog returns next; the fixture taxonomy unless a test says otherwise. */
let openPaths: string[] | null

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pp-handlers-'))
  store = await WorkspaceStore.open({ dir, saveDelayMs: 0 })
  saves = []
  opened = []
  openPaths = [join(FIXTURES, TAXONOMY)]
  platform = {
    chooseImportFiles: async () => openPaths,
    chooseSavePath: async (name) => {
      saves.push(name)
      return join(dir, name)
    },
    openExternal: async (url) => void opened.push(url),
    printToPdf: async () => new TextEncoder().encode('%PDF-1.4 fake'),
    exampleWorkspacePath: EXAMPLE_WORKSPACE
  }
  handlers = createHandlers({ store, platform })
})

afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

describe('IPC handler table', () => {
  it('has one handler per contract channel', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(CHANNELS).sort())
  })

  it('offers the page no channel that reads a path it names: files come from the dialog or as bytes', () => {
    expect(Object.keys(CHANNELS)).not.toContain('previewImportPaths')
    expect(Object.keys(handlers)).not.toContain('previewImportPaths')
  })

  it.each(Object.entries(BAD_REQUESTS))(
    '%s refuses requests of the wrong shape with a validation error',
    async (method, requests) => {
      await store.apply({
        type: 'card.create',
        card: newRole({ id: 'keep', title: 'Keep me' }),
        categoryId: null
      })
      await store.flush()
      const before = await readFile(join(dir, 'workspace.json'), 'utf8')
      const revision = store.snapshot().revision
      for (const request of requests) {
        const result = await handlers[method as Method](request)
        expect(result.ok).toBe(false)
        if (!result.ok) {
          expect(result.error.code).toBe('validation')
          expect(result.error.message).toContain(method)
          expect(JSON.stringify(result.error)).not.toMatch(/\bat .*\.ts:\d+/) // no stack traces cross
        }
      }
      await store.flush()
      expect(store.snapshot().revision).toBe(revision)
      expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(before)
    }
  )

  it('refuses lists nested deeper than importers read, and requests of any depth, without throwing', async () => {
    const nest = (levels: number): ListItem => {
      let item: ListItem = { id: 'i0', text: 'deepest', children: [] }
      for (let i = 1; i < levels; i++) item = { id: `i${i}`, text: `level ${levels - i}`, children: [item] }
      return item
    }
    const persona = (levels: number): Command => ({
      type: 'card.create',
      card: newPersona({ id: `p${levels}`, title: 'Deep', goals: [nest(levels)] }),
      categoryId: null
    })
    const deepest = await handlers.applyCommand({ command: persona(MAX_LIST_DEPTH) })
    expect(deepest.ok).toBe(true)
    const revision = store.snapshot().revision

    const deeper = await handlers.applyCommand({ command: persona(MAX_LIST_DEPTH + 1) })
    expect(deeper.ok === false && deeper.error.details).toEqual([
      `command.card.goals.0${'.children.0'.repeat(MAX_LIST_DEPTH - 1)}.children: Lists nest at most ${MAX_LIST_DEPTH} levels.`
    ])
    // 800 levels passed validation and saved before; the next start overflowed the stack in immer's freeze.
    const saved = await handlers.applyCommand({ command: persona(800) })
    expect(saved.ok === false && saved.error.code).toBe('validation')
    let request: unknown = []
    for (let i = 0; i < 100_000; i++) request = [request]
    const huge = await handlers.applyCommand({ command: request })
    expect(huge.ok === false && huge.error.details).toEqual([
      'The request nests more than 64 levels deep; nothing was changed.'
    ])
    expect(store.snapshot().revision).toBe(revision)
  })

  it('returns service failures as values: unknown card, expired import token, refused URL', async () => {
    const move = await handlers.applyCommand({
      command: { type: 'card.move', ids: ['ghost'], categoryId: null, index: 0 }
    })
    expect(move).toEqual({ ok: false, error: { code: 'not-found', message: 'No card with id ghost.' } })
    const apply = await handlers.applyImport({ token: 'stale', mode: 'add' })
    expect(apply.ok === false && apply.error.code).toBe('not-found')
    const link = await handlers.openExternal({ url: 'javascript:alert(1)' })
    expect(link.ok === false && link.error.code).toBe('validation')
    expect(opened).toEqual([])
  })

  it("passes the page's draftsFlushed answer to what waits for it at quit, and is harmless without it", async () => {
    const answered: number[] = []
    const withDrafts = createHandlers({ store, platform, drafts: { flushed: (id) => answered.push(id) } })
    expect(await withDrafts.draftsFlushed({ id: 3 })).toEqual({ ok: true, data: null })
    expect(answered).toEqual([3])
    expect(await handlers.draftsFlushed({ id: 4 })).toEqual({ ok: true, data: null })
  })

  it('applies, undoes and redoes commands with revisions and patches', async () => {
    const created = await handlers.applyCommand({
      command: { type: 'card.create', card: newRole({ id: 'r', title: 'CIO' }), categoryId: null }
    })
    expect(created.ok && created.data.revision).toBe(1)
    const undone = await handlers.undo({})
    expect(undone.ok && undone.data?.revision).toBe(2)
    expect(store.snapshot().workspace.cards).toEqual([])
    const redone = await handlers.redo({})
    expect(redone.ok && redone.data?.label).toMatch(/CIO/)
    expect(store.snapshot().workspace.cards.map((c) => c.title)).toEqual(['CIO'])
  })

  it('imports through a preview: nothing changes until applied; applying is one undo step', async () => {
    const preview = await handlers.chooseImportFiles({})
    expect(preview.ok).toBe(true)
    if (!preview.ok || !preview.data) return
    expect(store.snapshot().workspace.cards).toHaveLength(0)
    expect(preview.data.files[0]).toMatchObject({ roles: 28, categories: 7, error: null })
    const applied = await handlers.applyImport({ token: preview.data.token, mode: 'add' })
    expect(applied.ok).toBe(true)
    expect(store.snapshot().workspace.cards).toHaveLength(28)
    expect((await store.listBackups()).some((b) => b.reason.includes('import'))).toBe(true)
    await handlers.undo({})
    expect(store.snapshot().workspace.cards).toHaveLength(0)
  })

  it('refuses an unreadable file in the preview, naming it, and changes nothing', async () => {
    const binary = join(dir, 'photo.md')
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]))
    openPaths = [binary, join(dir, 'missing.csv')]
    const preview = await handlers.chooseImportFiles({})
    expect(preview.ok && preview.data?.canApply).toBe(false)
    if (preview.ok && preview.data) {
      expect(preview.data.files.map((f) => f.error)).toEqual([
        expect.stringContaining('photo.md'),
        expect.stringContaining('missing.csv')
      ])
    }
    expect(store.snapshot().revision).toBe(0)
  })

  it('refuses dropped bytes over the size limit at the boundary, naming the file, and changes nothing', async () => {
    const result = await handlers.previewImportFiles({
      files: [
        { name: 'small.md', data: new TextEncoder().encode('# Roles') },
        { name: 'huge.md', data: new Uint8Array(MAX_IMPORT_BYTES + 1) }
      ]
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('validation')
      expect(result.error.details).toEqual([
        'files.1: huge.md is over 50 MB; files over 50 MB cannot be imported.'
      ])
    }
    expect(store.snapshot().revision).toBe(0)
  })

  it('refuses dropped files whose total is over the limit for one import', async () => {
    const part = new Uint8Array(MAX_IMPORT_BYTES)
    const count = Math.floor(MAX_IMPORT_TOTAL_BYTES / MAX_IMPORT_BYTES) + 1
    const files = Array.from({ length: count }, (_, i) => ({ name: `part${i}.md`, data: part }))
    const result = await handlers.previewImportFiles({ files })
    expect(result.ok === false && result.error.code).toBe('validation')
    expect(result.ok === false && result.error.details).toEqual([
      'files: these files are over 200 MB together; at most 200 MB can be imported at once.'
    ])
    expect(store.snapshot().revision).toBe(0)
  })

  it('exports through the save dialog to the chosen path', async () => {
    await handlers.applyCommand({
      command: { type: 'card.create', card: newRole({ id: 'r', title: 'CIO' }), categoryId: null }
    })
    const saved = await handlers.exportWorkspace({ format: 'json' })
    expect(saved.ok && saved.data?.path).toBe(join(dir, saves[0]))
    const written = JSON.parse(await readFile(join(dir, saves[0]), 'utf8'))
    expect(written.cards[0].title).toBe('CIO')
    const pdf = await handlers.exportReport({ format: 'pdf', horizon: 'medium' })
    expect(pdf.ok && pdf.data?.bytes).toBeGreaterThan(0)
  })
})
