/**
 * Accessibility of the board, the card drawer and the duplicates view: an axe scan of each with
 * real-shaped data (our GovStack- and ESDC-shaped fixtures imported) reports no serious or
 * critical violation.
 */

import { expectNoSeriousViolations } from './axe'
import { expect, test } from './harness'
import { PERSONAS_FIXTURE, TAXONOMY_FIXTURE } from './fixture-files'
import { openView } from './pages/app'
import { importFiles } from './pages/import'

test('the board, the drawer and the duplicates view pass axe without serious or critical violations', async ({
  page,
  app
}) => {
  await importFiles(page, app, [TAXONOMY_FIXTURE, PERSONAS_FIXTURE])
  await expect(page.getByTestId('card').first()).toBeVisible()
  await expectNoSeriousViolations(page, 'the board')

  // Filtered, with a selection: the summary line and the selection bar.
  const cards = page.getByTestId('card')
  await cards.nth(0).click({ modifiers: ['ControlOrMeta'] })
  await cards.nth(1).click({ modifiers: ['ControlOrMeta'] })
  await page.getByRole('textbox', { name: 'Search cards' }).fill('manager')
  await expect(page.getByTestId('filter-summary')).toBeVisible()
  await expect(page.getByTestId('selection-bar')).toBeVisible()
  await expectNoSeriousViolations(page, 'the filtered board with a selection')
  await page.getByRole('button', { name: 'clear filters' }).click()

  const persona = cards.filter({ has: page.getByTestId('persona-stats') }).first()
  await persona.press('Enter')
  await expect(page.getByRole('dialog').getByLabel('Title', { exact: true })).toBeVisible()
  await expectNoSeriousViolations(page, 'the card drawer')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()

  await openView(page, 'Duplicates')
  await expect(page.getByTestId('duplicate-group').first()).toBeVisible()
  await expectNoSeriousViolations(page, 'the duplicates view')
})
