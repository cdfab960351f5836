/** The export dialog lists, before Export…, what the chosen format cannot hold of this workspace. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './harness'
import { PERSONAS_FIXTURE as PERSONAS, TAXONOMY_FIXTURE as TAXONOMY } from './fixture-files'
import { chooseExportFormat, exportLosses } from './pages/export'
import { importFiles } from './pages/import'

test('persona Markdown on a workspace with roles: the dialog lists the roles it drops, JSON lists nothing', async ({
  page,
  app
}) => {
  await importFiles(page, app, [TAXONOMY, PERSONAS])
  const roles = app.store.snapshot().workspace.cards.filter((c) => c.kind === 'role').length
  expect(roles).toBeGreaterThan(0)

  let dialog = await chooseExportFormat(page, 'Persona Planner workspace (JSON)')
  await expect(exportLosses(dialog)).toBeHidden()

  dialog = await chooseExportFormat(page, 'ESDC persona page (Markdown)')
  const losses = exportLosses(dialog)
  await expect(losses).toBeVisible()
  await expect(losses).toContainText('ESDC persona page (Markdown) cannot hold everything in this workspace:')
  await expect(losses.getByRole('listitem').first()).toHaveText(`${roles} roles are not exported.`)
  if (process.env.PP_SCREENSHOT_DIR)
    await dialog.screenshot({ path: join(process.env.PP_SCREENSHOT_DIR, 'export-losses.png') })

  // The list is what the export then leaves out: the file has no role.
  const path = join(app.dir, 'personas.md')
  app.platform.nextSavePaths.push(path)
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByText(`Exported to ${path}`)).toBeVisible()
  const written = await readFile(path, 'utf8')
  expect(written).not.toContain('Chief digital officer')
})
