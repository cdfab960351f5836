import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, openApp, test } from './harness'
import { moreActions } from './pages/app'
import { addCategory, column, submitNewCategory } from './pages/board'

test('a corrupt workspace file is moved aside, the app starts and says so', async ({ page, dataDir }) => {
  const broken = '{"schemaVersion": 1, "name": "Half a fi'
  await writeFile(join(dataDir, 'workspace.json'), broken)
  const app = await openApp(page, dataDir)
  await expect(page.getByTestId('notices')).toContainText('workspace.corrupt-')
  const aside = (await readdir(dataDir)).filter((f) => f.startsWith('workspace.corrupt-'))
  expect(aside).toHaveLength(1)
  expect(await readFile(join(dataDir, aside[0]), 'utf8')).toBe(broken)
  await expect(page.getByTestId('empty-workspace')).toBeVisible()
  await app.store.close()
})

test('a workspace from a newer version opens read-only and is never overwritten', async ({
  page,
  dataDir
}) => {
  const future = JSON.stringify({
    schemaVersion: 99,
    name: 'From the future',
    categories: [],
    cards: [],
    capabilities: [],
    sources: []
  })
  await writeFile(join(dataDir, 'workspace.json'), future)
  const app = await openApp(page, dataDir)
  await expect(page.getByTestId('save-status')).toHaveText('Read-only')
  await expect(page.getByTestId('notices')).toContainText('99')
  await submitNewCategory(page, 'Policy makers')
  await expect(page.getByRole('alert').last()).toBeVisible()
  await expect(column(page, 'Policy makers')).toHaveCount(0)
  await app.store.close().catch(() => undefined)
  expect(await readFile(join(dataDir, 'workspace.json'), 'utf8')).toBe(future)
})

test('a backup is restored from the dialog, and the restore is itself undone by one undo', async ({
  page,
  app
}) => {
  await addCategory(page, 'Policy makers')
  await app.flush()
  await app.store.backup('before experiment')
  await addCategory(page, 'Trainers')
  await app.flush()

  await moreActions(page, 'Restore from backup…')
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' })
  await expect(dialog.getByRole('radio').first()).toBeChecked()
  await expect(dialog).toContainText('before experiment')
  await dialog.getByRole('button', { name: 'Restore' }).click()
  await expect(dialog).toBeHidden()
  await expect(column(page, 'Trainers')).toHaveCount(0)
  await app.flush()
  expect((await app.readWorkspaceFile()).categories.map((c) => c.name)).toEqual(['Policy makers'])

  await page.keyboard.press('Control+z')
  await expect(column(page, 'Trainers')).toBeVisible()
  await app.flush()
  expect((await app.readWorkspaceFile()).categories.map((c) => c.name)).toEqual(['Policy makers', 'Trainers'])
})
