/** The app shell: the views' navigation, the header's More actions menu, and Mantine's select. */
import type { Locator, Page } from '@playwright/test'

/** Switches to a view from the navigation: Board, Needs, Capabilities, Gap analysis, Duplicates. */
export async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByText(name, { exact: true }).click()
}

/** Clicks an item of the header's More actions menu. */
export async function moreActions(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'More actions' }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

/** Opens a select (or multi-select) and clicks one of its options. */
export async function choose(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  await field.click()
  await page.getByRole('option', { name: option, exact: true }).click()
}
