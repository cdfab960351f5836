/** The export service (src/main/services/export-service.ts) over real temporary files. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultExportName, exportToPath } from '../../../../src/main/services/export-service'
import { importCommand, parseProfileBuffers } from '../../../../src/main/services/import-service'
import { applyCommand } from '../../../../src/shared/commands/apply'
import { parseProfileText, serialize } from '../../../../src/shared/formats'
import { EXPORT_FORMATS } from '../../../../src/shared/ipc/contract'
import { emptyWorkspace } from '../../../../src/shared/model/defaults'
import { FIXED_TIME, PERSONAS, readFixture } from '../../shared/formats/helpers'
import { tempDir } from './helpers'

describe('export service', () => {
  const personas = parseProfileBuffers([
    { name: 'e.md', data: new TextEncoder().encode(readFixture(PERSONAS)) }
  ])
  const ws = applyCommand(
    emptyWorkspace(FIXED_TIME),
    importCommand(personas, 'add', FIXED_TIME),
    FIXED_TIME
  ).next

  it.each(EXPORT_FORMATS)('%s: writes the file and reads back', async (format) => {
    const path = join(await tempDir('pp-export-'), defaultExportName(format))
    const saved = await exportToPath(ws, format, path)
    const bytes = await readFile(path)
    expect(saved).toEqual({ path, bytes: bytes.byteLength })
    const text = bytes.toString('utf8')
    if (format.startsWith('csv')) expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.replace(/^\uFEFF/, '')).toBe(serialize(ws, format))
    const back = parseProfileText(text, defaultExportName(format))
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  it('names files by format', () => {
    expect(EXPORT_FORMATS.map(defaultExportName)).toEqual([
      'workspace.json',
      'taxonomy.md',
      'personas.md',
      'cards.csv',
      'capabilities.csv',
      'needs.csv'
    ])
  })

  it('fails with the file system’s error when the folder does not exist, leaving nothing behind', async () => {
    const dir = await tempDir('pp-export-')
    await expect(exportToPath(ws, 'json', join(dir, 'no', 'such', 'w.json'))).rejects.toMatchObject({
      code: 'ENOENT'
    })
  })
})
