/** The app shell: the views' navigation, the header's More actions menu, and Mantine's select. */
import type { Locator, Page } from '@playwright/test'

/** The views' navigation: a button per view, named by the view even when the sidebar shows icons only. */
export const viewsNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Views' })

/** Switches to a view from the navigation: Board, Needs, Capabilities, Gap analysis, Duplicates. */
export async function openView(page: Page, name: string): Promise<void> {
  await viewsNav(page).getByRole('button', { name, exact: true }).click()
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
