/**
 * What an ESDC-shaped page brings besides its personas (issue #11): each persona's subtitle, shown
 * and edited in the drawer, and each group's description, shown under its column's name and
 * edited from the column's menu. Both persist and undo.
 */
import { expect, test } from './harness'
import { PERSONAS_FIXTURE as PERSONAS } from './fixture-files'
import { cardIn, column, reveal } from './pages/board'
import { drawerAtRest } from './pages/card-drawer'
import { importFiles } from './pages/import'

/** Where the drawer's picture goes when SUBTITLE_SCREENSHOT names a file (outside the repository). */
const SCREENSHOT = process.env.SUBTITLE_SCREENSHOT

test('a persona’s subtitle shows and edits in the drawer; a category’s description shows under its name and edits from its menu', async ({
  page,
  app
}) => {
  await importFiles(page, app, [PERSONAS])
  const general = column(page, 'General users')
  await expect(general).toBeVisible()
  await expect(general.getByTestId('column-description')).toHaveText('Usually at their desk')
  if (SCREENSHOT) await general.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-column.png') })

  await (await reveal(general, 'IT Advisor')).click()
  const drawer = page.getByRole('dialog')
  await expect(drawer.getByLabel('Subtitle')).toHaveValue('Usually at their desk')
  if (SCREENSHOT) await (await drawerAtRest(page)).screenshot({ path: SCREENSHOT })

  await drawer.getByLabel('Subtitle').fill('Mostly in the central IT team')
  await drawer.getByLabel('Title', { exact: true }).click()
  await expect
    .poll(async () => (await app.readWorkspaceFile()).cards.find((c) => c.title === 'IT Advisor'))
    .toMatchObject({ subtitle: 'Mostly in the central IT team' })
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  await general.getByRole('button', { name: 'Actions for category General users' }).click()
  await page.getByRole('menuitem', { name: 'Edit description' }).click()
  const editor = page.getByRole('dialog', { name: 'Description of General users' })
  await expect(editor.getByLabel('Description')).toHaveValue('Usually at their desk')
  await editor.getByLabel('Description').fill('At a desk in a regional office')
  await editor.getByRole('button', { name: 'Save description' }).click()
  await expect(editor).toBeHidden()
  await expect(general.getByTestId('column-description')).toHaveText('At a desk in a regional office')
  await expect
    .poll(async () => (await app.readWorkspaceFile()).categories.find((c) => c.name === 'General users'))
    .toMatchObject({ description: 'At a desk in a regional office' })

  // Two steps back: the description, then the subtitle.
  await page.getByTestId('board').click({ position: { x: 2, y: 2 } })
  await page.keyboard.press('Control+z')
  await expect(general.getByTestId('column-description')).toHaveText('Usually at their desk')
  await page.keyboard.press('Control+z')
  await expect
    .poll(async () => (await app.readWorkspaceFile()).cards.find((c) => c.title === 'IT Advisor'))
    .toMatchObject({ subtitle: 'Usually at their desk' })
  await expect(cardIn(general, 'IT Advisor')).toBeVisible()
})
