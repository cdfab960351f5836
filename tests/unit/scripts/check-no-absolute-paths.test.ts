/**
 * scripts/check-no-absolute-paths.mjs (run by `npm run lint`): machine-specific absolute paths
 * fail, the allowed system paths and look-alikes (URLs, relative and ~ paths) pass. The planted
 * paths are built from pieces so that this file does not trip the check itself.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkTree, findAbsolutePaths } from '../../../scripts/check-no-absolute-paths.mjs'

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/check-no-absolute-paths.mjs')
const slash = '/'
const [c, d] = ['C', 'd']
const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('findAbsolutePaths', () => {
  it.each([
    [`const SEED = '${slash}work/planner/seeds/esdc.md'`, `${slash}work/planner/seeds/esdc.md`],
    [`cd ${slash}home/alice/persona-planner`, `${slash}home/alice/persona-planner`],
    [`"${slash}Users/bob/Desktop/taxonomy.md"`, `${slash}Users/bob/Desktop/taxonomy.md`],
    [`open ${slash}root/.npmrc`, `${slash}root/.npmrc`],
    [`writeFileSync('${slash}tmp/out.json')`, `${slash}tmp/out.json`],
    [`file://${slash}tmp/report.html`, `${slash}tmp/report.html`],
    [`PATH=${slash}usr/local/lib/node`, `${slash}usr/local/lib/node`],
    [`const p = "${c}:\\\\Users\\\\carol\\\\profiles.md"`, `${c}:\\\\Users\\\\carol\\\\profiles.md`],
    [`see ${c}:\\Users\\carol\\profiles.md.`, `${c}:\\Users\\carol\\profiles.md`],
    [`${d}:/users/dave/notes.md`, `${d}:/users/dave/notes.md`]
  ])('flags %s', (text, path) => {
    expect(findAbsolutePaths(text).map((f) => f.path)).toEqual([path])
  })

  it('gives the line and column of each hit', () => {
    expect(findAbsolutePaths(`first\r\nsecond ${slash}tmp/a and ${slash}work/b\n`)).toEqual([
      { line: 2, column: 8, path: `${slash}tmp/a` },
      { line: 2, column: 19, path: `${slash}work/b` }
    ])
  })

  it.each([
    ["candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser']", 'Debian’s Chromium (allowed)'],
    ['#!/usr/bin/env node', 'a shebang (allowed)'],
    ['installs into `/opt/Persona Planner` with a menu entry', 'the .deb install folder (allowed)'],
    ['https://example.org/tmp/work/home/x', 'a URL'],
    ['../tmp/x, src/usr/y, tests/work/z', 'relative paths'],
    ['~/Library/Application Support and ~/.config/persona-planner', 'home-relative paths'],
    ['%APPDATA%\\persona-planner and $HOME/tmp', 'environment variables'],
    ["chooseImportFiles: [{ path: '/etc/passwd' }]", 'a system file used as hostile input'],
    ["new URL('../../fixtures/formats/', import.meta.url)", 'a path relative to the file']
  ])('passes %s (%s)', (text) => {
    expect(findAbsolutePaths(text)).toEqual([])
  })

  it('allows exactly the listed system paths, not longer ones', () => {
    expect(
      findAbsolutePaths(`${slash}usr/bin/chromium-dev and ${slash}usr/bin/envy`).map((f) => f.path)
    ).toEqual([`${slash}usr/bin/chromium-dev`, `${slash}usr/bin/envy`])
  })
})

describe('the script', () => {
  const tree = (files: Record<string, string | Uint8Array>, git: boolean): string => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-abs-'))
    dirs.push(dir)
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true })
      writeFileSync(join(dir, name), content)
    }
    if (git) spawnSync('git', ['init', '-q'], { cwd: dir })
    return dir
  }
  const run = (cwd: string): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(process.execPath, [SCRIPT], { cwd, encoding: 'utf8' })

  const planted = {
    'README.md': '# Notes\n\nThe e2e tests use /usr/bin/chromium.\n',
    'tests/a.test.ts': `const seed = '${slash}work/planner/seeds/a.md'\n`,
    'docs/b.md': `Copy it to ${slash}home/alice/x.\n`,
    'node_modules/dep/index.js': `'${slash}tmp/x'\n`,
    'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x2f, 0x74, 0x6d, 0x70, 0x2f])
  }

  it.each([
    ['in a Git checkout', true],
    ['outside Git', false]
  ])(
    'fails on planted paths, %s, naming file, line and column; skips binaries and node_modules',
    (_where, git) => {
      const dir = tree(git ? { ...planted, '.gitignore': 'node_modules/\n' } : planted, git)
      const { status, stdout, stderr } = run(dir)
      expect([status, stdout]).toEqual([1, ''])
      expect(stderr.split('\n').slice(0, 2)).toEqual([
        `docs/b.md:1:12: ${slash}home/alice/x`,
        `tests/a.test.ts:1:15: ${slash}work/planner/seeds/a.md`
      ])
      expect(stderr).toContain('2 absolute paths that exist on one machine only')
    }
  )

  it('passes when only allowed paths are named', () => {
    const dir = tree({ 'README.md': planted['README.md'], 'run.sh': '#!/usr/bin/env bash\n' }, true)
    expect(run(dir)).toMatchObject({ status: 0, stderr: '' })
    expect(checkTree(dir)).toEqual([])
  })

  it('passes on this repository', () => {
    expect(checkTree(resolve(import.meta.dirname, '../../..'))).toEqual([])
  })
})
