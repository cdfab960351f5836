/**
 * The selection bar under a filter, and error toasts: a selection acts on every card it holds,
 * hidden ones included, and says how many are hidden; an error reaches the user as a plain
 * sentence in a toast that Escape, its close button and a change of view all close.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { WorkspaceSchema } from '../../src/shared/model/schema'
import { fail } from '../../src/shared/result'
import { expect, test, type Harness } from './harness'
import { TAXONOMY_FIXTURE as TAXONOMY } from './fixture-files'
import { choose, openView } from './pages/app'
import { column, reveal } from './pages/board'
import { importFiles } from './pages/import'

const PICKS: [string, string][] = [
  ['Decision makers', 'Donor liaison'],
  ['Delivery management', 'Grants officer']
]

/** Selects the two picked cards with Ctrl-click, then searches for cards that hide them both. */
async function selectThenHide(page: Page): Promise<void> {
  for (const [name, title] of PICKS) {
    const card = await reveal(column(page, name), title)
    await card.click({ modifiers: ['ControlOrMeta'] })
  }
  await expect(page.getByTestId('selection-bar')).toContainText('2 cards selected')
  await page.getByRole('textbox', { name: 'Search cards' }).fill('cloud')
  await expect(page.getByTestId('filter-summary')).toBeVisible()
  for (const [, title] of PICKS) await expect(page.getByText(title, { exact: true })).toHaveCount(0)
}

/** Each saved card's title with its category's name (null in the inbox). */
async function savedCategories(app: Harness): Promise<Map<string, string | null>> {
  await app.flush()
  const ws = WorkspaceSchema.parse(JSON.parse(await readFile(app.workspaceFile, 'utf8')))
  const names = new Map(ws.categories.map((c) => [c.id, c.name]))
  return new Map(ws.cards.map((c) => [c.title, names.get(c.categoryId ?? '') ?? null]))
}

test.describe('selection under a filter', () => {
  test.beforeEach(async ({ page, app }) => {
    await importFiles(page, app, [TAXONOMY])
    await expect(page.getByTestId('card').first()).toBeVisible()
  })

  test('the bar says how many selected cards the filters hide, and Delete removes them all', async ({
    page,
    app
  }) => {
    await selectThenHide(page)
    const bar = page.getByTestId('selection-bar')
    await expect(bar.getByTestId('selection-count')).toHaveText('2 cards selected, 2 hidden by the filters')

    await bar.getByRole('button', { name: 'Delete' }).click()
    await expect(page.getByText('Deleted 2 cards. Undo (Ctrl+Z) restores them.')).toBeVisible()
    await expect(page.getByText(/Invalid request|command\.ids|Too small/)).toHaveCount(0)
    await expect(bar).toBeHidden()
    const saved = await savedCategories(app)
    for (const [, title] of PICKS) expect(saved.has(title)).toBe(false)
  })

  test('Move to… moves every selected card, hidden ones included', async ({ page, app }) => {
    await selectThenHide(page)
    const bar = page.getByTestId('selection-bar')
    await choose(page, bar.getByLabel('Move selected cards to column'), 'Technical staff')
    await expect
      .poll(async () => {
        const saved = await savedCategories(app)
        return PICKS.map(([, title]) => saved.get(title))
      })
      .toEqual(['Technical staff', 'Technical staff'])
    await expect(page.getByText(/Invalid request|command\.ids|Too small/)).toHaveCount(0)
  })
})

test.describe('error toasts', () => {
  test.beforeEach(async ({ page, app }) => {
    await importFiles(page, app, [TAXONOMY])
    await expect(page.getByTestId('card').first()).toBeVisible()
    // Main refuses every change with a schema failure, as it did for a selection with no ids.
    app.handlers.applyCommand = async () =>
      fail('validation', 'Invalid request for applyCommand.', [
        'command.ids: Too small: expected array to have >=1 items'
      ])
  })

  /** Deletes a card by keyboard; main refuses it, so an error toast shows. */
  async function failADelete(page: Page): Promise<void> {
    const card = await reveal(column(page, 'Decision makers'), 'Donor liaison')
    await card.focus()
    await page.keyboard.press('Delete')
    await expect(toast(page)).toBeVisible()
  }
  const toast = (page: Page): ReturnType<Page['getByText']> =>
    page.getByText('That action could not be done, and nothing was changed.')

  test('say what failed in plain words, and close by Escape, by their button and on a change of view', async ({
    page
  }) => {
    await failADelete(page)
    await expect(page.getByText(/Invalid request|command\.ids|Too small/)).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(toast(page)).toHaveCount(0)

    await failADelete(page)
    await page
      .getByRole('alert')
      .filter({ has: toast(page) })
      .getByRole('button', { name: 'Dismiss message' })
      .click()
    await expect(toast(page)).toHaveCount(0)

    await failADelete(page)
    await openView(page, 'Needs')
    await expect(toast(page)).toHaveCount(0)
    await openView(page, 'Board')
    await expect(toast(page)).toHaveCount(0)
  })

  test('never cover the card drawer being edited', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1024, height: 700 })
    const card = await reveal(column(page, 'Decision makers'), 'Donor liaison')
    await card.click()
    const drawer = page.getByRole('dialog')
    await drawer.getByLabel('Title').fill('Donor liaison lead')
    await drawer.getByLabel('Title').press('Tab')
    await expect(toast(page)).toBeVisible()
    const toastBox = await toast(page).boundingBox()
    const drawerBox = await drawer.boundingBox()
    if (!toastBox || !drawerBox) throw new Error('toast or drawer not on screen')
    expect(toastBox.x + toastBox.width).toBeLessThanOrEqual(drawerBox.x)
    await page.screenshot({ path: testInfo.outputPath('toast-with-drawer-1024.png') })
  })
})
