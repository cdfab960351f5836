/**
 * The real seed documents through the UI, where tests/seeds.ts finds them (elsewhere these tests
 * skip, and say why): both import through the preview with the counts and duplicates of the
 * real data, the duplicates view and the needs view show them, and the page passes axe. The same
 * flows run on our own fixtures in board, gap, import-export and a11y specs.
 */
import { SEEDS_MISSING, realSeeds } from '../seeds'
import { expectNoSeriousViolations } from './axe'
import { expect, test } from './harness'
import { openView } from './pages/app'
import { applyImport, openImportPreview } from './pages/import'

const seeds = realSeeds(import.meta.url)
test.skip(seeds === null, SEEDS_MISSING)

test('the GovStack and ESDC seeds import with their counts and duplicates, and pass axe', async ({
  page,
  app
}) => {
  app.platform.nextOpenPaths.push(seeds === null ? [] : [seeds.govstack, seeds.esdc])
  const preview = await openImportPreview(page)
  await expect(preview.getByTestId('import-file')).toHaveCount(2)
  await expect(preview.getByTestId('import-file').first()).toContainText('53')
  await expect(preview.getByTestId('import-duplicates')).toContainText('Project manager')
  await expect(preview.getByTestId('import-duplicates')).toContainText('Government minister')
  await applyImport(preview)
  await app.flush()
  const saved = await app.readWorkspaceFile()
  expect(saved.cards).toHaveLength(59)
  expect(saved.categories).toHaveLength(14)

  await expectNoSeriousViolations(page, 'the board with the seeds')

  await openView(page, 'Duplicates')
  const managers = page.getByRole('region', { name: 'Possible duplicates: Project manager' })
  await expect(managers.getByTestId('duplicate-card')).toHaveCount(3)
  await expect(
    page.getByRole('region', { name: /^Possible duplicates: Software\/systems developer/ })
  ).toBeVisible()

  await openView(page, 'Needs')
  await expect(page.getByTestId('need-row')).toHaveCount(12)
  await expect(page.getByTestId('need-row').first()).toContainText('Need tool for classification')
})
