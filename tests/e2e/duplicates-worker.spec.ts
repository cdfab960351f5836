/**
 * Duplicate detection runs in a worker (#12): a workspace of thousands of titles that share their
 * words draws its board at once, without waiting for the search; the duplicate badges arrive with
 * the worker's answer; the Duplicates view says it is looking until then, and shows the groups.
 * The worker's script is held back here until the board and the view have been checked, so the
 * test does not depend on how fast the search is.
 */
import { newCategory, newRole } from '../../src/shared/model/defaults'
import { adversarialTitles } from '../unit/shared/analysis/duplicate-families'
import { expect, test } from './harness'
import { openView } from './pages/app'
import { cardIn, column } from './pages/board'

const FAMILIES = [
  'Programme manager',
  'Programme managers',
  'Data steward',
  'Data  stewards',
  'Tranining lead',
  'Training lead'
]

test('the board draws before the duplicate search answers; badges and groups arrive from the worker', async ({
  page,
  app
}, testInfo) => {
  const warnings: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text())
  })
  let release = (): void => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  let workerRequested = false
  await page.route('**/duplicates.worker-*.js', async (route) => {
    workerRequested = true
    await held
    await route.fallback()
  })

  const category = newCategory({ id: 'cat-1', name: 'Roles', order: 0 })
  const titles = [...FAMILIES, ...adversarialTitles(5_000).map((c) => c.title)]
  const cards = titles.map((title, i) =>
    newRole({ id: `card-${i}`, title, categoryId: category.id, order: i })
  )
  app.store.apply({
    type: 'import.apply',
    mode: 'add',
    categories: [category],
    cards,
    capabilities: [],
    sources: []
  })

  // The board is drawn while the search cannot have answered: its worker is not even loaded.
  const roles = column(page, 'Roles')
  await expect(cardIn(roles, 'Programme manager')).toBeVisible()
  await expect.poll(() => workerRequested).toBe(true)
  await expect(page.getByTestId('duplicate-badge')).toHaveCount(0)

  // The Duplicates view says it is looking.
  await openView(page, 'Duplicates')
  await expect(page.getByTestId('duplicates-looking')).toContainText('Looking for duplicates…')

  release()
  await expect(page.getByRole('region', { name: 'Possible duplicates: Programme manager' })).toBeVisible()
  await expect(page.getByTestId('duplicate-group')).toHaveCount(3)
  await expect(page.getByTestId('duplicates-summary')).toHaveText('3 groups, 6 cards')
  await expect(page.getByTestId('duplicates-capped')).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('duplicates-worker.png') })

  await openView(page, 'Board')
  await expect(cardIn(roles, 'Programme manager').getByTestId('duplicate-badge')).toBeVisible()
  await expect(page.getByTestId('duplicate-badge')).toHaveCount(6)
  // The search ran in the worker, not on the page.
  expect(warnings.filter((w) => w.includes('Duplicate detection'))).toEqual([])
})
