// @ts-check
/**
 * Proves that `npm test` leaves the work tree as it found it.
 *
 * `node scripts/check-clean-tree.mjs record` (npm's `pretest`) saves what `git status --porcelain`
 * lists, with a fingerprint of each listed file, to .tmp/clean-tree.json (.tmp/ is ignored).
 * `node scripts/check-clean-tree.mjs compare` (the last step of `npm test`) fails, naming the
 * files, when the list or one of those files changed since. Changes made before the run are the
 * developer's and stay out of it; on a clean checkout the list must still be empty. Outside a Git
 * checkout both steps skip with a message. Someone editing files while the suite runs makes the
 * comparison fail too: run it on a quiet tree.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

export const RECORD = join('.tmp', 'clean-tree.json')

/**
 * @typedef {{ status: string[], files: Record<string, string> }} TreeState
 */

/**
 * `git status` in `root` as porcelain lines (`XY path`), or null outside a Git checkout.
 * @param {string} root
 * @returns {string[] | null}
 */
function gitStatus(root) {
  let out
  try {
    out = execFileSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024
    })
  } catch {
    return null
  }
  const fields = out.split('\0')
  /** @type {string[]} */
  const lines = []
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]
    if (entry === '') continue
    // A rename or copy is followed by the original path, in a field of its own.
    if (entry[0] === 'R' || entry[0] === 'C') lines.push(`${entry} <- ${fields[++i]}`)
    else lines.push(entry)
  }
  return lines.sort()
}

/**
 * The content's hash of a file the status lists ('absent' when deleted, 'folder' for a folder).
 * @param {string} root
 * @param {string} line
 */
function fingerprint(root, line) {
  const path = join(root, line.slice(3).split(' <- ')[0])
  if (!existsSync(path)) return 'absent'
  if (!statSync(path).isFile()) return 'folder'
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/**
 * The work tree's state, or null outside a Git checkout.
 * @param {string} root
 * @returns {TreeState | null}
 */
export function treeState(root) {
  const status = gitStatus(root)
  if (status === null) return null
  /** @type {Record<string, string>} */
  const files = {}
  for (const line of status) files[line] = fingerprint(root, line)
  return { status, files }
}

/**
 * What changed between two states, one line per file; empty when nothing did.
 * @param {TreeState} before
 * @param {TreeState} after
 * @returns {string[]}
 */
export function treeChanges(before, after) {
  const was = new Set(before.status)
  const is = new Set(after.status)
  return [
    ...after.status.filter((line) => !was.has(line)).map((line) => `now   ${line}`),
    ...before.status.filter((line) => !is.has(line)).map((line) => `was   ${line}`),
    ...after.status
      .filter((line) => was.has(line) && before.files[line] !== after.files[line])
      .map((line) => `edited ${line}`)
  ]
}

/**
 * Runs `record` or `compare` in `root`; returns the exit code and what to print.
 * @param {'record' | 'compare'} step
 * @param {string} root
 * @returns {{ code: number, message: string }}
 */
export function run(step, root) {
  const state = treeState(root)
  if (state === null) return { code: 0, message: 'check-clean-tree: not a Git checkout; skipped.' }
  const record = join(root, RECORD)
  if (step === 'record') {
    mkdirSync(dirname(record), { recursive: true })
    writeFileSync(record, `${JSON.stringify(state, null, 2)}\n`)
    const note =
      state.status.length === 0 ? 'clean' : `${state.status.length} changes before the run, left out`
    return { code: 0, message: `check-clean-tree: recorded the work tree (${note}).` }
  }
  if (!existsSync(record)) {
    return {
      code: 0,
      message: `check-clean-tree: nothing recorded in ${RECORD} (run it through npm test, whose pretest records); skipped.`
    }
  }
  const before = /** @type {TreeState} */ (JSON.parse(readFileSync(record, 'utf8')))
  const changes = treeChanges(before, state)
  if (changes.length === 0)
    return { code: 0, message: 'check-clean-tree: the tests left the work tree as it was.' }
  return {
    code: 1,
    message: [
      'check-clean-tree: the test run changed the work tree (git status --porcelain):',
      ...changes.map((line) => `  ${line}`),
      'Tests must write to a temporary folder (os.tmpdir()) or an ignored one, never into the repository.'
    ].join('\n')
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const step = process.argv[2]
  if (step !== 'record' && step !== 'compare') {
    console.error('Usage: node scripts/check-clean-tree.mjs record|compare')
    process.exitCode = 2
  } else {
    const { code, message } = run(step, process.cwd())
    if (code === 0) console.log(message)
    else console.error(message)
    process.exitCode = code
  }
}
