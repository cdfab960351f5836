/**
 * Files in and out through the native dialogs, stubbed in main: an import lands in the store on
 * disk, and the gap report comes out of Electron's printToPDF as a PDF that holds the report.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { moreActions } from '../e2e/pages/app'
import { column } from '../e2e/pages/board'
import { saveGapReport } from '../e2e/pages/export'
import { applyImport, openImportPreview } from '../e2e/pages/import'
import { pdfText } from '../pdf-text'
import {
  APP_DIR,
  dialogCalls,
  expect,
  sampleWorkspace,
  stubOpenDialog,
  stubSaveDialog,
  test
} from './fixtures'

const TAXONOMY = join(APP_DIR, 'tests/fixtures/formats/govstack-taxonomy-v2.md')

test('an import through the open dialog is previewed, applied and saved to the workspace file', async ({
  electronApp,
  window,
  readWorkspace
}) => {
  await stubOpenDialog(electronApp, [TAXONOMY])
  const preview = await openImportPreview(window)
  await expect(preview.getByTestId('import-file')).toHaveCount(1)
  await expect(preview.getByTestId('import-file')).toContainText('govstack-taxonomy-v2.md')
  await applyImport(preview)
  await expect(column(window, 'Policy makers').getByTestId('card-title')).toHaveText([
    'Government minister',
    'Fundraisers'
  ])
  expect(await dialogCalls(electronApp)).toEqual([{ title: 'Import profiles' }])

  // Saves are coalesced: wait for the file on disk to catch up.
  await expect
    .poll(async () => {
      const saved = await readWorkspace().catch(() => null)
      return (
        saved && { categories: saved.categories.map((c) => c.name), cards: saved.cards.map((c) => c.title) }
      )
    })
    .toEqual({
      categories: ['Policy makers', 'Service design'],
      cards: expect.arrayContaining([
        'Government minister',
        'Fundraisers',
        'Service designer',
        'Monitoring & Evaluation Officer'
      ])
    })
  expect((await readWorkspace()).cards).toHaveLength(4)
  await expect(window.getByTestId('save-status')).toHaveText('Saved')
})

test.describe('on a workspace with a persona, a need and a capability', () => {
  test.use({ seed: sampleWorkspace() })

  test('the gap report is printed to PDF through the save dialog, with the report’s text in it', async ({
    electronApp,
    window
  }, testInfo) => {
    const path = testInfo.outputPath('gap-report.pdf')
    await stubSaveDialog(electronApp, path)
    await expect(column(window, 'Policy makers')).toBeVisible()
    await moreActions(window, 'Export gap report…')
    await saveGapReport(window, 'PDF')
    await expect(window.getByText(`Gap report saved to ${path}`)).toBeVisible()

    const pdf = await readFile(path)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.toString('latin1')).toMatch(/\/Type\s*\/Page\b/)
    const text = pdfText(pdf).normalize('NFKC').replace(/\s+/g, ' ')
    expect(text).toContain('Gap report: Electron suite')
    expect(text).toContain('Records officer')
    expect(text).toContain('Needs a classification tool')
    expect(text).toContain('Classification tool')
  })
})
