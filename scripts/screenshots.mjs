// @ts-check
/**
 * `npm run screenshots`: retakes the README's pictures in docs/screenshots from the built app.
 * Runs the end-to-end specs that take them with PP_SCREENSHOTS=1, the only case in which they
 * are written (tests/e2e/screenshots.ts); the board's come from the real seeds where
 * tests/seeds.ts finds them, else from our fixtures; every view of the example workspace at
 * 1024x700 and 1440x900 (view-*.png), and its board in dark. Extra arguments go to Playwright.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const SPECS = ['tests/e2e/board.spec.ts', 'tests/e2e/gap.spec.ts', 'tests/e2e/navigation-screenshots.spec.ts']

const require = createRequire(import.meta.url)
const playwright = join(dirname(require.resolve('@playwright/test/package.json')), 'cli.js')
const child = spawn(process.execPath, [playwright, 'test', ...SPECS, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PP_SCREENSHOTS: '1' }
})
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
