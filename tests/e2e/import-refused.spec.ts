/**
 * Refused files in the import preview: a workspace JSON of a newer schema version and a broken
 * one, next to a good file, show as refused with their reason, and nothing from them is applied.
 */
import { fileURLToPath } from 'node:url'
import { expect, test } from './harness'
import { PERSONAS_FIXTURE as PERSONAS } from './fixture-files'
import { applyImport, openImportPreview } from './pages/import'

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/formats/${name}`, import.meta.url))
const NEWER = fixture('workspace-newer.json')
const BROKEN = fixture('workspace-broken.json')

test('a newer-schema JSON and a broken JSON beside a good file: both refused, only the good file applied', async ({
  page,
  app
}) => {
  app.platform.nextOpenPaths.push([PERSONAS, NEWER, BROKEN])
  const preview = await openImportPreview(page)

  const rows = preview.getByTestId('import-file')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0).getByTestId('import-file-refused')).toHaveCount(0)
  await expect(rows.nth(1).getByTestId('import-file-refused')).toHaveText('refused')
  await expect(rows.nth(1).getByTestId('import-file-error')).toContainText('schema version 99')
  await expect(rows.nth(2).getByTestId('import-file-refused')).toHaveText('refused')
  await expect(rows.nth(2).getByTestId('import-file-error')).toContainText(
    'This is not valid JSON: unexpected "]" at line 6, column 3.'
  )
  await expect(preview.getByTestId('import-diagnostics')).toContainText('workspace-broken.json:6:')
  await expect(preview.getByTestId('import-refused')).toContainText(
    'Nothing from these files will be imported: workspace-newer.json, workspace-broken.json.'
  )
  await applyImport(preview)

  await app.flush()
  const saved = (await app.readWorkspaceFile()) as Awaited<ReturnType<typeof app.readWorkspaceFile>> & {
    sources: { fileName: string }[]
  }
  expect(saved.sources.map((s) => s.fileName)).toEqual(['esdc-like-personas.md'])
  expect(saved.categories.map((c) => c.name)).not.toContain('Field staff')
  expect(saved.name).not.toBe('Written by a later Persona Planner')
})
