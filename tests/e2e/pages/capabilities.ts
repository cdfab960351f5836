/** The Capabilities view: the catalogue of what IT has, plans or lacks. */
import { expect, type Page } from '@playwright/test'
import { choose } from './app'

/** Creates a capability with the New capability dialog and waits for the dialog to close. */
export async function createCapability(
  page: Page,
  fields: { name: string; state: string; arrives?: string; owner?: string; description?: string }
): Promise<void> {
  await page.getByRole('button', { name: 'New capability' }).click()
  const dialog = page.getByRole('dialog', { name: 'New capability' })
  await dialog.getByRole('textbox', { name: 'Name' }).fill(fields.name)
  await choose(page, dialog.getByRole('combobox', { name: 'State' }), fields.state)
  if (fields.arrives) await choose(page, dialog.getByRole('combobox', { name: 'Arrives' }), fields.arrives)
  if (fields.owner) await dialog.getByRole('textbox', { name: 'Owner' }).fill(fields.owner)
  if (fields.description) await dialog.getByRole('textbox', { name: 'Description' }).fill(fields.description)
  await dialog.getByRole('button', { name: 'Create capability' }).click()
  await expect(dialog).toBeHidden()
}
