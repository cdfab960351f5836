/**
 * Parsing in a worker thread (src/main/services/parse-worker.ts): the worker's work as a plain
 * function, and the real worker, its entry bundled with esbuild as electron-vite bundles it into
 * out/main/parse-worker.js: outcomes, progress, cancel, a memory cap, and main's handlers over it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers, type Platform } from '../../../../src/main/ipc/handlers'
import {
  CARDS_PER_MESSAGE,
  outOfMemoryMessage,
  parseInWorker,
  runParseJob,
  sendOutcome,
  workerParser,
  type ParseMessage
} from '../../../../src/main/services/parse-worker'
import { WorkspaceStore } from '../../../../src/main/services/workspace-store'
import type { ImportPreview, ImportProgress } from '../../../../src/shared/ipc/types'

const roleRows = (n: number): string =>
  ['kind,category,title', ...Array.from({ length: n }, (_, i) => `role,C,Role ${i}`)].join('\n')
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

let dir: string
let workerPath: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pp-parse-worker-'))
  workerPath = join(dir, 'parse-worker.cjs')
  await build({
    entryPoints: [resolve(import.meta.dirname, '../../../../src/main/parse-worker-entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: workerPath,
    logLevel: 'silent'
  })
}, 60_000)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('runParseJob (what the worker runs)', () => {
  it('posts progress with the cards made so far, then the outcome', () => {
    const messages: ParseMessage[] = []
    runParseJob({ fileName: 'team.csv', data: bytes(roleRows(300)) }, (m) => messages.push(m))
    const progress = messages.filter((m) => m.type === 'progress')
    expect(progress.length).toBeGreaterThan(10)
    expect(progress.at(-1)).toEqual({ type: 'progress', fraction: 1, cards: 300 })
    const last = messages.at(-1)
    expect(last?.type).toBe('done')
    if (last?.type === 'done' && last.outcome.ok) expect(last.outcome.parsed.cards).toHaveLength(300)
    else expect.fail('the file was read')
  })

  it('gives an unreadable file as its failure, not a throw', () => {
    const messages: ParseMessage[] = []
    runParseJob({ fileName: 'empty.md', data: new Uint8Array(0) }, (m) => messages.push(m))
    expect(messages).toEqual([
      { type: 'done', outcome: { ok: false, fileName: 'empty.md', error: expect.objectContaining({}) } }
    ])
  })
})

describe('sendOutcome (how the worker sends a parsed file back)', () => {
  it('sends a large file’s cards in pieces, each once main has taken the one before, then the rest', async () => {
    const messages: ParseMessage[] = []
    runParseJob({ fileName: 'team.csv', data: bytes(roleRows(2 * CARDS_PER_MESSAGE + 1)) }, (m) =>
      messages.push(m)
    )
    const done = messages.at(-1)
    if (done?.type !== 'done') return expect.fail('the file was read')
    const sent: ParseMessage[] = []
    let asked = 0
    await sendOutcome(
      done.outcome,
      (m) => sent.push(m),
      async () => {
        asked++
        // Nothing more is sent until main has answered.
        expect(sent).toHaveLength(asked)
      }
    )
    expect(sent.map((m) => (m.type === 'cards' ? m.cards.length : m.type))).toEqual([
      CARDS_PER_MESSAGE,
      CARDS_PER_MESSAGE,
      1,
      'done'
    ])
    const last = sent.at(-1)
    expect(last?.type === 'done' && last.outcome.ok && last.outcome.parsed.cards).toEqual([])
  })

  it('sends a small file or a failure whole, in one message', async () => {
    const sent: ParseMessage[] = []
    const outcome = {
      ok: false as const,
      fileName: 'a.md',
      error: { code: 'internal' as const, message: 'x' }
    }
    await sendOutcome(
      outcome,
      (m) => sent.push(m),
      () => expect.fail('nothing to wait for')
    )
    expect(sent).toEqual([{ type: 'done', outcome }])
  })
})

describe('parseInWorker', () => {
  it('takes a large file back in pieces and puts its cards together in order', async () => {
    const count = 2 * CARDS_PER_MESSAGE + 500
    const result = await parseInWorker({ fileName: 'team.csv', data: bytes(roleRows(count)) }, { workerPath })
    if (result.kind !== 'done' || !result.outcome.ok) return expect.fail('the file was read')
    expect(result.outcome.parsed.cards.map((c) => c.title)).toEqual(
      Array.from({ length: count }, (_, i) => `Role ${i}`)
    )
  }, 60_000)

  it('parses in a worker thread and reports progress from it', async () => {
    const progress: ImportProgress[] = []
    const result = await parseInWorker(
      { fileName: 'team.csv', data: bytes(roleRows(2000)) },
      { workerPath, onProgress: (p) => progress.push(p) }
    )
    expect(result.kind).toBe('done')
    if (result.kind !== 'done' || !result.outcome.ok) return expect.fail('the file was read')
    expect(result.outcome.parsed.cards).toHaveLength(2000)
    expect(result.outcome.parsed.cards[1999].title).toBe('Role 1999')
    expect(progress.at(-1)).toEqual({ file: 'team.csv', fraction: 1, cards: 2000 })
    expect(progress.some((p) => p.fraction > 0 && p.fraction < 1)).toBe(true)
  }, 60_000)

  it('stops the worker on cancel and says so', async () => {
    const controller = new AbortController()
    const started = parseInWorker(
      { fileName: 'big.csv', data: bytes(roleRows(40_000)) },
      // Cancel once the worker has started to report: it is busy parsing then.
      { workerPath, signal: controller.signal, onProgress: () => controller.abort() }
    )
    expect(await started).toEqual({ kind: 'cancelled' })
    expect(
      await parseInWorker({ fileName: 'a.csv', data: bytes('x') }, { workerPath, signal: controller.signal })
    ).toEqual({
      kind: 'cancelled'
    })
  }, 60_000)

  it('refuses a file whose parse needs more memory than the cap, naming it', async () => {
    // A 16 MB heap cannot hold 40,000 cards: the worker dies of it, main does not.
    const result = await parseInWorker(
      { fileName: 'huge.csv', data: bytes(roleRows(40_000)) },
      { workerPath, memoryMb: 16 }
    )
    expect(result).toEqual({
      kind: 'done',
      outcome: {
        ok: false,
        fileName: 'huge.csv',
        error: { code: 'too-large', message: outOfMemoryMessage('huge.csv') }
      }
    })
    expect(outOfMemoryMessage('huge.csv')).toBe(
      'huge.csv needed more memory than one import may use (1.5 GB); split the file into smaller ones.'
    )
  }, 60_000)

  it('reads the files of one import one after another', async () => {
    const parse = workerParser({ workerPath })
    const outcomes = await Promise.all([
      parse(bytes(roleRows(3)), 'a.csv'),
      parse(bytes(roleRows(5)), 'b.csv')
    ])
    expect(outcomes.map((o) => (o.ok ? o.parsed.cards.length : -1))).toEqual([3, 5])
  }, 60_000)
})

describe('the import handlers over the worker', () => {
  const platform = (paths: string[]): Platform => ({
    chooseImportFiles: async () => paths,
    chooseSavePath: async () => null,
    openExternal: async () => undefined,
    printToPdf: async () => new Uint8Array(),
    exampleWorkspacePath: ''
  })

  it('previews files read in the worker, with progress; cancelImport makes the preview null and changes nothing', async () => {
    const storeDir = await mkdtemp(join(dir, 'store-'))
    const store = await WorkspaceStore.open({ dir: storeDir, owner: 'parse-worker test' })
    try {
      const file = join(dir, 'team.csv')
      await writeFile(file, roleRows(40_000))
      const progress: ImportProgress[] = []
      let cancel = (): void => undefined
      const handlers = createHandlers({
        store,
        platform: platform([file]),
        importWorker: {
          workerPath,
          onProgress: (p) => {
            progress.push(p)
            cancel()
          }
        }
      })
      const small = await handlers.previewImportFiles({
        files: [{ name: 'few.csv', data: bytes(roleRows(4)) }]
      })
      expect(small.ok && (small.data as ImportPreview).files[0].roles).toBe(4)

      cancel = () => void handlers.cancelImport(undefined)
      const cancelled = await handlers.chooseImportFiles(undefined)
      expect(cancelled).toEqual({ ok: true, data: null })
      expect(progress.some((p) => p.file === 'team.csv')).toBe(true)
      expect(store.snapshot().workspace.cards).toEqual([])
    } finally {
      await store.close()
    }
  }, 60_000)
})
