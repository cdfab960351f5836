import { expect, openApp, test } from './harness'
import { addCard, addCategory, column } from './pages/board'

test('creates a category and a card, persists them, survives a reload, and undo removes the card from screen and disk', async ({
  page,
  app
}) => {
  await expect(page.getByTestId('empty-workspace')).toBeVisible()
  await addCategory(page, 'Policy makers')
  await addCard(page, 'Policy makers', 'Government minister')
  await expect(column(page, 'Policy makers').getByTestId('card-title')).toHaveText(['Government minister'])

  await app.flush()
  const saved = await app.readWorkspaceFile()
  expect(saved.categories.map((c) => c.name)).toEqual(['Policy makers'])
  expect(saved.cards.map((c) => c.title)).toEqual(['Government minister'])
  expect(saved.cards[0].categoryId).not.toBeNull()
  await expect(page.getByTestId('save-status')).toHaveText('Saved')

  await page.reload()
  await expect(column(page, 'Policy makers').getByTestId('card-title')).toHaveText(['Government minister'])

  await page.getByTestId('board').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(page.getByText('Undone: Create role “Government minister”')).toBeVisible()
  await expect(page.getByTestId('card')).toHaveCount(0)
  await app.flush()
  expect((await app.readWorkspaceFile()).cards).toEqual([])
  expect((await app.readWorkspaceFile()).categories.map((c) => c.name)).toEqual(['Policy makers'])

  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(page.getByTestId('card-title')).toHaveText(['Government minister'])
})

test('a workspace written by another process is reopened from disk', async ({ page, dataDir }) => {
  const first = await openApp(page, dataDir)
  await addCategory(page, 'IT specialist')
  await first.store.close()

  const second = await page.context().newPage()
  const reopened = await openApp(second, dataDir)
  await expect(column(second, 'IT specialist')).toBeVisible()
  await reopened.store.close()
})
