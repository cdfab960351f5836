// @ts-check
/**
 * Fails when a text file of the repository names an absolute path that exists on one machine
 * only: a home folder (Linux, macOS or Windows), root's home, a scratch or mount folder, or the
 * folder a checkout happens to sit in. Such a path works where it was written and breaks every
 * other clone. The patterns are ROOTS and WINDOWS_HOME below; the few system paths that are the
 * same everywhere are in ALLOWED, each with its reason.
 *
 * Checks the files Git knows (tracked, plus new ones not ignored) or, outside a Git checkout, every
 * file below the working folder except build output and dependencies. Run by `npm run lint`;
 * prints `file:line:column: path` for each hit and exits 1.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

/** First folders of a Unix path that only make sense on one machine (a user's, a CI runner's, a temp one). */
const ROOTS = [
  'work',
  'root',
  'tmp',
  'home/[^/\\s]+',
  'Users/[^/\\s]+',
  'Volumes',
  'mnt',
  'media',
  'srv',
  'private',
  'var/folders',
  'usr',
  'opt'
]

/**
 * An absolute path starting at one of ROOTS. It must start a token: not inside a URL
 * (`https://host/tmp/…`), a relative path (`../tmp`, `src/usr`) or a `~`, `$HOME` or `%APPDATA%` path.
 */
const UNIX_PATH = new RegExp(
  `(?<![\\w.~%$@}-])/(?:${ROOTS.join('|')})(?=[/\\s'"\`),;:\\]>]|$)[^\\s'"\`),;\\]>]*`,
  'g'
)
/** C:\Users\…, C:\\Users\\… (in a string literal) or C:/Users/…, in any case. */
const WINDOWS_HOME = /(?<![\w])[A-Za-z]:(?:\\\\|\\|\/)users(?:\\\\|\\|\/)[^\s'"`),;\]>]*/gi

/**
 * System paths that are the same on every machine, so naming them is portable.
 * Each entry allows exactly that path (not deeper ones).
 */
const ALLOWED = [
  // The shebang of every Node and shell script.
  '/usr/bin/env',
  // Debian's and Ubuntu's Chromium: the e2e tests' default browser (tests/browser.ts, README).
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  // Where the .deb package installs the app (docs/RELEASING.md).
  '/opt/Persona Planner'
]

/** Files that name the patterns on purpose. */
const SKIPPED = new Set(['scripts/check-no-absolute-paths.mjs'])

/** Folders never searched outside a Git checkout. */
const IGNORED_DIRS = new Set([
  '.git',
  'node_modules',
  'out',
  'dist',
  'test-results',
  'playwright-report',
  '.tmp'
])

/**
 * @typedef {{ line: number, column: number, path: string }} Finding
 */

/**
 * The machine-specific absolute paths in a text, with 1-based line and column.
 * @param {string} text
 * @returns {Finding[]}
 */
export function findAbsolutePaths(text) {
  /** @type {Finding[]} */
  const findings = []
  text.split(/\r?\n/).forEach((line, i) => {
    for (const pattern of [UNIX_PATH, WINDOWS_HOME]) {
      for (const match of line.matchAll(pattern)) {
        const at = match.index ?? 0
        // A sentence may end right after a path: its full stop or comma is no part of it.
        const path = match[0].replace(/[.,:;!?]+$/, '')
        const allowed = ALLOWED.some(
          (ok) => line.startsWith(ok, at) && !/^[\w/-]|^\.\w/.test(line.slice(at + ok.length))
        )
        if (!allowed) findings.push({ line: i + 1, column: at + 1, path })
      }
    }
  })
  return findings.sort((a, b) => a.line - b.line || a.column - b.column)
}

/**
 * The files to check, relative to `root`, with `/` separators.
 * @param {string} root
 * @returns {string[]}
 */
export function listFiles(root) {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024
    })
    return out.split('\0').filter((file) => file !== '')
  } catch {
    /** @type {string[]} */
    const files = []
    /** @param {string} dir */
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && !IGNORED_DIRS.has(entry.name)) walk(join(dir, entry.name))
        else if (entry.isFile()) files.push(relative(root, join(dir, entry.name)).split(sep).join('/'))
      }
    }
    walk(root)
    return files.sort()
  }
}

/**
 * Every finding in the text files below `root`, as `file:line:column: path` lines.
 * @param {string} root
 * @returns {string[]}
 */
export function checkTree(root) {
  /** @type {string[]} */
  const report = []
  for (const file of listFiles(root)) {
    if (SKIPPED.has(file)) continue
    let bytes
    try {
      if (!statSync(join(root, file)).isFile()) continue
      bytes = readFileSync(join(root, file))
    } catch {
      continue // listed by Git but deleted in the work tree
    }
    if (bytes.subarray(0, 8000).includes(0)) continue // binary
    for (const f of findAbsolutePaths(bytes.toString('utf8')))
      report.push(`${file}:${f.line}:${f.column}: ${f.path}`)
  }
  return report
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = checkTree(process.cwd())
  if (report.length > 0) {
    console.error(report.join('\n'))
    console.error(
      `\n${report.length} absolute path${report.length === 1 ? '' : 's'} that exist on one machine only. ` +
        'Use a path relative to the file (new URL(…, import.meta.url)), os.tmpdir(), or an environment variable; ' +
        'a system path that is the same everywhere goes into ALLOWED in scripts/check-no-absolute-paths.mjs.'
    )
    process.exitCode = 1
  } else {
    console.log('No machine-specific absolute paths.')
  }
}
