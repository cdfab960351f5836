import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './harness'
import { PERSONAS_FIXTURE as PERSONAS, TAXONOMY_FIXTURE as TAXONOMY } from './fixture-files'
import { exportWorkspace } from './pages/export'
import { applyImport, importFiles, openImportPreview } from './pages/import'

test('imports a taxonomy and a persona page through the preview, undoes, re-imports, and every export imports back', async ({
  page,
  app
}) => {
  test.setTimeout(180_000) // six imports (each a parse worker) and four exports, each saved and read back
  app.platform.nextOpenPaths.push([TAXONOMY, PERSONAS])
  const preview = await openImportPreview(page)
  await expect(preview.getByTestId('import-file')).toHaveCount(2)
  await expect(preview.getByTestId('import-file').first()).toContainText('28')
  await expect(preview.getByTestId('import-duplicates')).toContainText('Programme manager')
  await expect(preview.getByTestId('import-duplicates')).toContainText('Deputy minister')
  await app.flush()
  const untouched = await readFile(app.workspaceFile, 'utf8').catch(() => null)
  await applyImport(preview)
  await expect(page.getByTestId('card')).not.toHaveCount(0)
  await app.flush()
  let saved = await app.readWorkspaceFile()
  expect(saved.cards).toHaveLength(34)
  expect(saved.categories).toHaveLength(12)

  await page.keyboard.press('Control+z')
  await expect(page.getByText(/^Undone: Import 34 cards/)).toBeVisible()
  await app.flush()
  saved = await app.readWorkspaceFile()
  expect(saved.cards).toHaveLength(0)
  if (untouched !== null) expect(saved.categories).toHaveLength(0)

  await importFiles(page, app, [TAXONOMY, PERSONAS])
  await app.flush()
  const original = await app.readWorkspaceFile()
  expect(original.cards).toHaveLength(34)

  const shapes = [
    { label: 'Persona Planner workspace (JSON)', file: 'workspace-export.json', cards: 34 },
    { label: 'GovStack taxonomy (Markdown)', file: 'taxonomy.md', cards: 28 },
    { label: 'ESDC persona page (Markdown)', file: 'personas.md', cards: 6 },
    { label: 'Cards (CSV)', file: 'cards.csv', cards: 34 }
  ]
  for (const shape of shapes) {
    const path = join(app.dir, shape.file)
    await exportWorkspace(page, app, shape.label, path)
    await importFiles(page, app, [path], 'Replace')
    await app.flush()
    const back = await app.readWorkspaceFile()
    expect(back.cards.map((c) => c.title).sort(), shape.label).toEqual(
      original.cards
        .filter((c) => shape.cards === 34 || (shape.cards === 28 ? isRole(c) : !isRole(c)))
        .map((c) => c.title)
        .sort()
    )
    await page.keyboard.press('Control+z') // back to the full workspace for the next shape
    await app.flush()
    expect((await app.readWorkspaceFile()).cards).toHaveLength(34)
  }
})

const isRole = (card: { title: string }): boolean =>
  !['Management', 'Power users', 'Client services', 'IT Advisor', 'Policy Analyst', 'Field workers'].includes(
    card.title
  )

test('a file that cannot be imported gives a clear message and leaves the store file byte-identical', async ({
  page,
  app
}) => {
  await importFiles(page, app, [PERSONAS])
  await app.flush()
  const before = await readFile(app.workspaceFile)

  const binary = join(app.dir, 'scan.md')
  await writeFile(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0, 0xff, 0xfe]))
  const newer = join(app.dir, 'from-the-future.json')
  await writeFile(
    newer,
    JSON.stringify({ schemaVersion: 42, name: 'x', categories: [], cards: [], capabilities: [] })
  )
  app.platform.nextOpenPaths.push([binary, newer])
  const preview = await openImportPreview(page)
  await expect(preview.getByText('Nothing can be imported')).toBeVisible()
  await expect(preview.getByTestId('import-file-error').first()).toContainText('scan.md')
  await expect(preview.getByText(/42/).first()).toBeVisible()
  await expect(preview.getByRole('button', { name: 'Apply import' })).toBeDisabled()
  await preview.getByRole('button', { name: 'Cancel' }).click()

  await app.flush()
  expect(Buffer.compare(await readFile(app.workspaceFile), before)).toBe(0)
})
