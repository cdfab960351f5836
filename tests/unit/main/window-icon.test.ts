import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { windowIconPath } from '../../../src/main/platform/window-icon'

const context = {
  platform: 'linux' as NodeJS.Platform,
  isPackaged: false,
  resourcesPath: '/opt/Persona Planner/resources',
  mainDir: resolve('out/main')
}

describe('windowIconPath', () => {
  it('unpackaged, finds the project’s resources/icon.png from the built main', () => {
    const path = windowIconPath(context)
    expect(path).toBe(resolve('resources/icon.png'))
    expect(existsSync(path!)).toBe(true)
  })

  it('packaged, expects icon.png beside app.asar', () => {
    expect(windowIconPath({ ...context, isPackaged: true })).toBe(
      join('/opt/Persona Planner/resources', 'icon.png')
    )
    expect(windowIconPath({ ...context, platform: 'win32', isPackaged: true })).toBe(
      join('/opt/Persona Planner/resources', 'icon.png')
    )
  })

  it('on macOS leaves the icon to the app bundle', () => {
    expect(windowIconPath({ ...context, platform: 'darwin' })).toBeUndefined()
  })
})
