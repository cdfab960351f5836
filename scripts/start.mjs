// @ts-check
/**
 * `npm start` (electron-vite preview: build, then run) and `npm run dev` (with hot reload): make sure
 * Electron's binary is there first, then hand over to electron-vite with its path in
 * ELECTRON_EXEC_PATH, which electron-vite reads before anything else (so ELECTRON_OVERRIDE_DIST_PATH
 * works too).
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ensureProjectElectron } from './ensure-electron.mjs'

const [mode = 'preview', ...rest] = process.argv.slice(2)
const execPath = await ensureProjectElectron()
if (!execPath) process.exit(1)

const require = createRequire(import.meta.url)
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
const child = spawn(process.execPath, [electronVite, mode, ...rest], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: execPath }
})
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
