/**
 * The workspace store at scale, on the real file system: how long applying a card move takes, a
 * burst of 50 of them (the unit tests check that such a burst is written once; this says whether it
 * fits in the 250 ms coalescing window), and one save (atomic write with fsync of the file and the
 * folder). `npx tsx bench/run.ts store` runs only this.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_SAVE_DELAY_MS, WorkspaceStore } from '../src/main/services/workspace-store'
import type { Command } from '../src/shared/commands/schema'
import { newCategory, newRole } from '../src/shared/model/defaults'
import { median, ms, type BenchSection } from './types'

const SIZES = [500, 2_000, 10_000]
const COLUMNS = 10
const BURST = 50
const RUNS = 7

const move = (i: number, size: number): Command => ({
  type: 'card.move',
  ids: [`card-${(i * 7919) % size}`],
  categoryId: `cat-${i % COLUMNS}`,
  index: i % 5
})

async function measure(size: number): Promise<{ apply: number; burst: number; save: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'pp-bench-store-'))
  // A long window: saves happen only when the bench flushes.
  const store = await WorkspaceStore.open({ dir, owner: 'store bench', saveDelayMs: 60_000 })
  try {
    const categories = Array.from({ length: COLUMNS }, (_, i) =>
      newCategory({ id: `cat-${i}`, name: `Category ${i + 1}`, order: i })
    )
    const cards = Array.from({ length: size }, (_, i) =>
      newRole({
        id: `card-${i}`,
        title: `Role ${i}`,
        description: `Card ${i} of the benchmark, with a description of a typical length.`,
        categoryId: `cat-${i % COLUMNS}`,
        order: Math.floor(i / COLUMNS)
      })
    )
    store.apply({ type: 'import.apply', mode: 'add', categories, cards, capabilities: [], sources: [] })
    await store.flush()
    let i = 0
    const apply = await median(() => store.apply(move(i++, size)), RUNS)
    const burst = await median(() => {
      for (let n = 0; n < BURST; n++) store.apply(move(i++, size))
    }, RUNS)
    const save = await median(async () => {
      store.apply(move(i++, size))
      await store.flush()
    }, RUNS)
    return { apply, burst, save }
  } finally {
    await store.close()
    await rm(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchSection> {
  const rows: string[] = []
  for (const size of SIZES) {
    const { apply, burst, save } = await measure(size)
    const fits = burst < DEFAULT_SAVE_DELAY_MS ? 'yes' : '**no**'
    rows.push(`| ${size.toLocaleString('en')} | ${ms(apply)} | ${ms(burst)} | ${fits} | ${ms(save)} |`)
  }
  return {
    title: 'Workspace store: applying and saving',
    body: [
      `A workspace of roles in ${COLUMNS} categories in a temporary folder on the real file system. ` +
        `Apply: one card move (command, immer patches, undo step, change event). Burst: ${BURST} moves ` +
        `one after another; the unit tests (tests/unit/main/services/write-queue.test.ts) check with fake ` +
        `timers that such a burst is written once, and this says whether it fits in the ` +
        `${DEFAULT_SAVE_DELAY_MS} ms coalescing window. Save: one move, then \`flush()\` (pretty JSON, ` +
        `temporary file, fsync, rename, folder fsync). Medians of ${RUNS} runs.`,
      '',
      `| Cards | Apply one move | Burst of ${BURST} moves | Burst within ${DEFAULT_SAVE_DELAY_MS} ms | Save |`,
      '| ---: | ---: | ---: | --- | ---: |',
      ...rows
    ].join('\n')
  }
}
