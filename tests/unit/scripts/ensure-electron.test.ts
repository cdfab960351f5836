/* eslint-disable @microsoft/sdl/no-insecure-url -- proxies and the closed local port standing in for "offline" speak plain http */
/**
 * scripts/ensure-electron.mjs decides whether `npm start` can run Electron, fetches it through
 * Electron's own installer when not, and otherwise stops with the ways out. Decisions are tested
 * against fake Electron folders and a fake installer; the last test runs the real `npm start` path
 * on a network that cannot reach the download host.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  electronStatus,
  ensureElectron,
  executableName,
  installerEnv,
  projectElectron
} from '../../../scripts/ensure-electron.mjs'

const VERSION = '45.4.1'
const base = { version: VERSION, platform: 'linux', arch: 'x64' }

/** An unpacked Electron as its installer leaves it: dist/<exe>, dist/version and path.txt. */
function unpack(electronDir: string, version = VERSION, platform = 'linux'): void {
  const exe = join(electronDir, 'dist', executableName(platform))
  mkdirSync(join(exe, '..'), { recursive: true })
  writeFileSync(exe, '')
  writeFileSync(join(electronDir, 'dist', 'version'), `v${version}`)
  writeFileSync(join(electronDir, 'path.txt'), executableName(platform))
}

function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'pp-electron-'))
}

type Call = Record<string, string | undefined>
function fakeInstaller(result: { code: number; stderr: string }, onRun?: () => void) {
  const calls: Call[] = []
  const install = async (env: NodeJS.ProcessEnv) => {
    calls.push({ ...env })
    onRun?.()
    return result
  }
  return { calls, install }
}

describe('ensureElectron', () => {
  it('uses an installed binary of the pinned version without running the installer', async () => {
    const electronDir = emptyDir()
    unpack(electronDir)
    const { calls, install } = fakeInstaller({ code: 0, stderr: '' })
    const outcome = await ensureElectron({ ...base, electronDir, env: {}, install })
    expect(outcome).toEqual({ ok: true, execPath: join(electronDir, 'dist', 'electron'), fetched: false })
    expect(calls).toHaveLength(0)
  })

  it('runs the installer when nothing is installed, and uses what it unpacked', async () => {
    const electronDir = emptyDir()
    const { calls, install } = fakeInstaller({ code: 0, stderr: '' }, () => unpack(electronDir))
    const outcome = await ensureElectron({ ...base, electronDir, env: { PATH: '/bin' }, install })
    expect(outcome).toEqual({ ok: true, execPath: join(electronDir, 'dist', 'electron'), fetched: true })
    expect(calls).toEqual([{ PATH: '/bin' }])
  })

  it('fetches again when the unpacked binary is of another version or its executable is gone', async () => {
    const old = emptyDir()
    unpack(old, '44.0.0')
    expect(electronStatus({ ...base, electronDir: old, env: {} })).toEqual({ state: 'missing' })
    const gutted = emptyDir()
    writeFileSync(join(gutted, 'path.txt'), 'electron')
    mkdirSync(join(gutted, 'dist'))
    writeFileSync(join(gutted, 'dist', 'version'), VERSION)
    expect(electronStatus({ ...base, electronDir: gutted, env: {} })).toEqual({ state: 'missing' })
  })

  it('names the cause and every way out when the download host cannot be reached', async () => {
    const electronDir = emptyDir()
    const { install } = fakeInstaller({
      code: 1,
      stderr: 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n'
    })
    const outcome = await ensureElectron({ ...base, electronDir, env: {}, install })
    expect(outcome.ok).toBe(false)
    const message = outcome.ok ? '' : outcome.message
    expect(message).toContain('Electron 45.4.1')
    expect(message).toContain('TypeError: fetch failed (the download host could not be reached')
    expect(message).toContain('Connect to the internet once and rerun `npm start`')
    expect(message).toContain('HTTPS_PROXY')
    expect(message).toContain('electron-v45.4.1-linux-x64.zip')
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH')
    expect(message).not.toContain('undici:14976')
  })

  it('reports an installer that failed without a word by its exit code', async () => {
    const { install } = fakeInstaller({ code: 3, stderr: '' })
    const outcome = await ensureElectron({ ...base, electronDir: emptyDir(), env: {}, install })
    expect(outcome.ok ? '' : outcome.message).toContain('the installer exited with code 3')
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH without downloading, and checks what it points at', async () => {
    const override = emptyDir()
    const { calls, install } = fakeInstaller({ code: 0, stderr: '' })
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override }

    const empty = await ensureElectron({ ...base, electronDir: emptyDir(), env, install })
    expect(empty.ok ? '' : empty.message).toContain(
      `ELECTRON_OVERRIDE_DIST_PATH has no electron: ${override}`
    )

    writeFileSync(join(override, 'electron'), '')
    writeFileSync(join(override, 'version'), 'v44.1.0')
    const wrong = await ensureElectron({ ...base, electronDir: emptyDir(), env, install })
    expect(wrong.ok ? '' : wrong.message).toContain(
      'holds Electron 44.1.0, but this project is pinned to 45.4.1'
    )

    writeFileSync(join(override, 'version'), VERSION)
    const right = await ensureElectron({ ...base, electronDir: emptyDir(), env, install })
    expect(right).toEqual({ ok: true, execPath: join(override, 'electron'), fetched: false })
    expect(calls).toHaveLength(0)
  })

  it('finds the executable where each platform keeps it', () => {
    const override = emptyDir()
    mkdirSync(join(override, 'Electron.app/Contents/MacOS'), { recursive: true })
    writeFileSync(join(override, 'Electron.app/Contents/MacOS/Electron'), '')
    const mac = electronStatus({
      ...base,
      platform: 'darwin',
      electronDir: '',
      env: { ELECTRON_OVERRIDE_DIST_PATH: override }
    })
    expect(mac).toEqual({
      state: 'override',
      execPath: join(override, 'Electron.app/Contents/MacOS/Electron')
    })
    expect(executableName('win32')).toBe('electron.exe')
  })

  it("turns on Node's proxy support for the installer when a proxy is set, and only then", () => {
    expect(installerEnv({ HTTPS_PROXY: 'http://proxy:8080' })).toEqual({
      HTTPS_PROXY: 'http://proxy:8080',
      NODE_USE_ENV_PROXY: '1'
    })
    expect(installerEnv({ http_proxy: 'http://p:1', NODE_USE_ENV_PROXY: '0' })).toEqual({
      http_proxy: 'http://p:1',
      NODE_USE_ENV_PROXY: '0'
    })
    expect(installerEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin' })
  })
})

describe('npm start without the binary', () => {
  const project = projectElectron()
  const installed = electronStatus({ ...project, env: {}, platform: process.platform, arch: process.arch })
  // Where Electron's binary is installed, npm start finds it and never reaches the download this
  // test makes fail; the decisions themselves are tested above on fake Electron folders.
  it.skipIf(installed.state === 'installed')(
    'stops before electron-vite with the actionable message when the host cannot be reached',
    () => {
      // A closed local port stands in for "offline" on any machine; a fresh cache keeps a
      // previously downloaded zip from being used.
      const result = spawnSync('npm', ['start', '--silent'], {
        cwd: resolve(import.meta.dirname, '../../..'),
        encoding: 'utf8',
        shell: process.platform === 'win32',
        env: {
          ...process.env,
          ELECTRON_MIRROR: 'http://127.0.0.1:9/',
          electron_config_cache: emptyDir(),
          ELECTRON_OVERRIDE_DIST_PATH: ''
        },
        timeout: 60_000
      })
      expect(result.status).toBe(1)
      expect(result.stderr).toContain(`Persona Planner runs on Electron ${project.version}`)
      expect(result.stderr).toContain('the download host could not be reached')
      expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH')
      expect(result.stderr + result.stdout).not.toContain('Electron uninstall')
    }
  )
})
