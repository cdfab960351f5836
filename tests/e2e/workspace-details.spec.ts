/**
 * The workspace's name and description: an import into a new workspace names it after the
 * document's title and keeps the document's introduction, links included, as its description;
 * the user renames and describes it in Workspace details, undoably.
 */
import { expectNoSeriousViolations } from './axe'
import { expect, test } from './harness'
import { PERSONAS_FIXTURE } from './fixture-files'
import { moreActions } from './pages/app'
import { importFiles } from './pages/import'

test('an import names and describes a new workspace; Workspace details renames it, undoably', async ({
  page,
  app
}, testInfo) => {
  await importFiles(page, app, [PERSONAS_FIXTURE])
  const name = page.getByTestId('workspace-name')
  await expect(name).toHaveText('Staff Personas')

  await page.getByRole('button', { name: 'Workspace details: Staff Personas' }).click()
  const dialog = page.getByRole('dialog', { name: 'Workspace details' })
  const description = dialog.getByRole('textbox', { name: 'Description' })
  await expect(description).toHaveValue(/^A made-up department of about 9 000 people/)
  // A relative link is kept as its label and target (only http, https and mailto stay links).
  await expect(description).toHaveValue(/See the planning notes \(planning-notes\.md\) for how it is used\./)

  await dialog.screenshot({ path: testInfo.outputPath('workspace-details.png') })
  await expectNoSeriousViolations(page, 'the Workspace details dialog')

  await dialog.getByRole('textbox', { name: 'Name' }).fill('IT plan 2027')
  await description.fill('Our own words.')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(name).toHaveText('IT plan 2027')
  await expect.poll(async () => app.store.snapshot().workspace.description).toBe('Our own words.')

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(name).toHaveText('Staff Personas')

  // The More menu reaches it too, and an empty name cannot be saved.
  await moreActions(page, 'Workspace details…')
  await dialog.getByRole('textbox', { name: 'Name' }).fill('  ')
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled()
  await expect(dialog.getByText('The workspace needs a name.')).toBeVisible()
})
