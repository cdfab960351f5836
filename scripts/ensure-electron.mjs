// @ts-check
/**
 * Makes sure Electron's binary is there before electron-vite runs, and says what to do when it
 * cannot be.
 *
 * Since Electron 45 `npm install` does not fetch the binary: the `electron` package downloads it
 * only when its own installer (`install.js`, the `install-electron` bin) runs, while electron-vite
 * reads `node_modules/electron/path.txt` and stops with "Electron uninstall" when it is missing.
 * This script runs Electron's own installer when needed; it never downloads anything itself.
 *
 * Used by scripts/start.mjs (`npm start`, `npm run dev`); `node scripts/ensure-electron.mjs` alone
 * fetches the binary and prints its path.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * The executable inside an unpacked Electron, as Electron's installer names it per platform.
 * @param {string} platform
 */
export function executableName(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

/**
 * @typedef {{ electronDir: string, version: string, env: NodeJS.ProcessEnv, platform: string, arch: string }} Setup
 * @typedef {{ state: 'installed', execPath: string }
 *   | { state: 'override', execPath: string }
 *   | { state: 'bad-override', reason: string }
 *   | { state: 'missing' }} Status
 */

/**
 * Where Electron stands, without touching the network.
 * @param {Setup} setup
 * @returns {Status}
 */
export function electronStatus({ electronDir, version, env, platform }) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const execPath = join(override, executableName(platform))
    if (!existsSync(execPath))
      return {
        state: 'bad-override',
        reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${executableName(platform)}: ${execPath}`
      }
    const found = readText(join(override, 'version'))?.replace(/^v/, '')
    if (found && found !== version)
      return {
        state: 'bad-override',
        reason: `ELECTRON_OVERRIDE_DIST_PATH holds Electron ${found}, but this project is pinned to ${version}`
      }
    return { state: 'override', execPath }
  }
  const relative = readText(join(electronDir, 'path.txt'))
  const installed = readText(join(electronDir, 'dist', 'version'))?.replace(/^v/, '')
  if (!relative || installed !== version) return { state: 'missing' }
  const execPath = join(electronDir, 'dist', relative)
  return existsSync(execPath) ? { state: 'installed', execPath } : { state: 'missing' }
}

/** @param {string} path */
function readText(path) {
  try {
    return readFileSync(path, 'utf8').trim()
  } catch {
    return undefined
  }
}

/** The proxy variables people set; Node's fetch honours them only with NODE_USE_ENV_PROXY=1 (22.21+). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']

/**
 * The environment for Electron's installer: the user's own, plus Node's proxy support when a proxy
 * variable is set.
 * @param {NodeJS.ProcessEnv} env
 */
export function installerEnv(env) {
  const hasProxy = PROXY_VARIABLES.some((name) => env[name])
  return hasProxy && env.NODE_USE_ENV_PROXY === undefined ? { ...env, NODE_USE_ENV_PROXY: '1' } : env
}

/**
 * @typedef {(env: NodeJS.ProcessEnv) => Promise<{ code: number | null, stderr: string }>} Installer
 * @typedef {{ ok: true, execPath: string, fetched: boolean } | { ok: false, message: string }} Outcome
 */

/**
 * Finds the binary, or runs the installer once and looks again.
 * @param {Setup & { install: Installer }} setup
 * @returns {Promise<Outcome>}
 */
export async function ensureElectron(setup) {
  const before = electronStatus(setup)
  if (before.state === 'installed' || before.state === 'override')
    return { ok: true, execPath: before.execPath, fetched: false }
  if (before.state === 'bad-override') return { ok: false, message: fixMessage(setup, before.reason) }

  const { code, stderr } = await setup.install(installerEnv(setup.env))
  const after = electronStatus(setup)
  if (after.state === 'installed') return { ok: true, execPath: after.execPath, fetched: true }
  const cause = firstLine(stderr) ?? `the installer exited with code ${code}`
  const gloss = UNREACHABLE.test(stderr)
    ? ' (the download host could not be reached: offline, a proxy, or a blocked host)'
    : ''
  return {
    ok: false,
    message: fixMessage(setup, `Electron's installer could not fetch it: ${cause}${gloss}`)
  }
}

/** How Node reports a host it could not reach (fetch hides the code behind "fetch failed"). */
const UNREACHABLE =
  /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH/

/** @param {string} text */
function firstLine(text) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line.length > 0)
}

/**
 * What failed and the ways out, in the words a user can act on.
 * @param {Setup} setup
 * @param {string} reason
 */
export function fixMessage({ version, platform, arch }, reason) {
  const zip = `electron-v${version}-${platform}-${arch}.zip`
  return [
    `Persona Planner runs on Electron ${version}, and its program files are not installed.`,
    `What failed: ${reason}`,
    '',
    'Fix it one of these ways, then run `npm start` again:',
    '  1. Connect to the internet once and rerun `npm start`. The download (about 100 MB) is cached,',
    '     so later starts work offline.',
    '  2. Behind a proxy: set HTTPS_PROXY (and NO_PROXY for local hosts), e.g.',
    '     HTTPS_PROXY=http://proxy.example:8080 npm start   (Node.js 22.21 or newer uses it).',
    '     An internal mirror of Electron releases works too: ELECTRON_MIRROR=https://mirror.example/electron/',
    `  3. Without any network: copy ${zip} from another machine, unpack it, and point`,
    '     ELECTRON_OVERRIDE_DIST_PATH at the unpacked folder, e.g.',
    `     ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-v${version} npm start`,
    '',
    'On Windows, set a variable first (set HTTPS_PROXY=... in cmd, $env:HTTPS_PROXY="..." in PowerShell),',
    'then run `npm start`.'
  ].join('\n')
}

/**
 * Electron's own installer (`install.js`, the `install-electron` bin) as a child process; its
 * progress goes to the terminal and its errors are kept for the message.
 * @param {string} electronDir
 * @returns {Installer}
 */
export function electronInstaller(electronDir) {
  return (env) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
        env,
        stdio: ['ignore', 'inherit', 'pipe']
      })
      let stderr = ''
      child.stderr.setEncoding('utf8')
      child.stderr.on('data', (chunk) => (stderr += chunk))
      child.on('error', (error) => resolve({ code: null, stderr: error.message }))
      child.on('close', (code) => resolve({ code, stderr }))
    })
}

/** This project's `node_modules/electron` and its pinned version. */
export function projectElectron() {
  const require = createRequire(import.meta.url)
  const packageJson = require.resolve('electron/package.json')
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8'))
  return { electronDir: dirname(packageJson), version: String(version) }
}

/** For scripts/start.mjs and the command line: the binary's path, or null after printing why. */
export async function ensureProjectElectron() {
  const { electronDir, version } = projectElectron()
  const setup = { electronDir, version, env: process.env, platform: process.platform, arch: process.arch }
  if (electronStatus(setup).state === 'missing') console.log(`Fetching Electron ${version} (once)…`)
  const outcome = await ensureElectron({ ...setup, install: electronInstaller(electronDir) })
  if (outcome.ok) return outcome.execPath
  console.error(`\n${outcome.message}\n`)
  return null
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const execPath = await ensureProjectElectron()
  if (execPath) console.log(execPath)
  else process.exitCode = 1
}
