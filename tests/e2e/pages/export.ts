/** The two export dialogs: the workspace (header's Export…) and the gap report. */
import { expect, type Locator, type Page } from '@playwright/test'
import type { Harness } from '../harness'

/** Exports the workspace in the format labelled `label`; the harness's save dialog returns `path`. */
export async function exportWorkspace(page: Page, app: Harness, label: string, path: string): Promise<void> {
  app.platform.nextSavePaths.push(path)
  await page.getByRole('button', { name: 'Export…' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Export workspace' })
  await dialog.getByRole('radio', { name: label }).check()
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByText(`Exported to ${path}`)).toBeVisible()
}

/**
 * In the open Export gap report dialog (from the gap view's button or More actions): picks the
 * format labelled `format`, saves, and waits for the dialog to close.
 */
export async function saveGapReport(page: Page, format: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Export gap report' })
  await dialog.getByRole('radio', { name: format }).check()
  await dialog.getByRole('button', { name: 'Save report…' }).click()
  await expect(dialog).toBeHidden()
}

/** Opens the header's Export… dialog, picks the format labelled `label`, and returns the dialog. */
export async function chooseExportFormat(page: Page, label: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: 'Export workspace' })
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Export…' }).first().click()
  await dialog.getByRole('radio', { name: label }).check()
  return dialog
}

/** What the open export dialog says the chosen format cannot hold (hidden when it holds everything). */
export const exportLosses = (dialog: Locator): Locator => dialog.getByTestId('export-losses')
