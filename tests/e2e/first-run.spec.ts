/**
 * A new user's first minute: the empty board offers the example workspace, which shows the board,
 * the needs and the gap analysis working, and one undo takes it away again.
 */
import { expect, test } from './harness'
import { openView } from './pages/app'
import { column } from './pages/board'

test('the example workspace opens from the empty board, shows its gaps, and one undo removes it', async ({
  page,
  app
}) => {
  const empty = page.getByTestId('empty-workspace')
  await expect(empty).toBeVisible()
  await empty.getByRole('button', { name: 'Open the example workspace' }).click()

  for (const name of ['Policy and management', 'Service delivery', 'IT specialists'])
    await expect(column(page, name)).toBeVisible()
  await expect(page.getByTestId('card')).toHaveCount(8)
  await expect(page.getByText('Opened the example workspace. Undo (Ctrl+Z) removes it again.')).toBeVisible()
  await app.flush()
  expect((await app.readWorkspaceFile()).name).toBe('Example: a small service department')

  await openView(page, 'Gap analysis')
  await expect(page.getByRole('row', { name: /Open and update cases on site/ }).first()).toBeVisible()

  await openView(page, 'Board')
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('Undone: Open the example workspace')).toBeVisible()
  await expect(empty).toBeVisible()
  await app.flush()
  const saved = await app.readWorkspaceFile()
  expect([saved.cards, saved.categories, saved.capabilities]).toEqual([[], [], []])
})
