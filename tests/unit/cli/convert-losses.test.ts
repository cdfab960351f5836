/** `convert` says on stderr, before writing, what the chosen format cannot hold of the workspace. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { USAGE } from '../../../src/cli/index'
import { FORMATS, serialize } from '../../../src/shared/formats'
import { richWorkspace } from '../shared/formats/rich-workspace'
import { cli } from './capture'

const dir = mkdtempSync(join(tmpdir(), 'pp-convert-losses-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The rich workspace as a JSON file: convert reads it whole, so every loss is there to count. */
const input = join(dir, 'rich.json')
writeFileSync(input, serialize(richWorkspace(), 'json'))

describe('convert lists what the format cannot hold', () => {
  it('persona Markdown: the roles and the rest, counted, one sentence a line, on stderr only', async () => {
    const { code, stdout, stderr } = await cli('convert', input, '--to', 'md-personas')
    expect(code).toBe(0)
    const lines = stderr.split('\n')
    expect(lines.slice(0, 3)).toEqual([
      'convert: ESDC persona page (Markdown) cannot hold everything in this workspace:',
      'convert:   3 roles are not exported.',
      'convert:   3 capabilities are not exported.'
    ])
    expect(lines).toContain('convert:   One coverage override is not exported.')
    expect(stdout).not.toContain('cannot hold')
    expect(stdout).toContain('### Policy makers')
  })

  it('cards CSV: links and occupations, before the file is written', async () => {
    const out = join(dir, 'cards.csv')
    const { code, stderr } = await cli('convert', input, '--to', 'csv', '--out', out)
    expect(code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('Government minister')
    const lines = stderr.trimEnd().split('\n')
    expect(lines[0]).toBe('convert: Cards (CSV) cannot hold everything in this workspace:')
    expect(lines).toContain('convert:   5 links are not exported.')
    expect(lines).toContain('convert:   One occupation is not exported.')
    expect(lines.at(-1)).toMatch(/^convert: wrote .*cards\.csv \(\d+ bytes\)$/)
  })

  it('JSON holds everything: nothing is listed', async () => {
    const { code, stderr } = await cli('convert', input, '--to', 'json')
    expect([code, stderr]).toEqual([0, ''])
  })

  it('the help lists every format of the registry', () => {
    for (const format of FORMATS) expect(USAGE).toContain(`${format.id}`)
    expect(USAGE).toContain('What the format cannot hold of that workspace is listed on stderr first.')
  })
})
