/** The size check the page makes on dropped files before reading them (src/renderer/src/features/import/dropped-files.ts). */
import { describe, expect, it } from 'vitest'
import { droppedFilesRefusal } from '../../../../../src/renderer/src/features/import/dropped-files'
import { MAX_IMPORT_BYTES, MAX_IMPORT_TOTAL_BYTES } from '../../../../../src/shared/formats'

describe('droppedFilesRefusal', () => {
  it('lets files within the limits through', () => {
    expect(
      droppedFilesRefusal([
        { name: 'a.md', size: 10 },
        { name: 'b.csv', size: MAX_IMPORT_BYTES }
      ])
    ).toBeNull()
  })

  it('refuses a file over the limit before it is read, naming it', () => {
    expect(
      droppedFilesRefusal([
        { name: 'a.md', size: 10 },
        { name: 'huge.md', size: 60 * 1024 * 1024 }
      ])
    ).toBe('huge.md is 60.0 MB; files over 50 MB cannot be imported.')
  })

  it('refuses files that are together over the total limit', () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `part${i}.md`, size: MAX_IMPORT_BYTES }))
    expect(MAX_IMPORT_BYTES * 5).toBeGreaterThan(MAX_IMPORT_TOTAL_BYTES)
    expect(droppedFilesRefusal(files)).toBe(
      'These files come to 250.0 MB together; at most 200 MB can be imported at once.'
    )
  })
})
