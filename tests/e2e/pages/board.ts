/** The board: its columns and cards, adding to them, and dragging by mouse as dnd-kit needs it. */
import { expect, type Locator, type Page } from '@playwright/test'

/** A category's column: a region named "<name>, <count> cards". */
export const column = (page: Page, name: string): Locator =>
  page.getByRole('region', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `) })

/** The cards in `col` (a column, or any container) whose title is exactly `title`. */
export const cardIn = (col: Locator, title: string): Locator =>
  col
    .getByTestId('card')
    .filter({ has: col.page().getByTestId('card-title').getByText(title, { exact: true }) })

/** dnd-kit's live region: what a screen reader hears during a keyboard drag. */
export const liveRegion = (page: Page): Locator => page.locator('[id^="DndLiveRegion"]')

/** Types a new category's name into the board's form and submits it; nothing is awaited on screen. */
export async function submitNewCategory(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Add category' }).first().click()
  await page.getByLabel('Category name').fill(name)
  await page.getByLabel('Category name').press('Enter')
}

/** Adds a category and waits for its column. */
export async function addCategory(page: Page, name: string): Promise<void> {
  await submitNewCategory(page, name)
  await expect(column(page, name)).toBeVisible()
}

/**
 * Adds a role card with a column's own form and returns as soon as it is on screen (`waitFor`
 * checks every frame, where expect's retries wait longer and longer).
 */
export async function addCard(page: Page, category: string, title: string): Promise<void> {
  const col = column(page, category)
  await col.getByRole('button', { name: `Add card to ${category}` }).click()
  await col.getByLabel('Card title').fill(title)
  await col.getByRole('button', { name: 'Add card', exact: true }).click()
  await cardIn(col, title).waitFor()
}

/** Columns are virtualised: scrolls a column's list until the card is rendered, then into view. */
export async function reveal(col: Locator, title: string): Promise<Locator> {
  await col.scrollIntoViewIfNeeded()
  const card = cardIn(col, title).first()
  const list = col.getByTestId('column-cards')
  await list.evaluate((el) => el.scrollTo({ top: 0 }))
  for (let i = 0; i < 40 && (await card.count()) === 0; i++) {
    await list.evaluate((el) => el.scrollBy({ top: el.clientHeight * 0.7 }))
  }
  await card.scrollIntoViewIfNeeded()
  return card
}

/** A mouse drag as dnd-kit needs it: press, a small move past the activation distance, the move, release. */
export async function drag(
  page: Page,
  card: Locator,
  to: () => Promise<{ x: number; y: number }>
): Promise<void> {
  const box = await card.boundingBox()
  if (!box) throw new Error('card not on screen')
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + 8, y + 8, { steps: 5 })
  const target = await to()
  await page.mouse.move(target.x, target.y, { steps: 20 })
  await expect(page.getByTestId('drop-indicator')).toBeVisible()
  await page.mouse.up()
}

/** The point just inside the top of a card, where a drop lands before it. */
export async function aboveCard(card: Locator): Promise<{ x: number; y: number }> {
  const box = await card.boundingBox()
  if (!box) throw new Error('target card not on screen')
  return { x: box.x + box.width / 2, y: box.y + 8 }
}
