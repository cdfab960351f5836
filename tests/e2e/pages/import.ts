/**
 * Importing through the preview. The caller scripts the open dialog first: the harness's
 * `app.platform.nextOpenPaths` in tests/e2e (importFiles does it), `stubOpenDialog` in tests/electron.
 */
import { expect, type Locator, type Page } from '@playwright/test'
import type { Harness } from '../harness'

/** The modes of the preview, as labelled. */
export type ImportModeLabel = 'Add' | 'Merge by title' | 'Replace'

export const importPreview = (page: Page): Locator => page.getByRole('dialog', { name: 'Import preview' })

/** Clicks the header's Import… and returns the preview once it shows. */
export async function openImportPreview(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Import…', exact: true }).click()
  const preview = importPreview(page)
  await expect(preview).toBeVisible()
  return preview
}

/** Applies the open preview, in `mode` (the preview's default, Add, otherwise), and waits for it to close. */
export async function applyImport(preview: Locator, mode?: ImportModeLabel): Promise<void> {
  if (mode) await preview.getByRole('radio', { name: mode }).check()
  await preview.getByRole('button', { name: 'Apply import' }).click()
  await expect(preview).toBeHidden()
}

/** Imports `paths` through the preview: the harness's open dialog returns them. */
export async function importFiles(
  page: Page,
  app: Harness,
  paths: string[],
  mode?: ImportModeLabel
): Promise<void> {
  app.platform.nextOpenPaths.push(paths)
  await applyImport(await openImportPreview(page), mode)
}
