/**
 * The real seed documents through the UI, where tests/seeds.ts finds them (elsewhere these tests
 * skip, and say why): both import through the preview with the counts and duplicates of the
 * real data, the duplicates view and the needs view show them, and the page passes axe. The same
 * flows run on our own fixtures in board, gap, import-export and a11y specs.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { SEEDS_MISSING, realSeeds } from '../seeds'
import { expect, test } from './harness'

const seeds = realSeeds(import.meta.url)
test.skip(seeds === null, SEEDS_MISSING)

const openView = (page: Page, name: string): Promise<void> =>
  page.getByRole('navigation', { name: 'Views' }).getByText(name, { exact: true }).click()

test('the GovStack and ESDC seeds import with their counts and duplicates, and pass axe', async ({
  page,
  app
}) => {
  app.platform.nextOpenPaths.push(seeds === null ? [] : [seeds.govstack, seeds.esdc])
  await page.getByRole('button', { name: 'Import…' }).first().click()
  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await expect(preview.getByTestId('import-file')).toHaveCount(2)
  await expect(preview.getByTestId('import-file').first()).toContainText('53')
  await expect(preview.getByTestId('import-duplicates')).toContainText('Project manager')
  await expect(preview.getByTestId('import-duplicates')).toContainText('Government minister')
  await preview.getByRole('button', { name: 'Apply import' }).click()
  await expect(preview).toBeHidden()
  await app.flush()
  const saved = await app.readWorkspaceFile()
  expect(saved.cards).toHaveLength(59)
  expect(saved.categories).toHaveLength(14)

  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    'axe on the board with the seeds'
  ).toEqual([])

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
