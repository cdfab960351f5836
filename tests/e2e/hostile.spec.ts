import { resolve } from 'node:path'
import { APP_URL, expect, test } from './harness'
import { importFiles } from './pages/import'

const HOSTILE_MD = resolve('tests/fixtures/hostile/hostile-taxonomy.md')
const HOSTILE_CSV = resolve('tests/fixtures/hostile/hostile-cards.csv')

test('hostile names and descriptions are shown as text: nothing runs, nothing navigates, nothing leaves the page', async ({
  page,
  app
}) => {
  const outbound: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(APP_URL) && !request.url().startsWith('data:')) outbound.push(request.url())
  })
  await importFiles(page, app, [HOSTILE_MD, HOSTILE_CSV])
  await expect(page.getByTestId('card')).toHaveCount(4)

  // CSV cells are plain text: the markup shows literally, as characters.
  await expect(
    page.getByTestId('card-title').filter({ hasText: `<img src=x onerror="window.__pwned='csv'">Analyst` })
  ).toBeVisible()
  await expect(page.getByText(`<script>window.__pwned='csv-desc'</script>`).first()).toBeVisible()
  await expect(
    page.getByRole('region', { name: /^<svg onload="window.__pwned='category'">Ops/ })
  ).toBeVisible()
  // Markdown's inline HTML is dropped by the importer: only its text remains.
  await expect(page.getByTestId('card-title').filter({ hasText: 'Minister' })).toBeVisible()
  for (const card of await page.getByTestId('card').all()) {
    await card.click()
    await page.keyboard.press('Escape')
  }
  for (const link of await page.getByRole('link').all())
    await link.click({ noWaitAfter: true }).catch(() => undefined)

  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
  expect(await page.locator('iframe, script:not([src]), img[src="x"], svg[onload]').count()).toBe(0)
  expect(page.url()).toBe(APP_URL)
  expect(outbound).toEqual([])
  expect(app.platform.opened.filter((url) => !/^https?:/.test(url))).toEqual([])
})
