/** The shipped resources are found from the built main, and beside app.asar once packaged. */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resourcesDir, windowIconPath } from '../../../../src/main/platform/resources'

const PACKAGED_RESOURCES = join('Persona Planner', 'resources')
const context = { isPackaged: false, resourcesPath: PACKAGED_RESOURCES, mainDir: resolve('out/main') }

describe('resourcesDir', () => {
  it('unpackaged, is the project’s resources/ seen from the built main, holding the icon and the example', () => {
    const dir = resourcesDir(context)
    expect(dir).toBe(resolve('resources'))
    expect(existsSync(join(dir, 'icon.png'))).toBe(true)
    expect(existsSync(join(dir, 'example-workspace.json'))).toBe(true)
  })

  it('packaged, is the folder beside app.asar', () => {
    expect(resourcesDir({ ...context, isPackaged: true })).toBe(PACKAGED_RESOURCES)
  })
})

describe('windowIconPath', () => {
  it('is icon.png on Linux and Windows, and left to the app bundle on macOS', () => {
    expect(windowIconPath('linux', PACKAGED_RESOURCES)).toBe(join(PACKAGED_RESOURCES, 'icon.png'))
    expect(windowIconPath('win32', PACKAGED_RESOURCES)).toBe(join(PACKAGED_RESOURCES, 'icon.png'))
    expect(windowIconPath('darwin', PACKAGED_RESOURCES)).toBeUndefined()
  })
})
