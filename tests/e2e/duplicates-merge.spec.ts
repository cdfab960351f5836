/**
 * The Duplicates view's choices (#13 items 4 and 5): merging keeps every description with the
 * card it came from, into one category or one card per category; "Not a duplicate" dismisses a
 * pair for good, undoably, and Restore brings it back. And undo names what it undoes, from the
 * header even while the card drawer is open.
 */
import { readFile } from 'node:fs/promises'
import { emptyWorkspace, newCategory, newNeed, newPersona, newRole } from '../../src/shared/model/defaults'
import { WorkspaceSchema, type Workspace } from '../../src/shared/model/schema'
import { expectNoViolations } from './axe'
import { expect, test, type Harness } from './harness'
import { choose, openView } from './pages/app'
import { cardIn, column } from './pages/board'

async function saved(app: Harness): Promise<Workspace> {
  await app.flush()
  return WorkspaceSchema.parse(JSON.parse(await readFile(app.workspaceFile, 'utf8')))
}

function seed(): Workspace {
  return {
    ...emptyWorkspace('2026-01-01T00:00:00.000Z'),
    name: 'Walkthrough',
    categories: [
      newCategory({ id: 'top', name: 'Top management', order: 0 }),
      newCategory({ id: 'mid', name: 'Middle management', order: 1, color: 'teal' })
    ],
    cards: [
      newRole({
        id: 'pm1',
        title: 'Project manager',
        categoryId: 'top',
        order: 0,
        description: 'Leads portfolios.'
      }),
      newRole({
        id: 'pm2',
        title: 'Project manager',
        categoryId: 'mid',
        order: 0,
        description: 'Runs projects.'
      }),
      newRole({
        id: 'pm3',
        title: 'Project Manager',
        categoryId: 'mid',
        order: 1,
        description: 'Plans sprints.'
      }),
      newRole({ id: 'sw1', title: 'Software/systems developer', categoryId: 'mid', order: 2 }),
      newRole({ id: 'sw2', title: 'Software developer', categoryId: 'mid', order: 3 }),
      newPersona({
        id: 'mgmt',
        title: 'Management',
        categoryId: 'top',
        order: 1,
        needs: [
          newNeed({
            id: 'n1',
            text: 'Need tool for classification of sensitive documents',
            priority: 'could'
          })
        ]
      })
    ]
  }
}

test.beforeEach(async ({ page, app }) => {
  await app.store.apply({ type: 'workspace.replace', workspace: seed(), label: 'Open the walkthrough' })
  await expect(page.getByTestId('card').first()).toBeVisible()
})

test('merges three cards within each category, then into one chosen category, each description with its source', async ({
  page,
  app
}, testInfo) => {
  await openView(page, 'Duplicates')
  const group = page.getByRole('region', { name: 'Possible duplicates: Project manager' })
  await expect(group.getByTestId('duplicate-card')).toHaveCount(3)

  await group.getByRole('radio', { name: /Merge within each category/ }).check()
  await expect(group.getByLabel('Category of the merged card')).toBeHidden()
  await group.getByRole('button', { name: 'Merge within each category' }).click()
  await expect(
    page.getByText('Merged 3 cards into 2 cards, one per category.', { exact: false })
  ).toBeVisible()
  let ws = await saved(app)
  const managers = ws.cards.filter((c) => /project manager/i.test(c.title))
  expect(managers.map((c) => c.categoryId).sort()).toEqual(['mid', 'top'])
  expect(managers.find((c) => c.categoryId === 'top')?.description).toBe('Leads portfolios.')
  expect(managers.find((c) => c.categoryId === 'mid')?.description).toBe(
    'From “Project manager” (Middle management):\n\nRuns projects.\n\nFrom “Project Manager” (Middle management):\n\nPlans sprints.'
  )

  await page.keyboard.press('Control+z')
  await expect(
    page.getByText('Undone: Merge 3 cards like “Project manager” within each category')
  ).toBeVisible()
  await expect(group.getByTestId('duplicate-card')).toHaveCount(3)

  await group.getByRole('radio', { name: /Merge into one card/ }).check()
  await choose(page, group.getByLabel('Category of the merged card'), 'Middle management')
  await expect(group.getByText('Each description keeps a line naming the card it came from.')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('duplicates-merge.png'), fullPage: true })
  await expectNoViolations(page, 'the Duplicates view with a merge choice')
  await group.getByRole('button', { name: 'Merge 3 cards' }).click()
  await expect(page.getByText('Merged 3 cards into “Project manager”.', { exact: false })).toBeVisible()
  ws = await saved(app)
  const merged = ws.cards.filter((c) => /project manager/i.test(c.title))
  expect(merged).toHaveLength(1)
  expect(merged[0].categoryId).toBe('mid')
  expect(merged[0].description.split('\n\n')).toEqual([
    'From “Project manager” (Top management):',
    'Leads portfolios.',
    'From “Project manager” (Middle management):',
    'Runs projects.',
    'From “Project Manager” (Middle management):',
    'Plans sprints.'
  ])
})

test('“Not a duplicate” dismisses a pair for good; undo and Restore bring it back', async ({
  page,
  app
}, testInfo) => {
  await openView(page, 'Duplicates')
  const group = page.getByRole('region', { name: 'Possible duplicates: Software/systems developer' })
  await expect(group.getByTestId('duplicate-card')).toHaveCount(2)
  await group
    .getByRole('button', {
      name: '“Software developer” in Middle management is not a duplicate of “Software/systems developer”'
    })
    .click()
  await expect(group).toBeHidden()
  const dismissed = page.getByTestId('dismissed-pairs')
  await expect(dismissed.getByRole('heading', { name: 'Dismissed pairs' })).toBeVisible()
  await expect(dismissed.getByTestId('dismissed-pair')).toHaveText(
    /“Software developer” and “Software\/systems developer”/
  )
  expect((await saved(app)).dismissedDuplicates).toEqual([
    { kind: 'role', titles: ['Software developer', 'Software/systems developer'] }
  ])
  await page.screenshot({ path: testInfo.outputPath('duplicates-dismissed.png'), fullPage: true })
  await expectNoViolations(page, 'the Duplicates view with a dismissed pair')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('duplicates-dismissed-dark.png'), fullPage: true })
  await expectNoViolations(page, 'the Duplicates view with a dismissed pair, dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // The board's badges follow: the pair is no longer flagged there either.
  await openView(page, 'Board')
  const middle = column(page, 'Middle management')
  await expect(cardIn(middle, 'Project Manager').getByText('Duplicate?')).toBeVisible()
  await expect(cardIn(middle, 'Software developer').getByText('Duplicate?')).toBeHidden()
  await openView(page, 'Duplicates')

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(
    page.getByText('Undone: Mark “Software developer” and “Software/systems developer” as not duplicates')
  ).toBeVisible()
  await expect(group).toBeVisible()
  await expect(dismissed).toBeHidden()
  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(group).toBeHidden()

  // Still dismissed after a reload: the pair is in the workspace.
  await page.reload()
  await openView(page, 'Duplicates')
  await expect(page.getByTestId('dismissed-pair')).toHaveCount(1)
  await expect(page.getByRole('region', { name: 'Possible duplicates: Project manager' })).toBeVisible()
  await expect(group).toBeHidden()

  await page
    .getByRole('button', { name: 'Restore “Software developer” and “Software/systems developer”' })
    .click()
  await expect(group).toBeVisible()
  await expect(page.getByTestId('dismissed-pairs')).toBeHidden()
  expect((await saved(app)).dismissedDuplicates).toEqual([])
})

test('undo names the field and the thing, and the header undoes while the drawer is open', async ({
  page,
  app
}, testInfo) => {
  await cardIn(column(page, 'Top management'), 'Management').click()
  const drawer = page.getByRole('dialog')
  await expect(drawer).toBeVisible()
  const description = drawer.getByLabel('Description', { exact: true })
  await description.fill('Runs the department.')
  await description.blur()
  await expect
    .poll(async () => (await saved(app)).cards.find((c) => c.id === 'mgmt')?.description)
    .toBe('Runs the department.')

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('Undone: Edit description of “Management”')).toBeVisible()
  await expect(drawer).toBeVisible()
  await expect(description).toHaveValue('')
  await page.screenshot({ path: testInfo.outputPath('drawer-undo.png') })

  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(page.getByText('Redone: Edit description of “Management”')).toBeVisible()
  await expect(description).toHaveValue('Runs the department.')

  // A need's priority, changed through the store: the label names the need.
  const ws = await saved(app)
  const management = ws.cards.find((c) => c.id === 'mgmt')
  if (management?.kind !== 'persona') throw new Error('Management is a persona')
  await app.store.apply({
    type: 'card.update',
    id: 'mgmt',
    patch: { needs: [{ ...management.needs[0], priority: 'must' }] }
  })
  await drawer.getByRole('button', { name: 'Close card details' }).click()
  await page.keyboard.press('Control+z')
  await expect(
    page.getByText('Undone: Edit priority of need “Need tool for classification of sensiti…”')
  ).toBeVisible()
})
