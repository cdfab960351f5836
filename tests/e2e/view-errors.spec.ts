/**
 * A view that fails to draw shows what failed in its own pane; the header, the navigation and the
 * other views keep working. The failure is made the way a real one would arrive: a change
 * event whose patch leaves the page's copy of the capabilities in a shape the board cannot draw.
 */
import { emit, expect, test } from './harness'
import { PERSONAS_FIXTURE } from './fixture-files'
import { openView } from './pages/app'
import { importFiles } from './pages/import'

test('a failing view shows its error and the rest of the app stays usable', async ({
  page,
  app
}, testInfo) => {
  await importFiles(page, app, [PERSONAS_FIXTURE])
  const { revision } = app.store.snapshot()
  await emit(page, 'workspaceChanged', {
    revision: revision + 1,
    undoLabel: null,
    redoLabel: null,
    label: 'A broken change',
    patches: [{ op: 'replace', path: ['capabilities'], value: null }]
  })

  // The board draws the capabilities' coverage on each persona: it fails in its own pane.
  const alert = page.getByRole('alert').filter({ hasText: 'The Board view could not be shown' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('Your workspace is safe')
  // The error's own message is shown for a report (its wording is the JavaScript engine's).
  await expect(alert.locator('pre')).toHaveText(/\S/)
  await page.screenshot({ path: testInfo.outputPath('view-error.png') })

  // The header and the navigation still work, and a view that does not use capabilities draws.
  await expect(page.getByRole('button', { name: 'Import…', exact: true })).toBeEnabled()
  await openView(page, 'Duplicates')
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Possible duplicates' })).toBeVisible()

  // Try again reloads the workspace from the main process, which never had the broken change.
  await openView(page, 'Board')
  await alert.getByRole('button', { name: 'Try again' }).click()
  await expect(alert).toBeHidden()
  await expect(page.getByText('Policy Analyst').first()).toBeVisible()
})
