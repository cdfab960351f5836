/**
 * Accessibility of every view and every dialog, in the light and the dark scheme: with real-shaped
 * data (our GovStack- and ESDC-shaped fixtures imported), an axe scan of each reports no
 * violation of any impact. One page load per scheme visits them all; the app follows the system
 * scheme ('auto'), which the test sets with emulateMedia.
 */

import { expectNoViolations } from './axe'
import { expect, test } from './harness'
import { PERSONAS_FIXTURE, TAXONOMY_FIXTURE } from './fixture-files'
import { moreActions, openView } from './pages/app'
import { applyImport, openImportPreview } from './pages/import'
import type { Page } from '@playwright/test'

/** Scans the open dialog named `name`, then closes it with its close button and waits for it to go. */
async function checkDialog(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name })
  await expect(dialog).toBeVisible()
  await expectNoViolations(page, `the ${name} dialog`)
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(dialog).toBeHidden()
}

/** Opens a view from the navigation; the focus stays on its entry, as a keyboard user's would. */
async function visit(page: Page, view: string): Promise<void> {
  await openView(page, view)
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every view and dialog passes axe with no violation, ${scheme} scheme`, async ({
    page,
    app
  }, testInfo) => {
    test.setTimeout(240_000) // some twenty scans of the whole page, each a second or more
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
    await expectNoViolations(page, 'the empty board')

    app.platform.nextOpenPaths.push([TAXONOMY_FIXTURE, PERSONAS_FIXTURE])
    const preview = await openImportPreview(page)
    await expectNoViolations(page, 'the Import preview dialog')
    await page.screenshot({ path: testInfo.outputPath(`import-preview-${scheme}.png`) })
    await applyImport(preview)
    await expect(page.getByTestId('card').first()).toBeVisible()
    await expectNoViolations(page, 'the board')

    // Filtered, with a selection: the summary line and the selection bar.
    const cards = page.getByTestId('card')
    await cards.nth(0).click({ modifiers: ['ControlOrMeta'] })
    await cards.nth(1).click({ modifiers: ['ControlOrMeta'] })
    await page.getByRole('textbox', { name: 'Search cards' }).fill('manager')
    await expect(page.getByTestId('filter-summary')).toBeVisible()
    await expect(page.getByTestId('selection-bar')).toBeVisible()
    await expectNoViolations(page, 'the filtered board with a selection')
    await page.getByRole('button', { name: 'clear filters' }).click()
    await page.keyboard.press('Escape')

    // The card drawer, for a persona and for a role.
    const persona = cards.filter({ has: page.getByTestId('persona-stats') }).first()
    const role = cards.filter({ hasNot: page.getByTestId('persona-stats') }).first()
    for (const [kind, card] of [
      ['persona', persona],
      ['role', role]
    ] as const) {
      await card.press('Enter')
      const drawer = page.getByRole('dialog')
      await expect(drawer.getByLabel('Title', { exact: true })).toBeVisible()
      await expectNoViolations(page, `the card drawer of a ${kind}`)
      await drawer.getByRole('button', { name: 'Close card details' }).click()
      await expect(drawer).toBeHidden()
    }

    const actions = page.getByRole('button', { name: /^Actions for category / }).first()
    await actions.click()
    await page.getByRole('menuitem', { name: 'Edit description' }).click()
    await checkDialog(page, (await page.getByRole('dialog').getAttribute('aria-label')) ?? 'Description of')

    await moreActions(page, 'Workspace details…')
    await checkDialog(page, 'Workspace details')
    await page.getByRole('button', { name: 'Export…' }).first().click()
    await checkDialog(page, 'Export workspace')
    await moreActions(page, 'Export gap report…')
    await checkDialog(page, 'Export gap report')
    await moreActions(page, 'Restore from backup…')
    await checkDialog(page, 'Restore from backup')
    await moreActions(page, 'About Persona Planner')
    await checkDialog(page, 'About Persona Planner')

    await visit(page, 'Capabilities')
    await expect(page.getByRole('button', { name: 'New capability' })).toBeVisible()
    await expectNoViolations(page, 'the Capabilities view')
    await page.getByRole('button', { name: 'New capability' }).click()
    await checkDialog(page, 'New capability')

    await visit(page, 'Needs')
    await expect(page.getByTestId('need-row').first()).toBeVisible()
    await expectNoViolations(page, 'the Needs view')

    await visit(page, 'Gap analysis')
    await expect(page.getByRole('heading', { name: 'Gap analysis' })).toBeVisible()
    await expectNoViolations(page, 'the Gap analysis view')

    await visit(page, 'Duplicates')
    await expect(page.getByTestId('duplicate-group').first()).toBeVisible()
    await expectNoViolations(page, 'the Duplicates view')
    await page.screenshot({ path: testInfo.outputPath(`duplicates-${scheme}.png`) })

    // A small window: the navigation shows icons, and the entry under the pointer its tooltip.
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Board' }).hover()
    await expect(page.getByRole('tooltip').filter({ hasText: 'Board (Ctrl+1)' })).toBeVisible()
    await expectNoViolations(page, 'the icon navigation with a tooltip')
  })
}
