/**
 * Is the UI responsive while a 10 MB file imports? The built renderer in headless Chromium over the
 * e2e harness: click Import…, and record the page's requestAnimationFrame intervals until the
 * preview is on screen. The parse runs outside the renderer (in main; here in the harness's Node
 * process), so the page keeps painting its "Reading files…" overlay.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { openApp } from '../tests/e2e/harness'
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser'
import { percentile, RECORDER } from './board.bench'
import { taxonomyText } from './import.bench'
import { ms, type BenchSection } from './types'

export async function run(): Promise<BenchSection> {
  const dir = await mkdtemp(join(tmpdir(), 'persona-planner-import-ui-'))
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  try {
    const file = join(dir, 'taxonomy-10mb.md')
    await writeFile(file, taxonomyText(10 * 1024 * 1024))
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.addInitScript('globalThis.__name = (fn) => fn') // see board.bench.ts
    const app = await openApp(page, join(dir, 'data'))
    app.platform.nextOpenPaths.push([file])
    await page.evaluate(RECORDER)
    const started = performance.now()
    await page.getByRole('button', { name: 'Import…' }).click()
    await page.getByRole('dialog', { name: 'Import preview' }).waitFor({ timeout: 300_000 })
    const seconds = (performance.now() - started) / 1000
    const frames = (await page.evaluate('window.__ppFrames()')) as number[]
    const deltas = frames.slice(1).map((t, i) => t - frames[i])
    await app.store.close()
    return {
      title: 'Responsiveness during a 10 MB import',
      body: [
        'A generated 10 MB taxonomy imported through the UI (click Import… until the preview shows), with the page’s requestAnimationFrame intervals recorded meanwhile (60 Hz: 16.7 ms is the floor).',
        '',
        '| Time to preview | Frames painted | p95 frame | Worst frame |',
        '| ---: | ---: | ---: | ---: |',
        `| ${seconds.toFixed(1)} s | ${deltas.length} | ${ms(percentile(deltas, 0.95))} | ${ms(Math.max(...deltas))} |`
      ].join('\n')
    }
  } finally {
    await browser.close()
    await rm(dir, { recursive: true, force: true })
  }
}
