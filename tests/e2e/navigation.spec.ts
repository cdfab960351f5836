/**
 * The views by keyboard (issue #13 item 1): the sidebar is a navigation landmark of buttons, the
 * current view marked; Ctrl+1..5 and the View menu switch views; each view has one h1. The
 * colour-scheme switch in the More actions menu (item 10), remembered.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { emit, expect, test } from './harness'
import { viewsNav } from './pages/app'

/** Each view in the navigation's order (Ctrl+1..5) and its page heading. */
const VIEWS = [
  { name: 'Board', heading: 'Board' },
  { name: 'Duplicates', heading: 'Possible duplicates' },
  { name: 'Capabilities', heading: 'Capabilities' },
  { name: 'Needs', heading: 'Needs' },
  { name: 'Gap analysis', heading: 'Gap analysis' }
] as const

async function expectView(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  const current = viewsNav(page).locator('[aria-current="page"]')
  await expect(current).toHaveCount(1)
  await expect(current).toHaveAccessibleName(view.name)
  const h1 = page.locator('h1')
  await expect(h1).toHaveCount(1)
  await expect(h1).toHaveText(view.heading)
}

/** The outline and the navigation by axe: one h1, no skipped level, named buttons, no misplaced ARIA. */
async function expectOutline(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withRules([
      'page-has-heading-one',
      'heading-order',
      'button-name',
      'aria-allowed-attr',
      'landmark-unique'
    ])
    .analyze()
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`),
    what
  ).toEqual([])
}

test('Tab reaches the views, Enter opens one, Ctrl+1..5 and the View menu switch views, each with one h1', async ({
  page,
  app: _app
}, testInfo) => {
  await page.getByRole('button', { name: 'Open the example workspace' }).click()
  await expect(page.getByTestId('board')).toBeVisible()
  await expectView(page, VIEWS[0])

  // The next Tab stop after the header's last button is the first view.
  await page.getByRole('button', { name: 'More actions' }).focus()
  await page.keyboard.press('Tab')
  await expect(viewsNav(page).getByRole('button', { name: 'Board', exact: true })).toBeFocused()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab')
  await expect(viewsNav(page).getByRole('button', { name: 'Needs', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expectView(page, VIEWS[3])
  await page.screenshot({ path: testInfo.outputPath('needs-by-keyboard.png') })

  for (const [i, view] of VIEWS.entries()) {
    await page.keyboard.press(`Control+${i + 1}`)
    await expectView(page, view)
    await expectOutline(page, view.name)
  }

  await emit(page, 'menuAction', 'show-capabilities')
  await expectView(page, VIEWS[2])
  await emit(page, 'menuAction', 'show-board')
  await expectView(page, VIEWS[0])
})

test('the colour scheme follows the More actions menu and the View menu, and is remembered', async ({
  page,
  app: _app
}, testInfo) => {
  await page.emulateMedia({ colorScheme: 'light' })
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')

  await page.getByRole('button', { name: 'More actions' }).click()
  await page.getByRole('menuitemradio', { name: 'Dark' }).click()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await page.screenshot({ path: testInfo.outputPath('dark.png') })
  await page.reload()
  await expect(page.getByRole('button', { name: 'More actions' })).toBeVisible()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')

  await page.getByRole('button', { name: 'More actions' }).click()
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true')
  await page.getByRole('menuitemradio', { name: 'Same as system' }).click()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')

  await emit(page, 'menuAction', 'scheme-light')
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')
})
