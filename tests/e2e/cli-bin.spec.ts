/**
 * The built command line (out/cli/index.js, the package's `bin`) runs as a program of its own:
 * executable, with a shebang, reading relative paths from the folder it ran in.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'

const BIN = resolve('out/cli/index.js')

test('the built CLI is an executable program that reads paths from where it ran', async () => {
  test.skip(process.platform === 'win32', 'Windows runs the bin through npm’s .cmd shim, not its mode bits.')
  expect((await stat(BIN)).mode & 0o111, 'out/cli/index.js is executable').toBe(0o111)
  expect((await readFile(BIN, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true)

  const dir = await mkdtemp(join(tmpdir(), 'pp-cli-bin-'))
  try {
    await writeFile(
      join(dir, 'roles.md'),
      '<details>\n<summary>Audit</summary>\n\n### Internal auditor\n\nChecks controls.\n</details>\n'
    )
    const converted = spawnSync(BIN, ['convert', 'roles.md', '--to', 'csv', '--out', 'roles.csv'], {
      cwd: dir,
      encoding: 'utf8'
    })
    expect(converted.status, converted.stderr).toBe(0)
    expect(await readFile(join(dir, 'roles.csv'), 'utf8')).toContain('Internal auditor')

    const validated = spawnSync(BIN, ['validate', 'roles.md', 'missing.md'], { cwd: dir, encoding: 'utf8' })
    expect(validated.status).toBe(1)
    expect(validated.stdout).toContain('roles.md: taxonomy Markdown, 1 category, 1 role')
    expect(validated.stdout).toMatch(/^missing\.md: error: /m)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
