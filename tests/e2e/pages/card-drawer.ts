/** The card drawer, which slides in from the right of the window. */
import { expect, type Locator, type Page } from '@playwright/test'

/**
 * The open drawer once it has finished sliding in: its right edge on the window's, and no
 * transition left running in the page (the overlay fades in meanwhile). For screenshots.
 */
export async function drawerAtRest(page: Page): Promise<Locator> {
  const drawer = page.getByRole('dialog')
  const width = page.viewportSize()?.width
  await expect
    .poll(async () => {
      const box = await drawer.boundingBox()
      return box && Math.round(box.x + box.width)
    })
    .toBe(width)
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)))
  return drawer
}
