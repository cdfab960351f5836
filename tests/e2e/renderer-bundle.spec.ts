/**
 * The built renderer is what the window downloads, parses and compiles before it shows anything:
 * it is minified, and its scripts stay within a budget, so a dependency that doubles it is noticed.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { RENDERER } from './harness'

/** The scripts' budget: 1.64 MB minified when it was set, 3.7 MB before minification. */
const SCRIPT_BUDGET_BYTES = 2_000_000
/** Minified code has a line break every few kilobytes at most; readable code has one every 30 to 40 bytes. */
const MIN_BYTES_PER_LINE = 1_000

test('the built renderer is minified and its scripts stay within the budget', () => {
  const assets = join(RENDERER, 'assets')
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'))
  expect(scripts.length, `scripts in ${assets}`).toBeGreaterThan(0)
  let total = 0
  for (const name of scripts) {
    const code = readFileSync(join(assets, name), 'utf8')
    total += Buffer.byteLength(code)
    const lines = code.split('\n').length
    expect(code.length / lines, `${name}: bytes per line`).toBeGreaterThan(MIN_BYTES_PER_LINE)
  }
  expect(total, 'bytes of script in the built renderer').toBeLessThan(SCRIPT_BUDGET_BYTES)
})
