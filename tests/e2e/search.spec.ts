/**
 * Search on the board: it says why a card matched when the title does not, ignores accents and
 * case, keeps the first matching column in view, and shows column names whole while filtering.
 */
import { newNeed, newPersona } from '../../src/shared/model/defaults'
import { expect, test } from './harness'
import { PERSONAS_FIXTURE as PERSONAS, TAXONOMY_FIXTURE as TAXONOMY } from './fixture-files'
import { cardIn, column } from './pages/board'
import { importFiles } from './pages/import'

test.describe('search', () => {
  test.beforeEach(async ({ page, app }) => {
    await importFiles(page, app, [TAXONOMY, PERSONAS])
    await expect(page.getByTestId('card').first()).toBeVisible()
  })

  test('a match in need text shows the field and the words around it', async ({ page }, testInfo) => {
    await page.getByRole('textbox', { name: 'Search cards' }).fill('sensitivity')
    const card = page.getByTestId('card')
    await expect(card).toHaveCount(1)
    await expect(card.getByTestId('card-title')).toHaveText('Management')
    await expect(card.getByTestId('match-reason')).toHaveText(
      'Need: A tool to label documents by sensitivity, bought once, not rented'
    )
    await expect(card.getByTestId('match-reason').locator('mark')).toHaveText(['sensitivity'])
    await page.screenshot({ path: testInfo.outputPath('search-need-match.png') })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: testInfo.outputPath('search-need-match-dark.png') })
    await page.emulateMedia({ colorScheme: 'light' })

    // A match in the title needs no explanation.
    await page.getByRole('textbox', { name: 'Search cards' }).fill('grants')
    await expect(cardIn(page.locator('body'), 'Grants officer').getByTestId('match-reason')).toHaveCount(0)
  })

  test('accents and case do not matter, in titles and in needs', async ({ page, app }) => {
    const applied = await app.store.apply({
      type: 'card.create',
      card: newPersona({
        id: 'analyste',
        title: 'Analyste de la Sécurité',
        needs: [newNeed({ id: 'n-fr', text: 'Un tableau des incidents de cybersécurité' })]
      }),
      categoryId: null
    })
    expect(applied.revision).toBeGreaterThan(0)
    // The new card is Uncategorised's only one: its column's name counts it in the singular.
    await expect(page.getByRole('region', { name: 'Uncategorised, 1 card', exact: true })).toBeVisible()
    const search = page.getByRole('textbox', { name: 'Search cards' })
    await search.fill('securite')
    await expect(page.getByRole('region', { name: 'Uncategorised, 1 of 1 card', exact: true })).toBeVisible()
    await expect(cardIn(page.locator('body'), 'Analyste de la Sécurité')).toBeVisible()
    await expect(
      cardIn(page.locator('body'), 'Analyste de la Sécurité').getByTestId('card-title').locator('mark')
    ).toHaveText(['Sécurité'])

    await search.fill('CYBERSECURITE')
    const card = cardIn(page.locator('body'), 'Analyste de la Sécurité')
    await expect(card.getByTestId('match-reason')).toHaveText(
      'Need: Un tableau des incidents de cybersécurité'
    )
  })

  test('while filtering, column names stay whole and the first matching column is in view', async ({
    page
  }, testInfo) => {
    await page.setViewportSize({ width: 1024, height: 700 })
    const board = page.getByTestId('board')
    await board.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
    await page.getByRole('textbox', { name: 'Search cards' }).fill('officer')
    await expect(page.getByTestId('filter-summary')).toBeVisible()

    const first = page.getByTestId('column').first()
    await expect(first).toBeInViewport({ ratio: 1 })
    const names = page.getByTestId('column-name')
    await expect(names.first()).toBeVisible()
    const cut = await names.evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent)
    )
    expect(cut).toEqual([])
    await expect(column(page, 'Learning and development').getByTestId('column-name')).toHaveText(
      'Learning and development'
    )
    await page.screenshot({ path: testInfo.outputPath('search-filtered-1024.png') })
  })
})
