/**
 * Finds a Chromium for Playwright: PLAYWRIGHT_CHROMIUM_PATH, then Debian's /usr/bin/chromium,
 * then Playwright's own download. Fails with instructions when there is none.
 */
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export function chromiumPath(): string {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate
  let bundled = ''
  try {
    bundled = chromium.executablePath()
  } catch {
    // Playwright has no browser of its own either
  }
  if (bundled && existsSync(bundled)) return bundled
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
      'or `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium or Chrome executable.'
  )
}

/** Flags for a headless Chromium on a closed network (no background requests, no sandbox as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
]
