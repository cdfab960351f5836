/** Toasts say what happened, in the past tense, with the count and how to take it back. */
import { expect, test } from './harness'
import { PERSONAS_FIXTURE as PERSONAS, TAXONOMY_FIXTURE as TAXONOMY } from './fixture-files'
import { importFiles } from './pages/import'

test('an import says how many cards it added, or what it replaced', async ({ page, app }) => {
  await importFiles(page, app, [TAXONOMY])
  await expect(page.getByText('Imported 28 cards. Undo (Ctrl+Z) takes the import back.')).toBeVisible()

  await importFiles(page, app, [PERSONAS], 'Replace')
  await app.flush()
  const cards = (await app.readWorkspaceFile()).cards.length
  await expect(
    page.getByText(`Replaced the workspace with ${cards} cards. Undo (Ctrl+Z) brings back what you had.`)
  ).toBeVisible()
})
