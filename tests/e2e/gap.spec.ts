/**
 * The gap analysis on a real-shaped page: our ESDC-shaped persona fixture imported through the UI,
 * two capabilities made in the Capabilities view, the Management persona's two needs linked to
 * them (one by the picker, one by dragging onto a capability), the coverage read off the gap view
 * now and after the medium-term plan, and the gap report saved as Markdown, HTML and PDF and read
 * back from disk. The README's gap pictures are kept under `npm run screenshots` only.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { pdfText } from '../pdf-text'
import { expect, test } from './harness'
import { PERSONAS_FIXTURE } from './fixture-files'
import { choose, openView } from './pages/app'
import { createCapability } from './pages/capabilities'
import { saveGapReport } from './pages/export'
import { chosen, filterNeeds, needRow, needRows, valueSelect } from './pages/needs'
import { applyImport, importFiles, importPreview } from './pages/import'
import { readmeScreenshot } from './screenshots'

const CLASSIFICATION_NEED = 'A tool to label documents by sensitivity'
const DLP_NEED = 'Data loss prevention that reads those labels'

/** Screenshots without toasts over the content. */
async function screenshot(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('alert')).toHaveCount(0)
  await readmeScreenshot(page, name)
}

test('ESDC-shaped personas: capabilities, links by picker and by drag, coverage now and after the medium-term plan, and the gap report on disk', async ({
  page,
  app
}) => {
  await importFiles(page, app, [PERSONAS_FIXTURE])

  // Two capabilities, made in the Capabilities view.
  await openView(page, 'Capabilities')
  await createCapability(page, {
    name: 'Classification tool',
    state: 'Planned',
    arrives: 'Medium term',
    description: 'Labels documents by sensitivity, so that data loss prevention can act on them.'
  })
  await createCapability(page, {
    name: 'DLP tool',
    state: 'In place',
    owner: 'IT Security',
    description: 'Data loss prevention on e-mail and file shares.'
  })
  const rows = page.getByRole('table', { name: 'Capabilities' }).getByTestId('capability-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText('Planned (medium term)')
  await expect(rows.nth(1)).toContainText('In place')

  // Link the Management persona's two needs: one with the picker, one by dragging onto a capability.
  await openView(page, 'Needs')
  await choose(page, page.getByRole('combobox', { name: 'Persona' }), 'Management')
  const needRows = page.getByTestId('need-row')
  await expect(needRows).toHaveCount(2)
  const classificationNeed = needRows.filter({ hasText: CLASSIFICATION_NEED })
  await choose(
    page,
    classificationNeed.getByRole('combobox', {
      name: /^Capabilities for need: A tool to label documents by sensitivity/
    }),
    /^Classification tool/
  )
  await page.keyboard.press('Escape')
  await expect(classificationNeed.getByText('Met from medium term')).toBeVisible()

  const dlpNeed = needRows.filter({ hasText: DLP_NEED })
  await dlpNeed
    .getByTestId('need-drag-handle')
    .dragTo(page.getByTestId('capability-drop-target').filter({ hasText: 'DLP tool' }))
  await expect(
    page.getByText(/^Linked “Data loss prevention that reads those labels” to “DLP tool”\.$/)
  ).toBeVisible()
  await expect(dlpNeed.locator('[data-status="met"]')).toHaveText('Met')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(needRows).toHaveCount(9)
  await screenshot(page, 'needs.png')

  // The gap view: now one met and one gap; after the medium-term plan both met.
  await openView(page, 'Gap analysis')
  const management = page.getByTestId('matrix-row').filter({ hasText: 'Management' })
  await expect(management.getByTestId('row-totals')).toHaveText('1 met, 1 gap')
  await expect(management.locator('td[data-status]')).toHaveText(['Gap', 'Met'])
  await expect(page.getByTestId('summary-met')).toContainText('1 met')
  await expect(page.getByTestId('summary-gap')).toContainText('1 gap')
  await expect(page.getByTestId('ranked-gap')).toHaveCount(1)
  await expect(page.getByTestId('ranked-gap')).toContainText(CLASSIFICATION_NEED)
  await expect(page.getByTestId('build-first')).toContainText('Classification tool')
  await screenshot(page, 'gaps-now.png')

  await page.getByRole('radiogroup', { name: 'Horizon' }).getByText('Medium term').click()
  await expect(management.getByTestId('row-totals')).toHaveText('2 met')
  await expect(management.locator('td[data-status]')).toHaveText(['Met', 'Met'])
  await expect(page.getByTestId('summary-gap')).toContainText('0 gaps')
  await expect(page.getByTestId('summary-closed')).toContainText('1 closed')
  await screenshot(page, 'gaps-medium.png')
  await page.getByTestId('gap-charts').scrollIntoViewIfNeeded()
  await screenshot(page, 'gaps-medium-charts.png')

  // The gap report at the medium term, as Markdown, HTML and PDF.
  const saved = (format: string): string => join(app.dir, `gap-report.${format}`)
  for (const [format, label] of [
    ['md', 'Markdown'],
    ['html', 'HTML'],
    ['csv', 'CSV'],
    ['pdf', 'PDF']
  ] as const) {
    app.platform.nextSavePaths.push(saved(format))
    await page.getByRole('button', { name: 'Export gap report…' }).click()
    await saveGapReport(page, label)
    await expect(page.getByText(`Gap report saved to ${saved(format)}`)).toBeVisible()
  }
  const markdown = await readFile(saved('md'), 'utf8')
  expect(markdown).toContain('Coverage after the medium-term plan.')
  expect(markdown).toContain('| Management | Management | Met | Met | 2 met |')
  expect(markdown).toContain('Classification tool')
  const html = await readFile(saved('html'), 'utf8')
  expect(html).toMatch(/^<!doctype html>/i)
  expect(html).toContain('after the medium-term plan')
  expect(html).toContain(CLASSIFICATION_NEED)
  expect(html).toContain('DLP tool')
  const csv = await readFile(saved('csv'), 'utf8')
  // The page says no kind, priority or horizon: the report says so rather than inventing them.
  expect(csv).toContain('not rented",not set,not set,not set,Classification tool,gap,met,met,no,')
  const pdf = await readFile(saved('pdf'))
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.toString('latin1')).toMatch(/\/Type\s*\/Page\b/)
  const text = pdfText(pdf).normalize('NFKC').replace(/\s+/g, ' ')
  expect(text).toContain('after the medium-term plan')
  expect(text).toContain('Classification tool')
  expect(text).toContain(CLASSIFICATION_NEED)

  // The capabilities and links are in the workspace file.
  await app.flush()
  const workspace = (await app.readWorkspaceFile()) as unknown as {
    capabilities: { id: string; name: string; state: string; horizon: string | null }[]
    cards: { title: string; kind: string; needs?: { text: string; capabilityIds: string[] }[] }[]
  }
  const byName = new Map(workspace.capabilities.map((c) => [c.name, c]))
  expect(byName.get('Classification tool')).toMatchObject({ state: 'planned', horizon: 'medium' })
  expect(byName.get('DLP tool')).toMatchObject({ state: 'in-place', horizon: null })
  const needs = workspace.cards.find((c) => c.kind === 'persona' && c.title === 'Management')?.needs ?? []
  expect(needs.find((n) => n.text.startsWith(CLASSIFICATION_NEED))?.capabilityIds).toEqual([
    byName.get('Classification tool')?.id
  ])
  expect(needs.find((n) => n.text.startsWith(DLP_NEED))?.capabilityIds).toEqual([byName.get('DLP tool')?.id])

  await openView(page, 'Capabilities')
  await expect(rows.first()).toContainText('1 need')
  await screenshot(page, 'capabilities.png')
})

test('a need’s status overridden with a rationale shows as an override, and undo takes it back', async ({
  page,
  app
}) => {
  await importFiles(page, app, [PERSONAS_FIXTURE])
  await openView(page, 'Needs')
  const need = page
    .getByTestId('need-row')
    .filter({ hasText: 'Automated code scanning in the build pipeline' })
  await expect(need.locator('[data-status]')).toHaveText('Unassessed')
  await need.getByRole('button', { name: /^Override status of need: Automated code scanning/ }).click()
  await page.getByRole('radiogroup', { name: 'Overridden status' }).getByText('Partial').click()
  await page.getByRole('textbox', { name: 'Rationale' }).fill('Pen testing is bought per project')
  await page.getByRole('button', { name: 'Save override' }).click()
  await expect(need.locator('[data-status]')).toHaveText('Partial (override)')
  await expect(need.getByTestId('override-rationale')).toHaveText('Why: Pen testing is bought per project')

  await openView(page, 'Gap analysis')
  await expect(page.getByTestId('summary-partial')).toContainText('1 partial')
  await expect(page.getByTestId('ranked-gap')).toContainText('status set by hand (override)')

  await app.flush()
  const saved = (await app.readWorkspaceFile()) as unknown as {
    cards: { needs?: { text: string; override: unknown }[] }[]
  }
  const stored = saved.cards
    .flatMap((c) => c.needs ?? [])
    .find((n) => n.text.startsWith('Automated code scanning'))
  expect(stored?.override).toEqual({ status: 'partial', rationale: 'Pen testing is bought per project' })

  await page.getByTestId('gap-view').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('summary-partial')).toContainText('0 partial')
})

test('the capabilities catalogue goes out as CSV, and a deleted capability comes back by importing it', async ({
  page,
  app
}) => {
  await openView(page, 'Capabilities')
  await createCapability(page, { name: 'Classification tool', state: 'Planned', arrives: 'Long term' })
  await createCapability(page, { name: 'DLP tool', state: 'In place', owner: 'IT Security' })
  const csvPath = join(app.dir, 'capabilities.csv')
  app.platform.nextSavePaths.push(csvPath)
  await page.getByRole('button', { name: 'Export CSV…' }).click()
  await expect(page.getByText(`Capabilities exported to ${csvPath}`)).toBeVisible()
  const csv = await readFile(csvPath, 'utf8')
  expect(csv).toContain('Classification tool')
  expect(csv).toContain('IT Security')

  await page.getByRole('button', { name: 'Delete DLP tool' }).click()
  const rows = page.getByTestId('capability-row')
  await expect(rows).toHaveCount(1)

  app.platform.nextOpenPaths.push([csvPath])
  await page.getByRole('button', { name: 'Import CSV…' }).click()
  await applyImport(importPreview(page))
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'DLP tool' })).toContainText('IT Security')
  await expect(rows.filter({ hasText: 'Classification tool' })).toContainText('Planned (long term)')
})

test('needs the page does not rank show “Not set”, filter and count apart, can be set and set back, and rank as priority not set', async ({
  page,
  app
}) => {
  await importFiles(page, app, [PERSONAS_FIXTURE])
  await openView(page, 'Capabilities')
  await createCapability(page, { name: 'Classification tool', state: 'Absent' })

  await openView(page, 'Needs')
  const rows = needRows(page)
  await expect(rows).toHaveCount(9)
  const classification = needRow(page, CLASSIFICATION_NEED)
  for (const value of ['Kind', 'Priority', 'Horizon'] as const)
    await expect(chosen(valueSelect(classification, value))).toHaveText('Not set')
  await choose(
    page,
    classification.getByRole('combobox', { name: /^Capabilities for need: A tool to label documents/ }),
    /^Classification tool/
  )
  await page.keyboard.press('Escape')
  await page.screenshot({ path: test.info().outputPath('needs-not-set.png') })

  // The filter offers "Not set" with its count; setting a priority takes the need out of it.
  await filterNeeds(page, 'Priority', 'Not set (9)')
  await expect(rows).toHaveCount(9)
  await valueSelect(classification, 'Priority').selectOption({ label: 'Must' })
  await expect(rows).toHaveCount(8)
  await filterNeeds(page, 'Priority', 'Must (1)')
  await expect(rows).toHaveCount(1)
  await expect(chosen(valueSelect(classification, 'Priority'))).toHaveText('Must')

  // And back to "Not set": saved as unset (null), not as a default.
  await valueSelect(classification, 'Priority').selectOption({ label: 'Not set' })
  await expect(rows).toHaveCount(0)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(rows).toHaveCount(9)
  await app.flush()
  const saved = (await app.readWorkspaceFile()) as unknown as {
    cards: { kind: string; needs?: { text: string; priority: string | null }[] }[]
  }
  const need = saved.cards.flatMap((c) => c.needs ?? []).find((n) => n.text.startsWith(CLASSIFICATION_NEED))
  expect(need).toMatchObject({ priority: null })

  // The gap view ranks the gap as priority not set, and says where to set it.
  await openView(page, 'Gap analysis')
  const gap = page.getByTestId('ranked-gap')
  await expect(gap).toHaveCount(1)
  await expect(gap.getByRole('cell').nth(3)).toHaveText('Not set')
  await expect(page.getByTestId('gaps-priority-not-set')).toContainText('1 gap has no priority set')
  await page.getByTestId('ranked-gaps').scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('gaps-not-set.png') })
  await page.getByRole('button', { name: 'Set priorities in the needs table' }).click()
  await expect(page.getByTestId('needs-view')).toBeVisible()
})
