/**
 * The CLI as a command-line tool: relative paths are read from the folder the user ran it in (also
 * through `npm run cli`, which runs in the project's folder), validate's report is on stdout, and
 * it exits 1 when it found errors.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { invocationDir, main } from '../../../src/cli/index'
import { captured, type CliRun } from './capture'

const REPO = resolve(import.meta.dirname, '../../..')
const userDir = mkdtempSync(join(tmpdir(), 'pp-cli-user-'))
afterAll(() => rmSync(userDir, { recursive: true, force: true }))

const TAXONOMY =
  '<details>\n<summary>Open data</summary>\n\n### Data steward\n\nKeeps the registers.\n</details>\n'
writeFileSync(join(userDir, 'profiles.md'), TAXONOMY)

const run = (cwd: string, ...argv: string[]): Promise<CliRun> => captured((io) => main(argv, io), cwd)

describe('paths the user typed', () => {
  it('are read and written relative to the folder the command ran in', async () => {
    const converted = await run(userDir, 'convert', 'profiles.md', '--to', 'json', '--out', 'out.json')
    expect(converted.code).toBe(0)
    expect(JSON.parse(readFileSync(join(userDir, 'out.json'), 'utf8')).cards[0].title).toBe('Data steward')

    const report = await run(userDir, 'report', 'out.json', '--format', 'md', '--out', 'gaps.md')
    expect(report.code).toBe(0)
    expect(readFileSync(join(userDir, 'gaps.md'), 'utf8')).toContain('# ')
  })

  it("come from npm's INIT_CWD only under our own `npm run cli`", () => {
    expect(invocationDir({ npm_lifecycle_event: 'cli', INIT_CWD: userDir }, REPO)).toBe(userDir)
    expect(invocationDir({ npm_lifecycle_event: 'build', INIT_CWD: userDir }, REPO)).toBe(REPO)
    expect(invocationDir({}, REPO)).toBe(REPO)
  })

  it('work through `npm run cli` started from a folder outside the project', () => {
    const result = spawnSync(
      'npm',
      ['--prefix', REPO, 'run', 'cli', '--silent', '--', 'validate', 'profiles.md'],
      {
        cwd: userDir,
        encoding: 'utf8',
        shell: process.platform === 'win32',
        timeout: 60_000
      }
    )
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe(
      'profiles.md: taxonomy Markdown, 1 category, 1 role, 0 personas, 0 capabilities; 0 errors, 0 warnings\n'
    )
    expect(result.status).toBe(0)
  })
})

describe('validate', () => {
  it('prints its report on stdout, so it can be redirected', async () => {
    const { code, stdout, stderr } = await run(userDir, 'validate', 'profiles.md')
    expect([code, stderr]).toEqual([0, ''])
    expect(stdout).toContain('profiles.md: taxonomy Markdown, 1 category, 1 role')
  })

  it('exits 1 when a file has errors in its content, and names them', async () => {
    writeFileSync(join(userDir, 'broken.json'), '{\n  "schemaVersion": 1,\n  "name": \n}\n')
    const { code, stdout } = await run(userDir, 'validate', 'profiles.md', 'broken.json')
    expect(code).toBe(1)
    expect(stdout).toMatch(/^broken\.json:\d+: error: /m)
    expect(stdout).toContain('profiles.md: taxonomy Markdown')
  })

  it('exits 0 with warnings only', async () => {
    writeFileSync(join(userDir, 'warned.md'), '<details>\n<summary>Open</summary>\n\n### Role\n\nText.\n')
    const { code, stdout } = await run(userDir, 'validate', 'warned.md')
    expect(stdout).toMatch(/warned\.md:\d+: warning: /)
    expect(code).toBe(0)
  })
})
