/**
 * electron-builder.yml, checked without building: electron-builder's own schema validation (the
 * same call `electron-builder` makes before packaging), then the promises docs/RELEASING.md makes:
 * the fuses, asar, a per-user Windows install that never asks for administrator rights, the
 * targets per OS, file names, what ships, and no publishing or update check.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
// Not part of electron-builder's public API: the function it runs on the loaded configuration.
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import type { Configuration } from 'electron-builder'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

async function loadConfig(): Promise<Configuration> {
  return parse(await readFile('electron-builder.yml', 'utf8'))
}

async function packageJson(): Promise<{
  name: string
  productName: string
  description?: string
  author?: { name?: string; email?: string }
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}> {
  return JSON.parse(await readFile('package.json', 'utf8'))
}

/** Target names with their architectures, from `target: [{ target, arch }]`. */
function targets(platform: Configuration['win'] | Configuration['mac'] | Configuration['linux']) {
  const list = platform?.target
  expect(Array.isArray(list)).toBe(true)
  return (Array.isArray(list) ? list : []).map((entry) =>
    typeof entry === 'string'
      ? { target: entry, arch: undefined }
      : { target: entry.target, arch: entry.arch }
  )
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs|js)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('would reject a misspelt option (the validation above is live)', async () => {
    const config = await loadConfig()
    // as a hand-edited YAML file could have it (TypeScript refuses it in an object literal)
    Object.assign(config.nsis ?? {}, { perMachin: false })
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/)
  })

  it('sets the Electron fuses that close Node entry points and file:// privileges, and packs an asar', async () => {
    const config = await loadConfig()
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
    expect(config.asar).toBe(true)
  })

  it('installs per user on Windows without administrator rights, and offers a portable zip', async () => {
    const config = await loadConfig()
    expect(targets(config.win)).toEqual([
      { target: 'nsis', arch: 'x64' },
      { target: 'zip', arch: 'x64' }
    ])
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false })
    expect(config.nsis?.selectPerMachineByDefault).not.toBe(true)
    expect(config.nsis?.packElevateHelper).not.toBe(true)
    expect(config.win?.requestedExecutionLevel ?? 'asInvoker').toBe('asInvoker')
  })

  it('builds a dmg for both Mac architectures, an AppImage and a deb', async () => {
    const config = await loadConfig()
    expect(targets(config.mac)).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }])
    expect(targets(config.linux)).toEqual([
      { target: 'AppImage', arch: 'x64' },
      { target: 'deb', arch: 'x64' }
    ])
    expect(config.directories?.buildResources).toBe('resources')
  })

  it('has the deb metadata electron-builder requires from package.json', async () => {
    const pkg = await packageJson()
    expect(pkg.description).toBeTruthy()
    expect(pkg.author?.name).toBeTruthy()
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+$/)
  })

  it('names every file with the product, version, OS and architecture', async () => {
    const config = await loadConfig()
    const product = (await packageJson()).productName.replaceAll(' ', '-')
    expect(config.productName).toBe((await packageJson()).productName)
    expect(config.artifactName).toBe(`${product}-\${version}-\${os}-\${arch}.\${ext}`)
    expect(config.nsis?.artifactName).toBe(`${product}-\${version}-\${os}-\${arch}-setup.\${ext}`)
    for (const pattern of [config.artifactName, config.nsis?.artifactName]) expect(pattern).not.toMatch(/\s/)
  })

  it('ships the bundles and the two resources read at run time, no node_modules', async () => {
    const config = await loadConfig()
    expect(config.files).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
      '!node_modules{,/**/*}'
    ])
    // src/main/platform/resources.ts reads both from process.resourcesPath once packaged
    expect(config.extraResources).toEqual([
      { from: 'resources/icon.png', to: 'icon.png' },
      { from: 'resources/example-workspace.json', to: 'example-workspace.json' }
    ])
    // electron-builder would otherwise pack every production dependency; main and preload bundle theirs
    const vite = await readFile('electron.vite.config.ts', 'utf8')
    expect(vite.match(/externalizeDeps: false/g)).toHaveLength(2)
  })

  it('never publishes and has no update mechanism', async () => {
    const config = await loadConfig()
    expect(config.publish).toBeNull()
    const pkg = await packageJson()
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    expect(deps.filter((name) => /updater|update-electron-app/.test(name))).toEqual([])
    const files = [...(await sourceFiles('src/main')), ...(await sourceFiles('src/preload'))]
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      expect(await readFile(file, 'utf8'), file).not.toMatch(/autoUpdater|electron-updater|checkForUpdates/)
    }
  })
})
