/**
 * Large imports (#12): a file is read in main's worker thread while the import overlay shows its
 * name, how far it got and the cards so far, with Cancel, which stops it and changes nothing; a
 * file past a limit shows as refused in the preview. The files are generated in a temporary folder.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { largeTaxonomy } from './fixture-files'
import { expect, test } from './harness'
import { openView } from './pages/app'
import { importPreview, openImportPreview } from './pages/import'

test('a large file shows its progress while it is read; Cancel stops it and the workspace is unchanged', async ({
  page,
  app
}) => {
  const file = join(app.dir, 'large-taxonomy.md')
  const text = largeTaxonomy()
  expect(text.length).toBeGreaterThan(40_000_000)
  await writeFile(file, text)
  app.platform.nextOpenPaths.push([file])

  await page.getByRole('button', { name: 'Import…', exact: true }).click()
  const overlay = page.getByRole('dialog', { name: 'Reading files…' })
  await expect(overlay).toBeVisible()
  await expect(overlay).toContainText('Reading large-taxonomy.md…')
  await expect(overlay.getByRole('progressbar', { name: 'How much of the file is read' })).toBeVisible()
  await expect(overlay.getByTestId('import-progress')).toHaveText(/^\d+% · [\d,]+ cards? so far$/, {
    timeout: 30_000
  })

  // Keyboard: Cancel has the focus.
  await expect(overlay.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(overlay).toBeHidden()

  // The page still answers, and no preview comes once main has stopped the worker.
  await openView(page, 'Gap analysis')
  await expect(page.getByRole('navigation', { name: 'Views' }).locator('[aria-current="page"]')).toHaveText(
    'Gap analysis'
  )
  await page.waitForTimeout(1000)
  await expect(importPreview(page)).toBeHidden()
  expect(app.store.snapshot().workspace.cards).toEqual([])
  expect(app.store.snapshot().workspace.categories).toEqual([])
})

test('a file past the card limit shows refused in the preview, naming the limit', async ({ page, app }) => {
  const file = join(app.dir, 'team.csv')
  const rows = ['kind,category,title', ...Array.from({ length: 50_001 }, (_, i) => `role,C,Role ${i}`)]
  await writeFile(file, rows.join('\n'))
  app.platform.nextOpenPaths.push([file])

  const preview = await openImportPreview(page)
  const row = preview.getByTestId('import-file')
  await expect(row.getByTestId('import-file-refused')).toHaveText('refused')
  await expect(row.getByTestId('import-file-error')).toHaveText(
    'team.csv has more than 50,000 cards; one file may hold at most 50,000. Split the file.'
  )
  await expect(preview.getByRole('button', { name: 'Apply import' })).toBeDisabled()
})
