/**
 * scripts/check-clean-tree.mjs, the first and last step of `npm test`: a test run that adds, edits
 * or removes a file fails it; changes the developer made before the run do not.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '../../../scripts/check-clean-tree.mjs'

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/check-clean-tree.mjs')
const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pp-clean-'))
  dirs.push(dir)
  return dir
}

/** A Git checkout with one committed file, a.txt, and .tmp/ ignored as in the project. */
function checkout(): string {
  const dir = folder()
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
      cwd: dir,
      encoding: 'utf8'
    })
  git('init', '-q')
  writeFileSync(join(dir, '.gitignore'), '.tmp/\n')
  writeFileSync(join(dir, 'a.txt'), 'one\n')
  git('add', '.')
  git('commit', '-q', '-m', 'start')
  return dir
}

describe('check-clean-tree', () => {
  it('passes when the run changed nothing, and says so', () => {
    const dir = checkout()
    expect(run('record', dir)).toEqual({
      code: 0,
      message: 'check-clean-tree: recorded the work tree (clean).'
    })
    expect(run('compare', dir)).toEqual({
      code: 0,
      message: 'check-clean-tree: the tests left the work tree as it was.'
    })
  })

  it('fails on a file the run added or edited, naming it', () => {
    const dir = checkout()
    run('record', dir)
    writeFileSync(join(dir, 'screenshot.png'), 'new')
    writeFileSync(join(dir, 'a.txt'), 'two\n')
    const { code, message } = run('compare', dir)
    expect(code).toBe(1)
    expect(message.split('\n').slice(0, 3)).toEqual([
      'check-clean-tree: the test run changed the work tree (git status --porcelain):',
      '  now    M a.txt',
      '  now   ?? screenshot.png'
    ])
  })

  it('leaves out changes made before the run, unless the run edits those files again', () => {
    const dir = checkout()
    writeFileSync(join(dir, 'a.txt'), 'mine\n')
    writeFileSync(join(dir, 'notes.md'), 'draft\n')
    expect(run('record', dir).message).toBe(
      'check-clean-tree: recorded the work tree (2 changes before the run, left out).'
    )
    expect(run('compare', dir).code).toBe(0)
    writeFileSync(join(dir, 'notes.md'), 'overwritten by a test\n')
    rmSync(join(dir, 'a.txt'))
    expect(run('compare', dir).message.split('\n').slice(1, 4)).toEqual([
      '  now    D a.txt',
      '  was    M a.txt',
      '  edited ?? notes.md'
    ])
  })

  it('skips with a message outside a Git checkout, or when nothing was recorded', () => {
    expect(run('compare', folder())).toEqual({
      code: 0,
      message: 'check-clean-tree: not a Git checkout; skipped.'
    })
    const cli = spawnSync(process.execPath, [SCRIPT, 'compare'], { cwd: checkout(), encoding: 'utf8' })
    expect([cli.status, cli.stdout]).toEqual([
      0,
      'check-clean-tree: nothing recorded in .tmp/clean-tree.json (run it through npm test, whose pretest records); skipped.\n'
    ])
    expect(spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' }).status).toBe(2)
  })
})
