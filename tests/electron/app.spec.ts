/**
 * The app's life in a real Electron: it starts on the data folder it is given and shows the board,
 * the application menu reaches the renderer, a second launch hands over to the first window,
 * quitting straight after an edit keeps the edit, and so does closing the window straight after
 * typing in a field (its draft has not waited out its pause yet).
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { JSHandle } from '@playwright/test'
import type { BrowserWindow } from 'electron'
import { LOCK_FILE, WORKSPACE_FILE } from '../../src/main/services/workspace-store'
import { APP_ORIGIN } from '../../src/shared/csp'
import { addCard, addCategory, cardIn, column } from '../e2e/pages/board'
import { clickMenuItem, expect, launchSecondInstance, sampleWorkspace, test } from './fixtures'

test.describe('on a saved workspace', () => {
  test.use({ seed: sampleWorkspace() })

  test('starts on the data folder it is given and shows the board', async ({ electronApp, window }) => {
    expect(window.url()).toBe(`${APP_ORIGIN}/index.html`)
    await expect(window).toHaveTitle('Persona Planner')
    const header = window.getByRole('banner')
    await expect(header.getByText('Persona Planner', { exact: true })).toBeVisible()
    await expect(window.getByRole('heading', { level: 1, name: 'Board' })).toBeAttached()
    // The workspace on screen is the one seeded into PERSONA_PLANNER_USER_DATA.
    await expect(header.getByTestId('workspace-name')).toHaveText('Electron suite')
    const policy = column(window, 'Policy makers')
    await expect(policy).toBeVisible()
    await expect(policy.getByTestId('card-title')).toHaveText(['Records officer'])
    await expect(window.getByTestId('save-status')).toHaveText('Saved')
    await expect(window.getByTestId('notices')).toHaveCount(0)
    // One window, shown once ready (it is created hidden).
    await expect
      .poll(() =>
        electronApp.evaluate(({ BrowserWindow }) =>
          BrowserWindow.getAllWindows().map((w) => ({ visible: w.isVisible(), title: w.getTitle() }))
        )
      )
      .toEqual([{ visible: true, title: 'Persona Planner' }])
  })
})

test('menu items reach the renderer: Help › About opens the dialog, Edit › Undo undoes', async ({
  electronApp,
  window,
  userData
}) => {
  const menu = await electronApp.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()?.items.map((item) => item.label.replace(/&/g, ''))
  )
  expect(menu).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']))

  await expect(window.getByTestId('empty-workspace')).toBeVisible()
  await clickMenuItem(electronApp, ['Help', 'About Persona Planner'])
  const about = window.getByRole('dialog', { name: 'About Persona Planner' })
  await expect(about).toBeVisible()
  await expect(about).toContainText(join(userData, WORKSPACE_FILE))
  await window.keyboard.press('Escape')
  await expect(about).toBeHidden()

  await addCategory(window, 'Trainers')
  await window.getByTestId('board').click({ position: { x: 5, y: 5 } }) // out of any text field
  await clickMenuItem(electronApp, ['Edit', 'Undo'])
  await expect(window.getByText('Undone: ')).toBeVisible()
  await expect(column(window, 'Trainers')).toHaveCount(0)
  await expect(window.getByTestId('empty-workspace')).toBeVisible()
})

test('a second launch on the same data folder exits and hands over to the first window', async ({
  electronApp,
  window,
  executablePath,
  userData
}) => {
  await expect(window.getByRole('banner')).toBeVisible()
  // browserWindow() hands back an untyped handle; it is the main window's BrowserWindow.
  const mainWindow = (await electronApp.browserWindow(window)) as JSHandle<BrowserWindow>
  // Count what main's 'second-instance' handler does: restore the window if minimised, then focus it.
  // The window says it is minimised until restored: a bare X server (no window manager) never
  // minimises a window, and there is no event to wait for that says it never will.
  await electronApp.evaluate(({ app }, win) => {
    const seen = { secondInstance: 0, restore: 0, focus: 0 }
    ;(globalThis as { __ppSeen?: typeof seen }).__ppSeen = seen
    app.on('second-instance', () => seen.secondInstance++)
    let minimized = true
    win.isMinimized = () => minimized
    const restore = win.restore.bind(win)
    win.restore = () => {
      seen.restore++
      minimized = false
      restore()
    }
    const focus = win.focus.bind(win)
    win.focus = () => {
      seen.focus++
      focus()
    }
  }, mainWindow)

  const second = await launchSecondInstance(executablePath, userData)
  expect(second, second.output).toMatchObject({ code: 0, signal: null })

  await expect
    .poll(() => electronApp.evaluate(() => (globalThis as { __ppSeen?: object }).__ppSeen))
    .toEqual({ secondInstance: 1, restore: 1, focus: 1 })
  expect(await electronApp.evaluate((_electron, win) => win.isMinimized(), mainWindow)).toBe(false)
  const windows = await electronApp.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => ({ visible: w.isVisible(), url: w.webContents.getURL() }))
  )
  expect(windows).toEqual([{ visible: true, url: `${APP_ORIGIN}/index.html` }])
  await expect(window.getByRole('banner')).toBeVisible()
})

test('quitting straight after an edit keeps the edit, and the next launch opens it cleanly', async ({
  electronApp,
  window,
  userData,
  readWorkspace,
  launchApp
}, testInfo) => {
  await addCategory(window, 'Trainers')
  await expect(window.getByTestId('save-status')).toHaveText('Saved') // nothing pending before the edit
  // On screen means main has applied it, and its save waits out the 100 ms coalescing window:
  // quit at once (addCard returns as soon as the card shows; expect's retries would be too slow here).
  await addCard(window, 'Trainers', 'Educational researcher')
  const savedBeforeQuit = (await readFile(join(userData, WORKSPACE_FILE), 'utf8')).includes(
    'Educational researcher'
  )
  await electronApp.close()
  if (savedBeforeQuit)
    testInfo.annotations.push({
      type: 'note',
      description: 'The coalesced save landed before the quit, so the quit had nothing left to flush.'
    })

  const saved = await readWorkspace()
  const trainers = saved.categories.find((category) => category.name === 'Trainers')
  expect(trainers).toBeDefined()
  expect(saved.cards).toEqual([
    expect.objectContaining({ title: 'Educational researcher', categoryId: trainers?.id })
  ])
  // The store closed cleanly: its lock is gone, so the next launch reports no unclean shutdown.
  expect(existsSync(join(userData, LOCK_FILE))).toBe(false)

  const again = await launchApp()
  const reopened = await again.firstWindow()
  await expect(column(reopened, 'Trainers').getByTestId('card-title')).toHaveText(['Educational researcher'])
  await expect(reopened.getByTestId('save-status')).toHaveText('Saved')
  await expect(reopened.getByTestId('notices')).toHaveCount(0)
})

test.describe('typing in the drawer', () => {
  test.use({ seed: sampleWorkspace() })

  test('closing the window right after typing keeps the edit, and the next launch shows it', async ({
    electronApp,
    window,
    userData,
    readWorkspace,
    launchApp
  }) => {
    await cardIn(column(window, 'Policy makers'), 'Records officer').click()
    const title = window.getByRole('dialog').getByLabel('Title')
    await expect(title).toHaveValue('Records officer')
    const exited = electronApp.waitForEvent('close')
    // No pause after typing: the field's own 700 ms save has not run when the window closes.
    await title.fill('Records manager')
    await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
    await exited // the window's close quits the app once the workspace is saved

    expect((await readWorkspace()).cards).toEqual([expect.objectContaining({ title: 'Records manager' })])
    expect(existsSync(join(userData, LOCK_FILE))).toBe(false)

    const again = await launchApp()
    const reopened = await again.firstWindow()
    await expect(column(reopened, 'Policy makers').getByTestId('card-title')).toHaveText(['Records manager'])
    await expect(reopened.getByTestId('notices')).toHaveCount(0)
  })
})
