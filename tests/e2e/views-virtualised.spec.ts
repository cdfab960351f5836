/**
 * The Duplicates, Needs and Gap views are virtualised (#14): with 1,000 personas holding 5,000
 * needs and 500 pairs of duplicate titles, each view keeps only the rows near the viewport in the
 * DOM, tells assistive technology how many rows there are, and still reaches the last one, by
 * scrolling and (in the needs table) by Tab from control to control.
 */
import type { Locator, Page } from '@playwright/test'
import {
  emptyWorkspace,
  newCapability,
  newCategory,
  newNeed,
  newPersona,
  newRole
} from '../../src/shared/model/defaults'
import type { Card, Workspace } from '../../src/shared/model/schema'
import { expect, test } from './harness'
import { openView } from './pages/app'
import { needRows } from './pages/needs'

const PERSONAS = 1_000
const NEEDS_PER_PERSONA = 5
const NEEDS = PERSONAS * NEEDS_PER_PERSONA
const PAIRS = 500
const CATEGORIES = 4

function seed(): Workspace {
  const categories = Array.from({ length: CATEGORIES }, (_, i) =>
    newCategory({ id: `cat-${i}`, name: `Category ${i + 1}`, order: i })
  )
  const capabilities = Array.from({ length: 40 }, (_, i) =>
    newCapability({ id: `cap-${i}`, name: `Capability ${i}`, state: i % 2 ? 'in-place' : 'absent' })
  )
  const personas = Array.from({ length: PERSONAS }, (_, p) =>
    newPersona({
      id: `persona-${p}`,
      title: `Persona ${p}`,
      categoryId: `cat-${p % CATEGORIES}`,
      order: p,
      needs: Array.from({ length: NEEDS_PER_PERSONA }, (_, n) =>
        newNeed({
          id: `need-${p}-${n}`,
          text: `Need ${p * NEEDS_PER_PERSONA + n} of persona ${p}`,
          capabilityIds: [`cap-${(p + n) % capabilities.length}`]
        })
      )
    })
  )
  // Pairs of roles titled alike, each pair a duplicate group of its own.
  const roles = Array.from({ length: PAIRS * 2 }, (_, i): Card =>
    newRole({
      id: `role-${i}`,
      title: `Role number ${Math.floor(i / 2)} ${i % 2 ? 'analysts' : 'analyst'}`,
      categoryId: `cat-${i % CATEGORIES}`,
      order: PERSONAS + i
    })
  )
  return {
    ...emptyWorkspace('2026-01-01T00:00:00.000Z'),
    name: 'Many rows',
    categories,
    capabilities,
    cards: [...personas, ...roles]
  }
}

/** The aria-rowindex of the table row holding the focused element, or null. */
const focusedRowIndex = (page: Page): Promise<number | null> =>
  page.evaluate(() => {
    const row = document.activeElement?.closest('tr[aria-rowindex]')
    return row ? Number(row.getAttribute('aria-rowindex')) : null
  })

const scrollToEnd = (box: Locator): Promise<void> =>
  box.evaluate((element) => {
    element.scrollTop = element.scrollHeight
  })

test.beforeEach(async ({ page, app }) => {
  app.store.apply({ type: 'workspace.replace', workspace: seed(), label: 'Open many rows' })
  await expect(page.getByTestId('card').first()).toBeVisible()
})

test('the needs table renders a few of its 5,000 rows, and scrolling and Tab reach the last', async ({
  page
}) => {
  await openView(page, 'Needs')
  const table = page.getByRole('table', { name: 'Needs' })
  await expect(table).toHaveAttribute('aria-rowcount', String(NEEDS + 1))
  await expect(needRows(page).first()).toBeVisible()
  expect(await needRows(page).count()).toBeLessThan(60)

  // Tab from the last rendered row's last control moves on to rows that were not rendered.
  const last = needRows(page).last()
  const lastIndex = Number(await last.getAttribute('aria-rowindex'))
  await last.getByRole('combobox', { name: /^Horizon of need/ }).focus()
  for (let i = 0; i < 3 * 8; i++) await page.keyboard.press('Tab')
  expect(await focusedRowIndex(page)).toBeGreaterThan(lastIndex)

  await scrollToEnd(page.getByTestId('needs-table-scroll'))
  const end = needRows(page).filter({ hasText: `Need ${NEEDS - 1} of persona ${PERSONAS - 1}` })
  await expect(end).toBeVisible()
  await expect(end).toHaveAttribute('aria-rowindex', String(NEEDS + 1))
  expect(await needRows(page).count()).toBeLessThan(60)
})

test('the duplicates view renders a few of its 500 groups, and scrolling reaches the last', async ({
  page
}) => {
  await openView(page, 'Duplicates')
  await expect(page.getByTestId('duplicates-summary')).toHaveText(`${PAIRS} groups, ${PAIRS * 2} cards`)
  const groups = page.getByTestId('duplicate-group')
  await expect(groups.first()).toBeVisible()
  expect(await groups.count()).toBeLessThan(20)
  expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeLessThan(5_000)

  await scrollToEnd(page.getByTestId('duplicates-view'))
  await expect(
    page.getByRole('region', { name: `Possible duplicates: Role number ${PAIRS - 1} analyst` })
  ).toBeVisible()
  expect(await groups.count()).toBeLessThan(20)
})

test('the gap matrix renders a few of its 1,000 persona rows and 40 capability columns, and scrolling reaches the last', async ({
  page
}) => {
  await openView(page, 'Gap analysis')
  const matrix = page.getByRole('table', { name: 'Personas by capability' })
  await expect(matrix).toHaveAttribute('aria-rowcount', String(CATEGORIES + PERSONAS + 1))
  await expect(matrix).toHaveAttribute('aria-colcount', String(40 + 2))
  const rows = page.getByTestId('matrix-row')
  await expect(rows.first()).toBeVisible()
  expect(await rows.count()).toBeLessThan(60)
  expect(await matrix.getByRole('columnheader').count()).toBeLessThan(40)

  const box = page.getByTestId('gap-matrix-scroll')
  await box.evaluate((element) => {
    element.scrollTop = element.scrollHeight
    element.scrollLeft = element.scrollWidth
  })
  await expect(matrix.getByRole('columnheader', { name: /^Capability 39/ })).toBeVisible()
  const last = rows.last()
  await expect(last).toHaveAttribute('aria-rowindex', String(CATEGORIES + PERSONAS + 1))
  await expect(last.getByTestId('row-totals')).toBeVisible()
})
