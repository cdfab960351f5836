/**
 * Where the files the app ships in resources/ are at run time. Unpackaged (dev, preview, the
 * Electron suite) the built main is out/main/index.js and they are the project's resources/;
 * packaged, electron-builder copies them next to app.asar (`extraResources` in
 * electron-builder.yml), into `process.resourcesPath`.
 */
import { join } from 'node:path'

export interface ResourcesContext {
  isPackaged: boolean
  /** `process.resourcesPath`: the folder that holds app.asar when packaged. */
  resourcesPath: string
  /** The folder of the built main script (`import.meta.dirname`, out/main). */
  mainDir: string
}

export function resourcesDir(context: ResourcesContext): string {
  return context.isPackaged ? context.resourcesPath : join(context.mainDir, '..', '..', 'resources')
}

/** The window icon for Linux and Windows; macOS shows the bundle's icon.icns instead. */
export function windowIconPath(platform: NodeJS.Platform, dir: string): string | undefined {
  return platform === 'darwin' ? undefined : join(dir, 'icon.png')
}
