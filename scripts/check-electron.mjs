// @ts-check
/**
 * Electron is the runtime users run, but a devDependency, so `npm audit --omit=dev` never looks at
 * it. This check does: the pinned version must be the newest patch of its major (Electron ships
 * its security fixes in patches), and must have no advisory of high or critical severity. Both
 * come from the npm registry, through npm itself (so npm's proxy settings apply). When the
 * registry or its advisory service cannot be reached, it says so and does not fail: the check
 * reports what it could not check, never a pass it did not make.
 *
 * `node scripts/check-electron.mjs`: exit 1 when the pin is behind or has a serious advisory.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const SERIOUS = new Set(['high', 'critical'])

/**
 * [major, minor, patch] of a release version; null for a prerelease or anything else.
 * @param {string} version
 */
function parseRelease(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null
}

/**
 * The newest release of `pinned`'s major among `versions`.
 * @param {string} pinned
 * @param {string[]} versions
 * @returns {string | null}
 */
export function newestPatch(pinned, versions) {
  const own = parseRelease(pinned)
  if (own === null) return null
  let best = null
  let bestParts = null
  for (const version of versions) {
    const parts = parseRelease(version)
    if (parts === null || parts[0] !== own[0]) continue
    if (
      bestParts === null ||
      parts[1] > bestParts[1] ||
      (parts[1] === bestParts[1] && parts[2] > bestParts[2])
    ) {
      best = version
      bestParts = parts
    }
  }
  return best
}

/**
 * @typedef {{ severity: string, title: string, url?: string }} Advisory
 * @typedef {{ pinned: string, versions: string[] | null, advisories: Advisory[] | null }} Facts
 *   `versions` null: the registry could not be reached; `advisories` null: the advisory service could not.
 */

/**
 * What to say about the pinned Electron, and whether that fails the check.
 * @param {Facts} facts
 * @returns {{ lines: string[], ok: boolean }}
 */
export function judge({ pinned, versions, advisories }) {
  const lines = []
  let ok = true
  if (versions === null) {
    lines.push(
      `Electron ${pinned}: the npm registry could not be reached, so newer patches were not checked.`
    )
  } else {
    const newest = newestPatch(pinned, versions)
    const major = pinned.split('.')[0]
    if (newest === null) {
      lines.push(`Electron ${pinned}: no release of ${major}.x is in the registry; check the pin.`)
      ok = false
    } else if (newest !== pinned) {
      lines.push(
        `Electron ${pinned} is behind ${newest}, the newest ${major}.x patch (security fixes ship in patches).`,
        `Update it: npm install --save-exact --save-dev electron@${newest}`
      )
      ok = false
    } else {
      lines.push(`Electron ${pinned} is the newest ${major}.x patch.`)
    }
  }
  if (advisories === null) {
    lines.push(
      `Electron ${pinned}: the advisory service could not be reached, so advisories were not checked.`
    )
  } else if (advisories.length === 0) {
    lines.push(`Electron ${pinned}: no known advisory.`)
  } else {
    lines.push(
      `Electron ${pinned}: ${advisories.length} known ${advisories.length === 1 ? 'advisory' : 'advisories'}:`
    )
    for (const a of advisories) lines.push(`  ${a.severity}: ${a.title}${a.url ? ` (${a.url})` : ''}`)
    if (advisories.some((a) => SERIOUS.has(a.severity))) ok = false
  }
  return { lines, ok }
}

const run = promisify(execFile)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** Every published version of electron, or null when the registry cannot be reached. */
async function registryVersions() {
  try {
    const { stdout } = await run(npm, ['view', 'electron', 'versions', '--json'], {
      shell: process.platform === 'win32',
      timeout: 60_000
    })
    const versions = JSON.parse(stdout)
    return Array.isArray(versions) ? versions.map(String) : null
  } catch {
    return null
  }
}

/** Electron's advisories from `npm audit --json`, or null when the advisory service cannot be reached. */
async function electronAdvisories() {
  let stdout
  try {
    ;({ stdout } = await run(npm, ['audit', '--json'], {
      shell: process.platform === 'win32',
      timeout: 120_000
    }))
  } catch (error) {
    // npm audit exits 1 when it finds anything; its report is still on stdout.
    stdout = /** @type {{ stdout?: string }} */ (error).stdout ?? ''
  }
  try {
    const report = JSON.parse(stdout)
    if (report.error || !report.vulnerabilities) return null
    const entry = report.vulnerabilities.electron
    if (!entry) return []
    return (entry.via ?? [])
      .filter((/** @type {unknown} */ v) => typeof v === 'object' && v !== null)
      .map((/** @type {{ severity: string, title: string, url?: string }} */ v) => ({
        severity: v.severity,
        title: v.title,
        url: v.url
      }))
  } catch {
    return null
  }
}

async function main() {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'))
  const pinned = pkg.devDependencies?.electron
  if (typeof pinned !== 'string') throw new Error('package.json pins no electron in devDependencies.')
  const [versions, advisories] = await Promise.all([registryVersions(), electronAdvisories()])
  const { lines, ok } = judge({ pinned, versions, advisories })
  for (const line of lines) console.log(line)
  process.exitCode = ok ? 0 : 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
