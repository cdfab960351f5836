/**
 * The board at scale, in headless Chromium over the e2e harness (real handlers, real store): for
 * 500, 2,000 and 10,000 cards, the time from navigation to the first card on screen, and the frame
 * times (requestAnimationFrame timestamps collected in the page) during a scripted mouse drag of a
 * card across three columns. `npx tsx bench/run.ts board` runs only this; it serves the renderer
 * built in PP_RENDERER_DIR (default out/renderer), so build first:
 * `npx vite build --config vite.renderer.config.ts --outDir out/renderer`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { WorkspaceStore } from '../src/main/services/workspace-store'
import { newCategory, newItem, newNeed, newPersona, newRole } from '../src/shared/model/defaults'
import type { Card, Category } from '../src/shared/model/schema'
import { openApp } from '../tests/e2e/harness'
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser'
import { ms, type BenchSection } from './types'

const SIZES = [500, 2_000, 10_000]
/** requestAnimationFrame ticks at 60 Hz here, so 16.7 ms is the floor; longer than this is a dropped frame. */
const FRAME = 1000 / 60
const LATE_FRAME = FRAME * 1.5
const COLUMNS = 10
const RUNS = 3
const WORDS = ['Data', 'Cloud', 'Policy', 'Service', 'Security', 'Network', 'Training', 'Finance']
const JOBS = ['analyst', 'manager', 'officer', 'architect', 'designer', 'specialist']

/** A deterministic workspace: COLUMNS categories, every eighth card a persona with needs. */
function generate(size: number): { categories: Category[]; cards: Card[] } {
  const categories = Array.from({ length: COLUMNS }, (_, i) =>
    newCategory({ id: `cat-${i}`, name: `Category ${i + 1}`, order: i })
  )
  const cards = Array.from({ length: size }, (_, i): Card => {
    const fields = {
      id: `card-${i}`,
      title: `${WORDS[i % WORDS.length]} ${JOBS[i % JOBS.length]} ${i}`,
      description: `Card ${i} of the benchmark: a description long enough to wrap onto a second line on the board.`,
      categoryId: `cat-${i % COLUMNS}`,
      order: Math.floor(i / COLUMNS),
      tags: i % 3 === 0 ? ['bench'] : []
    }
    if (i % 8 !== 0) return newRole(fields)
    return newPersona({
      ...fields,
      goals: [newItem(`g-${i}`, 'A goal')],
      needs: [newNeed({ id: `n-${i}-a`, text: 'A need' }), newNeed({ id: `n-${i}-b`, text: 'Another need' })]
    })
  })
  return { categories, cards }
}

async function prefill(dir: string, size: number): Promise<void> {
  const store = await WorkspaceStore.open({ dir, owner: 'board bench' })
  const { categories, cards } = generate(size)
  store.apply({ type: 'import.apply', mode: 'add', categories, cards, capabilities: [], sources: [] })
  await store.close()
}

/**
 * Timestamps in the page: when the workspace arrived from the handlers (the harness's binding
 * serialises it through the DevTools protocol, much slower than Electron IPC) and when the first
 * card was on screen. window.api is wrapped as the harness installs it.
 */
const TIMINGS = `(() => {
  const t = (window.__ppTimings = {})
  let api
  Object.defineProperty(window, 'api', {
    configurable: true,
    get: () => api,
    set: (value) => {
      api = { ...value, getWorkspace: (r) => value.getWorkspace(r).then((x) => { t.loaded = performance.now(); return x }) }
    }
  })
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="card"]')) { t.card = performance.now(); observer.disconnect() }
  }).observe(document, { childList: true, subtree: true })
})()`

/** Page script: records requestAnimationFrame timestamps until window.__ppFrames() is called. */
export const RECORDER = `(() => {
  const frames = []
  let on = true
  const tick = (t) => { frames.push(t); if (on) requestAnimationFrame(tick) }
  requestAnimationFrame(tick)
  window.__ppFrames = () => { on = false; return frames }
})()`

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]
}

/** Drags the first card of the first category across three columns, collecting frame times. */
async function dragAcross(page: Page): Promise<number[]> {
  const columns = page.getByTestId('column')
  const card = columns.nth(1).getByTestId('card').first()
  const from = await card.boundingBox()
  const to = await columns.nth(3).getByTestId('card').nth(2).boundingBox()
  if (!from || !to) throw new Error('The board did not render its columns.')
  await page.evaluate(RECORDER)
  const x = from.x + from.width / 2
  const y = from.y + from.height / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + 10, y + 10, { steps: 5 })
  await page.mouse.move(to.x + 40, to.y + 10, { steps: 60 })
  await page.mouse.move(to.x + 40, to.y + to.height - 10, { steps: 20 })
  const frames = (await page.evaluate('window.__ppFrames()')) as number[]
  await page.keyboard.press('Escape')
  await page.mouse.up()
  return frames.slice(1).map((t, i) => t - frames[i])
}

interface Measure {
  /** Navigation to the first card on screen. */
  firstRender: number
  /** The workspace's arrival to the first card on screen: the board's own rendering. */
  render: number
  p95: number
  max: number
  /** Frames that took longer than 1.5 intervals (a frame or more dropped). */
  late: number
  frames: number
}

async function measure(size: number): Promise<Measure> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const dir = await mkdtemp(join(tmpdir(), 'persona-planner-board-bench-'))
  try {
    await prefill(dir, size)
    const results: Measure[] = []
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      // tsx compiles with esbuild's keepNames, so functions the harness hands to the page call a
      // `__name` helper that only exists in Node: give the page one.
      await page.addInitScript('globalThis.__name = (fn) => fn')
      await page.addInitScript(TIMINGS)
      const app = await openApp(page, dir)
      await page.getByTestId('card').first().waitFor()
      const { loaded, card } = (await page.evaluate('window.__ppTimings')) as { loaded: number; card: number }
      const deltas = await dragAcross(page)
      results.push({
        firstRender: card,
        render: card - loaded,
        p95: percentile(deltas, 0.95),
        max: Math.max(...deltas),
        late: deltas.filter((d) => d > LATE_FRAME).length,
        frames: deltas.length
      })
      await app.store.close()
      await page.close()
    }
    const median = (pick: (m: Measure) => number): number =>
      results.map(pick).sort((a, b) => a - b)[Math.floor(results.length / 2)]
    return {
      firstRender: median((r) => r.firstRender),
      render: median((r) => r.render),
      p95: median((r) => r.p95),
      max: median((r) => r.max),
      late: median((r) => r.late),
      frames: median((r) => r.frames)
    }
  } finally {
    await browser.close()
    await rm(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchSection> {
  const rows: string[] = []
  for (const size of SIZES) {
    const m = await measure(size)
    // The 2,000-card goal (< 16.7 ms) is one frame interval: met when the p95 frame is on time.
    const goal = size >= 10_000 ? 33 : size >= 2_000 ? FRAME + 0.5 : null
    const verdict = goal === null ? '—' : m.p95 <= goal ? 'met' : 'missed'
    rows.push(
      `| ${size.toLocaleString('en')} | ${ms(m.firstRender)} | ${ms(m.render)} | ${ms(m.p95)} | ${m.late} of ${m.frames} | ${ms(m.max)} | ${verdict} |`
    )
  }
  return {
    title: 'Board: first render and dragging',
    body: [
      `Headless Chromium (${cpus().length} cores, no GPU), 1440×900, ${COLUMNS} columns, virtualised, over the e2e harness (real handler table and store). First render: navigation to the first card on screen; most of it is page start-up and the harness moving the workspace through the DevTools protocol, so "board render" gives the part after the workspace arrived. Drag: a card dragged by the mouse across three columns (85 pointer moves); frame times are requestAnimationFrame intervals in the page, which tick at 60 Hz, so 16.7 ms is the floor. Goals: p95 frame < 16.7 ms at 2,000 cards (one interval: no dropped frame at p95) and < 33 ms at 10,000. Medians of ${RUNS} runs.`,
      '',
      '| Cards | First render | Board render | Drag p95 frame | Late frames (> 25 ms) | Worst frame | p95 goal |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...rows
    ].join('\n')
  }
}
