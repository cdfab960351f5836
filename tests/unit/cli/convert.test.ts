import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { CONVERT_USAGE } from '../../../src/cli/commands/convert'
import { USAGE } from '../../../src/cli/index'
import { parseProfileText } from '../../../src/shared/formats'
import type { Workspace } from '../../../src/shared/model/schema'
import { FIXTURES, PERSONAS, REPO_ROOT as ROOT, TAXONOMY } from '../shared/formats/helpers'
import { cli } from './capture'

const TAXONOMY_FILE = join(FIXTURES, TAXONOMY)
const PERSONAS_FILE = join(FIXTURES, PERSONAS)
const dir = mkdtempSync(join(tmpdir(), 'pp-convert-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('convert', () => {
  it('adds several inputs into one workspace and writes it to stdout, with nothing else there', async () => {
    const { code, stdout, stderr } = await cli('convert', TAXONOMY_FILE, PERSONAS_FILE, '--to', 'json')
    expect([code, stderr]).toEqual([0, ''])
    const ws = JSON.parse(stdout) as Workspace
    expect(ws.categories).toHaveLength(12)
    expect(ws.cards.filter((c) => c.kind === 'role')).toHaveLength(28)
    expect(ws.cards.filter((c) => c.kind === 'persona')).toHaveLength(6)
    expect(ws.sources.map((s) => s.fileName)).toEqual([TAXONOMY, PERSONAS])
    expect(ws.name).toBe('Public sector digital roles (test fixture)') // the first input's title
  })

  it('converts to each Markdown and CSV shape; the result reads back', async () => {
    const expectations: [string, string, number][] = [
      ['md-taxonomy', 'md-taxonomy', 28],
      ['md-personas', 'md-personas', 6],
      ['csv', 'csv-cards', 34],
      ['csv-needs', 'csv-needs', 5]
    ]
    for (const [to, format, cards] of expectations) {
      const { code, stdout } = await cli('convert', TAXONOMY_FILE, PERSONAS_FILE, `--to=${to}`)
      expect(code).toBe(0)
      const back = parseProfileText(stdout, 'out')
      expect([to, back.format, back.cards.length]).toEqual([to, format, cards])
    }
  })

  it('writes to --out instead (CSV with a BOM), saying so on stderr', async () => {
    const out = join(dir, 'cards.csv')
    const { code, stdout, stderr } = await cli('convert', PERSONAS_FILE, '-t', 'csv', '-o', out)
    const written = readFileSync(out, 'utf8')
    expect([code, stdout]).toEqual([0, ''])
    // What cards CSV cannot hold comes first (convert-losses.test.ts).
    expect(stderr.endsWith(`\nconvert: wrote ${out} (${Buffer.byteLength(written)} bytes)\n`)).toBe(true)
    expect(
      written.startsWith(
        '\uFEFFkind,category,title,description,goals,habits,needs,problems,qualifications\r\n'
      )
    ).toBe(true)
  })

  it('prints diagnostics to stderr, keeping stdout clean', async () => {
    const input = join(dir, 'broken.csv')
    writeFileSync(input, 'kind,title\nmanager,A\n')
    const { code, stdout, stderr } = await cli('convert', input, '--to', 'csv')
    expect(code).toBe(0)
    expect(stderr).toBe(`${input}:2: warning: Unknown kind “manager”; the row was read as a role.\n`)
    expect(stdout.split('\r\n')[1]).toBe('role,,A,,,,,,')
  })

  it('exits 1 and writes nothing when an input cannot be read', async () => {
    const out = join(dir, 'never.json')
    const { code, stdout, stderr } = await cli(
      'convert',
      PERSONAS_FILE,
      join(dir, 'missing.md'),
      '--to',
      'json',
      '--out',
      out
    )
    expect([code, stdout]).toEqual([1, ''])
    expect(stderr).toContain('missing.md: error: missing.md could not be read')
    expect(stderr).toContain('nothing was written')
    expect(() => readFileSync(out)).toThrow()
  })

  describe('a refused JSON input: exit 1, nothing written, the file named', () => {
    const refused: [string, string][] = [
      ['workspace-newer.json', 'schema version 99'],
      ['workspace-schema-errors.json', 'does not match the schema'],
      ['workspace-broken.json', 'not valid JSON'],
      ['deep.json', 'nests more than 64 levels']
    ]
    writeFileSync(join(dir, 'deep.json'), `${'['.repeat(100)}${']'.repeat(100)}`)
    const path = (name: string): string => (name === 'deep.json' ? join(dir, name) : join(FIXTURES, name))

    it.each(refused)('%s, alone: exit 1, stdout empty, the reason on stderr', async (name, reason) => {
      const { code, stdout, stderr } = await cli('convert', path(name), '--to', 'json')
      expect([code, stdout]).toEqual([1, ''])
      expect(stderr).toContain(reason)
      expect(stderr).toContain(`convert: nothing was written because ${name} could not be read.`)
    })

    it.each(refused)('%s beside a good file: an existing --out stays byte-identical', async (name) => {
      const out = join(dir, `kept-${name}`)
      const before = Buffer.from('{"kept": true}\n')
      writeFileSync(out, before)
      const { code, stdout } = await cli(
        'convert',
        PERSONAS_FILE,
        path(name),
        '--to',
        'md-personas',
        '-o',
        out
      )
      expect([code, stdout]).toEqual([1, ''])
      expect(readFileSync(out).equals(before)).toBe(true)
    })

    it('names every refused file', async () => {
      const { code, stderr } = await cli(
        'convert',
        path('workspace-newer.json'),
        PERSONAS_FILE,
        path('workspace-broken.json'),
        '--to',
        'json'
      )
      expect(code).toBe(1)
      expect(stderr).toContain(
        'convert: nothing was written because workspace-newer.json and workspace-broken.json could not be read.'
      )
    })
  })

  it('exits 1 when the output cannot be written', async () => {
    const { code, stderr } = await cli(
      'convert',
      PERSONAS_FILE,
      '--to',
      'json',
      '--out',
      join(dir, 'no', 'dir', 'w.json')
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /^convert: cannot write .*w\.json: the file or folder does not exist \(ENOENT\)\n$/
    )
  })

  it('usage errors exit 2 with a usage line on stderr', async () => {
    const cases: [string[], string][] = [
      [['convert', PERSONAS_FILE], 'Choose an output format with --to'],
      [['convert', '--to', 'json'], 'Name at least one file'],
      [['convert', PERSONAS_FILE, '--to', 'docx'], 'Unknown format “docx”'],
      [['convert', PERSONAS_FILE, '--to', 'json', '--frobnicate'], 'frobnicate'],
      [['convert', PERSONAS_FILE, '--to', 'json', '--out', PERSONAS_FILE], 'names one of the input files']
    ]
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await cli(...argv)
      expect([code, stdout]).toEqual([2, ''])
      expect(stderr).toContain(message)
      expect(stderr.trimEnd().endsWith(CONVERT_USAGE)).toBe(true)
    }
  })

  it('--help prints the usage to stdout and exits 0', async () => {
    expect(await cli('convert', '--help')).toEqual({ code: 0, stdout: `${CONVERT_USAGE}\n`, stderr: '' })
    expect(await cli('--help')).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' })
  })

  it('no command, or an unknown one, is a usage error', async () => {
    expect(await cli()).toEqual({ code: 2, stdout: '', stderr: `${USAGE}\n` })
    const unknown = await cli('frobnicate')
    expect([unknown.code, unknown.stdout]).toEqual([2, ''])
    expect(unknown.stderr).toContain('unknown command “frobnicate”')
    expect((await cli('__proto__')).code).toBe(2)
  })
})

describe('the real process: npx tsx src/cli/index.ts', () => {
  const run = promisify(execFile)
  const spawnCli = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/index.ts', ...args], {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024
      })
      return { code: 0, stdout, stderr }
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string }
      return { code: e.code, stdout: e.stdout, stderr: e.stderr }
    }
  }

  it('sets the exit code and keeps stdout to the result', async () => {
    const converted = await spawnCli('convert', TAXONOMY_FILE, '--to', 'json')
    expect(converted.code).toBe(0)
    expect((JSON.parse(converted.stdout) as Workspace).cards).toHaveLength(28)
    const unreadable = await spawnCli('validate', PERSONAS_FILE, join(dir, 'missing.md'))
    expect([unreadable.code, unreadable.stderr]).toEqual([1, ''])
    expect(unreadable.stdout).toContain('missing.md: error:')
    const usage = await spawnCli('convert', PERSONAS_FILE)
    expect([usage.code, usage.stdout]).toEqual([2, ''])
    expect(usage.stderr).toContain(CONVERT_USAGE)
  }, 60_000)
})
