/**
 * Where the window icon lives. macOS ignores it (the bundle's icon.icns is the Dock icon); Linux
 * and Windows show it in the title bar and task bar. Unpackaged (dev, preview, tests) the built
 * main is out/main/index.js and the icon is the project's resources/icon.png; packaged,
 * electron-builder copies resources/icon.png next to app.asar, as <resourcesPath>/icon.png.
 */
import { join } from 'node:path'

export interface WindowIconContext {
  platform: NodeJS.Platform
  isPackaged: boolean
  /** `process.resourcesPath`: the folder that holds app.asar when packaged. */
  resourcesPath: string
  /** The folder of the built main script (`import.meta.dirname`, out/main). */
  mainDir: string
}

export function windowIconPath(context: WindowIconContext): string | undefined {
  if (context.platform === 'darwin') return undefined
  return context.isPackaged
    ? join(context.resourcesPath, 'icon.png')
    : join(context.mainDir, '..', '..', 'resources', 'icon.png')
}
