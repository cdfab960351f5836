/** The Needs view: every persona need in one table, its filters, and a need's kind, priority and horizon. */
import type { Locator, Page } from '@playwright/test'
import { choose } from './app'

export type NeedValue = 'Kind' | 'Priority' | 'Horizon'

/** The rows of the needs table. */
export const needRows = (page: Page): Locator => page.getByTestId('need-row')

/** The row of the need whose text contains `text`. */
export const needRow = (page: Page, text: string): Locator => needRows(page).filter({ hasText: text })

/** A row's select for its kind, priority or horizon (a native select; "Not set" is its empty choice). */
export const valueSelect = (row: Locator, value: NeedValue): Locator =>
  row.getByRole('combobox', { name: new RegExp(`^${value} of need`) })

/** The option a select shows as chosen. */
export const chosen = (select: Locator): Locator => select.locator('option:checked')

/** Chooses a filter's option by its label with its count, "Not set (9)"; the filter is Kind, Priority or Needed by. */
export async function filterNeeds(page: Page, filter: string, option: string): Promise<void> {
  await choose(page, page.getByRole('combobox', { name: filter, exact: true }), option)
}
