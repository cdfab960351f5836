/**
 * A small window (1024x700, issue #13 item 9): the sidebar shows icons only, and its toggle
 * (remembered) shows the names at any size; the needs table keeps Capabilities and Status on
 * screen; the gap tiles show whole numbers; the header shortens the workspace name, never "Saved".
 */
import type { Locator, Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './harness'
import { openView } from './pages/app'

test.use({ viewport: { width: 1024, height: 700 } })

async function openExample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the example workspace' }).click()
  await expect(page.getByTestId('board')).toBeVisible()
}

/** The element's right edge is inside the window. */
async function rightEdge(locator: Locator): Promise<number> {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not laid out')
  return box.x + box.width
}

/** Text cut by an ellipsis or by its box is wider inside than out. */
const isCut = (locator: Locator): Promise<boolean> =>
  locator.evaluate((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1)

test('at 1024x700 the sidebar shows icons named by their view, and the toggle shows the names, remembered', async ({
  page,
  app: _app
}, testInfo) => {
  const nav = page.getByRole('navigation', { name: 'Views' })
  const toggle = nav.getByRole('button', { name: 'Show view names' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  expect((await nav.boundingBox())!.width).toBeLessThan(80)
  await expect(nav.getByText('Capabilities', { exact: true })).toHaveCount(0)
  await nav.getByRole('button', { name: 'Capabilities', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Capabilities' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('collapsed.png') })
  const { violations } = await new AxeBuilder({ page })
    .include('nav')
    .withRules(['button-name', 'aria-allowed-attr', 'aria-valid-attr-value'])
    .analyze()
  expect(violations.map((v) => v.id)).toEqual([])

  // By keyboard: the toggle is a button in the navigation.
  await toggle.focus()
  await page.keyboard.press('Enter')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(nav.getByText('Capabilities', { exact: true })).toBeVisible()
  expect((await nav.boundingBox())!.width).toBeGreaterThan(150)

  await page.reload()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(nav.getByText('Gap analysis', { exact: true })).toBeVisible()
})

test('the toggle hides the names in a large window too', async ({ page, app: _app }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const nav = page.getByRole('navigation', { name: 'Views' })
  const toggle = nav.getByRole('button', { name: 'Show view names' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  expect((await nav.boundingBox())!.width).toBeLessThan(80)
  await expect(nav.getByRole('button', { name: 'Needs', exact: true })).toBeVisible()
})

test('at 1024x700 the needs table shows Capabilities and Status, and the gap tiles their whole numbers', async ({
  page,
  app: _app
}, testInfo) => {
  await openExample(page)
  await openView(page, 'Needs')
  const table = page.getByRole('table').first()
  for (const name of ['Capabilities', 'Status']) {
    const header = table.getByRole('columnheader', { name, exact: true })
    await expect(header).toBeVisible()
    expect(await rightEdge(header), `${name} column in the window`).toBeLessThanOrEqual(1024)
  }
  await page.screenshot({ path: testInfo.outputPath('needs.png') })

  // The tiles' narrowest case: the names shown beside them.
  await page.getByRole('button', { name: 'Show view names' }).click()
  await openView(page, 'Gap analysis')
  await page.mouse.move(600, 650)
  const tiles = page.getByTestId('coverage-summary').locator('.mantine-Paper-root')
  await expect(tiles.first()).toBeVisible()
  for (const tile of await tiles.all()) {
    expect(await rightEdge(tile)).toBeLessThanOrEqual(1024)
    const texts = tile.locator('p')
    for (const text of await texts.all()) expect(await isCut(text), await text.innerText()).toBe(false)
  }
  await page.screenshot({ path: testInfo.outputPath('gaps.png') })
})

test('at 1024x700 the header shortens a long workspace name and never cuts "Saved"', async ({
  page,
  app: _app
}, testInfo) => {
  await openExample(page)
  await page.getByRole('button', { name: /^Workspace details/ }).click()
  const dialog = page.getByRole('dialog')
  await dialog
    .getByRole('textbox', { name: 'Name' })
    .fill('Information technology planning for the whole department, 2027 to 2030')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)
  const status = page.getByTestId('save-status')
  await expect(status).toHaveText('Saved')
  expect(await isCut(status.locator('.mantine-Badge-label'))).toBe(false)
  expect(await rightEdge(status)).toBeLessThan(1024)
  expect(await isCut(page.getByTestId('workspace-name'))).toBe(true)
  await page.screenshot({ path: testInfo.outputPath('header.png') })
})

test('at 1024x700 the empty Uncategorised column is narrow', async ({ page, app: _app }, testInfo) => {
  await openExample(page)
  const inbox = page.locator('[data-category-id="inbox"]')
  await expect(inbox).toContainText('No cards yet')
  await page.screenshot({ path: testInfo.outputPath('board.png') })
  expect((await inbox.boundingBox())!.width).toBeLessThanOrEqual(220)
})
