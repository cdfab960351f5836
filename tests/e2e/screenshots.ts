/**
 * The README's screenshots in docs/screenshots are retaken only by `npm run screenshots`, which
 * sets PP_SCREENSHOTS=1. In every other run the same flows run and the pictures are taken but not
 * kept, so that a test run leaves the work tree as it found it.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'

export const WRITE_SCREENSHOTS = process.env.PP_SCREENSHOTS === '1'

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))

/** Takes a screenshot of the page; writes it to docs/screenshots/`name` under `npm run screenshots` only. */
export async function readmeScreenshot(page: Page, name: string): Promise<void> {
  if (!WRITE_SCREENSHOTS) {
    await page.screenshot()
    return
  }
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, name) })
}
