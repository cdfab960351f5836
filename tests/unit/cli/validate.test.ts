import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { VALIDATE_USAGE } from '../../../src/cli/commands/validate'
import { FIXTURES, PERSONAS, TAXONOMY } from '../shared/formats/helpers'
import { cli, type CliRun } from './capture'

const TAXONOMY_FILE = join(FIXTURES, TAXONOMY)
const PERSONAS_FILE = join(FIXTURES, PERSONAS)
const dir = mkdtempSync(join(tmpdir(), 'pp-validate-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const validate = (...args: string[]): Promise<CliRun> => cli('validate', ...args)

describe('validate', () => {
  it('exits 0 for readable files and sums each one up on stdout, its result', async () => {
    expect(await validate(TAXONOMY_FILE, PERSONAS_FILE)).toEqual({
      code: 0,
      stdout:
        `${TAXONOMY_FILE}: taxonomy Markdown, 7 categories, 28 roles, 0 personas, 0 capabilities; 0 errors, 0 warnings\n` +
        `${PERSONAS_FILE}: persona Markdown, 5 categories, 0 roles, 6 personas, 0 capabilities; 0 errors, 0 warnings\n`,
      stderr: ''
    })
  })

  it('prints file:line: severity: message, with the path as given; an error in the content exits 1', async () => {
    const file = join(dir, 'profiles.md')
    writeFileSync(file, '<details>\n<summary>Open</summary>\n\n### Role\n\nText.\n')
    const json = join(dir, 'w.json')
    writeFileSync(json, '{\n  "schemaVersion": 1,\n  "name": \n}\n')
    const { code, stdout, stderr } = await validate(file, json)
    expect([code, stderr]).toEqual([1, ''])
    expect(stdout.split('\n')).toEqual([
      `${file}:1: warning: The <details> block “Open” is not closed; it runs to the end of the file.`,
      `${json}:4: error: This is not valid JSON: unexpected "}" at line 4, column 1.`,
      `${file}: taxonomy Markdown, 1 category, 1 role, 0 personas, 0 capabilities; 0 errors, 1 warning`,
      `${json}: workspace JSON, 0 categories, 0 roles, 0 personas, 0 capabilities; 1 error, 0 warnings`,
      ''
    ])
  })

  it('exits 1 on a refused workspace JSON, listing every schema error with its line and column', async () => {
    const file = join(FIXTURES, 'workspace-schema-errors.json')
    const { code, stdout } = await validate(file)
    expect(code).toBe(1)
    const lines = stdout.split('\n')
    expect(lines[0]).toBe(`${file}: error: The workspace document does not match the schema.`)
    expect(
      lines
        .slice(1, 4)
        .map((l) => /^.*?:(\d+): error: (\S+): .*\(line (\d+), column (\d+)\)\.$/.exec(l)?.slice(1))
    ).toEqual([
      ['11', 'cards.0.kind', '11', '15'],
      ['17', 'cards.1.title', '17', '16'],
      ['22', 'capabilities.0.state', '22', '68']
    ])
    expect(lines[4]).toMatch(/; 4 errors, 0 warnings$/)
  })

  it('exits 1 when a file cannot be read, naming it', async () => {
    const binary = join(dir, 'photo.csv')
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))
    const { code, stdout, stderr } = await validate(PERSONAS_FILE, binary, join(dir, 'gone.md'))
    expect([code, stderr]).toEqual([1, ''])
    expect(stdout).toContain(`${binary}: error: photo.csv looks like a binary file`)
    expect(stdout).toContain(
      `${join(dir, 'gone.md')}: error: gone.md could not be read: the file or folder does not exist (ENOENT).`
    )
    expect(stdout).toContain(`${binary}: unreadable`)
  })

  it('usage: no file is exit 2 with the usage line; --help is exit 0 on stdout', async () => {
    expect(await validate()).toEqual({
      code: 2,
      stdout: '',
      stderr: `validate: Name at least one file to validate.\n${VALIDATE_USAGE}\n`
    })
    expect((await validate('--strict')).code).toBe(2)
    expect(await validate('--help')).toEqual({ code: 0, stdout: `${VALIDATE_USAGE}\n`, stderr: '' })
  })
})
