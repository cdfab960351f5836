/**
 * The board against the real handlers and store: import the GovStack taxonomy seed, drag with the
 * mouse and the keyboard, multi-select, merge duplicates, search, edit in the drawer, and check
 * workspace.json on disk after each change; the last test writes the README's screenshots to docs/screenshots.
 */
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from '@playwright/test'
import { WorkspaceSchema, type Card, type Workspace } from '../../src/shared/model/schema'
import { ESDC_SEED, GOVSTACK_SEED } from '../seeds'
import { emit, expect, test, type Harness } from './harness'

const HERE = dirname(fileURLToPath(import.meta.url))
const TAXONOMY = GOVSTACK_SEED
const PERSONAS = ESDC_SEED
const SCREENSHOTS = resolve(HERE, '../../docs/screenshots')

async function importFiles(page: Page, app: Harness, paths: string[]): Promise<void> {
  app.platform.nextOpenPaths.push(paths)
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.getByRole('button', { name: 'Apply import' }).click()
  await expect(page.getByTestId('import-preview')).toBeHidden()
  await expect(page.getByTestId('card').first()).toBeVisible()
}

/** workspace.json as saved, validated (so typed) by the model's own schema. */
async function saved(app: Harness): Promise<Workspace> {
  await app.flush()
  return WorkspaceSchema.parse(JSON.parse(await readFile(app.workspaceFile, 'utf8')))
}

function categoryOf(ws: Workspace, title: string): string | undefined {
  const card = ws.cards.find((c) => c.title === title)
  return ws.categories.find((c) => c.id === card?.categoryId)?.name
}

/** Titles of a category's cards in board order, from the file. */
function titlesIn(ws: Workspace, category: string): string[] {
  const id = ws.categories.find((c) => c.name === category)?.id
  return ws.cards
    .filter((c) => c.categoryId === id)
    .sort((a, b) => a.order - b.order)
    .map((c) => c.title)
}

const column = (page: Page, name: string): Locator =>
  page.getByRole('region', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `) })

const cardIn = (col: Locator, title: string): Locator =>
  col
    .getByTestId('card')
    .filter({ has: col.page().getByTestId('card-title').getByText(title, { exact: true }) })

/** Columns are virtualised: scrolls a column's list until the card is rendered, then into view. */
async function reveal(col: Locator, title: string): Promise<Locator> {
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
async function drag(page: Page, card: Locator, to: () => Promise<{ x: number; y: number }>): Promise<void> {
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
async function aboveCard(card: Locator): Promise<{ x: number; y: number }> {
  const box = await card.boundingBox()
  if (!box) throw new Error('target card not on screen')
  return { x: box.x + box.width / 2, y: box.y + 8 }
}

const liveRegion = (page: Page): Locator => page.locator('[id^="DndLiveRegion"]')

async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByText(name, { exact: true }).click()
}

const idOf = (ws: Workspace, category: string): string | undefined =>
  ws.categories.find((c) => c.name === category)?.id

test.describe('board', () => {
  test.beforeEach(async ({ page, app }) => {
    await importFiles(page, app, [TAXONOMY])
  })

  test('drags Data Scientist with the mouse and another card with the keyboard; both persist and undo', async ({
    page,
    app
  }) => {
    const before = await saved(app)
    expect(before.cards).toHaveLength(53)
    expect(categoryOf(before, 'Data Scientist')).toBe('IT specialist')
    await expect(column(page, 'IT specialist').getByTestId('column-count')).toHaveText('16')

    // Mouse: Data Scientist from IT specialist to Top management, before its second card.
    const top = column(page, 'Top management')
    await top.evaluate((el) => el.scrollIntoView({ inline: 'start' }))
    const dataScientist = await reveal(column(page, 'IT specialist'), 'Data Scientist')
    await drag(page, dataScientist, () => aboveCard(top.getByTestId('card').nth(1)))
    await expect(top.getByTestId('card-title').nth(1)).toHaveText('Data Scientist')
    let ws = await saved(app)
    expect(categoryOf(ws, 'Data Scientist')).toBe('Top management')
    expect(titlesIn(ws, 'Top management')[1]).toBe('Data Scientist')
    expect(titlesIn(ws, 'IT specialist')).not.toContain('Data Scientist')

    // Keyboard: Fundraisers from Policy makers, one column right and one place down.
    const policy = column(page, 'Policy makers')
    const fundraisers = await reveal(policy, 'Fundraisers')
    await fundraisers.focus()
    await page.keyboard.press('Space')
    await expect(liveRegion(page)).toHaveText(/Picked up “Fundraisers” in Policy makers, position 2 of 3/)
    await page.keyboard.press('ArrowRight')
    await expect(liveRegion(page)).toHaveText(/“Fundraisers”: Top management, position 2 of 6/)
    await page.keyboard.press('ArrowDown')
    await expect(liveRegion(page)).toHaveText(/“Fundraisers”: Top management, position 3 of 6/)
    await page.keyboard.press('Space')
    await expect(liveRegion(page)).toHaveText(/Dropped “Fundraisers” in Top management, position 3 of 6/)
    await expect(top.getByTestId('card-title').nth(2)).toHaveText('Fundraisers')
    await expect(cardIn(top, 'Fundraisers')).toBeFocused()
    ws = await saved(app)
    expect(titlesIn(ws, 'Top management').slice(0, 3)).toEqual([
      'Chief Information Officer',
      'Data Scientist',
      'Fundraisers'
    ])
    expect(categoryOf(ws, 'Fundraisers')).toBe('Top management')

    // Escape cancels a keyboard drag: nothing moves.
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Escape')
    await expect(liveRegion(page)).toHaveText(/Cancelled/)
    expect(categoryOf(await saved(app), 'Fundraisers')).toBe('Top management')

    // Undo both, newest first.
    await page.keyboard.press('Control+z')
    await expect(page.getByText('Undone: Move “Fundraisers”')).toBeVisible()
    await page.keyboard.press('Control+z')
    await expect(page.getByText('Undone: Move “Data Scientist”')).toBeVisible()
    ws = await saved(app)
    expect(categoryOf(ws, 'Fundraisers')).toBe('Policy makers')
    expect(categoryOf(ws, 'Data Scientist')).toBe('IT specialist')
    expect(titlesIn(ws, 'Policy makers')).toEqual(titlesIn(before, 'Policy makers'))
    expect(titlesIn(ws, 'IT specialist')).toEqual(titlesIn(before, 'IT specialist'))
  })

  test('arrow keys move the focus between cards and columns; Enter opens a card; Delete removes it, undoably', async ({
    page,
    app
  }) => {
    const policy = column(page, 'Policy makers')
    const first = await reveal(policy, 'Government minister')
    await first.focus()
    await page.keyboard.press('ArrowDown')
    await expect(cardIn(policy, 'Fundraisers')).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect(cardIn(column(page, 'Top management'), 'Project manager')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog').getByLabel('Title')).toHaveValue('Project manager')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toBeHidden()

    await cardIn(policy, 'Fundraisers').focus()
    await page.keyboard.press('Delete')
    await expect(page.getByText('Deleted “Fundraisers”')).toBeVisible()
    await expect(cardIn(policy, 'Fundraisers')).toHaveCount(0)
    expect((await saved(app)).cards).toHaveLength(52)
    await page.keyboard.press('Control+z')
    await expect(cardIn(policy, 'Fundraisers')).toBeVisible()
    expect((await saved(app)).cards).toHaveLength(53)
  })

  test('moves three selected cards together in one undoable step', async ({ page, app }) => {
    const picks: [string, string][] = [
      ['Policy makers', 'Fundraisers'],
      ['Top management', 'Chief Information Officer'],
      ['Middle management', 'Digital Marketing Officer']
    ]
    for (const [name, title] of picks) {
      const card = await reveal(column(page, name), title)
      await card.click({ modifiers: ['ControlOrMeta'] })
    }
    await expect(page.getByTestId('selection-bar')).toContainText('3 cards selected')

    const trainers = column(page, 'Trainers')
    await column(page, 'Top management').evaluate((el) => el.scrollIntoView({ inline: 'start' }))
    const chief = await reveal(column(page, 'Top management'), 'Chief Information Officer')
    await drag(page, chief, async () => {
      await trainers.scrollIntoViewIfNeeded()
      return aboveCard(trainers.getByTestId('card').first())
    })
    await expect(trainers.getByTestId('card-title')).toHaveText([
      'Fundraisers',
      'Chief Information Officer',
      'Digital Marketing Officer',
      'Educational researcher',
      'University Research Assistant',
      'Graduate Teaching Assistants/ Teaching Fellow/ Graduate students',
      'Education policy officer',
      'Policy officer'
    ])
    const ws = await saved(app)
    expect(titlesIn(ws, 'Trainers').slice(0, 3)).toEqual(picks.map(([, title]) => title))
    expect(ws.cards).toHaveLength(53)

    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(page.getByText('Undone: Move 3 cards')).toBeVisible()
    const undone = await saved(app)
    expect(picks.map(([, title]) => categoryOf(undone, title))).toEqual(picks.map(([name]) => name))
  })

  test('merges the three Project manager cards, keeping every distinct description', async ({
    page,
    app
  }) => {
    const before = await saved(app)
    const managers = before.cards.filter((c) => c.title === 'Project manager')
    expect(managers).toHaveLength(3)
    const topDescription = managers.find((c) => c.categoryId === idOf(before, 'Top management'))?.description
    const middleDescriptions = managers
      .filter((c) => c.categoryId === idOf(before, 'Middle management'))
      .map((c) => c.description)
    expect(topDescription).toMatch(/^ICT project managers schedule/)
    expect(middleDescriptions).toHaveLength(2)

    await openView(page, 'Duplicates')
    const group = page.getByRole('region', { name: 'Possible duplicates: Project manager' })
    await expect(group.getByTestId('duplicate-card')).toHaveCount(3)
    await expect(
      page.getByRole('region', { name: /^Possible duplicates: Software\/systems developer/ })
    ).toBeVisible()
    await expect(group.getByLabel('Category of the merged card')).toHaveValue('Top management')
    await group.getByRole('button', { name: 'Merge 3 cards' }).click()
    await expect(page.getByText('Merged 3 cards into “Project manager”')).toBeVisible()
    await expect(group).toBeHidden()

    const ws = await saved(app)
    const left = ws.cards.filter((c) => c.title === 'Project manager')
    expect(left).toHaveLength(1)
    expect(categoryOf(ws, 'Project manager')).toBe('Top management')
    expect(left[0].description).toContain(topDescription ?? '')
    for (const text of middleDescriptions) expect(left[0].description).toContain(text)
    expect(ws.cards).toHaveLength(51)

    await page.keyboard.press('Control+z')
    await expect(page.getByText(/Undone: Merge 3 cards/)).toBeVisible()
    expect((await saved(app)).cards.filter((c) => c.title === 'Project manager')).toHaveLength(3)
  })

  test('search shows only matching cards and says so; filters combine; Ctrl+F focuses search', async ({
    page,
    app
  }) => {
    const ws = await saved(app)
    const mentionsCloud = (c: Card): boolean => /cloud/i.test(`${c.title} ${c.description}`)
    const expected = ws.cards.filter(mentionsCloud).map((c) => c.title)
    expect(expected.length).toBeGreaterThan(1)

    await page.getByTestId('board').click({ position: { x: 2, y: 2 } })
    await page.keyboard.press('Control+f')
    const search = page.getByRole('textbox', { name: 'Search cards' })
    await expect(search).toBeFocused()
    await page.keyboard.type('cloud')
    await expect(page.getByTestId('filter-summary')).toHaveText(
      `Showing ${expected.length} of 53 cards — clear filters`
    )
    await expect(page.getByTestId('card-title')).toHaveText(expected)
    await expect(
      cardIn(page.locator('body'), 'Cloud architect').getByTestId('card-title').locator('mark')
    ).toHaveText(['Cloud'])

    await page.getByRole('search').getByText('Personas', { exact: true }).click()
    await expect(page.getByTestId('card')).toHaveCount(0)
    await expect(page.getByTestId('no-matches')).toBeVisible()

    await page.getByRole('button', { name: 'clear filters' }).click()
    await expect(page.getByTestId('filter-summary')).toBeHidden()
    await expect(search).toHaveValue('')

    await page.getByRole('search').getByText('Duplicates', { exact: true }).click()
    await expect(page.getByTestId('filter-summary')).toHaveText('Showing 7 of 53 cards — clear filters')
  })

  test('drawer edits save without a Save button and undo; cards duplicate and delete', async ({
    page,
    app
  }) => {
    const chief = await reveal(column(page, 'Top management'), 'Chief Information Officer')
    await chief.click()
    const drawer = page.getByRole('dialog')
    await expect(drawer.getByLabel('Title')).toHaveValue('Chief Information Officer')
    await drawer.getByLabel('Description').fill('Leads the ICT strategy.')
    await drawer.getByLabel('Tags').fill('leadership')
    await drawer.getByLabel('Tags').press('Enter')
    await drawer.getByRole('button', { name: 'Add qualification' }).click()
    await page.keyboard.type('MBA')
    await drawer.getByLabel('Title').click()
    await expect
      .poll(async () => (await saved(app)).cards.find((c) => c.title === 'Chief Information Officer'))
      .toMatchObject({
        description: 'Leads the ICT strategy.',
        tags: ['leadership'],
        qualifications: ['MBA']
      })

    await drawer.getByRole('button', { name: 'Duplicate card' }).click()
    await expect(drawer.getByLabel('Title')).toHaveValue('Chief Information Officer (copy)')
    await drawer.getByRole('button', { name: 'Delete card' }).click()
    await expect(page.getByText('Deleted “Chief Information Officer (copy)”')).toBeVisible()
    expect((await saved(app)).cards).toHaveLength(53)

    // Six steps back: delete, duplicate, the qualification's text, the new qualification, the tag, the description.
    await page.keyboard.press('Escape')
    await expect(drawer).toBeHidden()
    await page.getByTestId('board').click({ position: { x: 2, y: 2 } })
    for (let i = 0; i < 6; i++) await page.keyboard.press('Control+z')
    await expect
      .poll(async () => (await saved(app)).cards.find((c) => c.title === 'Chief Information Officer'))
      .toMatchObject({
        tags: [],
        qualifications: [],
        description: expect.stringMatching(/^Chief information officers/)
      })
    expect((await saved(app)).cards).toHaveLength(53)
  })

  test('File › New Card and New Category open their forms; what they create persists and undoes', async ({
    page,
    app
  }) => {
    await emit(page, 'menuAction', 'new-category')
    await page.getByLabel('Category name').fill('Data stewards')
    await page.getByLabel('Category name').press('Enter')
    await expect(column(page, 'Data stewards')).toBeVisible()

    await emit(page, 'menuAction', 'new-card')
    const inbox = column(page, 'Uncategorised')
    await inbox.getByLabel('Card title').fill('Records officer')
    await inbox.getByText('Persona', { exact: true }).click()
    await inbox.getByRole('button', { name: 'Add card', exact: true }).click()
    await expect(cardIn(inbox, 'Records officer')).toBeVisible()
    let ws = await saved(app)
    expect(ws.categories.map((c) => c.name)).toContain('Data stewards')
    expect(ws.cards.find((c) => c.title === 'Records officer')).toMatchObject({
      kind: 'persona',
      categoryId: null
    })

    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(cardIn(inbox, 'Records officer')).toHaveCount(0)
    ws = await saved(app)
    expect(ws.cards.map((c) => c.title)).not.toContain('Records officer')
  })

  test('columns rename inline, recolour, collapse, reorder, and delete with undo restoring their cards', async ({
    page,
    app
  }) => {
    const trainers = column(page, 'Trainers')
    await trainers.scrollIntoViewIfNeeded()
    await trainers.getByRole('button', { name: 'Rename category Trainers' }).click()
    await trainers.getByLabel('New name for category Trainers').fill('Educators')
    await trainers.getByLabel('New name for category Trainers').press('Enter')
    const educators = column(page, 'Educators')
    await expect(educators).toBeVisible()

    await educators.getByRole('button', { name: 'Actions for category Educators' }).click()
    await page.getByRole('menuitem', { name: /^Teal/ }).click()
    await educators.getByRole('button', { name: 'Collapse Educators' }).click()
    await expect(educators.getByTestId('column-cards')).toHaveCount(0)
    await educators.getByRole('button', { name: 'Expand Educators' }).click()

    // Keyboard reorder: Educators one column to the left.
    await educators.getByRole('button', { name: /^Move column Educators/ }).focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Space')
    await expect
      .poll(async () => (await saved(app)).categories.sort((a, b) => a.order - b.order)[3]?.name)
      .toBe('Educators')

    let ws = await saved(app)
    expect(ws.categories.find((c) => c.name === 'Educators')?.color).toBe('teal')
    await educators.getByRole('button', { name: 'Actions for category Educators' }).click()
    await page.getByRole('menuitem', { name: /Delete category/ }).click()
    await expect(
      page.getByText(/Deleted category “Educators”. Its 5 cards are in Uncategorised/)
    ).toBeVisible()
    await expect(column(page, 'Uncategorised').getByTestId('column-count')).toHaveText('5')
    ws = await saved(app)
    expect(ws.categories.map((c) => c.name)).not.toContain('Educators')
    expect(ws.cards.filter((c) => c.categoryId === null)).toHaveLength(5)

    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(column(page, 'Educators').getByTestId('column-count')).toHaveText('5')
    ws = await saved(app)
    expect(ws.cards.filter((c) => c.categoryId === null)).toHaveLength(0)
    expect(titlesIn(ws, 'Educators')).toHaveLength(5)
  })
})

test('persona lists in the drawer: add, indent, reorder, and need fields', async ({ page, app }) => {
  await importFiles(page, app, [PERSONAS])
  const card = page
    .getByTestId('card')
    .filter({ has: page.getByTestId('persona-stats') })
    .first()
  const title = (await card.getByTestId('card-title').textContent()) ?? ''
  await expect(card.getByTestId('persona-stats')).toContainText(/\d+ needs?/)
  await card.press('Enter')
  const drawer = page.getByRole('dialog')
  const goals = drawer.getByTestId('list-goal')
  await goals.getByRole('button', { name: 'Add goal' }).click()
  await page.keyboard.type('Second-level goal')
  await page.keyboard.press('Alt+ArrowRight')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Another goal')
  await page.keyboard.press('Alt+ArrowLeft')
  await page.keyboard.press('Alt+ArrowUp')
  await drawer.getByLabel('Title').click()

  await expect
    .poll(async () => {
      const persona = (await saved(app)).cards.find((c) => c.title === title)
      return persona?.kind === 'persona'
        ? persona.goals.map((g) => [g.text, g.children.map((c) => c.text)])
        : []
    })
    .toEqual(
      expect.arrayContaining([
        ['Another goal', []],
        [expect.any(String), expect.arrayContaining(['Second-level goal'])]
      ])
    )

  const needs = drawer.getByTestId('list-need')
  if ((await needs.getByTestId('need-fields').count()) === 0) {
    await needs.getByRole('button', { name: 'Add need' }).click()
    await page.keyboard.type('A new need')
  }
  await needs
    .getByTestId('need-fields')
    .first()
    .getByLabel(/^Priority/)
    .selectOption('must')
  await expect
    .poll(async () => {
      const persona = (await saved(app)).cards.find((c) => c.title === title)
      return persona?.kind === 'persona' ? persona.needs[0]?.priority : null
    })
    .toBe('must')
})

test('screenshots of the board, the drawer and the duplicates view', async ({ page, app }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await importFiles(page, app, [TAXONOMY, PERSONAS])
  await column(page, 'Uncategorised').getByRole('button', { name: 'Collapse Uncategorised' }).click()
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: join(SCREENSHOTS, 'board.png') })

  // Mid-drag: the card under the pointer, the drop indicator and the target column outlined.
  const top = column(page, 'Top management')
  const fundraisers = await reveal(column(page, 'Policy makers'), 'Fundraisers')
  const box = await fundraisers.boundingBox()
  const target = await aboveCard(top.getByTestId('card').nth(2))
  if (!box) throw new Error('card not on screen')
  await page.mouse.move(box.x + 40, box.y + 20)
  await page.mouse.down()
  await page.mouse.move(box.x + 48, box.y + 28, { steps: 5 })
  await page.mouse.move(target.x - 60, target.y + 14, { steps: 20 })
  await expect(page.getByTestId('drop-indicator')).toBeVisible()
  await page.screenshot({ path: join(SCREENSHOTS, 'board-drag.png') })
  await page.keyboard.press('Escape')
  await page.mouse.up()

  const lastColumn = page.getByTestId('column').last()
  await lastColumn.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SCREENSHOTS, 'board-personas.png') })

  await page.getByRole('textbox', { name: 'Search cards' }).fill('cloud')
  await expect(page.getByTestId('filter-summary')).toBeVisible()
  await page.screenshot({ path: join(SCREENSHOTS, 'board-search.png') })
  await page.getByRole('button', { name: 'clear filters' }).click()

  await page
    .getByTestId('card')
    .filter({ has: page.getByTestId('persona-stats') })
    .first()
    .click()
  await expect(page.getByRole('dialog').getByLabel('Title')).toBeVisible()
  await page.waitForTimeout(400) // the drawer's slide-in transition
  // The lists, needs with their kind, priority, horizon and capabilities.
  await page.getByTestId('list-need').evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await page.screenshot({ path: join(SCREENSHOTS, 'drawer.png') })
  await page.keyboard.press('Escape')

  await openView(page, 'Duplicates')
  await expect(page.getByTestId('duplicate-group').first()).toBeVisible()
  await page.screenshot({ path: join(SCREENSHOTS, 'duplicates.png') })
})
