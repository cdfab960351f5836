/**
 * The About box shows the app icon: resources/icon.svg, built into the renderer as its own asset
 * and loaded from the app's origin under the strict Content-Security-Policy.
 */
import { APP_URL, expect, test } from './harness'
import { moreActions } from './pages/app'

// `app` opens the app in the page; the test needs nothing else from it.
test('the About box shows the app icon', async ({ page, app: _app }, testInfo) => {
  await moreActions(page, 'About Persona Planner')
  const dialog = page.getByRole('dialog', { name: 'About Persona Planner' })
  await expect(dialog).toBeVisible()

  const icon = dialog.getByTestId('about-icon')
  await expect(icon).toBeVisible()
  await expect(icon).toHaveAttribute('src', /\.svg$/)
  expect(new URL((await icon.getAttribute('src'))!, APP_URL).origin).toBe(new URL(APP_URL).origin)
  // A broken or blocked image has no natural size.
  await expect
    .poll(() => icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0)
  await dialog.screenshot({ path: testInfo.outputPath('about.png') })
})
