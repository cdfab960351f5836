/**
 * The Duplicates, Needs and Gap views at scale, in headless Chromium over the e2e harness (real
 * handlers, real store), on the realistic workspace (bench/realistic-workspace.ts) at 2,000 and
 * 10,000 cards: the time from a click on the view's navigation button to its content on screen,
 * the long tasks (PerformanceObserver 'longtask', over 50 ms) from the click until the page is
 * quiet, the elements on the page once Duplicates is open, and the time from a click on a horizon
 * of the Gap view to the matrix redrawn, beside the analysis alone at that horizon in Node.
 * `npx tsx bench/run.ts views` runs only this; it serves the renderer built in PP_RENDERER_DIR
 * (default out/renderer), so build first.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { WorkspaceStore } from '../src/main/services/workspace-store'
import { analyzeGaps, buildCoverageIndex } from '../src/shared/analysis'
import { HORIZON_LABEL } from '../src/shared/analysis/report/common'
import type { Horizon, Workspace } from '../src/shared/model/schema'
import { openApp } from '../tests/e2e/harness'
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser'
import { atMost, figureTable, median, ms, type BenchSection, type Figure } from './types'
import { realisticWorkspace } from './realistic-workspace'

const SIZES = [2_000, 10_000]
const RUNS = 3
/** How long the page must stay free of long tasks after the content is on screen before a measure ends. */
const QUIET_MS = 500
const OPEN_GOAL = 300
const LONG_TASK_GOAL = 100
const SWITCH_GOAL = 100

const VIEWS = [
  { name: 'Duplicates', content: '[data-testid="duplicate-group"]' },
  { name: 'Needs', content: '[data-testid="need-row"]' },
  { name: 'Gap analysis', content: '[data-testid="matrix-row"]' }
] as const
type ViewName = (typeof VIEWS)[number]['name']
const SWITCHES: Horizon[] = ['medium', 'long']

async function prefill(dir: string, size: number): Promise<Workspace> {
  const store = await WorkspaceStore.open({ dir, owner: 'views bench' })
  const { categories, capabilities, cards } = realisticWorkspace(size)
  store.apply({ type: 'import.apply', mode: 'add', categories, cards, capabilities, sources: [] })
  const { workspace } = store.snapshot()
  await store.close()
  return workspace
}

/** Page script: every long task since the page started, kept in window.__ppLongTasks. */
const LONG_TASKS = `(() => {
  const tasks = (window.__ppLongTasks = [])
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
})()`

/**
 * Page script: resolves with the time from the next click to the first frame after `done()` holds,
 * checked on every DOM change and every frame.
 */
const AFTER_NEXT_CLICK = `(done) => new Promise((resolve) => {
  let start = null
  document.addEventListener('click', () => { start = performance.now() }, { capture: true, once: true })
  const check = () => {
    if (start !== null && done()) {
      requestAnimationFrame(() => setTimeout(() => resolve({ start, end: performance.now() }), 0))
      return
    }
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
})`

interface Timed {
  time: number
  /** Long tasks from the click until the page was quiet. */
  longTasks: number
  longest: number
}

/** Waits until no long task has started for QUIET_MS, then reads the long tasks since `start`. */
async function settle(page: Page, span: { start: number; end: number }): Promise<Timed> {
  for (;;) {
    await page.waitForTimeout(QUIET_MS)
    const tasks = (await page.evaluate('window.__ppLongTasks')) as { start: number; duration: number }[]
    const now = (await page.evaluate('performance.now()')) as number
    const last = tasks.reduce((t, task) => Math.max(t, task.start + task.duration), 0)
    if (now - last < QUIET_MS) continue
    const since = tasks.filter((t) => t.start + t.duration >= span.start)
    return {
      time: span.end - span.start,
      longTasks: since.length,
      longest: since.reduce((m, t) => Math.max(m, t.duration), 0)
    }
  }
}

/** Clicks `click` and times it until `done` (a page expression) holds, with the long tasks meanwhile. */
async function timeClick(page: Page, click: () => Promise<void>, done: string): Promise<Timed> {
  // Not awaited here: the page keeps the promise until the click has happened.
  await page.evaluate(`window.__ppSpan = (${AFTER_NEXT_CLICK})(() => ${done}); undefined`)
  await click()
  const span = (await page.evaluate('window.__ppSpan')) as { start: number; end: number }
  return settle(page, span)
}

const navButton = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true })

interface Run {
  open: Record<ViewName, Timed>
  elements: number
  switches: Record<string, Timed>
}

async function oneRun(page: Page, dir: string): Promise<Run> {
  const app = await openApp(page, dir)
  try {
    await page.getByTestId('card').first().waitFor()
    // The duplicate search has answered once a badge is on the board.
    await page.getByTestId('duplicate-badge').first().waitFor()
    await settle(page, { start: 0, end: 0 })
    const open = {} as Record<ViewName, Timed>
    let elements = 0
    for (const view of VIEWS) {
      open[view.name] = await timeClick(
        page,
        () => navButton(page, view.name).click(),
        `document.querySelector('${view.content}') !== null`
      )
      if (view.name === 'Duplicates')
        elements = (await page.evaluate('document.querySelectorAll("*").length')) as number
      if (view.name !== 'Gap analysis') {
        await navButton(page, 'Board').click()
        await page.getByTestId('card').first().waitFor()
        await settle(page, { start: 0, end: 0 })
      }
    }
    const switches: Record<string, Timed> = {}
    for (const horizon of SWITCHES) {
      // Redrawn: the matrix changed and no "Updating" loader is left.
      await page.evaluate(`(() => {
        window.__ppChanged = false
        new MutationObserver(() => { window.__ppChanged = true }).observe(
          document.querySelector('[data-testid="gap-matrix"]'), { subtree: true, childList: true, characterData: true, attributes: true })
      })()`)
      switches[horizon] = await timeClick(
        page,
        () => page.getByTestId('gap-view').locator('label', { hasText: HORIZON_LABEL[horizon] }).click(),
        `window.__ppChanged && document.querySelector('[aria-label="Updating"]') === null`
      )
    }
    return { open, elements, switches }
  } finally {
    await app.store.close()
  }
}

const middle = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function measure(size: number): Promise<Figure[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const dir = await mkdtemp(join(tmpdir(), 'persona-planner-views-bench-'))
  try {
    const workspace = await prefill(dir, size)
    const runs: Run[] = []
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      page.setDefaultTimeout(300_000)
      // tsx compiles with esbuild's keepNames: give the page the `__name` helper its functions call.
      await page.addInitScript('globalThis.__name = (fn) => fn')
      await page.addInitScript(LONG_TASKS)
      runs.push(await oneRun(page, dir))
      await page.close()
      process.stderr.write(`  ${size} run ${run + 1}: ${JSON.stringify(runs[run])}\n`)
    }
    const cards = size.toLocaleString('en')
    const figures: Figure[] = []
    for (const { name } of VIEWS) {
      const time = middle(runs.map((r) => r.open[name].time))
      const longest = middle(runs.map((r) => r.open[name].longest))
      figures.push(
        { what: `${name}, open at ${cards} cards`, value: time, goal: atMost(time, OPEN_GOAL) },
        {
          what: `${name}, longest task while opening at ${cards} cards (${middle(runs.map((r) => r.open[name].longTasks))} long tasks)`,
          value: longest,
          goal: atMost(longest, LONG_TASK_GOAL)
        }
      )
    }
    figures.push({
      what: `Duplicates, elements on the page at ${cards} cards`,
      value: middle(runs.map((r) => r.elements)),
      unit: 'count'
    })
    const index = buildCoverageIndex(workspace)
    for (const horizon of SWITCHES) {
      const time = middle(runs.map((r) => r.switches[horizon].time))
      const longest = middle(runs.map((r) => r.switches[horizon].longest))
      const floor = await median(() => analyzeGaps(index, horizon), 3)
      figures.push(
        {
          what: `Gap analysis, switch to ${HORIZON_LABEL[horizon].toLowerCase()} at ${cards} cards`,
          value: time,
          floor: { what: `analyzeGaps at ${HORIZON_LABEL[horizon].toLowerCase()}, Node`, value: floor },
          goal: atMost(time, SWITCH_GOAL)
        },
        {
          what: `Gap analysis, longest task while switching to ${HORIZON_LABEL[horizon].toLowerCase()} at ${cards} cards`,
          value: longest,
          goal: atMost(longest, LONG_TASK_GOAL)
        }
      )
    }
    return figures
  } finally {
    await browser.close()
    await rm(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchSection> {
  const figures: Figure[] = []
  for (const size of SIZES) figures.push(...(await measure(size)))
  return {
    title: 'Views: Duplicates, Needs and Gap analysis',
    body: [
      `Headless Chromium (${cpus().length} cores, no GPU), 1440×900, over the e2e harness (real handler table and store), on the realistic workspace (bench/realistic-workspace.ts: titles in duplicate families, every fifth card a persona with five needs, 300 capabilities). Each view is opened from the board once the duplicate search has answered: "open" is a click on the view's navigation button to the first frame with its content (a duplicate group, a need row, a matrix row); long tasks (over 50 ms, PerformanceObserver 'longtask') are counted from the click until the page has been quiet for ${ms(QUIET_MS)}. A horizon switch is a click on the Gap view's horizon to the first frame with the matrix redrawn; its floor is \`analyzeGaps\` alone at that horizon in Node, on the same coverage index. A "longest task" of 0 ms means none over 50 ms. Medians of ${RUNS} runs.`,
      '',
      figureTable(figures)
    ].join('\n'),
    figures
  }
}
