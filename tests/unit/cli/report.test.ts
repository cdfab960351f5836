import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { REPORT_USAGE, report } from '../../../src/cli/commands/report'
import { renderGapReport } from '../../../src/shared/analysis'
import { FIXED_TIME, handWorkspace } from '../shared/analysis/fixtures'
import { FIXTURES } from '../shared/formats/helpers'
import { captured, type CliRun } from './capture'

const dir = mkdtempSync(join(tmpdir(), 'pp-report-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const workspacePath = join(dir, 'workspace.json')
writeFileSync(workspacePath, JSON.stringify(handWorkspace(), null, 2))

const cli = (...args: string[]): Promise<CliRun> => captured((io) => report(args, io))

beforeEach(() => {
  vi.unstubAllEnvs()
  vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.parse(FIXED_TIME) / 1000))
})

describe('report: success', () => {
  it('writes the Markdown report, and nothing else, to stdout', async () => {
    const { code, stdout, stderr } = await cli(workspacePath, '--format', 'md')
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toBe(renderGapReport(handWorkspace(), 'md', 'now', { generatedAt: FIXED_TIME }))
    expect(stdout).toContain('Generated 2026-01-15 09:30 UTC.')
  })

  it('honours --horizon and every format', async () => {
    for (const format of ['md', 'html', 'csv'] as const) {
      const { code, stdout } = await cli(workspacePath, `--format=${format}`, '--horizon', 'long')
      expect(code).toBe(0)
      expect(stdout).toBe(renderGapReport(handWorkspace(), format, 'long', { generatedAt: FIXED_TIME }))
    }
    const csv = (await cli('-f', 'csv', workspacePath)).stdout
    expect(csv.startsWith('Category,Persona,Need')).toBe(true)
    expect(Papa.parse(csv.trim()).data).toHaveLength(11)
  })

  it('writes to --out instead, with nothing on stdout; a CSV file starts with a BOM', async () => {
    const out = join(dir, 'gaps.csv')
    const { code, stdout, stderr } = await cli(workspacePath, '--format', 'csv', '--out', out)
    expect(code).toBe(0)
    expect(stdout).toBe('')
    const written = readFileSync(out, 'utf8')
    expect(stderr).toBe(`report: wrote ${out} (${Buffer.byteLength(written)} bytes)\n`)
    expect(written).toBe(
      '\uFEFF' + renderGapReport(handWorkspace(), 'csv', 'now', { generatedAt: FIXED_TIME })
    )

    const html = join(dir, 'gaps.html')
    expect((await cli(workspacePath, '--format', 'html', '-o', html)).code).toBe(0)
    expect(readFileSync(html, 'utf8').startsWith('<!DOCTYPE html>')).toBe(true)
  })

  it('reads an unversioned (v0) document with a BOM and drops __proto__ keys', async () => {
    const path = join(dir, 'v0.json')
    const doc = {
      cards: [
        {
          id: 'p',
          kind: 'persona',
          title: 'Clerk',
          needs: [{ id: 'n', text: 'Printer', capabilityIds: ['c'] }]
        }
      ],
      capabilities: [{ id: 'c', name: 'Printers', state: 'planned', horizon: 'medium' }]
    }
    // JSON.stringify cannot write a __proto__ key, so splice one in as text.
    writeFileSync(path, '\uFEFF{"__proto__":{"polluted":true},' + JSON.stringify(doc).slice(1))
    const { code, stdout, stderr } = await cli(path, '--format', 'csv', '--horizon', 'medium')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    // The draft says no kind, priority or horizon: the report says "not set", never a default.
    expect(stdout).toContain('Uncategorised,Clerk,Printer,not set,not set,not set,Printers,gap,met,met,no,')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('prints the usage line to stdout for --help', async () => {
    expect(await cli('--help')).toEqual({ code: 0, stdout: `${REPORT_USAGE}\n`, stderr: '' })
  })
})

describe('report: usage errors exit 2 with a usage line', () => {
  it.each([
    [[], 'Name the workspace JSON file'],
    [['ws.json'], 'Choose a format with --format md, html or csv.'],
    [['ws.json', '--format', 'pdf'], 'The PDF report is made by the desktop app'],
    [['ws.json', '--format', 'xml'], 'Unknown format “xml”'],
    [['ws.json', '--format', 'md', '--horizon', 'soon'], 'Unknown horizon “soon”'],
    [['ws.json', '--format', 'md', '--colour'], "Unknown option '--colour'"],
    [['ws.json', 'other.json', '--format', 'md'], 'Unexpected argument “other.json”'],
    [['ws.json', '--format'], "Option '-f, --format <value>' argument missing"],
    [[workspacePath, '--format', 'md', '--out', workspacePath], '--out names the workspace file itself']
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await cli(...args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(message)
    expect(stderr.endsWith(`${REPORT_USAGE}\n`)).toBe(true)
  })

  it('does not touch the workspace when --out names it', async () => {
    const before = readFileSync(workspacePath, 'utf8')
    await cli(workspacePath, '--format', 'md', '--out', workspacePath)
    expect(readFileSync(workspacePath, 'utf8')).toBe(before)
  })
})

describe('report: unreadable or invalid files exit 1, naming the file', () => {
  const write = (name: string, text: string): string => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }

  it.each([
    ['a missing file', () => join(dir, 'missing.json'), 'cannot read', 'does not exist (ENOENT)'],
    ['a folder', () => dir, 'cannot read', '(EISDIR)'],
    ['broken JSON', () => write('broken.json', '{"cards": ['), 'is not valid JSON', ''],
    ['a JSON array', () => write('array.json', '[]'), 'is not a valid workspace', 'not a JSON object'],
    [
      'a newer schema version',
      () => write('future.json', JSON.stringify({ ...handWorkspace(), schemaVersion: 99 })),
      'is not a valid workspace',
      'schema version 99'
    ],
    [
      'a document that fails the schema',
      () =>
        write(
          'bad.json',
          JSON.stringify({ ...handWorkspace(), capabilities: [{ id: 'x', state: 'maybe' }] })
        ),
      'is not a valid workspace',
      'capabilities.0'
    ]
  ])('%s', async (_name, pathOf, what, why) => {
    const path = pathOf()
    const { code, stdout, stderr } = await cli(path, '--format', 'md')
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain(`report: `)
    expect(stderr).toContain(path)
    expect(stderr).toContain(what)
    expect(stderr).toContain(why)
    expect(stderr).not.toContain(REPORT_USAGE)
    expect(stderr.split('\n')).toEqual([expect.any(String), '']) // one line, no parser noise
  })

  it('says in one line that a Markdown or CSV file is not a workspace, and how to make one', async () => {
    const path = write('profiles.md', '# Staff\n\n### Dispatcher\n\nSends crews out.\n')
    const { code, stdout, stderr } = await cli(path, '--format', 'md')
    expect([code, stdout]).toEqual([1, ''])
    expect(stderr).toBe(
      `report: ${path} is not a workspace: it reads as taxonomy Markdown. Make one with “persona-planner convert ${path} --to json --out workspace.json”.\n`
    )
  })

  it('names the first schema error with its line and column, and how many more there are', async () => {
    const path = write('errors.json', readFileSync(join(FIXTURES, 'workspace-schema-errors.json'), 'utf8'))
    const { code, stderr } = await cli(path, '--format', 'md')
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /^report: .*errors\.json is not a valid workspace: cards\.0\.kind: .* \(line 11, column 15\)\. 2 more errors: “persona-planner validate .*errors\.json” lists them\.\n$/
    )
  })

  it('fails with 1 when the output cannot be written', async () => {
    const out = join(dir, 'no-such-folder', 'report.md')
    const { code, stdout, stderr } = await cli(workspacePath, '--format', 'md', '--out', out)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(`report: cannot write ${out}: the file or folder does not exist (ENOENT)\n`)
    expect(existsSync(out)).toBe(false)
  })
})
