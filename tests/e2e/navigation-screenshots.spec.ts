/**
 * Every view of the example workspace at 1024x700 and 1440x900 in light, and the board in dark:
 * the pictures docs/screenshots keeps under `npm run screenshots` (./screenshots.ts). Each view is
 * opened from the navigation and shows its h1.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './harness'
import { openView } from './pages/app'
import { readmeScreenshot } from './screenshots'

const VIEWS = [
  { name: 'Board', heading: 'Board', file: 'board' },
  { name: 'Duplicates', heading: 'Possible duplicates', file: 'duplicates' },
  { name: 'Capabilities', heading: 'Capabilities', file: 'capabilities' },
  { name: 'Needs', heading: 'Needs', file: 'needs' },
  { name: 'Gap analysis', heading: 'Gap analysis', file: 'gaps' }
] as const

/** The example workspace, with its "Opened" toast closed so that no picture shows it. */
async function openExample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the example workspace' }).click()
  await expect(page.getByTestId('board')).toBeVisible()
  const toasts = page.locator('.mantine-Notification-root')
  for (const close of await toasts.getByRole('button').all()) await close.click()
  await expect(toasts).toHaveCount(0)
}

for (const size of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 }
]) {
  test(`each view of the example workspace at ${size.width}x${size.height}`, async ({ page, app: _app }) => {
    await page.setViewportSize(size)
    await page.emulateMedia({ colorScheme: 'light' })
    await openExample(page)
    for (const view of VIEWS) {
      await openView(page, view.name)
      await expect(page.getByRole('heading', { level: 1, name: view.heading })).toBeAttached()
      // No tooltip of the navigation in the picture.
      await page.mouse.move(size.width - 5, size.height - 5)
      await expect(page.getByRole('tooltip')).toHaveCount(0)
      await readmeScreenshot(page, `view-${view.file}-${size.width}.png`)
    }
  })
}

test('the board of the example workspace in dark at 1440x900', async ({ page, app: _app }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await openExample(page)
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await readmeScreenshot(page, 'view-board-dark-1440.png')
})
