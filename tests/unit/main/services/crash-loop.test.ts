/**
 * Crash loop: a child process saves in a loop and is killed with SIGKILL at a random moment, again
 * and again. After every kill the file must load as a valid workspace the child produced, at a
 * revision no older than the last one the child confirmed saved. CRASH_KILLS sets the number of
 * kills (default 25); CRASH_SEED replays a run. The loop runs twice: saving the whole file each
 * time, and saving to the journal (killed mid-append or mid-compaction too), where the file plus
 * the journal must meet the same guarantees and the file alone must still be complete.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseWorkspaceText } from '../../../../src/main/services/workspace-store-file'
import { WorkspaceStore } from '../../../../src/main/services/workspace-store'
import { newRole } from '../../../../src/shared/model/defaults'
import { WorkspaceSchema } from '../../../../src/shared/model/schema'
import { Child, bundleChild, rename, sleep, tempDir } from './helpers'

const KILLS = Number(process.env.CRASH_KILLS ?? 25)
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** mulberry32: a small seeded generator, so a failing run can be replayed with CRASH_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let bundleDir = ''
let saver = ''

beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'pp-bundle-'))
  saver = await bundleChild(join(import.meta.dirname, 'children', 'crash-saver.ts'), bundleDir)
})
afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true })
})

function readLog(text: string): { tried: number; saved: number } {
  let tried = 0
  let saved = 0
  for (const line of text.split('\n')) {
    const match = /^(try|saved) (\d+)$/.exec(line)
    if (!match) continue // a line cut by the kill
    if (match[1] === 'try') tried = Math.max(tried, Number(match[2]))
    else saved = Math.max(saved, Number(match[2]))
  }
  return { tried, saved }
}

describe.each(['whole file', 'journal'] as const)('crash loop, saving to the %s', (mode) => {
  it(
    `every load after ${KILLS} SIGKILLs mid-save is a valid workspace the child saved (seed ${SEED})`,
    async () => {
      const journal = mode === 'journal'
      const dir = await tempDir()
      const log = join(bundleDir, `saves-${journal ? 'journal' : 'file'}.log`) // outside the data folder, removed with the bundle
      const next = random(SEED)

      // A workspace of ~150 KB, so a kill often lands inside a write.
      const seed = await WorkspaceStore.open({ dir })
      const cards = Array.from({ length: 300 }, (_, i) =>
        newRole({ id: `role-${i}`, title: `Role ${i}`, description: 'x'.repeat(300), order: i })
      )
      seed.apply({ type: 'import.apply', mode: 'add', categories: [], cards, capabilities: [], sources: [] })
      seed.apply(rename('rev-0'))
      await seed.close()
      const expectedCards = seed.snapshot().workspace.cards

      let interrupted = 0
      let lastRevision = 0
      for (let kill = 0; kill < KILLS; kill++) {
        const child = new Child(saver, journal ? [dir, log, 'journal'] : [dir, log])
        await child.waitForLine((l) => l === 'ready')
        await sleep(Math.floor(next() * 80))
        await child.kill()

        const names = await readdir(dir)
        const backupNames = await readdir(join(dir, 'backups')).catch(() => [] as string[])
        if ([...names, ...backupNames].some((n) => n.endsWith('.tmp'))) interrupted++
        expect(names.filter((n) => n.startsWith('workspace.corrupt-'))).toEqual([])

        // The raw file: complete JSON, a valid workspace, one the child produced.
        const parsed = parseWorkspaceText(await readFile(join(dir, 'workspace.json'), 'utf8'))
        expect(parsed.kind).toBe('ok')
        if (parsed.kind !== 'ok') return
        const fileRevision = Number(/^rev-(\d+)$/.exec(parsed.workspace.name)?.[1])
        const { tried, saved } = readLog(await readFile(log, 'utf8').catch(() => ''))
        expect(fileRevision).toBeLessThanOrEqual(tried)
        expect(fileRevision).toBeGreaterThanOrEqual(lastRevision)
        expect(parsed.workspace.cards).toEqual(expectedCards)

        // Every backup written so far is complete too (read before the store opens: opening may take
        // a backup of its own and prune the oldest).
        for (const name of backupNames) {
          if (name.endsWith('.tmp')) continue
          const text = await readFile(join(dir, 'backups', name), 'utf8')
          expect(WorkspaceSchema.safeParse(JSON.parse(text)).success, name).toBe(true)
        }

        // What the store opens (the file, and the journal replayed on it when saving to the journal).
        const store = await WorkspaceStore.open({ dir })
        const snap = store.snapshot()
        const revision = Number(/^rev-(\d+)$/.exec(snap.workspace.name)?.[1])
        if (!journal) expect(revision).toBe(fileRevision)
        expect(revision).toBeGreaterThanOrEqual(saved) // nothing confirmed saved was lost
        expect(revision).toBeLessThanOrEqual(tried) // and nothing was invented
        expect(revision).toBeGreaterThanOrEqual(lastRevision) // never went back
        expect(snap.workspace.cards).toEqual(expectedCards)
        lastRevision = revision

        // And the store loads it without recovering anything: only the stale-lock notice, and when
        // saving to the journal, the one for an append the kill cut short.
        expect(snap.status.state).toBe('saved')
        const cutShort = (n: string): boolean => journal && n.includes('incomplete or damaged')
        if (snap.notices.some(cutShort)) interrupted++
        expect(snap.notices.filter((n) => !n.includes('did not close cleanly') && !cutShort(n))).toEqual([])
        await store.close()
      }
      console.info(
        `crash loop (${mode}): ${KILLS} SIGKILLs, ${interrupted} interrupted a save in progress, ` +
          `last revision ${lastRevision}, no load failed, nothing confirmed saved was lost (seed ${SEED})`
      )
      expect(lastRevision).toBeGreaterThan(0)
    },
    60_000 + KILLS * 2_000
  )
})
