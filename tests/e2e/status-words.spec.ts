/**
 * Issue #13, items 3, 6 and parts of 10: "gap" means the same on the board's cards, its "Has gaps
 * now" filter and the gap view, before and after a need is linked; the save status says "Saving…"
 * from the first keystroke and "Saved" only once the file is written, and the import overlay never
 * covers it; an empty gap view says what to do next; the capability form's Arrives field is not red
 * on opening; the import preview names formats as a person knows them and lists the titles it adds.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './harness'
import { largeTaxonomy, PERSONAS_FIXTURE, TAXONOMY_FIXTURE } from './fixture-files'
import { choose, openView } from './pages/app'
import { addCard, addCategory, cardIn, column } from './pages/board'
import { importFiles, importPreview, openImportPreview } from './pages/import'

const MANAGEMENT = 'Management'

test('cards, the "Has gaps now" filter and the gap view agree before and after a need is linked', async ({
  page,
  app
}, testInfo) => {
  await importFiles(page, app, [PERSONAS_FIXTURE])
  const management = page.getByTestId('card').filter({ hasText: MANAGEMENT }).first()
  // Before anything is linked every need is unassessed, not a gap.
  await expect(management.getByTestId('persona-coverage')).toHaveText('2 unassessed')
  await expect(management).toHaveAttribute('aria-label', /2 needs, 2 unassessed/)
  await page.getByText('Has gaps now').click()
  await expect(page.getByTestId('card')).toHaveCount(0)
  await page.getByText('Has gaps now').click()

  await openView(page, 'Gap analysis')
  await expect(page.getByTestId('summary-gap')).toContainText('0 gaps')
  const needs = app.store
    .snapshot()
    .workspace.cards.reduce((n, c) => n + (c.kind === 'persona' ? c.needs.length : 0), 0)
  await expect(page.getByTestId('summary-unassessed')).toContainText(`${needs} unassessed`)

  // Link Management's first need to a capability that is absent today: one gap.
  const persona = app.store.snapshot().workspace.cards.find((c) => c.title.startsWith(MANAGEMENT))
  if (persona?.kind !== 'persona') throw new Error('No Management persona')
  app.store.apply({
    type: 'capability.create',
    capability: {
      id: 'cap-1',
      name: 'Classification tool',
      description: '',
      state: 'planned',
      horizon: 'medium',
      owner: '',
      notes: ''
    }
  })
  app.store.apply({
    type: 'need.link',
    cardId: persona.id,
    needId: persona.needs[0].id,
    capabilityId: 'cap-1',
    linked: true
  })
  await expect(page.getByTestId('summary-gap')).toContainText('1 gap')
  await expect(page.getByTestId('summary-unassessed')).toContainText(`${needs - 1} unassessed`)
  const row = page.getByTestId('matrix-row').filter({ hasText: MANAGEMENT })
  await expect(row.getByTestId('row-totals')).toHaveText('1 gap, 1 unassessed')

  await openView(page, 'Board')
  await expect(management.getByTestId('persona-coverage')).toHaveText('1 gap, 1 unassessed')
  await page.getByText('Has gaps now').click()
  await expect(page.getByTestId('card')).toHaveCount(1)
  await expect(page.getByTestId('card')).toContainText(MANAGEMENT)
  await page.screenshot({ path: testInfo.outputPath('board-has-gaps.png') })
})

test('the save status says Saving… from the first keystroke and Saved once the file is written', async ({
  page,
  app
}) => {
  await addCategory(page, 'Trainers')
  await addCard(page, 'Trainers', 'Educational researcher')
  const status = page.getByTestId('save-status')
  await expect(status).toHaveText('Saved')
  await cardIn(column(page, 'Trainers'), 'Educational researcher').click()
  const title = page.getByRole('dialog').getByLabel('Title')
  await expect(title).toHaveValue('Educational researcher')

  await title.fill('Learning designer')
  // At once, not after the draft's pause: the edit typed is not saved yet.
  expect(await status.textContent()).toBe('Saving…')
  await expect(status).toHaveText('Saved')
  // "Saved" only once the write is on disk.
  expect((await app.readWorkspaceFile()).cards.map((card) => card.title)).toEqual(['Learning designer'])
})

test('the import overlay leaves the header and its save status uncovered', async ({
  page,
  app
}, testInfo) => {
  const file = join(app.dir, 'large-taxonomy.md')
  await writeFile(file, largeTaxonomy())
  app.platform.nextOpenPaths.push([file])
  await page.getByRole('button', { name: 'Import…', exact: true }).click()
  const overlay = page.getByRole('dialog', { name: 'Reading files…' })
  await expect(overlay).toBeVisible()

  const status = page.getByTestId('save-status')
  const topmostIsStatus = await status.evaluate((badge) => {
    const box = badge.getBoundingClientRect()
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
    return top !== null && badge.contains(top)
  })
  await page.screenshot({ path: testInfo.outputPath('import-overlay.png') })
  expect(topmostIsStatus).toBe(true)
  await overlay.getByRole('button', { name: 'Cancel' }).click()
  await expect(overlay).toBeHidden()
})

test('an empty gap analysis shows one message with the next step', async ({ page, app: _app }, testInfo) => {
  await openView(page, 'Gap analysis')
  const empty = page.getByTestId('gap-empty')
  await expect(empty).toContainText(
    'No needs to analyse yet. Import a persona page or add needs to a persona on the board.'
  )
  await expect(empty.getByRole('button', { name: 'Import…' })).toBeVisible()
  await expect(page.getByTestId('gap-matrix')).toHaveCount(0)
  await expect(page.getByTestId('gap-charts')).toHaveCount(0)
  await expect(page.getByTestId('coverage-summary')).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('gap-empty.png') })
  await empty.getByRole('button', { name: 'Open the board' }).click()
  await expect(page.getByRole('navigation', { name: 'Views' }).locator('[aria-current="page"]')).toHaveText(
    'Board'
  )
})

test('the Arrives field of a planned capability is not red until it was left empty', async ({
  page,
  app: _app
}, testInfo) => {
  await openView(page, 'Capabilities')
  await page.getByRole('button', { name: 'New capability' }).click()
  const dialog = page.getByRole('dialog', { name: 'New capability' })
  await choose(page, dialog.getByRole('combobox', { name: 'State' }), 'Planned')
  const arrives = dialog.getByRole('combobox', { name: 'Arrives' })
  await expect(arrives).not.toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByText('Without a horizon it never counts as in place.')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('arrives-untouched.png') })

  // Leaving the field empty is touching it: now it says so in red.
  await arrives.focus()
  await arrives.blur()
  await expect(arrives).toHaveAttribute('aria-invalid', 'true')
})

test('the import preview names each format as a person knows it and lists the titles per category', async ({
  page,
  app
}, testInfo) => {
  app.platform.nextOpenPaths.push([TAXONOMY_FIXTURE, PERSONAS_FIXTURE])
  const preview = await openImportPreview(page)
  await expect(preview.getByTestId('import-file-format')).toHaveText([
    'GovStack taxonomy (Markdown)',
    'ESDC persona page (Markdown)'
  ])
  const category = preview.getByTestId('import-category').filter({ hasText: 'Senior leadership' })
  await expect(category).toContainText('4 cards')
  await category.getByRole('button', { name: /Senior leadership/ }).click()
  await expect(category.getByTestId('import-category-titles').getByRole('listitem')).toHaveText([
    'Chief digital officer',
    'Programme manager',
    'Chief Privacy Officer',
    'Planning lead'
  ])
  await page.screenshot({ path: testInfo.outputPath('import-preview.png') })
  await preview.getByRole('button', { name: 'Cancel' }).click()
  await expect(importPreview(page)).toBeHidden()
})
